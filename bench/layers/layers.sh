#!/usr/bin/env bash
# The layer table (bench/README.md, "Layers"): requests/s and p99 of one small (1.8 KB) and one large (226 KB)
# response through each layer between the socket and our code, each beside nginx serving a file of the same size,
# measured in turns (ours, nginx, ours, nginx…) so that other load on the machine hits both alike:
#   a. nginx, 1 worker, sendfile, keep-alive without a request limit;
#   b. a bare servlet (BareServlet.java: a byte[] built once) on the same Payara Micro, Payara's defaults;
#   c. b with the parallel GC and the HTTP thread pool fixed at 4; c2: c and no keep-alive request limit;
#   d. our WAR (target/openlss.war): the live Smooth manifest and a cached live fragment while ffmpeg pushes in real
#      time, then a JFR profile under wrk load on each (top frames and packages by sample share);
#   e. d with OPENLSS_FAST_LANE=false: player reads through the servlet pipeline instead of the Grizzly lane.
#
#   bench/layers/layers.sh [--seconds N] [--only b,c,c2,d,e]
#
# Each figure: wrk -t2 at 16 and 50 connections, keep-alive, a 10 s JIT warm-up per URL, best of 3 runs of N s
# (default 8); the p99 is the best run's. Needs a built tree, javac, nginx, wrk, ffmpeg, curl, python3.
set -euo pipefail
SECS=8
ONLY=b,c,c2,d,e
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    *) echo "usage: bench/layers/layers.sh [--seconds N] [--only b,c,c2,d,e]" >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS="${OPENLSS_TEST_TOOLS:-$ROOT/src/test/encoder}"
WORK=$(mktemp -d /tmp/openlss-layers.XXXXXX)
chmod 755 "$WORK"
OUT=${LAYERS_OUT:-$WORK/results.txt}
SERVER_PID=""; NGINX_PID=""; PUSH_PID=""
stop() { # PID: stop one process we started and wait for it
  if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}
cleanup() {
  stop "$PUSH_PID"; stop "$SERVER_PID"; stop "$NGINX_PID"
  if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
has() { [[ ",$ONLY," == *",$1,"* ]]; }

API=$(find ~/.m2 -name 'jakarta.servlet-api-6*.jar' | head -n 1)
[ -n "$API" ] || API=$(find ~/.m2 -name 'jakarta.jakartaee-api-10*.jar' | head -n 1)
mkdir -p "$WORK/war/WEB-INF/classes"
javac -d "$WORK/war/WEB-INF/classes" -cp "$API" "$ROOT/bench/layers/BareServlet.java"
(cd "$WORK/war" && jar cf "$WORK/layers.war" .)

# nginx: the same sizes as the bare servlet; d and e add the live manifest and fragment bytes.
mkdir -p "$WORK/www"
head -c 1843 /dev/zero | tr '\0' x >"$WORK/www/small"
head -c 231424 /dev/zero | tr '\0' x >"$WORK/www/big"
NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<NGINX
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
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
NGINX
nginx -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" &
NGINX_PID=$!
NGINX="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 50); do curl -fs -o /dev/null "$NGINX/small" && break; sleep 0.1; done

echo "load before: $(uptime)" | tee "$OUT"
one() { # URL CONNECTIONS -> "req/s p99_ms"
  wrk -t2 -c"$2" -d"${SECS}s" --latency "$1" >"$WORK/wrk.out" 2>&1 || true
  python3 - "$WORK/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t)
p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)] if p99 else float("nan")
errs = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{float(rps.group(1)) if rps else 0:.0f} {ms:.2f}" + (f" non2xx={errs.group(1)}" if errs else ""))
PY
}
measure() { # LAYER LABEL OURS_URL NGINX_URL: warm-up, then 16 and 50 connections, best of 3 in turns
  local layer="$1" label="$2" ours="$3" ng="$4" c i r best_o best_n
  wrk -t2 -c50 -d10s "$ours" >/dev/null 2>&1 || true
  wrk -t2 -c50 -d2s "$ng" >/dev/null 2>&1 || true
  for c in 16 50; do
    best_o="0 nan"; best_n="0 nan"
    for i in 1 2 3; do
      r=$(one "$ours" "$c"); [ "${r%% *}" -gt "${best_o%% *}" ] && best_o=$r
      r=$(one "$ng" "$c"); [ "${r%% *}" -gt "${best_n%% *}" ] && best_n=$r
    done
    python3 - "$layer" "$label" "$c" "$best_o" "$best_n" <<'PY' | tee -a "$OUT"
import sys
layer, label, c, o, n = sys.argv[1:]
ro, po = o.split()[:2]; rn, pn = n.split()[:2]
extra = " ".join(o.split()[2:])
print(f"{layer:3} {label:34} c{c:<3} ours {float(ro):8.0f} req/s p99 {float(po):7.2f} ms | nginx {float(rn):8.0f} req/s"
      f" p99 {float(pn):6.2f} ms | ratio {float(ro) / float(rn):.2f} {extra}")
PY
  done
}
start_payara() { # WAR PREBOOT JVM-OPTION... ; sets SERVER_PID and BASE, waits until READY_PATH answers
  local war="$1" preboot="$2"; shift 2
  local port; port=$(free_port)
  OPENLSS_DATA_DIR="$WORK/data-$port" OPENLSS_ADMIN_PASSWORD=bench OPENLSS_ENCODER_PASSWORD=bench OPENLSS_FAST_LANE="${FAST_LANE:-true}" java "$@" -Djava.io.tmpdir="$WORK" \
    -jar "$ROOT/target/payara-micro.jar" --prebootcommandfile "$preboot" --deploy "$war" --contextroot / \
    --port "$port" --nohazelcast >"$WORK/server-$port.log" 2>&1 &
  SERVER_PID=$!
  BASE="http://127.0.0.1:$port"
  SERVER_LOG="$WORK/server-$port.log"
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$BASE$READY_PATH" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -30 "$SERVER_LOG" >&2; echo "layers: the server did not start" >&2; exit 1
}

