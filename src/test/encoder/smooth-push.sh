#!/usr/bin/env bash
# smooth-push.sh: ffmpeg as a live Smooth Streaming encoder for the OpenLSS tests.
#
#   smooth-push.sh [options] POINT_URL        POINT_URL e.g. http://127.0.0.1:8080/live.isml
#
# ffmpeg's ismv muxer with the isml flag POSTs, chunked, to POINT_URL/Streams(<id>): ftyp, the
# live-server-manifest box, moov, then a moof+mdat per track and fragment, an empty mfra at the end.
#
# Options:
#   -i FILE          the source; its tracks are copied, not re-encoded (default: $SMOOTH_TEST_SOURCE)
#   --encode         encode a live test pattern instead (3 x H.264 640x360/480x270/320x180 + AAC)
#   -t SECONDS       read only SECONDS of the source (with --loop: of the looped source)
#   --loop           loop the source without end; timestamps keep increasing
#   --per-track      one POST per track, Streams(video0), Streams(video1), ..., Streams(audio0);
#                    default: one POST with every track, Streams(<stream id>)
#   --stream-id ID   the stream id of the single POST (default stream1)
#   --start SECONDS  timestamp offset of the first fragment (default 0)
#   --frag SECONDS   fragment duration (default 2, the key frame interval of the test content)
#   --no-re          push as fast as ffmpeg can instead of in real time
#   --reconnect N    when ffmpeg fails (the connection dropped), start a new POST, at most N times;
#                    the timeline continues at start + wall-clock time elapsed, on the next fragment
#                    boundary, sent once the wall clock has reached it (never ahead of real time)
#   --user U:P       HTTP Basic credentials on every POST; http://U:P@host/... in the URL works too
#   --dry-run        print the ffmpeg command line and exit
#   -v               let ffmpeg report progress (default: warnings and errors only)
#
# The exit status is ffmpeg's: 0 when the stream ended normally (empty mfra and final chunk sent).
# SIGTERM or SIGINT stops a push cleanly: ffmpeg is interrupted and ends the stream.
set -euo pipefail

source_file=${SMOOTH_TEST_SOURCE:-}
encode=false; duration=""; loop=false; per_track=false; stream_id=stream1
start=0; frag=2; realtime=true; reconnects=0; credentials=""; dry_run=false; loglevel=warning

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}
need() { [ $# -ge 2 ] || { echo "smooth-push: $1 needs a value" >&2; usage; }; }

while [ $# -gt 0 ]; do
  case $1 in
    -i) need "$@"; source_file=$2; shift 2 ;;
    --encode) encode=true; shift ;;
    -t) need "$@"; duration=$2; shift 2 ;;
    --loop) loop=true; shift ;;
    --per-track) per_track=true; shift ;;
    --stream-id) need "$@"; stream_id=$2; shift 2 ;;
    --start) need "$@"; start=$2; shift 2 ;;
    --frag) need "$@"; frag=$2; shift 2 ;;
    --no-re) realtime=false; shift ;;
    --reconnect) need "$@"; reconnects=$2; shift 2 ;;
    --user) need "$@"; credentials=$2; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -v) loglevel=info; shift ;;
    -h|--help) usage ;;
    -*) echo "smooth-push: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || usage
point=${1%/}

