#!/usr/bin/env bash
# OpenLSS benchmarks (not tests; see bench/README.md). One command, every figure beside nginx serving the same bytes:
#   1. remux throughput of our TS muxer vs `ffmpeg -c copy -f mpegts` on the same fragments;
#   2. player delivery, requests/s and p99 with wrk at 16 and 50 connections, ours and nginx in turns, while a live
#      push runs in real time: Smooth fragment at the live edge, a DVR fragment an hour back in media time, the live
#      manifest, the HLS media playlist and a TS segment, a fragment of an archived event;
#   3. ingest-to-available latency (IngestLatency.java);
#   4. start to /health/ready, beside an empty Payara Micro.
#
#   bench/run.sh [--quick] [--seconds N] [--tuned]
#
# --quick: one 3 s run per side instead of the best of 3 of 8 s, a shorter latency probe, one start (about 5 min;
# figures for a smoke test, not to quote). --tuned runs the server with the HTTP thread pool fixed at 4 threads and
# the parallel GC instead of Payara's defaults.
#
# Needs: a built tree (mvn package -DskipTests), ffmpeg, nginx, wrk, curl, python3, and the test encoder tools in
# $OPENLSS_TEST_TOOLS (default src/test/encoder: make-test-content.sh, smooth-push.sh, ingest-capture.py,
# fmp4-post.py). Everything it starts (Payara Micro, nginx, the encoders) listens on 127.0.0.1 only and is stopped
# by its PID at the end.
set -euo pipefail

SECS=8; WARM=10; ROUNDS=3; LOOPS=200; CAPTURE_SECONDS=640; READY_ROUNDS=3; TUNED=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SECS=3; WARM=4; ROUNDS=1; LOOPS=50; CAPTURE_SECONDS=130; READY_ROUNDS=1; shift ;;
    --seconds) SECS="$2"; shift 2 ;;
    --tuned) TUNED=1; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--seconds N] [--tuned]" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS="${OPENLSS_TEST_TOOLS:-$ROOT/src/test/encoder}"
WORK=$(mktemp -d /tmp/openlss-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers (user nobody when started as root) read the copies under it
RESULTS="$WORK/results"
SERVER_PID=""; NGINX_PID=""; PUSH_PID=""; PUSH2_PID=""; PUSH3_PID=""; CAPTURE_PID=""
stop() { # PID: stop one process (group, for the encoders started with setsid) that we started, and wait for it
  if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}
stop_group() {
  if [ -n "$1" ]; then kill -- "-$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}
cleanup() {
  stop_group "$PUSH_PID"; stop_group "$PUSH2_PID"; stop_group "$PUSH3_PID"; stop "$CAPTURE_PID"; stop "$SERVER_PID"; stop "$NGINX_PID"
  if [ -z "${BENCH_KEEP:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
trap 'echo "bench: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
die() { echo "bench: $*" >&2; exit 1; }

for tool in ffmpeg nginx wrk curl python3 java jcmd setsid; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
for tool in make-test-content.sh smooth-push.sh ingest-capture.py fmp4-post.py; do
  [ -f "$TOOLS/$tool" ] || die "$TOOLS/$tool not found (set OPENLSS_TEST_TOOLS to the test encoder tools)"
done
[ -f "$ROOT/target/openlss.war" ] && [ -f "$ROOT/target/payara-micro.jar" ] \
  || die "build first (mvn package -DskipTests)"

echo "bench/run.sh $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true) $(date -u +%FT%TZ)," \
  "$(nproc) cores; load at start:$(uptime | sed 's/.*load average://')"

echo "== content (make-test-content.sh, then the ingest body an encoder would POST)"
bash "$TOOLS/make-test-content.sh" "$WORK/content" >/dev/null 2>&1
SOURCE="$WORK/content/source.mp4"
ffmpeg -hide_banner -nostdin -v error -i "$SOURCE" -map 0 -c copy \
  -f ismv -movflags isml+frag_keyframe -frag_duration 2000000 "$WORK/live.body"

echo "== 1. remux"
java -cp "$ROOT/target/classes" "$ROOT/bench/RemuxBench.java" "$WORK/live.body" "$LOOPS" | tee "$WORK/remux.txt"

echo "== recording an ffmpeg push of $CAPTURE_SECONDS s (the latency probe's input and the DVR and archive events)"
CAPTURE_PORT=$(free_port)
python3 "$TOOLS/ingest-capture.py" --port "$CAPTURE_PORT" "$WORK/capture" >"$WORK/capture.log" 2>&1 &
CAPTURE_PID=$!
for _ in $(seq 1 50); do
  python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])))' "$CAPTURE_PORT" \
    2>/dev/null && break
  sleep 0.1