POOL=configs.config.server-config.thread-pools.thread-pool.http-thread-pool
HTTP=configs.config.server-config.network-config.protocols.protocol.http-listener.http
cp "$ROOT/target/preboot-loopback.asadmin" "$WORK/defaults.asadmin"
{ cat "$ROOT/target/preboot-loopback.asadmin"; echo
  echo "set $POOL.max-thread-pool-size=4"; echo "set $POOL.min-thread-pool-size=4"; } >"$WORK/pool4.asadmin"
{ cat "$WORK/pool4.asadmin"; echo "set $HTTP.max-connections=-1"; } >"$WORK/pool4-keepalive.asadmin"

bare() { # LAYER PREBOOT JVM-OPTION...
  local layer="$1" preboot="$2"; shift 2
  READY_PATH=/small start_payara "$WORK/layers.war" "$preboot" "$@"
  grep -i -E "exception|not found|invalid" "$SERVER_LOG" | grep -i -E "set|preboot|attribute" | head -5 >&2 || true
  measure "$layer" "bare servlet 1843 B" "$BASE/small" "$NGINX/small"
  measure "$layer" "bare servlet 231424 B" "$BASE/big" "$NGINX/big"
  stop "$SERVER_PID"; SERVER_PID=""
}
has b && bare b "$WORK/defaults.asadmin"
has c && bare c "$WORK/pool4.asadmin" -XX:+UseParallelGC
has c2 && bare c2 "$WORK/pool4-keepalive.asadmin" -XX:+UseParallelGC

if has d || has e; then
  bash "$TOOLS/make-test-content.sh" "$WORK/content" >/dev/null 2>&1
