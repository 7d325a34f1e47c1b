#!/usr/bin/env bash
# Scale-out on one machine (not a test; see bench/README.md "Scale-out"): the topology of the README, with no single
# point of failure, loaded with simulated viewers, and two machines killed with kill -9 while they watch.
#
#   encoder (ffmpeg) ──► origin-a ─┬─ push ──► edge-push ─┐  (primary)
#   encoder (ffmpeg) ──► origin-b ─┤                      ├──► nginx proxy_cache ──► viewers
#                                  └─ pull ──► edge-pull ─┘  (backup; pulls from origin-a, fails over to origin-b)
#
# The same content is pushed to both origins in real time (redundant ingest, as on IIS); both origins push to
# edge-push, which keeps each fragment once; edge-pull pulls from origin-a with origin-b as its failover URL; nginx
# runs the README's cache configuration (src/deploy/nginx/openlss-cache.conf) with edge-push as its upstream and
# edge-pull as the backup. The viewer simulator (Smooth and HLS half and half, one in ten seeking into the DVR window)
# plays through nginx for the whole run, and watch-timeline.py reads the Smooth manifest and an HLS playlist through
# nginx every second.
#
#   0 .. R s       the viewers arrive, spread over R s
#   R .. R+P s     steady: CPU of every tier measured from R+10 s on
#   R+P s          kill -9 origin-a   (edge-push goes on with origin-b's push, edge-pull fails over to origin-b)
#   R+2P s         kill -9 edge-push  (nginx goes on with edge-pull)
#   R+3P s         end
#
# It prints the CPU of each tier, what nginx asked of each edge (upstream requests per fragment URL: proxy_cache_lock
# makes it at most one), fragment requests the origins answered, the viewers' requests, failures and stalls, and the
# timelines as the viewers saw them (gaps, duplicates, changes, the HLS media sequence).
#
#   bench/scale-out.sh [--viewers N] [--ramp S] [--phase S]   (defaults 1000 viewers, R 60 s, P 60 s: 6 minutes)
#
# Needs: a built tree (mvn package -DskipTests), ffmpeg, nginx, curl, python3, jcmd, setsid. Everything listens on
# 127.0.0.1 only and is stopped by its PID at the end.
VIEWERS=1000; RAMP=60; PHASE=60
while [ $# -gt 0 ]; do
  case "$1" in
    --viewers) VIEWERS="$2"; shift 2 ;;
    --ramp) RAMP="$2"; shift 2 ;;
    --phase) PHASE="$2"; shift 2 ;;
    *) echo "usage: bench/scale-out.sh [--viewers N] [--ramp S] [--phase S]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
require ffmpeg nginx curl python3 java jcmd setsid
header
content
POINT=live/channel.isml
TICKS=$(getconf CLK_TCK)
group_ticks() { # PGID [COMMAND]: CPU ticks of the group's processes (those running COMMAND)
  awk -v g="$1" -v c="${2:-}" '{comm = $2; sub(/^.*\) /, ""); if ($3 == g && (c == "" || comm == "(" c ")"))
    t += $12 + $13} END {print t + 0}' /proc/[0-9]*/stat 2>/dev/null
}
metric_sum() { # BASE METRIC: the sum of a metric over the server's tracks
  curl -fs -u admin:bench "$1/services/metrics" | awk -v m="$2" '$1 ~ "^" m "[{ ]" {s += $NF} END {printf "%d", s}'
}
credential() { # BASE NAME: a stored credential for the encoder account
  curl -fs -o /dev/null -u admin:bench -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"userName\":\"encoder\",\"password\":\"bench\"}" \
    "$1/services/smoothstreaming/credentials" || die "cannot store credential $2 on $1"
}

# The four servers, one after the other (together they take longer on two cores).
declare -A PID URL
for name in origin-a origin-b edge-push edge-pull; do
  launch_server "$name"; PID[$name]=$LAUNCHED_PID; URL[$name]=$LAUNCHED_BASE
  await_ready "${PID[$name]}" "${URL[$name]}" "$name"
done
echo "servers: $(for name in origin-a origin-b edge-push edge-pull; do printf '%s %s (pid %s)  ' "$name" \
  "${URL[$name]}" "${PID[$name]}"; done)"