done
bash "$TOOLS/smooth-push.sh" --no-re --loop -t "$CAPTURE_SECONDS" -i "$SOURCE" \
  "http://127.0.0.1:$CAPTURE_PORT/live.isml" >"$WORK/capture-push.log" 2>&1
stop "$CAPTURE_PID"; CAPTURE_PID=""
BODY=$(ls "$WORK"/capture/*Streams*.body | head -n 1)

PRE="$WORK/preboot.asadmin"
cp "$ROOT/target/preboot-loopback.asadmin" "$PRE"
JVM=()
if [ "$TUNED" = 1 ]; then
  POOL=configs.config.server-config.thread-pools.thread-pool.http-thread-pool
  printf '\nset %s.max-thread-pool-size=4\nset %s.min-thread-pool-size=4\n' "$POOL" "$POOL" >>"$PRE"
  JVM=(-XX:+UseParallelGC)
fi
# encoders sign in with the server's encoder account (publishing needs credentials); the live point jumps an hour
# ahead on purpose (an hour of DVR behind the live edge without pushing it), more than ingest allows by default
ENCODER_AUTH="Authorization: Basic $(printf 'encoder:bench' | base64)"
start_server() { # DATA_DIR [--deploy WAR] -> SERVER_PID, BASE (not waiting)
  local data="$1"; shift
  PORT=$(free_port)
  OPENLSS_DATA_DIR="$data" OPENLSS_ADMIN_PASSWORD=bench OPENLSS_ENCODER_PASSWORD=bench \
    OPENLSS_INGEST_MAX_TIMELINE_JUMP_SECONDS=7200 java "${JVM[@]}" -Djava.io.tmpdir="$WORK" \
    -jar "$ROOT/target/payara-micro.jar" --prebootcommandfile "$PRE" "$@" --contextroot / --port "$PORT" \
    --nohazelcast >"$WORK/server-$PORT.log" 2>&1 &
  SERVER_PID=$!
  BASE="http://127.0.0.1:$PORT"
}

echo "== 2. player delivery: server $([ "$TUNED" = 1 ] && echo "with 4 HTTP threads and the parallel GC" \
  || echo "with Payara's defaults"); nginx 1 worker, sendfile, no keep-alive request limit"
start_server "$WORK/data" --deploy "$ROOT/target/openlss.war"
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "$BASE/health/ready" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/server-$PORT.log" >&2; die "the server did not start"; }
  sleep 0.5
done
create() { # NAME SETTINGS
  curl -fs -o /dev/null -u admin:bench -H 'Content-Type: application/json' -H "Slug: /bench/$1.isml" -d "$2" \
    "$BASE/services/smoothstreaming/publishingpoints.isml/settings" || die "cannot create /bench/$1.isml"
}
create live '{"autoStart":true,"hls":{"enabled":true}}'
create latency '{"autoStart":true}'
create archive '{"autoStart":true,"archive":{"enabled":true}}'
create channel2 '{"autoStart":true}'
create channel3 '{"autoStart":true}'
LIVE="$BASE/bench/live.isml"

# manifest.py MANIFEST_FILE -> "BITRATE URL_TEMPLATE t1 t2 ..." for the highest video quality level
cat >"$WORK/manifest.py" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
video = next(s for s in root.iter("StreamIndex") if s.get("Type") == "video")
bitrate = max(int(q.get("Bitrate")) for q in video.iter("QualityLevel"))
times, t = [], 0
for c in video.iter("c"):
    t = int(c.get("t", t))
    for _ in range(int(c.get("r", "1"))):
        times.append(t)
        t += int(c.get("d", "0"))
url = video.get("Url").replace("{bitrate}", str(bitrate)).replace("{Bitrate}", str(bitrate))
print(bitrate, url.replace(" ", "%20"), *times)
PY
fragment_url() { # POINT_URL MANIFEST_FILE INDEX(python, e.g. 0 or -1) -> URL of that video fragment
  python3 - "$WORK/manifest.py" "$2" "$3" "$1" <<'PY'
import subprocess, sys
out = subprocess.run([sys.executable, sys.argv[1], sys.argv[2]], capture_output=True, text=True, check=True).stdout
bitrate, url, *times = out.split()
t = times[int(sys.argv[3])]
print(sys.argv[4] + "/" + url.replace("{start%20time}", t).replace("{start_time}", t))
PY
}

echo "   archive event: the first 60 fragments of the recording, then the end of stream"
python3 "$TOOLS/fmp4-post.py" --header "$ENCODER_AUTH" --no-pace --max-fragments 60 "$BODY" "$BASE/bench/archive.isml/Streams(stream1)" 2>&1 \
  | sed 's/^/   /'
echo "   DVR: the same fragments on the live point at media time 0, then the connection drops"
python3 "$TOOLS/fmp4-post.py" --header "$ENCODER_AUTH" --no-pace --abort-after 60 "$BODY" "$LIVE/Streams(stream1)" 2>&1 | sed 's/^/   /' || true
setsid bash "$TOOLS/smooth-push.sh" --user encoder:bench --loop --start 3600 -i "$SOURCE" "$LIVE" >"$WORK/push.log" 2>&1 &
PUSH_PID=$!
# two more channels in real time: ingest must keep up with three while players load the server
setsid bash "$TOOLS/smooth-push.sh" --user encoder:bench --loop -i "$SOURCE" "$BASE/bench/channel2.isml" >"$WORK/push2.log" 2>&1 &
PUSH2_PID=$!
setsid bash "$TOOLS/smooth-push.sh" --user encoder:bench --loop -i "$SOURCE" "$BASE/bench/channel3.isml" >"$WORK/push3.log" 2>&1 &
PUSH3_PID=$!
echo "   live: ffmpeg pushes in real time from media time 3600 s; waiting for 24 s of it"
for _ in $(seq 1 90); do
  curl -fs "$LIVE/Manifest" >"$WORK/Manifest" 2>/dev/null \
    && [ "$(python3 "$WORK/manifest.py" "$WORK/Manifest" | tr ' ' '\n' | tail -n +3 \
      | awk '$1 >= 36000000000' | wc -l)" -ge 13 ] && break
  kill -0 "$PUSH_PID" 2>/dev/null || { tail "$WORK/push.log" >&2; die "the live push stopped"; }
  sleep 1
done

mkdir -p "$WORK/www"
URLS=()
snapshot() { # NAME URL: fetch twice (the second from the server's cache), keep the bytes for nginx
  curl -fs -o /dev/null "$2" || die "$2 does not answer"
  curl -fs -o "$WORK/www/$1" "$2"
}
curl -fs "$LIVE/Manifest" >"$WORK/Manifest"
LIVE_FRAGMENT=$(fragment_url "$LIVE" "$WORK/Manifest" -1)
DVR_FRAGMENT=$(fragment_url "$LIVE" "$WORK/Manifest" 1)
snapshot live-fragment "$LIVE_FRAGMENT"
snapshot dvr-fragment "$DVR_FRAGMENT"
snapshot Manifest "$LIVE/Manifest"
curl -fs "$LIVE/manifest(format=m3u8-aapl)" >"$WORK/master.m3u8"
VARIANT=$(grep -v '^#' "$WORK/master.m3u8" | tail -n 1)            # the highest bitrate
PLAYLIST="$LIVE/$VARIANT"
curl -fs "$PLAYLIST" >"$WORK/playlist.m3u8"
SEGMENT="$LIVE/${VARIANT%%/*}/$(grep -v '^#' "$WORK/playlist.m3u8" | tail -n 2 | head -n 1)"   # last but one
snapshot playlist.m3u8 "$PLAYLIST"
snapshot segment.ts "$SEGMENT"
ARCHIVE_DIR=""
for _ in $(seq 1 60); do
  ARCHIVE_DIR=$(ls -d "$WORK"/data/archive/bench/archive/*/ 2>/dev/null | head -n 1)
  [ -n "$ARCHIVE_DIR" ] && curl -fs "$BASE/archive/bench/archive/$(basename "$ARCHIVE_DIR")/archive.ism/Manifest" \
    >"$WORK/archive.Manifest" 2>/dev/null && break
  sleep 1
