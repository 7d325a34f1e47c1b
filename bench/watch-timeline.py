#!/usr/bin/env python3
"""Watches live timelines as a player sees them, for bench/scale-out.sh and bench/soak.sh (not a test).

    watch-timeline.py [--every S] [--seconds S] BASE POINT...

Every S seconds (default 1) it reads each point's Smooth manifest and the HLS media playlist of its first variant
from BASE (the server, or a cache in front of servers), until --seconds have passed (--seconds 0: once, e.g. for an
archive) or it gets SIGTERM, and then
prints one line per point and kind (the counts below) and the first problems found, each with the time it was seen.

Smooth, per stream: a *gap* is a fragment starting after the previous one ended, an *overlap* one starting before
(a duplicate); *lost* is a fragment listed once and missing later from a manifest whose range still covers it;
*changed* a fragment listed again with another duration. HLS: a *discontinuity* is an EXT-X-DISCONTINUITY tag (the
server marks every break in the timeline so), *changed* a media sequence number naming another segment than before,
*duplicate* one segment under two numbers. *behind* counts answers older than one already seen (another server
behind a cache may lag a fragment; not a fault) and *failed* answers that were not 200.
"""
import bisect
import re
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET


class Counts:
    def __init__(self):
        self.samples = self.failed = self.behind = 0
        self.problems = {}
        self.first = []

    def problem(self, kind, what):
        self.problems[kind] = self.problems.get(kind, 0) + 1
        if len(self.first) < 5:
            self.first.append("%s %s: %s" % (time.strftime("%H:%M:%S"), kind, what))


class SmoothWatch:
    """Every fragment of every stream ever listed: stream -> (sorted times, time -> duration)."""

    def __init__(self, url):
        self.url, self.counts, self.known, self.end = url, Counts(), {}, {}

    def sample(self, text):
        root = ET.fromstring(text)
        for index in root.iter("StreamIndex"):
            name = index.get("Name") or index.get("Type")
            times, durations = self.known.setdefault(name, ([], {}))
            listed, running = [], None
            for c in index.iter("c"):
                d = int(c.get("d", "0"))
                t = int(c.get("t")) if c.get("t") is not None else running
                if t is None or d <= 0:
                    self.counts.problem("unreadable", "%s: c without time or duration" % name)
                    break
                if running is not None and t > running:
                    self.counts.problem("gap", "%s: %d..%d" % (name, running, t))
                elif running is not None and t < running:
                    self.counts.problem("overlap", "%s: %d starts before %d" % (name, t, running))
                for _ in range(int(c.get("r", "1"))):
                    listed.append((t, d))
                    t += d
                running = t
            if not listed:
                continue
            first, end = listed[0][0], running
            if end < self.end.get(name, 0):
                self.counts.behind += 1
            self.end[name] = max(end, self.end.get(name, 0))
            present = {t for t, _ in listed}
            for t in times[bisect.bisect_left(times, first):bisect.bisect_left(times, end)]:
                if t not in present:
                    self.counts.problem("lost", "%s: %d" % (name, t))
            for t, d in listed:
                if t not in durations:
                    durations[t] = d
                    bisect.insort(times, t)
                elif durations[t] != d:
                    self.counts.problem("changed", "%s: %d was %d long, now %d" % (name, t, durations[t], d))

    def summary(self):
        return "fragments " + ", ".join("%s %d" % (n, len(k[0])) for n, k in sorted(self.known.items()))


class HlsWatch:
    def __init__(self, master_url):
        self.master_url, self.url, self.counts = master_url, None, Counts()
        self.by_sequence, self.by_uri, self.newest, self.sequences = {}, {}, -1, None

    def sample(self, text):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        sequence = next((int(line.split(":")[1]) for line in lines if line.startswith("#EXT-X-MEDIA-SEQUENCE:")), 0)
        if any(line == "#EXT-X-DISCONTINUITY" for line in lines):
            self.counts.problem("discontinuity", "in the playlist at media sequence %d" % sequence)
        uris = [line for line in lines if not line.startswith("#")]
        last = sequence + len(uris) - 1
        if last < self.newest:
            self.counts.behind += 1
        self.newest = max(self.newest, last)
        for number, uri in enumerate(uris, sequence):
            if self.by_sequence.setdefault(number, uri) != uri:
                self.counts.problem("changed", "%d was %s, now %s" % (number, self.by_sequence[number], uri))
            if self.by_uri.setdefault(uri, number) != number:
                self.counts.problem("duplicate", "%s as %d and %d" % (uri, self.by_uri[uri], number))
        self.sequences = (min(self.by_sequence), self.newest) if self.by_sequence else None

    def summary(self):
        return "segments %d, media sequence %s" % (
            len(self.by_sequence), "%d..%d" % self.sequences if self.sequences else "none")


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def poll(watch, url):
    watch.counts.samples += 1
    try:
        watch.sample(get(url))
    except (urllib.error.URLError, OSError, ValueError, ET.ParseError) as e:
        watch.counts.failed += 1
        if watch.counts.failed <= 3:
            watch.counts.first.append("%s failed: %s" % (time.strftime("%H:%M:%S"), e))


def main(argv):
    every, seconds, args = 1.0, float("inf"), list(argv)
    while args and args[0].startswith("--"):
        option, value = args.pop(0), args.pop(0)
        if option == "--every":
            every = float(value)
        elif option == "--seconds":
            seconds = float(value)
        else:
            sys.exit("watch-timeline.py: unknown option " + option)
    if len(args) < 2:
        sys.exit(__doc__)
    base = args[0].rstrip("/") + "/"
    watches = [(point, SmoothWatch(base + point + "/Manifest"),
                HlsWatch(base + point + "/manifest(format=m3u8-aapl)")) for point in args[1:]]
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    deadline = time.monotonic() + seconds
    while True:   # at least once: --seconds 0 reads a finished (archived) presentation once
        began = time.monotonic()
        for _, smooth, hls in watches:
            poll(smooth, smooth.url)
            if hls.url is None:
                try:
                    variant = next(line for line in get(hls.master_url).splitlines()
                                   if line.strip() and not line.startswith("#"))
                    hls.url = urllib.parse.urljoin(hls.master_url, variant.strip())
                except (urllib.error.URLError, OSError, StopIteration):
                    continue
            poll(hls, hls.url)
        if stop or time.monotonic() >= deadline:
            break
        time.sleep(max(0.0, min(every - (time.monotonic() - began), deadline - time.monotonic())))
    for point, smooth, hls in watches:
        for kind, watch, what in (("smooth", smooth, smooth.summary()), ("hls", hls, hls.summary())):
            c = watch.counts
            problems = ", ".join("%s %d" % p for p in sorted(c.problems.items())) or "no gap, overlap or change"
            print("%s %s: %d samples, %s; %s; behind %d, failed %d" % (point, kind, c.samples, what, problems,
                                                                        c.behind, c.failed))
            for line in c.first:
                print("    " + line)
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
