#!/usr/bin/env bash
# Heap flat over DVR length (not a test; see bench/README.md "Heap over DVR length"). Two points get the test content
# pushed faster than real time (smooth-push.sh --no-re --loop) until each holds an hour of media: one keeps the whole
# event as DVR, one a 10-minute window (clientConnections.windowLength PT10M, which the first hour runs far past);
# both have HLS on. At 5 minutes of media and at 60, with both points still live, the pushes are paused (SIGSTOP) and
# the script prints the heap in use after a full GC and the DVR files on disk: the files grow with the event, the heap
# must not (goal: +-10 %).
#
#   bench/dvr-heap.sh [--minutes N]        (default 60; the first mark stays at 5)
#
# Needs: a built tree (mvn package -DskipTests), ffmpeg, curl, python3, jcmd, setsid. Everything listens on
# 127.0.0.1 only and is stopped by its PID at the end.
MINUTES=60
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2 ;;
    *) echo "usage: bench/dvr-heap.sh [--minutes N]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
prepare
POINTS=(dvr/whole.isml dvr/window.isml)
create_point dvr/whole.isml '{"autoStart":true,"hls":{"enabled":true}}'
create_point dvr/window.isml \
  '{"autoStart":true,"hls":{"enabled":true},"clientConnections":{"enabled":true,"windowLength":"PT10M"}}'
EMPTY=$(heap_mb)
echo "empty server: heap after full GC $EMPTY MB"
PUSHES=()
for point in "${POINTS[@]}"; do
  push "$point" "$WORK/push-${point//\//-}.log" --no-re --loop -t $((MINUTES * 60 + 600))
  PUSHES+=("$PUSHED")
done

media_minutes() { # the smaller of the two points' listed media, in whole minutes
  for point in "${POINTS[@]}"; do curl -fs -o "$WORK/${point//\//-}.Manifest" "$BASE/$point/Manifest" || true; done
  python3 "$MEDIA_END" "$WORK"/dvr-*.Manifest | sort -n | head -n 1 | awk '{printf "%d", $1 / 60}'
}
mark() { # MINUTES: pause the pushes, measure, go on
  for pid in "${PUSHES[@]}"; do kill -STOP -- "-$pid" 2>/dev/null || true; done
  sleep 2
  local heap; heap=$(heap_mb)
  printf '%12s %9s %12s %14s %14s\n' "$1 min" "$heap" "$(calc "$heap - $EMPTY")" \
    "$(du -sm "$WORK/data/dvr/dvr/whole.isml" | cut -f1)" "$(du -sm "$WORK/data/dvr/dvr/window.isml" | cut -f1)" \
    | tee -a "$WORK/marks"
  for pid in "${PUSHES[@]}"; do kill -CONT -- "-$pid" 2>/dev/null || true; done
}
printf '\n%12s %9s %12s %14s %14s\n' "media" "heap MB" "above empty" "whole-event MB" "window MB"
for minutes in 5 "$MINUTES"; do
  until [ "$(media_minutes)" -ge "$minutes" ]; do
    for pid in "${PUSHES[@]}"; do
      kill -0 "$pid" 2>/dev/null || die "a push ended before $minutes minutes were listed (see $WORK/push-*.log)"
    done
    sleep 0.2
  done
  mark "$minutes"
done
awk 'NR == 1 {a = $4} NR == 2 {printf "\nheap above the empty server: %+.0f %% from 5 to %s minutes of DVR\n", ($4 - a) * 100 / a, $1}' \
  "$WORK/marks"