done
ARCHIVE="$BASE/archive/bench/archive/$(basename "$ARCHIVE_DIR")/archive.ism"
ARCHIVE_FRAGMENT=$(fragment_url "$ARCHIVE" "$WORK/archive.Manifest" 1)
snapshot archive-fragment "$ARCHIVE_FRAGMENT"
for f in live-fragment dvr-fragment segment.ts archive-fragment; do
  [ "$(stat -c %s "$WORK/www/$f")" -gt 1000 ] || die "$f is only $(stat -c %s "$WORK/www/$f") bytes"
done

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
  keepalive_requests 100000000;
  default_type application/octet-stream;
  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; text/xml Manifest; }
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
nginx -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" &
NGINX_PID=$!
NGINX="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 50); do curl -fs -o /dev/null "$NGINX/Manifest" && break; sleep 0.1; done
for f in live-fragment dvr-fragment segment.ts archive-fragment; do
  cmp -s "$WORK/www/$f" <(curl -fs "$NGINX/$f") || die "nginx does not serve $f as fetched"
done

one() { # URL CONNECTIONS -> "requests/s p99_ms" of one wrk run
  wrk -t2 -c"$2" -d"${SECS}s" --latency "$1" >"$WORK/wrk.out" 2>&1 || true
  python3 - "$WORK/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t)
p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else float("nan")
print(f"{0 if bad or not rps else float(rps.group(1)):.0f} {ms:.2f}")
PY
}
measure() { # LABEL KIND OURS_URL NGINX_URL: JIT warm-up, then each connection count: best of ROUNDS, in turns
  local label="$1" kind="$2" ours="$3" ng="$4" c r best_o best_n
  wrk -t2 -c50 -d"${WARM}s" "$ours" >/dev/null 2>&1 || true
  wrk -t2 -c50 -d2s "$ng" >/dev/null 2>&1 || true
  for c in 16 50; do
    best_o="0 nan"; best_n="0 nan"
    for _ in $(seq 1 "$ROUNDS"); do
      r=$(one "$ours" "$c"); if [ "${r%% *}" -gt "${best_o%% *}" ]; then best_o=$r; fi
      r=$(one "$ng" "$c"); if [ "${r%% *}" -gt "${best_n%% *}" ]; then best_n=$r; fi
    done
    echo "$label|$kind|$c|$best_o|$best_n" | tee -a "$RESULTS" | awk -F'|' '{ print "   " $1 " c" $3 ": " $4 " / nginx " $5 }'
  done
}
echo "   wrk -t2, 16 and 50 connections, keep-alive; ${WARM}s JIT warm-up per URL; best of $ROUNDS runs of ${SECS}s," \
  "ours and nginx in turns"
