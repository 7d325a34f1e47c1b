#!/usr/bin/env bash
# make-test-content.sh: the deterministic media the OpenLSS tests push and play, made by ffmpeg.
#
#   make-test-content.sh [--duration SECONDS] [--bframes N] OUTDIR
#
# OUTDIR/source.mp4    three H.264 High renditions, 640x360 at 800 kb/s, 480x270 at 500 kb/s and
#                      320x180 at 250 kb/s, 25 fps, a key frame every 2 s and nowhere else, and
#                      AAC-LC 48 kHz stereo at 96 kb/s; no edit lists, every track starts at 0
#                      (with B-frames the first video presentation time comes two frames later).
#                      What smooth-push.sh sends.
# OUTDIR/source.ismv   the same as one on-demand Smooth file (ffmpeg -f ismv: 10 MHz timescale,
#                      a moof/mdat per track every 2 s with tfxd, an mfra index at the end).
# OUTDIR/smooth/       on-demand Smooth as ffmpeg -f smoothstreaming writes it: Manifest and
#                      QualityLevels(<bitrate>)/Fragments(<video|audio>=<time>), named as requested.
# OUTDIR/hls/          HLS with 2 s MPEG-TS segments, the audio in every variant:
#                      master.m3u8, v<N>/index.m3u8, v<N>/seg<NNN>.ts
# OUTDIR/content.json  what was made (tracks, codecs, sizes and checksums); written last.
#
# --duration defaults to 30 s, --bframes to 0. x264 runs on one thread with bit-exact flags, so
# one ffmpeg build makes the same bytes every time.
set -euo pipefail

duration=30
bframes=0
usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case $1 in
    --duration) [ $# -ge 2 ] || usage; duration=$2; shift 2 ;;
    --bframes) [ $# -ge 2 ] || usage; bframes=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "make-test-content: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || usage
command -v ffmpeg >/dev/null || { echo "make-test-content: ffmpeg is not installed" >&2; exit 1; }
mkdir -p "$1"
cd "$1"
rm -rf content.json source.mp4 source.ismv smooth hls

ffmpeg=(ffmpeg -hide_banner -nostdin -loglevel error -y)
bitexact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)

# the source: GOP of 50 frames at 25 fps, no scene-cut key frames, so every rendition cuts at the same 2 s
"${ffmpeg[@]}" \
  -f lavfi -i "testsrc2=size=640x360:rate=25:duration=$duration" \
  -f lavfi -i "sine=frequency=1000:beep_factor=4:sample_rate=48000:duration=$duration" \
  -filter_complex "[0:v]split=3[s0][s1][s2];[s0]null[v0];[s1]scale=480:270[v1];[s2]scale=320:180[v2]" \
  -map "[v0]" -map "[v1]" -map "[v2]" -map 1:a \
  -c:v libx264 -threads:v 1 -preset veryfast -profile:v high -pix_fmt yuv420p \
  -g 50 -keyint_min 50 -sc_threshold 0 -bf "$bframes" \
  -b:v:0 800k -maxrate:v:0 800k -bufsize:v:0 1600k \
  -b:v:1 500k -maxrate:v:1 500k -bufsize:v:1 1000k \
  -b:v:2 250k -maxrate:v:2 250k -bufsize:v:2 500k \
  -c:a aac -b:a 96k -ac 2 \
  "${bitexact[@]}" -use_editlist 0 source.mp4

"${ffmpeg[@]}" -i source.mp4 -map 0 -c copy "${bitexact[@]}" -f ismv -movflags frag_keyframe source.ismv

"${ffmpeg[@]}" -i source.mp4 -map 0 -c copy -f smoothstreaming -min_frag_duration 2000000 -lookahead_count 2 smooth

# ffmpeg's final Manifest gives no t= for the first chunk, which says every stream starts at 0; with
# B-frames video starts later, so the first chunk of each stream gets the time of its first fragment
python3 - <<'PY'
import os
import re

first = {}
for level in os.listdir("smooth"):
    if level.startswith("QualityLevels("):
        for name in os.listdir(os.path.join("smooth", level)):
            m = re.fullmatch(r"Fragments\((\w+)=(\d+)\)", name)
            if m:
                kind, time = m.group(1), int(m.group(2))
                first[kind] = min(time, first.get(kind, time))


def with_start(stream):
    text = stream.group(0)
    kind = re.search(r'Type="(\w+)"', text)
    start = first.get(kind.group(1), 0) if kind else 0
    return text.replace('<c n="0" ', '<c t="%d" n="0" ' % start, 1) if start else text


with open("smooth/Manifest") as f:
    manifest = f.read()
with open("smooth/Manifest", "w") as f:
    f.write(re.sub(r"<StreamIndex.*?</StreamIndex>", with_start, manifest, flags=re.S))
PY

mkdir hls
"${ffmpeg[@]}" -i source.mp4 \
  -map 0:v:0 -map 0:a:0 -map 0:v:1 -map 0:a:0 -map 0:v:2 -map 0:a:0 -c copy \
  -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type mpegts \
  -var_stream_map "v:0,a:0 v:1,a:1 v:2,a:2" -master_pl_name master.m3u8 \
  -hls_segment_filename 'hls/v%v/seg%03d.ts' 'hls/v%v/index.m3u8'

ffprobe -v error -of json -show_entries \
  stream=index,codec_type,codec_name,profile,level,width,height,bit_rate,sample_rate,channels,r_frame_rate,duration \
  source.mp4 > probe.json.tmp
python3 - "$duration" "$bframes" <<'PY'
import hashlib
import json
import os
import sys

with open("probe.json.tmp") as f:
    streams = json.load(f)["streams"]
os.remove("probe.json.tmp")
PROFILES = {"High": 0x64, "Main": 0x4D, "Baseline": 0x42, "Constrained Baseline": 0x42}
tracks = []
for s in streams:
    track = {k: s[k] for k in ("index", "codec_type", "codec_name", "profile", "width", "height",
                               "sample_rate", "channels", "r_frame_rate", "duration") if s.get(k) is not None}
    if s.get("bit_rate"):
        track["bit_rate"] = int(s["bit_rate"])
    if s["codec_name"] == "h264":
        profile = PROFILES.get(s.get("profile"), 0x64)
        track["level"] = s.get("level")
        track["codecs"] = "avc1.%02X%02X%02X" % (profile, 0xC0 if profile == 0x42 else 0, s.get("level") or 0)
    elif s["codec_name"] == "aac":
        track["codecs"] = "mp4a.40.2"
    tracks.append(track)


def md5(name):
    digest = hashlib.md5()
    with open(name, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


content = {
    "duration_s": float(sys.argv[1]), "bframes": int(sys.argv[2]), "gop_s": 2, "fps": 25,
    "timescale_smooth": 10000000, "tracks": tracks,
    "smooth_quality_levels": sorted(q for q in os.listdir("smooth") if q.startswith("QualityLevels(")),
    "files": {name: {"bytes": os.path.getsize(name), "md5": md5(name)} for name in ("source.mp4", "source.ismv")},
    "hls_master": "hls/master.m3u8", "smooth_manifest": "smooth/Manifest",
}
with open("content.json.tmp", "w") as f:
    json.dump(content, f, indent=1)
os.replace("content.json.tmp", "content.json")
PY
echo "test content in $PWD:"
du -sh source.mp4 source.ismv smooth hls | sed 's/^/  /'
