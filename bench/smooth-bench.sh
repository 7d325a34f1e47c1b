#!/usr/bin/env bash
# Smooth delivery benchmark, side by side with nginx serving the same bytes on the same machine:
#   requests/s and p99 for (a) a cached 2-second fragment and (b) the live manifest (with wrk), and
#   ingest-to-available latency p50/p99 (fragment N servable once N+k has fully arrived; k = lookahead 2).
# Usage, from the project root:   bench/smooth-bench.sh [seconds per wrk run, default 10]
# Needs: JDK 17, Maven, wrk, nginx, ffmpeg, python3 (apt-get install wrk nginx ffmpeg python3).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
TOOLS=${OPENLSS_TOOLS_DIR:-../shared/tools}
W=target/bench
PORT=18080
NGINX_PORT=18081
rm -rf "$W" && mkdir -p "$W/www"
[ -f target/openlss.war ] && [ -f target/payara-micro.jar ] || mvn -q -B package -DskipTests
[ -f target/test-content/source.mp4 ] || bash "$TOOLS/make-test-content.sh" target/test-content > "$W/content.log" 2>&1
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== starting OpenLSS on 127.0.0.1:$PORT"
OPENLSS_DATA_DIR="$PWD/$W/data" OPENLSS_ADMIN_PASSWORD=bench \
  java -XX:+UseParallelGC -jar target/payara-micro.jar --prebootcommandfile target/preboot-loopback.asadmin \
  --deploy target/openlss.war --contextroot / --port $PORT --nohazelcast > "$W/server.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null; do sleep 0.5; done
create() {
  curl -sf -u admin:bench -H 'Content-Type: application/json' -H "Slug: /bench/$1.isml" -d '{"autoStart":true}' \
    "http://127.0.0.1:$PORT/services/smoothstreaming/publishingpoints.isml/settings" > /dev/null
}
create live
create latency

echo "== recording an ffmpeg push for the latency probe"
python3 "$TOOLS/ingest-capture.py" --port 18090 "$W/capture" > "$W/capture.log" 2>&1 &
capture=$!
sleep 1
bash "$TOOLS/smooth-push.sh" --no-re --loop -t 300 -i target/test-content/source.mp4 http://127.0.0.1:18090/live.isml
kill $capture; wait $capture 2>/dev/null || true
body=$(ls "$W"/capture/*.body | head -n 1)

echo "== live push in real time (the manifest under test is live)"
bash "$TOOLS/smooth-push.sh" --loop -i target/test-content/source.mp4 "http://127.0.0.1:$PORT/bench/live.isml" \
  > "$W/push.log" 2>&1 &
pids+=($!)
until [ "$(curl -s "http://127.0.0.1:$PORT/bench/live.isml/Manifest" | grep -o '<c ' | wc -l)" -ge 10 ]; do sleep 1; done
manifest="http://127.0.0.1:$PORT/bench/live.isml/Manifest"
curl -s "$manifest" > "$W/www/Manifest"
bitrate=$(grep -o 'Bitrate="[0-9]*"' "$W/www/Manifest" | head -n 1 | tr -dc 0-9)
time=$(grep -o '<c t="[0-9]*"' "$W/www/Manifest" | head -n 1 | tr -dc 0-9)
fragment="http://127.0.0.1:$PORT/bench/live.isml/QualityLevels($bitrate)/Fragments(video_und=$time)"
curl -s "$fragment" > "$W/www/fragment"
curl -s "$fragment" > /dev/null
echo "   fragment: $(stat -c %s "$W/www/fragment") bytes, manifest: $(stat -c %s "$W/www/Manifest") bytes"

cat > "$W/nginx.conf" <<NGINX
worker_processes 1;
pid $PWD/$W/nginx.pid;
error_log $PWD/$W/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { video/mp4 fragment; text/xml Manifest; }
  server { listen 127.0.0.1:$NGINX_PORT; root $PWD/$W/www; }
}
NGINX
nginx -c "$PWD/$W/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 1

run() { # $1 url -> "requests/s p99"
  wrk -t2 -c32 -d"${SECS}s" --latency "$1" > "$W/wrk.out" 2>&1
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$W/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$W/wrk.out")
  echo "$rps $p99"
}
echo "== wrk: 2 threads, 32 connections, ${SECS}s each"
read -r f_ours f_ours99 < <(run "$fragment")
read -r f_ng f_ng99 < <(run "http://127.0.0.1:$NGINX_PORT/fragment")
read -r m_ours m_ours99 < <(run "$manifest")
read -r m_ng m_ng99 < <(run "http://127.0.0.1:$NGINX_PORT/Manifest")
kill "${pids[1]}" 2>/dev/null || true

echo "== ingest-to-available latency"
latency=$(java bench/IngestLatency.java "http://127.0.0.1:$PORT/" bench/latency.isml "$body" 2)

printf '\n%-28s %14s %10s %14s %10s %8s\n' "" "OpenLSS req/s" "p99" "nginx req/s" "p99" "ratio"
printf '%-28s %14s %10s %14s %10s %8s\n' "cached 2 s fragment" "$f_ours" "$f_ours99" "$f_ng" "$f_ng99" \
  "$(awk -v a="$f_ours" -v b="$f_ng" 'BEGIN{printf "%.2f", a/b}')"
printf '%-28s %14s %10s %14s %10s %8s\n' "live manifest" "$m_ours" "$m_ours99" "$m_ng" "$m_ng99" \
  "$(awk -v a="$m_ours" -v b="$m_ng" 'BEGIN{printf "%.2f", a/b}')"
echo "$latency"
echo "goals: fragments >= 0.8x nginx; manifests >= 0.5x nginx with p99 < 10 ms; ingest-to-available p99 < 5 ms"