measure "Smooth fragment, live edge ($(stat -c %s "$WORK/www/live-fragment") B)" fragment "$LIVE_FRAGMENT" "$NGINX/live-fragment"
measure "Smooth fragment, DVR 1 h back ($(stat -c %s "$WORK/www/dvr-fragment") B)" fragment "$DVR_FRAGMENT" "$NGINX/dvr-fragment"
measure "Smooth live manifest ($(stat -c %s "$WORK/www/Manifest") B)" manifest "$LIVE/Manifest" "$NGINX/Manifest"
measure "HLS media playlist ($(stat -c %s "$WORK/www/playlist.m3u8") B)" manifest "$PLAYLIST" "$NGINX/playlist.m3u8"
measure "HLS TS segment ($(stat -c %s "$WORK/www/segment.ts") B)" segment "$SEGMENT" "$NGINX/segment.ts"
measure "archived fragment ($(stat -c %s "$WORK/www/archive-fragment") B)" fragment "$ARCHIVE_FRAGMENT" "$NGINX/archive-fragment"
# how late the three real-time channels' fragments came while the players loaded the server (the server's own
# per-track figure: arrival against media time, from the earliest arrival on)
curl -fs -u admin:bench "$BASE/services/metrics" | python3 -c '
import re, sys
late = {}
for line in sys.stdin:
    m = re.match(r"openlss_track_max_late_arrival_seconds\{point=\"bench/(live|channel2|channel3)\.isml\".*\} (\S+)", line)
    if m:
        late[m.group(1)] = max(late.get(m.group(1), 0.0), float(m.group(2)))
