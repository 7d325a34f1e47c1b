#!/usr/bin/env python3
"""boxdump.py: the ISO-BMFF box tree of a file or of stdin, as a parser independent of OpenLSS reads it.

  boxdump.py [-s N] [--top] [--no-xml] [--max-depth D] [--timescale T] FILE|-

One line per box: indentation by depth, the type, "@offset size=N" and the decoded fields.
Smooth Streaming / PIFF uuid boxes are named by their extended type: uuid[live-server-manifest]
(its SMIL XML follows, each line prefixed "| "), uuid[tfxd], uuid[tfrf], uuid[piff-senc],
uuid[piff-tenc], uuid[piff-pssh]; other uuid boxes show the UUID.

  -s N           list the first N samples of every trun
  --top          only the top-level boxes, runs of moof+mdat summarised on one line
  --no-xml       leave out the live-server-manifest XML
  --max-depth D  do not list boxes deeper than D (0 = top level)
  --timescale T  timescale for times when no moov said it, e.g. a lone fragment (default 10000000)

Exit status 0 when the whole input parsed, 1 when a box was truncated or malformed.
"""
import argparse
import struct
import sys
import uuid

UUIDS = {
    "a5d40b30-e814-11dd-ba2f-0800200c9a66": "live-server-manifest",
    "6d1d9b05-42d5-44e6-80e2-141daff757b2": "tfxd",
    "d4807ef2-ca39-4695-8e54-26cb9e46a79f": "tfrf",
    "a2394f52-5a9b-4f14-a244-6c427c648df4": "piff-senc",
    "8974dbce-7be7-4c51-84f9-7148f9882554": "piff-tenc",
    "d08a4f18-10f3-4a82-b6c8-32d8aba183d3": "piff-pssh",
}
# boxes that hold only boxes, and the bytes to skip before the children of those that hold more
CHILDREN_AT = {k: 0 for k in ("moov", "trak", "mdia", "minf", "stbl", "dinf", "edts", "mvex", "moof", "traf",
                              "mfra", "udta", "sinf", "schi", "tref", "ilst", "gmhd")}
CHILDREN_AT.update({"meta": 4, "dref": 8, "stsd": 8})
VISUAL = {"avc1", "avc3", "hvc1", "hev1", "encv", "mp4v", "vp09", "av01"}
AUDIO = {"mp4a", "enca", "ac-3", "ec-3", "Opus", "fLaC"}
for kind in VISUAL:
    CHILDREN_AT[kind] = 78
for kind in AUDIO:
    CHILDREN_AT[kind] = 28


def u(data, at, n):
    return int.from_bytes(data[at:at + n], "big") if at + n <= len(data) else _short()


def s32(data, at):
    return struct.unpack_from(">i", data, at)[0]


def _short():
    raise IndexError("box too short")


def fourcc(raw):
    text = bytes(raw).decode("latin-1")
    return text if all(" " <= c <= "~" or c == "\u00a9" for c in text) else bytes(raw).hex()


