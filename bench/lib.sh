# Shared by bench/capacity.sh, dvr-heap.sh, scale-out.sh and soak.sh (sourced, not run): a work folder, servers
# started with the README's run line, a server's heap after a full GC, points, pushes, and stopping everything
# started, by PID, at exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="${OPENLSS_TEST_TOOLS:-$ROOT/src/test/encoder}"
WORK=$(mktemp -d "/tmp/openlss-$(basename "$0" .sh).XXXXXX")
SERVER_PID=""; GROUPS_STARTED=(); PIDS_STARTED=()  # SERVER_PID is one of PIDS_STARTED
cleanup() {
  for pid in "${PIDS_STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${GROUPS_STARTED[@]}"; do kill -CONT -- "-$pid" 2>/dev/null || true; kill -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS_STARTED[@]}" "${GROUPS_STARTED[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -z "${BENCH_KEEP:-}" ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
die() { echo "$(basename "$0"): $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
calc() { awk "BEGIN {print $*}"; }

require() { # TOOL...: each on the PATH, and a built tree
  for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool not found"; done
  [ -f "$ROOT/target/openlss.war" ] && [ -f "$ROOT/target/payara-micro.jar" ] \
    && [ -f "$ROOT/target/test-classes/org/openlss/viewers/Viewers.class" ] || die "build first (mvn package -DskipTests)"
}

header() { # what ran where: the commit, the time, the machine
  echo "bench/$(basename "$0") $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true) $(date -u +%FT%TZ)," \
    "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load at start:$(uptime | sed 's/.*load average://')"
}

content() { # the test content (make-test-content.sh) -> SOURCE
  bash "$TOOLS/make-test-content.sh" "$WORK/content" >/dev/null 2>&1
  SOURCE="$WORK/content/source.mp4"
}

prepare() { # what every script here does first: check the tools, say what runs where, make content, start the server
  require ffmpeg curl python3 java jcmd setsid
  header
  content
  start_server
}

launch_server() { # NAME: the README's run line on a free port, data in $WORK/NAME, admin and encoder passwords
  # "bench"; not waited for -> LAUNCHED_PID, LAUNCHED_BASE (stopped at exit like everything started)
  local port; port=$(free_port); LAUNCHED_BASE="http://127.0.0.1:$port"
  OPENLSS_DATA_DIR="$WORK/$1" OPENLSS_ADMIN_PASSWORD=bench OPENLSS_ENCODER_PASSWORD=bench \
    java -Djava.io.tmpdir="$WORK" -jar "$ROOT/target/payara-micro.jar" \
    --prebootcommandfile "$ROOT/target/preboot-loopback.asadmin" --deploy "$ROOT/target/openlss.war" \
    --contextroot / --port "$port" --nohazelcast >"$WORK/$1.log" 2>&1 &
  LAUNCHED_PID=$!
  PIDS_STARTED+=("$LAUNCHED_PID")
}

await_ready() { # PID BASE NAME: until /health/ready answers 200
  for _ in $(seq 1 360); do
    curl -fs -o /dev/null "$2/health/ready" && return 0
    kill -0 "$1" 2>/dev/null || { tail -20 "$WORK/$3.log" >&2; die "the server $3 did not start"; }
    sleep 0.5
  done
  die "the server $3 was not ready in 3 minutes"
}

start_server() { # the one server of a script -> SERVER_PID, BASE
  launch_server data; SERVER_PID=$LAUNCHED_PID; BASE=$LAUNCHED_BASE
  await_ready "$SERVER_PID" "$BASE" data
  echo "server: pid $SERVER_PID, $(jcmd "$SERVER_PID" VM.flags 2>/dev/null | tr ' ' '\n' \
    | grep -E 'MaxHeapSize|Use.*GC$' | tr '\n' ' ')"
}

heap_mb() { # full GC, then the heap in use (G1's "used" of the whole heap), in MB
  jcmd "$SERVER_PID" GC.run >/dev/null
  jcmd "$SERVER_PID" GC.heap_info | awk '/heap +total/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1)}}
    END {sub(/K,?$/, "", v); printf "%.1f", v / 1024}'
}

create_point() { # PATH SETTINGS_JSON (on $BASE; BASE=... create_point for another server)
  curl -fs -o /dev/null -u admin:bench -H 'Content-Type: application/json' -H "Slug: /$1" -d "$2" \
    "$BASE/services/smoothstreaming/publishingpoints.isml/settings" || die "cannot create /$1"
}

push() { # POINT_PATH LOG [smooth-push.sh options...]: ffmpeg pushing SOURCE to $BASE in its own process group -> PUSHED
  local point="$1" log="$2"; shift 2
  setsid bash "$TOOLS/smooth-push.sh" --user encoder:bench -i "$SOURCE" "$@" "$BASE/$point" >"$log" 2>&1 &
  PUSHED=$!
  GROUPS_STARTED+=("$PUSHED")
}

await_segments() { # POINT_URL: until its first HLS variant lists 4 segments. Viewers come only then: players start
  # three segments back from the live edge, and one that starts on a single segment stalls at the next one's latency.
  local variant
  for _ in $(seq 1 120); do
    variant=$(curl -fs "$1/manifest(format=m3u8-aapl)" 2>/dev/null | grep -v '^#' | head -1 || true)
    [ -n "$variant" ] && [ "$(curl -fs "$1/$variant" 2>/dev/null | grep -c '^#EXTINF' || true)" -ge 4 ] && return 0
    sleep 1
  done
  die "$1 listed fewer than 4 HLS segments after 2 minutes"
}

# media_end.py MANIFEST...: the end of each manifest's video timeline in seconds (0 when it cannot be read)
MEDIA_END="$WORK/media_end.py"
cat >"$MEDIA_END" <<'PY'
import sys, xml.etree.ElementTree as ET
for path in sys.argv[1:]:
    try:
        video = next(s for s in ET.parse(path).getroot().iter("StreamIndex") if s.get("Type") == "video")
        t = 0
        for c in video.iter("c"):
            t = int(c.get("t", t))
            for _ in range(int(c.get("r", "1"))):
                t += int(c.get("d"))
        print("%.2f" % (t / int(video.get("TimeScale", "10000000"))))
    except Exception:
        print("0")
PY