EDGE_SETTINGS='"autoStart":true,"hls":{"enabled":true},"clientConnections":{"enabled":true,"windowLength":"PT2M"}'
BASE=${URL[edge-push]} create_point "$POINT" "{$EDGE_SETTINGS}"
credential "${URL[edge-pull]}" origin
BASE=${URL[edge-pull]} create_point "$POINT" "{$EDGE_SETTINGS,\"sourceType\":\"Pull\",\"pullFrom\":[
  {\"url\":\"${URL[origin-a]}/$POINT\",\"credentialName\":\"origin\"},
  {\"url\":\"${URL[origin-b]}/$POINT\",\"credentialName\":\"origin\"}]}"
for origin in origin-a origin-b; do
  credential "${URL[$origin]}" edge
  BASE=${URL[$origin]} create_point "$POINT" "{\"autoStart\":true,\"serverConnections\":{\"enabled\":true},
    \"pushTo\":[{\"url\":\"${URL[edge-push]}/$POINT\",\"credentialName\":\"edge\"}]}"
done
ENCODER=()
for origin in origin-a origin-b; do
  BASE=${URL[$origin]} push "$POINT" "$WORK/push-$origin.log" --loop
  ENCODER[${#ENCODER[@]}]=$PUSHED
done
for edge in edge-push edge-pull; do await_segments "${URL[$edge]}/$POINT"; done

# nginx: the README's cache configuration (src/deploy/nginx), its upstreams the two edges, a log of what it asked them.
NGINX="$WORK/nginx"; mkdir -p "$NGINX/cache"
chmod 711 "$WORK"   # nginx workers (user nobody when started as root) reach the cache under it
NGINX_PORT=$(free_port); CACHE="http://127.0.0.1:$NGINX_PORT"
sample=$(cat "$ROOT/src/deploy/nginx/openlss-cache.conf")
sample=${sample//\/var\/cache\/nginx\/openlss/$NGINX/cache}
sample=${sample//listen 80;/listen 127.0.0.1:$NGINX_PORT;}
sample=${sample//edge-1:8080/${URL[edge-push]#http://}}
sample=${sample//edge-2:8080/${URL[edge-pull]#http://}}
cat >"$NGINX/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $NGINX/nginx.pid;
error_log $NGINX/error.log;
events { worker_connections 8192; }
http {
log_format upstreams '\$upstream_addr|\$upstream_cache_status|\$status|\$request_uri';
access_log $NGINX/access.log upstreams buffer=256k flush=1s;
client_body_temp_path $NGINX/body; proxy_temp_path $NGINX/proxy; fastcgi_temp_path $NGINX/fcgi;
uwsgi_temp_path $NGINX/uwsgi; scgi_temp_path $NGINX/scgi;
$sample
}
CONF
setsid nginx -p "$NGINX" -c "$NGINX/nginx.conf" >"$NGINX/nginx.out" 2>&1 &
NGINX_GROUP=$!; GROUPS_STARTED+=("$NGINX_GROUP")
for _ in $(seq 1 20); do curl -fs -o /dev/null "$CACHE/$POINT/Manifest" && break; sleep 0.5; done
curl -fs -o /dev/null "$CACHE/$POINT/Manifest" || { cat "$NGINX/nginx.out" "$NGINX/error.log" >&2; die "nginx"; }

RUN=$((RAMP + 3 * PHASE))
java -cp "$ROOT/target/test-classes" org.openlss.viewers.Viewers --base "$CACHE/" --points "$POINT" \
  --viewers "$VIEWERS" --seconds "$RUN" --every 10 --ramp "$RAMP" >"$WORK/viewers.log" 2>&1 &
VIEWERS_PID=$!; PIDS_STARTED+=("$VIEWERS_PID")
python3 "$ROOT/bench/watch-timeline.py" --seconds "$RUN" "$CACHE/" "$POINT" >"$WORK/timeline.log" 2>&1 &
WATCH_PID=$!; PIDS_STARTED+=("$WATCH_PID")
START=$(date +%s)
at() { sleep $(($1 - ($(date +%s) - START))) 2>/dev/null || true; }
echo "$(date -u +%T) $VIEWERS viewers through nginx ($CACHE) for $RUN s, arriving over $RAMP s; origin-a killed at" \
  "$((RAMP + PHASE)) s, edge-push at $((RAMP + 2 * PHASE)) s"

TIERS=(origin-a origin-b edge-push edge-pull)
ticks_now() {
  for name in "${TIERS[@]}"; do awk '{print $14 + $15}' "/proc/${PID[$name]}/stat"; done
  group_ticks "$NGINX_GROUP"
  echo $(( $(group_ticks "${ENCODER[0]}" ffmpeg) + $(group_ticks "${ENCODER[1]}" ffmpeg) ))
  awk '{print $14 + $15}' "/proc/$VIEWERS_PID/stat"
}
at "$((RAMP + 10))"; mapfile -t T0 < <(ticks_now); W0=$(date +%s.%N)
at "$((RAMP + PHASE))"; mapfile -t T1 < <(ticks_now); W1=$(date +%s.%N)
ORIGIN_A_SERVED=$(metric_sum "${URL[origin-a]}" openlss_track_fragments_served_total)
kill -9 "${PID[origin-a]}"; wait "${PID[origin-a]}" 2>/dev/null || true; echo "$(date -u +%T) kill -9 origin-a"
at "$((RAMP + 2 * PHASE))"
EDGE_PUSH_SERVED=$(metric_sum "${URL[edge-push]}" openlss_track_fragments_served_total)
EDGE_PUSH_FRAGMENTS=$(metric_sum "${URL[edge-push]}" openlss_track_fragments_ingested_total)
kill -9 "${PID[edge-push]}"; wait "${PID[edge-push]}" 2>/dev/null || true; echo "$(date -u +%T) kill -9 edge-push"
at "$RUN"
wait "$WATCH_PID" || true
wait "$VIEWERS_PID" || true
sleep 1.5   # nginx flushes its log every second

echo
echo "CPU from $((RAMP + 10)) s to $((RAMP + PHASE)) s (steady, $VIEWERS viewers), % of one core:"
wall=$(calc "$W1 - $W0")
names=("${TIERS[@]}" nginx "ffmpeg x2" viewers)
for i in "${!names[@]}"; do
  printf '  %-10s %6.1f\n' "${names[$i]}" "$(calc "(${T1[$i]} - ${T0[$i]}) / $TICKS / $wall * 100")"
done
echo
echo "what nginx asked of the edges (all run):"
awk -F'|' -v push="${URL[edge-push]#http://}" -v pull="${URL[edge-pull]#http://}" '
  { kind = ($4 ~ /Fragments\(/) ? "media" : "manifest"; requests[kind]++
    if ($1 != "-") { n = split($1, tried, /, | : /); up[kind]++
      for (i = 1; i <= n; i++) { edge = tried[i] == push ? "edge-push" : tried[i] == pull ? "edge-pull" : tried[i]
                                 asked[edge " " kind]++ }
      if (kind == "media") per[$4]++ }
    status[$3]++ }
  END { for (k in requests) printf "  %s: %d requests from viewers, %d went upstream (%.2f %%)\n", k, requests[k],
          up[k], up[k] * 100 / requests[k]
        for (k in asked) printf "  %s: %d requests\n", k, asked[k]
        for (u in per) { urls++; total += per[u]; if (per[u] > most) most = per[u]; if (per[u] > 1) twice++ }
        printf "  media URLs fetched from an edge: %d, upstream requests per URL: mean %.3f, max %d, more than once %d\n",
          urls, total / (urls ? urls : 1), most, twice
        printf "  answers to viewers by status:"; for (s in status) printf " %s %d", s, status[s]; print "" }' \
  "$NGINX/access.log"
echo
echo "fragment requests answered by the origins: origin-a $ORIGIN_A_SERVED (until killed), origin-b" \
  "$(metric_sum "${URL[origin-b]}" openlss_track_fragments_served_total)"
echo "edge-push until killed: $EDGE_PUSH_FRAGMENTS fragments stored, $EDGE_PUSH_SERVED fragment requests answered;" \
  "edge-pull: $(metric_sum "${URL[edge-pull]}" openlss_track_fragments_ingested_total) stored," \
  "$(metric_sum "${URL[edge-pull]}" openlss_track_fragments_served_total) answered"
grep -h 'closed:' "$WORK/edge-push.log" | sed 's/^.*\] *//; s/^/  edge-push ingest: /' | head -4 || true
curl -fs -u admin:bench -H 'Accept: application/json' "${URL[edge-pull]}/$POINT/events" | python3 -c '
import json, sys
for e in json.load(sys.stdin).get("events", []):
    if "FAILOVER" in e.get("kind", "") or "DISCONNECT" in e.get("kind", ""):
        print("  edge-pull event: %s %s %s" % (e.get("time"), e.get("kind"), e.get("message", "")))' || true
echo
echo "viewers (through nginx):"
grep -E '^total|^ *total' "$WORK/viewers.log" | tail -1 | sed 's/^/  /'
tail -3 "$WORK/viewers.log" | sed 's/^/  | /'
echo
echo "timelines through nginx (watch-timeline.py, every second):"
sed 's/^/  /' "$WORK/timeline.log"
echo
total=$(grep '^total' "$WORK/viewers.log" || true)
stalls=$(echo "$total" | grep -o 'stalls [0-9]*' | awk '{print $2}')
failures=$(echo "$total" | grep -o 'failures [0-9]*' | awk '{print $2}')
most=$(awk -F'|' '$1 != "-" && $4 ~ /Fragments\(/ {n[$4]++} END {for (u in n) if (n[u] > m) m = n[u]; print m + 0}' \
  "$NGINX/access.log")
problems=$(grep -c -v -e 'no gap, overlap or change' -e '^    ' "$WORK/timeline.log" || true)
verdict=$([ "${stalls:-1}" = 0 ] && [ "${failures:-1}" = 0 ] && [ "$most" -le 1 ] && [ "$problems" = 0 ] \
  && echo PASS || echo FAIL)
echo "$verdict: viewer stalls ${stalls:-?}, failed requests ${failures:-?}, most upstream requests for one media URL" \
  "$most, timelines with a problem $problems"