class Dump:
    def __init__(self, args, out):
        self.args = args
        self.out = out
        self.errors = 0
        self.track = None
        self.timescales = {}

    def seconds(self, value):
        scale = self.timescales.get(self.track) or self.args.timescale
        return " (%.3fs @%d)" % (value / scale, scale) if scale else ""

    def walk(self, data, start, end, depth):
        """Lists the boxes in data[start:end]; returns [(name, offset, size)] of that level."""
        level = []
        at = start
        while at < end:
            if end - at < 8:
                self.out("%s<%d trailing bytes>" % ("  " * depth, end - at))
                self.errors += 1
                break
            size, kind = u(data, at, 4), fourcc(data[at + 4:at + 8])
            header = 8
            if size == 1:
                if end - at < 16:
                    self.errors += 1
                    break
                size, header = u(data, at + 8, 8), 16
            elif size == 0:
                size = end - at
            name = kind
            if kind == "uuid":
                if end - at < header + 16:
                    self.errors += 1
                    break
                ext = str(uuid.UUID(bytes=bytes(data[at + header:at + header + 16])))
                name = "uuid[%s]" % UUIDS.get(ext, ext)
                kind = UUIDS.get(ext, "uuid")
                header += 16
            truncated = size < header or at + size > end
            level.append((name, at, size))
            if self.args.top and depth == 0:
                if truncated:
                    self.out("%s @%d size=%d TRUNCATED (%d bytes left)" % (name, at, size, end - at))
                    self.errors += 1
                    break
                at += size
                continue
            body = bytes(data[at + header:min(at + size, end)])
            if self.args.max_depth is None or depth <= self.args.max_depth:
                fields, lines = ("", []) if kind == "mdat" else self.describe(kind, body)
                self.out("%s%s @%d size=%d%s" % ("  " * depth, name, at, size, " " + fields if fields else ""))
                for line in lines:
                    self.out("%s  %s" % ("  " * depth, line))
                if truncated:
                    self.out("%s  TRUNCATED: %d of %d bytes" % ("  " * depth, end - at, size))
                    self.errors += 1
                    break
                if kind in CHILDREN_AT and CHILDREN_AT[kind] <= len(body):
                    self.walk(data, at + header + CHILDREN_AT[kind], at + size, depth + 1)
            elif truncated:
                self.errors += 1
                break
            at += size
        return level

    def describe(self, kind, d):
        """(fields, extra lines) of one box's payload d."""
        try:
            method = getattr(self, "box_" + kind.replace("-", "_"), None)
            if method:
                return method(d)
            if kind in VISUAL:
                return "data_ref=%d %dx%d" % (u(d, 6, 2), u(d, 24, 2), u(d, 26, 2)), []
            if kind in AUDIO:
                return "data_ref=%d channels=%d sample_size=%d sample_rate=%d" % (
                    u(d, 6, 2), u(d, 16, 2), u(d, 18, 2), u(d, 24, 4) >> 16), []
            if kind in ("meta", "dref", "stsd"):
                return "v%d flags=0x%x" % (d[0], u(d, 1, 3)) + (" entries=%d" % u(d, 4, 4) if kind != "meta" else ""), []
        except (IndexError, struct.error) as e:
            self.errors += 1
            return "<cannot decode: %s>" % e, []
        return "", []

    def box_ftyp(self, d):
        compatible = [fourcc(d[i:i + 4]) for i in range(8, len(d) - 3, 4)]
        return "major=%s minor=%d compatible=%s" % (fourcc(d[0:4]), u(d, 4, 4), ",".join(compatible)), []

    box_styp = box_ftyp

    def box_mvhd(self, d):
        wide = d[0] == 1
        scale, duration = (u(d, 20, 4), u(d, 24, 8)) if wide else (u(d, 12, 4), u(d, 16, 4))
        return "v%d timescale=%d duration=%d next_track_id=%d" % (d[0], scale, duration,
                                                                  u(d, 108 if wide else 96, 4)), []

    def box_tkhd(self, d):
        wide = d[0] == 1
        self.track = u(d, 20 if wide else 12, 4)
        duration = u(d, 28, 8) if wide else u(d, 20, 4)
        size_at = 88 if wide else 76
        return "v%d flags=0x%x track_id=%d duration=%d size=%gx%g" % (
            d[0], u(d, 1, 3), self.track, duration, u(d, size_at, 4) / 65536, u(d, size_at + 4, 4) / 65536), []

    def box_mdhd(self, d):
        wide = d[0] == 1
        scale, duration, lang = (u(d, 20, 4), u(d, 24, 8), u(d, 32, 2)) if wide else \
            (u(d, 12, 4), u(d, 16, 4), u(d, 20, 2))
        if self.track is not None:
            self.timescales[self.track] = scale
        language = "".join(chr((lang >> shift & 31) + 0x60) for shift in (10, 5, 0))
        return "v%d timescale=%d duration=%d lang=%s" % (d[0], scale, duration, language), []

    def box_hdlr(self, d):
        return "handler=%s name=%r" % (fourcc(d[8:12]), d[24:].split(b"\0")[0].decode("utf-8", "replace")), []

    def box_avcC(self, d):
        fields = "version=%d profile=%d compat=0x%02x level=%d nal_length_size=%d codecs=avc1.%02X%02X%02X" % (
            d[0], d[1], d[2], d[3], (d[4] & 3) + 1, d[1], d[2], d[3])
        at, sets = 5, []
        for mask in (31, 255):
            count = d[at] & mask
            at += 1
            units = []
            for _ in range(count):
                n = u(d, at, 2)
                units.append(d[at + 2:at + 2 + n].hex())
                at += 2 + n
            sets.append(",".join(units))
        return fields, ["SPS=" + sets[0], "PPS=" + sets[1]]

    def box_esds(self, d):
        at, oti, config = 4, None, None
        while at < len(d):
            tag, length = d[at], 0
            at += 1
            for _ in range(4):
                length = length << 7 | d[at] & 0x7F
                at += 1
                if not d[at - 1] & 0x80:
                    break
            if tag == 3:  # ES_Descriptor: id, flags, optional fields, then nested descriptors
                flags = d[at + 2]
                at += 3 + (2 if flags & 0x80 else 0)
                at += 1 + d[at] if flags & 0x40 else 0
                at += 2 if flags & 0x20 else 0
            elif tag == 4:  # DecoderConfigDescriptor: 13 bytes, then the DecoderSpecificInfo
                oti = d[at]
                at += 13
            elif tag == 5:
                config = d[at:at + length]
                break
            else:
                at += length
        fields = "objectTypeIndication=0x%02x" % (oti or 0)
        if config:
            fields += " AudioSpecificConfig=%s codecs=mp4a.40.%d" % (config.hex(), config[0] >> 3)
        return fields, []

    def box_elst(self, d):
        wide, count, entries = d[0] == 1, u(d, 4, 4), []
        for i in range(min(count, 4)):
            if wide:
                entries.append("(dur=%d media_time=%d)" % (u(d, 8 + 20 * i, 8), struct.unpack_from(">q", d, 16 + 20 * i)[0]))
            else:
                entries.append("(dur=%d media_time=%d)" % (u(d, 8 + 12 * i, 4), s32(d, 12 + 12 * i)))
        return ("entries=%d " % count) + " ".join(entries), []

    def box_btrt(self, d):
        return "buffer=%d max_bitrate=%d avg_bitrate=%d" % (u(d, 0, 4), u(d, 4, 4), u(d, 8, 4)), []

    def box_trex(self, d):
        return "track_id=%d default_desc=%d default_dur=%d default_size=%d default_flags=0x%08x" % tuple(
            u(d, at, 4) for at in (4, 8, 12, 16, 20)), []

    def box_mehd(self, d):
        return "fragment_duration=%d" % (u(d, 4, 8) if d[0] == 1 else u(d, 4, 4)), []

    def box_mfhd(self, d):
        return "sequence_number=%d" % u(d, 4, 4), []

    def box_tfhd(self, d):
        flags = u(d, 1, 3)
        self.track = u(d, 4, 4)
        fields = ["flags=0x%06x track_id=%d" % (flags, self.track)]
        at = 8
        for bit, label, width in ((0x1, "base_data_offset", 8), (0x2, "sample_desc", 4), (0x8, "default_dur", 4),
                                  (0x10, "default_size", 4), (0x20, "default_flags", 4)):
            if flags & bit:
                value = u(d, at, width)
                fields.append(("%s=0x%08x" if label == "default_flags" else "%s=%d") % (label, value))
                at += width
        if flags & 0x10000:
            fields.append("duration-is-empty")
        if flags & 0x20000:
            fields.append("default-base-is-moof")
        return " ".join(fields), []

    def box_tfdt(self, d):
        time = u(d, 4, 8) if d[0] == 1 else u(d, 4, 4)
        return "v%d base_media_decode_time=%d%s" % (d[0], time, self.seconds(time)), []

    def box_trun(self, d):
        version, flags, count = d[0], u(d, 1, 3), u(d, 4, 4)
        fields = ["v%d flags=0x%06x sample_count=%d" % (version, flags, count)]
        at = 8
        if flags & 0x1:
            fields.append("data_offset=%d" % s32(d, at))
            at += 4
        if flags & 0x4:
            fields.append("first_sample_flags=0x%08x" % u(d, at, 4))
            at += 4
        total_duration = total_size = 0
        lines = []
        for i in range(count):
            duration = size = sample_flags = offset = None
            if flags & 0x100:
                duration = u(d, at, 4)
                total_duration += duration
                at += 4
            if flags & 0x200:
                size = u(d, at, 4)
                total_size += size
                at += 4
            if flags & 0x400:
                sample_flags = "0x%08x" % u(d, at, 4)
                at += 4
            if flags & 0x800:
                offset = s32(d, at) if version == 1 else u(d, at, 4)
                at += 4
            if i < self.args.samples:
                lines.append("sample[%d] dur=%s size=%s flags=%s cto=%s" % (i, duration, size, sample_flags, offset))
        if flags & 0x100:
            fields.append("sum_dur=%d" % total_duration)
        if flags & 0x200:
            fields.append("sum_size=%d" % total_size)
        return " ".join(fields), lines

    def box_tfxd(self, d):
        time, duration = (u(d, 4, 8), u(d, 12, 8)) if d[0] == 1 else (u(d, 4, 4), u(d, 8, 4))
        return "v%d fragment_absolute_time=%d fragment_duration=%d%s" % (d[0], time, duration, self.seconds(time)), []

    def box_tfrf(self, d):
        width = 8 if d[0] == 1 else 4
        entries = ["(%d,%d)" % (u(d, 5 + 2 * width * i, width), u(d, 5 + 2 * width * i + width, width))
                   for i in range(d[4])]
        return " ".join(["v%d fragment_count=%d" % (d[0], d[4])] + entries), []

    def box_live_server_manifest(self, d):
        xml = d[4:].decode("utf-8", "replace").rstrip("\0")
        lines = [] if self.args.no_xml else ["| " + line for line in xml.splitlines()]
        return "v%d flags=0x%x xml_bytes=%d" % (d[0], u(d, 1, 3), len(d) - 4), lines

    def box_piff_pssh(self, d):
        return "v%d system_id=%s data_bytes=%d" % (d[0], uuid.UUID(bytes=bytes(d[4:20])), u(d, 20, 4)), []

    def box_piff_tenc(self, d):
        return "v%d algorithm=%d iv_size=%d kid=%s" % (d[0], u(d, 4, 3), d[7], d[8:24].hex()), []

    def box_piff_senc(self, d):
        flags = u(d, 1, 3)
        at = 4 + (20 if flags & 1 else 0)
        return "v%d flags=0x%x sample_count=%d" % (d[0], flags, u(d, at, 4)), []

    def box_tfra(self, d):
        return "v%d track_id=%d entries=%d" % (d[0], u(d, 4, 4), u(d, 12, 4)), []

    def box_mfro(self, d):
        return "mfra_size=%d" % u(d, 4, 4), []

    def box_sidx(self, d):
        return "v%d reference_id=%d timescale=%d" % (d[0], u(d, 4, 4), u(d, 8, 4)), []

    def box_stsz(self, d):
        return "sample_size=%d sample_count=%d" % (u(d, 4, 4), u(d, 8, 4)), []

    def box_stts(self, d):
        return "entries=%d" % u(d, 4, 4), []

    box_stco = box_stsc = box_stss = box_ctts = box_co64 = box_stts