fi
jfr_top() { # RECORDING TITLE: top frames and packages by share of execution samples
  jfr print --json --stack-depth 64 --events jdk.ExecutionSample "$1" >"$1.json"
  python3 - "$1.json" "$2" <<'PY' | tee -a "$OUT"
import collections, json, sys
events = json.load(open(sys.argv[1]))["recording"]["events"]
top_method, top_pkg, incl_pkg = collections.Counter(), collections.Counter(), collections.Counter()
def pkg(frame):
    t = frame["method"]["type"]["name"].replace("/", ".")
    parts = t.split(".")
    return ".".join(parts[:3]) if len(parts) > 3 else ".".join(parts[:-1])
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    f = frames[0]["method"]
    top_method[f["type"]["name"].replace("/", ".") + "." + f["name"]] += 1
    top_pkg[pkg(frames[0])] += 1
    for p in {pkg(fr) for fr in frames}:
        incl_pkg[p] += 1
n = sum(top_method.values())
print(f"JFR {sys.argv[2]}: {n} execution samples")
print("  top frames (self):")
for m, k in top_method.most_common(12):
    print(f"    {100 * k / n:5.1f}%  {m}")
print("  packages of the top frame (self):")
for m, k in top_pkg.most_common(12):
    print(f"    {100 * k / n:5.1f}%  {m}")
print("  packages anywhere on the stack (inclusive):")
for m, k in incl_pkg.most_common(15):
    print(f"    {100 * k / n:5.1f}%  {m}")
PY
}
ours() { # LAYER WAR PROFILE(0/1)
  local layer="$1" war="$2" profile="$3" point manifest bitrate time fragment
  READY_PATH=/health/ready start_payara "$war" "$WORK/defaults.asadmin"
  point="$BASE/bench/live.isml"
  curl -fs -o /dev/null -u admin:bench -H 'Content-Type: application/json' -H 'Slug: /bench/live.isml' \
    -d '{"autoStart":true}' "$BASE/services/smoothstreaming/publishingpoints.isml/settings"
  bash "$TOOLS/smooth-push.sh" --user encoder:bench --loop -i "$WORK/content/source.mp4" "$point" >"$WORK/push.log" 2>&1 &
  PUSH_PID=$!
  for _ in $(seq 1 60); do
    [ "$(curl -s "$point/Manifest" | grep -o '<c ' | wc -l)" -ge 8 ] && break; sleep 1
  done
  manifest="$point/Manifest"
  curl -fs "$manifest" >"$WORK/www/Manifest"
  bitrate=$(grep -o 'Bitrate="[0-9]*"' "$WORK/www/Manifest" | tr -dc '0-9\n' | sort -n | tail -n 1)
  time=$(grep -o '<c t="[0-9]*"' "$WORK/www/Manifest" | head -n 1 | tr -dc 0-9)
  fragment="$point/QualityLevels($bitrate)/Fragments(video=$time)"
  curl -fs "$fragment" >"$WORK/www/fragment" || { fragment="$point/QualityLevels($bitrate)/Fragments(video_und=$time)"; curl -fs "$fragment" >"$WORK/www/fragment"; }
  echo "    ($layer) manifest $(stat -c %s "$WORK/www/Manifest") B, fragment $(stat -c %s "$WORK/www/fragment") B: $fragment" | tee -a "$OUT"
  measure "$layer" "live Smooth manifest" "$manifest" "$NGINX/small"
  measure "$layer" "cached live Smooth fragment" "$fragment" "$NGINX/big"
  if [ "$profile" = 1 ]; then
    for what in manifest fragment; do
      local url; [ "$what" = manifest ] && url=$manifest || url=$fragment
      jcmd "$SERVER_PID" JFR.start name="$what" settings=profile filename="$WORK/$what.jfr" >/dev/null
      wrk -t2 -c16 -d"${SECS}s" "$url" >/dev/null 2>&1 || true
      jcmd "$SERVER_PID" JFR.stop name="$what" >/dev/null
      jfr_top "$WORK/$what.jfr" "$layer $what (wrk -t2 -c16 ${SECS}s)"
      [ -n "${JFR_KEEP:-}" ] && cp "$WORK/$what.jfr" "$JFR_KEEP-$what.jfr"
    done
  fi
  stop "$PUSH_PID"; PUSH_PID=""
  stop "$SERVER_PID"; SERVER_PID=""
}
has d && ours d "$ROOT/target/openlss.war" 1
has e && FAST_LANE=false ours e "$ROOT/target/openlss.war" 0
echo "load after: $(uptime)" | tee -a "$OUT"
