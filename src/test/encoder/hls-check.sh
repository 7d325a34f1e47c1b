#!/usr/bin/env bash
# hls-check.sh: ffmpeg and ffprobe as a second HLS client, beside the browser players.
#
#   hls-check.sh [--seconds N] URL          e.g. 'http://127.0.0.1:8080/live.isml/manifest(format=m3u8-aapl)'
#
# ffprobe lists the streams of the playlist; ffmpeg reads every variant for N seconds (default 6) and
# decodes it, stopping at the first error (-xerror). IIS-style segment URLs have no file extension,
# which ffmpeg's HLS reader refuses unless -extension_picky 0.
# Prints one JSON line {ok, url, seconds, streams, frames, errors, elapsed}; exits 0 when both ran
# without error and at least one video frame was decoded.
set -uo pipefail

seconds=6
usage() {
  sed -n '2,/^set -uo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) [ $# -ge 2 ] || usage; seconds=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "hls-check: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || usage
url=$1
command -v ffmpeg >/dev/null || { echo "hls-check: ffmpeg is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
began=$(date +%s.%N)
reader=(-extension_picky 0 -rw_timeout 15000000)

ffprobe -v error "${reader[@]}" -of json \
  -show_entries 'stream=index,codec_type,codec_name,profile,width,height,sample_rate,channels:program=program_id' \
  "$url" > "$work/probe.json" 2> "$work/probe.err"
probe_status=$?
ffmpeg -hide_banner -nostdin -v error "${reader[@]}" -i "$url" -map 0 -t "$seconds" -xerror -f framecrc - \
  > "$work/frames.txt" 2> "$work/decode.err"
decode_status=$?

python3 - "$url" "$seconds" "$probe_status" "$decode_status" "$work" "$began" <<'PY'
import json
import sys
import time

url, seconds, probe_status, decode_status, work, began = sys.argv[1:]
try:
    with open(work + "/probe.json") as f:
        streams = json.load(f).get("streams", [])
except (OSError, ValueError):
    streams = []
frames = {}
with open(work + "/frames.txt") as f:
    for line in f:
        if line.strip() and not line.startswith("#"):
            stream = line.split(",", 1)[0].strip()
            frames[stream] = frames.get(stream, 0) + 1
errors = []
for name in ("probe.err", "decode.err"):
    with open(work + "/" + name) as f:
        errors += [line.strip() for line in f if line.strip()]
video = {str(s["index"]) for s in streams if s.get("codec_type") == "video"}
video_frames = sum(n for stream, n in frames.items() if not video or stream in video)
ok = probe_status == "0" and decode_status == "0" and video_frames > 0
print(json.dumps({"ok": ok, "url": url, "seconds": float(seconds), "streams": streams, "frames": frames,
                  "errors": errors[:10], "elapsed": round(time.time() - float(began), 1)}))
sys.exit(0 if ok else 1)
PY