def summarise(level, out):
    """The top level, with each run of moof+mdat pairs on one line."""
    i = 0
    while i < len(level):
        name, at, size = level[i]
        pairs, total = 0, 0
        while i + 1 < len(level) and level[i][0] == "moof" and level[i + 1][0] == "mdat":
            pairs += 1
            total += level[i][2] + level[i + 1][2]
            i += 2
        if pairs:
            out("(moof mdat) x %d  @%d..%d  %d bytes" % (pairs, at, at + total, total))
            continue
        out("%s @%d size=%d" % (name, at, size))
        i += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="a file, or - for stdin")
    parser.add_argument("-s", "--samples", type=int, default=0)
    parser.add_argument("--top", action="store_true")
    parser.add_argument("--no-xml", action="store_true")
    parser.add_argument("--max-depth", type=int)
    parser.add_argument("--timescale", type=int, default=10_000_000)
    args = parser.parse_args()
    if args.file == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(args.file, "rb") as f:
            data = f.read()
    problems = []
    dump = Dump(args, problems.append if args.top else print)
    try:
        level = dump.walk(memoryview(data), 0, len(data), 0)
        if args.top:
            summarise(level, print)
            for line in problems:
                print(line)
    except BrokenPipeError:
        return 0
    return 1 if dump.errors else 0


if __name__ == "__main__":
    sys.exit(main())
