#!/usr/bin/env bash
# OpenLSS benchmarks (not tests; see bench/README.md):
#   1. remux throughput of our TS muxer vs `ffmpeg -c copy -f mpegts` on the same fragments;
#   2. HLS media playlist and segment requests/s from our server vs nginx serving the same bytes (wrk);
#   3. Smooth: a cached fragment and the live manifest vs nginx, and ingest-to-available latency (smooth-bench.sh).
#
#   bench/run.sh [--seconds N] [--connections N] [--loops N] [--tuned]
#
# --tuned runs the server with the HTTP thread pool fixed at 4 threads and the parallel GC (STACK.md's best
# small-response setting) instead of Payara's defaults.
#
# Needs: a built tree (mvn package), ffmpeg, nginx, wrk, curl, python3 and ../shared/tools. Everything it starts
# (Payara Micro, nginx, the encoder) listens on 127.0.0.1 only and is stopped by its PID at the end.
set -euo pipefail

SECONDS_PER_RUN=8
CONNECTIONS=16
LOOPS=200
TUNED=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --loops) LOOPS="$2"; shift 2 ;;
    --tuned) TUNED=1; shift ;;
    *) echo "usage: bench/run.sh [--seconds N] [--connections N] [--loops N] [--tuned]" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=$(cd "$ROOT/../shared/tools" && pwd)
WORK=$(mktemp -d /tmp/openlss-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers (user nobody when started as root) read the copies under it
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

for tool in ffmpeg nginx wrk curl python3 java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 1; }
done
[ -f "$ROOT/target/openlss.war" ] && [ -f "$ROOT/target/payara-micro.jar" ] \
  || { echo "bench: build first (mvn package -DskipTests)" >&2; exit 1; }

echo "== content (make-test-content.sh, then the ingest body an encoder would POST)"
bash "$TOOLS/make-test-content.sh" "$WORK/content" >/dev/null
ffmpeg -hide_banner -nostdin -v error -i "$WORK/content/source.mp4" -map 0 -c copy \
  -f ismv -movflags isml+frag_keyframe -frag_duration 2000000 "$WORK/live.body"

echo "== 1. remux"
java -cp "$ROOT/target/classes" "$ROOT/bench/RemuxBench.java" "$WORK/live.body" "$LOOPS"

echo "== 2. serving (wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, keep-alive, best of 3 turns; nginx: 1 worker," \
  "sendfile; openlss: $([ "$TUNED" = 1 ] && echo "4 HTTP threads, parallel GC" || echo "Payara defaults"))"
PORT=$(free_port)
PASSWORD=bench-$RANDOM$RANDOM
cp "$ROOT/target/preboot-loopback.asadmin" "$WORK/preboot.asadmin"
JVM=()
if [ "$TUNED" = 1 ]; then
  POOL=configs.config.server-config.thread-pools.thread-pool.http-thread-pool
  printf '\nset %s.max-thread-pool-size=4\nset %s.min-thread-pool-size=4\n' "$POOL" "$POOL" >>"$WORK/preboot.asadmin"
  JVM=(-XX:+UseParallelGC)
fi
OPENLSS_DATA_DIR="$WORK/data" OPENLSS_ADMIN_PASSWORD="$PASSWORD" java "${JVM[@]}" -Djava.io.tmpdir="$WORK" \
  -jar "$ROOT/target/payara-micro.jar" --prebootcommandfile "$WORK/preboot.asadmin" \
  --deploy "$ROOT/target/openlss.war" --contextroot / --port "$PORT" --nohazelcast >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "$BASE/health/ready" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/server.log" >&2; echo "bench: the server did not start" >&2; exit 1; }
  sleep 1
done
curl -fs -o /dev/null -u "admin:$PASSWORD" -H 'Content-Type: application/json' -H 'Slug: /bench/live.isml' \
  -d '{"autoStart":true,"hls":{"enabled":true}}' "$BASE/services/smoothstreaming/publishingpoints.isml/settings"
bash "$TOOLS/smooth-push.sh" -i "$WORK/content/source.mp4" --no-re "$BASE/bench/live.isml" 2>/dev/null
POINT="$BASE/bench/live.isml"
for _ in $(seq 1 60); do
  curl -fs "$POINT/manifest(format=m3u8-aapl)" >"$WORK/master.m3u8" 2>/dev/null && break
  sleep 1
done
VARIANT=$(grep -v '^#' "$WORK/master.m3u8" | tail -1)            # the highest bitrate
LEVEL=${VARIANT%%/*}
PLAYLIST_URL="$POINT/$VARIANT"
for _ in $(seq 1 60); do
  curl -fs "$PLAYLIST_URL" >"$WORK/playlist.m3u8" && grep -q ENDLIST "$WORK/playlist.m3u8" && break
  sleep 1
done
SEGMENT_URL="$POINT/$LEVEL/$(grep -v '^#' "$WORK/playlist.m3u8" | sed -n 2p)"   # a full 10 s segment

mkdir -p "$WORK/www"
curl -fs "$PLAYLIST_URL" -o "$WORK/www/playlist.m3u8"
curl -fs "$SEGMENT_URL" -o "$WORK/www/segment.ts"
NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
EOF
nginx -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/playlist.m3u8" && break; sleep 0.1; done
cmp <(curl -fs "http://127.0.0.1:$NGINX_PORT/segment.ts") <(curl -fs "$SEGMENT_URL") \
  || { echo "bench: nginx and openlss serve different bytes" >&2; exit 1; }

# Other work on the machine disturbs single runs: after a JIT warm-up of our server, the two servers take turns and
# each keeps its best run.
rate() { # URL -> requests/s of one wrk run
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$1" | awk '/Requests\/sec/ { print $2 }'
}
compare() { # OURS_URL NGINX_URL -> "ours nginx"
  wrk -t2 -c"$CONNECTIONS" -d10s "$1" >/dev/null
  local ours=0 nginx=0 r
  for _ in 1 2 3; do
    r=$(rate "$1"); ours=$(python3 -c "print(max($ours, $r))")
    r=$(rate "$2"); nginx=$(python3 -c "print(max($nginx, $r))")
  done
  echo "$ours $nginx"
}
read -r PLAYLIST_OURS PLAYLIST_NGINX < <(compare "$PLAYLIST_URL" "http://127.0.0.1:$NGINX_PORT/playlist.m3u8")
read -r SEGMENT_OURS SEGMENT_NGINX < <(compare "$SEGMENT_URL" "http://127.0.0.1:$NGINX_PORT/segment.ts")
python3 - "$PLAYLIST_OURS" "$PLAYLIST_NGINX" "$SEGMENT_OURS" "$SEGMENT_NGINX" \
  "$(stat -c %s "$WORK/www/playlist.m3u8")" "$(stat -c %s "$WORK/www/segment.ts")" <<'EOF'
import sys
po, pn, so, sn = map(float, sys.argv[1:5])
psize, ssize = int(sys.argv[5]), int(sys.argv[6])
print(f"  media playlist ({psize} B):  openlss {po:9.0f} req/s   nginx {pn:9.0f} req/s   ratio {po / pn:.2f} (goal >= 0.5)")
print(f"  TS segment ({ssize} B): openlss {so:9.0f} req/s   nginx {sn:9.0f} req/s   ratio {so / sn:.2f} (goal >= 0.8)")
EOF

echo "== 3. Smooth delivery and ingest-to-available latency"
kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
bash "$ROOT/bench/smooth-bench.sh" "$SECONDS_PER_RUN"