# credentials: from --user, else from the URL; ffmpeg takes them as user info and sends them pre-emptively
if [[ $point =~ ^(https?://)([^/@]*)@(.*)$ ]]; then
  [ -n "$credentials" ] || credentials=${BASH_REMATCH[2]}
  point=${BASH_REMATCH[1]}${BASH_REMATCH[3]}
fi
if [ -n "$credentials" ]; then
  [[ $point =~ ^(https?://)(.*)$ ]] || { echo "smooth-push: not an http(s) URL: $point" >&2; exit 2; }
  point=${BASH_REMATCH[1]}$credentials@${BASH_REMATCH[2]}
fi

command -v ffmpeg >/dev/null || { echo "smooth-push: ffmpeg is not installed" >&2; exit 1; }
if ! $encode; then
  [ -n "$source_file" ] || { echo "smooth-push: no source (-i FILE, \$SMOOTH_TEST_SOURCE or --encode)" >&2; exit 2; }
  [ -r "$source_file" ] || { echo "smooth-push: cannot read $source_file" >&2; exit 2; }
  video_tracks=$(ffprobe -v error -select_streams v -show_entries stream=index -of csv=p=0 "$source_file" | wc -l)
  audio_tracks=$(ffprobe -v error -select_streams a -show_entries stream=index -of csv=p=0 "$source_file" | wc -l)
else
  video_tracks=3; audio_tracks=1
fi
frag_us=$(awk -v f="$frag" 'BEGIN { printf "%d", f * 1000000 }')
gop=$(awk -v f="$frag" 'BEGIN { printf "%d", f * 25 }')
bitrates=(800k 500k 250k)

# ffmpeg_command OFFSET: sets the array cmd to the ffmpeg command whose timestamps start at OFFSET seconds
ffmpeg_command() {
  local offset=$1 i
  local input_options=()
  $realtime && input_options+=(-re)
  [ -n "$duration" ] && input_options+=(-t "$duration")
  cmd=(ffmpeg -hide_banner -nostdin -loglevel "$loglevel")
  [ "$loglevel" = info ] && cmd+=(-stats)
  local video=() audio=() codec=()
  if $encode; then
    cmd+=("${input_options[@]}" -f lavfi -i testsrc2=size=640x360:rate=25
          "${input_options[@]}" -f lavfi -i sine=frequency=1000:beep_factor=4:sample_rate=48000
          # AAC priming (1024 samples) would put the first audio sample before 0: shift audio by it
          -filter_complex "[0:v]split=3[s0][s1][s2];[s0]null[v0];[s1]scale=480:270[v1];[s2]scale=320:180[v2];[1:a]asetpts=PTS+1024[a0]")
    video=("[v0]" "[v1]" "[v2]"); audio=("[a0]")
    codec=(-c:v libx264 -preset veryfast -tune zerolatency -profile:v high -pix_fmt yuv420p
           -g "$gop" -keyint_min "$gop" -sc_threshold 0 -bf 0 -c:a aac -b:a 96k -ac 2)
  else
    $loop && cmd+=(-stream_loop -1)
    cmd+=("${input_options[@]}" -i "$source_file")
    for ((i = 0; i < video_tracks; i++)); do video+=("0:v:$i"); done
    for ((i = 0; i < audio_tracks; i++)); do audio+=("0:a:$i"); done
    codec=(-c copy)
  fi
  # frag_duration as well: with an audio-only output frag_keyframe alone never cuts a fragment
  local muxer=(-output_ts_offset "$offset" -f ismv -movflags isml+frag_keyframe -frag_duration "$frag_us")
  [ -n "$credentials" ] && muxer+=(-auth_type basic)
  if $per_track; then
    for ((i = 0; i < ${#video[@]}; i++)); do
      cmd+=(-map "${video[$i]}" "${codec[@]}")
      $encode && cmd+=(-b:v "${bitrates[$i]}" -maxrate "${bitrates[$i]}" -bufsize "${bitrates[$i]}")
      cmd+=("${muxer[@]}" "$point/Streams(video$i)")
    done
    for ((i = 0; i < ${#audio[@]}; i++)); do
      cmd+=(-map "${audio[$i]}" "${codec[@]}" "${muxer[@]}" "$point/Streams(audio$i)")
    done
  else
    for track in "${video[@]}" "${audio[@]}"; do cmd+=(-map "$track"); done
    cmd+=("${codec[@]}")
    if $encode; then
      for ((i = 0; i < ${#video[@]}; i++)); do
        cmd+=("-b:v:$i" "${bitrates[$i]}" "-maxrate:v:$i" "${bitrates[$i]}" "-bufsize:v:$i" "${bitrates[$i]}")
      done
    fi
    cmd+=("${muxer[@]}" "$point/Streams($stream_id)")
  fi
}

if $dry_run; then
  ffmpeg_command "$start"
  printf '%q ' "${cmd[@]}"
  echo
  exit 0
fi

ffmpeg_pid=""
stop() {
  if [ -n "$ffmpeg_pid" ]; then
    kill -INT "$ffmpeg_pid" 2>/dev/null || true
    wait "$ffmpeg_pid" 2>/dev/null || true
  fi
  exit 130
}
trap stop INT TERM

began=$(date +%s.%N)
attempt=0
while true; do
  elapsed=$(awk -v b="$began" -v n="$(date +%s.%N)" 'BEGIN { printf "%.3f", n - b }')
  resume=$(awk -v e="$elapsed" -v f="$frag" -v a="$attempt" 'BEGIN { printf "%g", (a > 0 ? (int(e / f) + 1) * f : 0) }')
  offset=$(awk -v s="$start" -v r="$resume" 'BEGIN { printf "%g", s + r }')
  if $realtime && [ "$attempt" -gt 0 ]; then
    # A live encoder sends media once it has happened: wait until the wall clock reaches the resumed time, or the
    # new connection would run ahead of real time (and ahead of a redundant encoder still pushing the same event).
    sleep "$(awk -v r="$resume" -v e="$elapsed" 'BEGIN { printf "%.3f", r - e }')"
  fi
  ffmpeg_command "$offset"
  echo "smooth-push: POST to $point, attempt $((attempt + 1)), timestamps from ${offset} s" >&2
  "${cmd[@]}" &
  ffmpeg_pid=$!
  status=0
  wait "$ffmpeg_pid" || status=$?
  ffmpeg_pid=""
  if [ "$status" -eq 0 ] || [ "$attempt" -ge "$reconnects" ]; then
    exit "$status"
  fi
  attempt=$((attempt + 1))
  echo "smooth-push: ffmpeg ended with status $status; reconnecting in 1 s ($attempt of $reconnects)" >&2
  sleep 1
done