print("   ingest under player load: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in sorted(late.items()))
      + " largest late arrival")' | tee "$WORK/late.txt"
stop_group "$PUSH_PID"; stop_group "$PUSH2_PID"; stop_group "$PUSH3_PID"; PUSH_PID=""; PUSH2_PID=""; PUSH3_PID=""
stop "$NGINX_PID"; NGINX_PID=""

echo "== 3. ingest-to-available latency (replaying the recording, lookahead 2)"
timeout 300 java "$ROOT/bench/IngestLatency.java" "${BASE/:\/\//://encoder:bench@}/" bench/latency.isml "$BODY" 2 2>&1 \
  | tee "$WORK/latency.txt" || echo "   the latency probe failed" | tee -a "$WORK/latency.txt"
stop "$SERVER_PID"; SERVER_PID=""

echo "== 4. start to ready: ours (java -jar payara-micro.jar --deploy openlss.war, first start on an empty data" \
  "folder) until /health/ready answers 200, and an empty Payara Micro until / answers 404; in turns"
ready_time() { # DATA_DIR PATH [--deploy WAR] -> seconds from the java command to PATH answering (any status for /)
  local data="$1" path="$2" t0 code; shift 2
  t0=$(date +%s.%N)
  start_server "$data" "$@"
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path" || true)
    if [ "$path" = / ] && [ "$code" != 000 ]; then break; fi
    if [ "$code" = 200 ]; then break; fi
    sleep 0.05
  done
  python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$t0" "$(date +%s.%N)"
  stop "$SERVER_PID"; SERVER_PID=""
}
READY_OURS=999; READY_EMPTY=999
for i in $(seq 1 "$READY_ROUNDS"); do
  r=$(ready_time "$WORK/ready-data-$i" /health/ready --deploy "$ROOT/target/openlss.war")
  READY_OURS=$(python3 -c "print(min($READY_OURS, $r))")
  e=$(ready_time "$WORK/ready-empty-$i" /)
  READY_EMPTY=$(python3 -c "print(min($READY_EMPTY, $e))")
  echo "   run $i: openlss $r s, empty Payara Micro $e s"
done

echo
echo "== results ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true); load at the end:" \
  "$(uptime | sed 's/.*load average: //'))"
sed 's/^ *//; s/$/ (goal: under 100 ms)/' "$WORK/late.txt"
python3 - "$RESULTS" "$WORK/remux.txt" "$WORK/latency.txt" "$READY_OURS" "$READY_EMPTY" <<'PY'
import re, sys
results, remux, latency, ready, empty = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
goals = {"fragment": (0.8, None), "manifest": (0.6, 10.0), "segment": (1.0, None)}
print(f"{'':44} {'conn':>4} {'openlss r/s':>11} {'p99 ms':>7} {'nginx r/s':>10} {'p99 ms':>7} {'ratio':>6}  goal")
for line in open(results):
    label, kind, c, ours, ng = line.rstrip("\n").split("|")
    ro, po = map(float, ours.split()); rn, pn = map(float, ng.split())
    ratio = ro / rn if rn else float("nan")
    want, p99 = goals[kind]
    ok = ratio >= want and (p99 is None or po < p99)
    goal = f">= {want:.1f}x" + (f", p99 < {p99:.0f} ms" if p99 else "")
    print(f"{label:44} {c:>4} {ro:11.0f} {po:7.2f} {rn:10.0f} {pn:7.2f} {ratio:6.2f}  {goal}  {'met' if ok else 'NOT MET'}")
print(open(remux).read().strip())
lat = open(latency).read()
m = re.search(r"fragment GET p50 ([\d.]+) ms p99 ([\d.]+) ms; manifest listing p50 ([\d.]+) ms p99 ([\d.]+) ms", lat)
print(lat.strip())
if m:
    print(f"ingest to available: fragment p99 {m.group(2)} ms, manifest p99 {m.group(4)} ms (goal p99 < 5 ms):"
          f" {'met' if max(float(m.group(2)), float(m.group(4))) < 5 else 'NOT MET'}  [client-side times: the server"
          " logs no release or first-200 times]")
print(f"start to ready: openlss {ready:.2f} s, empty Payara Micro {empty:.2f} s (best of the runs; goal < 10 s):"
      f" {'met' if ready < 10 else 'NOT MET'}")
PY
