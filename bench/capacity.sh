#!/usr/bin/env bash
# Channels per box (not a test; see bench/README.md "Capacity"). Ramps live channels on one OpenLSS server until it
# uses half of the machine's CPU: each channel is ffmpeg pushing the test content in real time (3 video levels and
# AAC, smooth-push.sh --loop), HLS on, every second channel archiving, and 10 simulated viewers (the viewer simulator,
# org.openlss.viewers.Viewers: Smooth and HLS half and half, one in ten seeking back into the DVR window).
# After each step it prints: channels, server CPU (% of the box and per channel in % of one core), the whole box's
# CPU (the server, the ffmpeg pushes and the simulator's JVMs share its cores), heap in use after a full GC (and per
# channel above the empty server's), whether every channel's timeline kept real time (listed media time advanced at
# >= 0.95 of the wall clock over the window), and the viewers' stalls and failed requests in the window.
#
#   bench/capacity.sh [--step N] [--max N] [--viewers N] [--settle S] [--window S] [--target PERCENT]
#
# Defaults: steps of 5 channels up to 100, 10 viewers per channel, 15 s to settle, 20 s measured, stop at 50 % of
# the box. The server runs with the README's run line and the JVM's defaults (G1, maximum heap a quarter of RAM).
# Needs: a built tree (mvn package -DskipTests, which also compiles the simulator into target/test-classes), ffmpeg,
# curl, python3, jcmd, setsid. Everything listens on 127.0.0.1 only and is stopped by its PID at the end.
STEP=5; MAX=100; VIEWERS=10; SETTLE=15; WINDOW=20; TARGET=50
while [ $# -gt 0 ]; do
  case "$1" in
    --step) STEP="$2"; shift 2 ;;
    --max) MAX="$2"; shift 2 ;;
    --viewers) VIEWERS="$2"; shift 2 ;;
    --settle) SETTLE="$2"; shift 2 ;;
    --window) WINDOW="$2"; shift 2 ;;
    --target) TARGET="$2"; shift 2 ;;
    *) echo "usage: bench/capacity.sh [--step N] [--max N] [--viewers N] [--settle S] [--window S] [--target PERCENT]" >&2
       exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
prepare

CORES=$(nproc); TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
box_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
BASE_HEAP=$(heap_mb)
echo "empty server: heap after full GC $BASE_HEAP MB"
printf '\n%8s %9s %12s %9s %9s %12s %10s %8s %9s %8s\n' channels "CPU box%" "CPU/ch core%" "all box%" "heap MB" \
  "heap/ch MB" "min rate" "slow ch" "failures" stalls
ROWS="$WORK/rows"; : >"$ROWS"
declare -A seen
channels=0
while [ "$channels" -lt "$MAX" ]; do
  first=$((channels + 1)); channels=$((channels + STEP)); points=""
  for i in $(seq "$first" "$channels"); do
    settings='{"autoStart":true,"hls":{"enabled":true}'
    [ $((i % 2)) = 0 ] && settings="$settings"',"archive":{"enabled":true}'
    create_point "cap/ch$i.isml" "$settings}"
    push "cap/ch$i.isml" "$WORK/push-$i.log" --loop
    points="$points${points:+,}cap/ch$i.isml"
  done
  for i in $(seq "$first" "$channels"); do   # three fragments listed before viewers come
    for _ in $(seq 1 60); do
      [ "$(curl -fs "$BASE/cap/ch$i.isml/Manifest" 2>/dev/null | grep -o '<c ' | wc -l)" -ge 6 ] && break
      sleep 1
    done
  done
  java -cp "$ROOT/target/test-classes" org.openlss.viewers.Viewers --base "$BASE/" --points "$points" \
    --viewers "$VIEWERS" --seconds 86400 --every 5 >"$WORK/viewers-$first.log" 2>&1 &
  PIDS_STARTED+=($!)
  sleep "$SETTLE"
  mkdir -p "$WORK/m"; rm -f "$WORK"/m/*
  for i in $(seq 1 "$channels"); do curl -fs -o "$WORK/m/ch$i.a" "$BASE/cap/ch$i.isml/Manifest" || true; done
  for f in "$WORK"/viewers-*.log; do seen[$f]=$(wc -l <"$f"); done
  t0=$(cpu_ticks "$SERVER_PID"); w0=$(date +%s.%N); read -r b0 a0 < <(box_ticks)
  sleep "$WINDOW"
  t1=$(cpu_ticks "$SERVER_PID"); w1=$(date +%s.%N); read -r b1 a1 < <(box_ticks)
  for i in $(seq 1 "$channels"); do curl -fs -o "$WORK/m/ch$i.b" "$BASE/cap/ch$i.isml/Manifest" || true; done
  wall=$(calc "$w1 - $w0")
  read -r rate slow < <(paste <(python3 "$MEDIA_END" $(seq -f "$WORK/m/ch%g.a" 1 "$channels")) \
    <(python3 "$MEDIA_END" $(seq -f "$WORK/m/ch%g.b" 1 "$channels")) \
    | awk -v w="$wall" 'BEGIN {min = 99} {r = ($2 - $1) / w; if (r < min) min = r; if (r < 0.95) slow++}
      END {printf "%.2f %d\n", min, slow}')
  failures=0; stalls=0
  for f in "$WORK"/viewers-*.log; do
    read -r fl st < <(tail -n +"$((${seen[$f]:-0} + 1))" "$f" | awk '/ failures / {
      for (i = 1; i <= NF; i++) { if ($i == "failures") f += $(i + 1); if ($i == "stalls") s += $(i + 1) } }
      END {print f + 0, s + 0}')
    failures=$((failures + fl)); stalls=$((stalls + st))
  done
  heap=$(heap_mb)
  box=$(calc "($t1 - $t0) / $TICKS / $wall / $CORES * 100")
  printf '%8d %9.1f %12.2f %9.1f %9.1f %12.2f %10s %8s %9d %8d\n' "$channels" "$box" \
    "$(calc "$box * $CORES / $channels")" "$(calc "($b1 - $b0) / ($a1 - $a0) * 100")" "$heap" \
    "$(calc "($heap - $BASE_HEAP) / $channels")" "$rate" "$slow" "$failures" "$stalls" | tee -a "$ROWS"
  if [ "$(calc "$box >= $TARGET")" = 1 ]; then break; fi
  for pid in "${GROUPS_STARTED[@]}"; do kill -0 "$pid" 2>/dev/null || die "a push stopped (see $WORK/push-*.log)"; done
done
echo
awk -v target="$TARGET" '{ if ($2 < target) {c0 = $1; p0 = $2} else if (!done) {c1 = $1; p1 = $2; done = 1} }
  END { if (done && c0) printf "channels at %d %% of the box: about %.0f (between %d at %.1f %% and %d at %.1f %%)\n",
          target, c0 + (target - p0) * (c1 - c0) / (p1 - p0), c0, p0, c1, p1;
        else if (done) printf "channels at %d %% of the box: fewer than %d (%.1f %% already)\n", target, c1, p1;
        else printf "the box stayed under %d %% up to %d channels\n", target, $1 }' "$ROWS"
echo "viewer simulator CPU (its own JVMs, not counted above): $(for pid in "${PIDS_STARTED[@]}"; do
  echo "$(( $(cpu_ticks "$pid") / TICKS )) s"; done | tr '\n' ' ')"
