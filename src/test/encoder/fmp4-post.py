#!/usr/bin/env python3
"""fmp4-post.py: replay a recorded Smooth ingest body to a publishing point as one live POST.

  fmp4-post.py [--no-pace] [--speed X] [--max-fragments N] [--no-mfra] [--abort-after N]
               [--header NAME:VALUE]... FILE URL

FILE is a body as ingest-capture.py saves it (ftyp, live-server-manifest, moov, moof+mdat ...,
mfra), or any fragmented MP4. URL is the whole ingest URL, e.g.
http://127.0.0.1:8080/live.isml/Streams(stream1). The request is HTTP/1.1 with
Transfer-Encoding: chunked: one chunk with the boxes before the first moof, then one chunk per
moof+mdat, sent when the fragment's end time (tfxd time + duration at 10 MHz, else the tfdt)
comes due, as an encoder sends a fragment only once it is complete.

  --no-pace          send everything at once
  --speed X          pace at X times real time (default 1)
  --max-fragments N  send only the first N fragments (then the mfra unless --no-mfra, and the end)
  --no-mfra          leave out the mfra box that ends the body
  --abort-after N    close the connection after N fragments without the final 0-length chunk,
                     as an encoder that dies does
  --header NAME:VALUE  an extra request header (repeatable)

Prints a summary and the server's status line on stderr; exits 0 when the reply is 2xx.
"""
import argparse
import socket
import struct
import sys
import time
import urllib.parse

TFXD = bytes.fromhex("6d1d9b0542d544e680e2141daff757b2")
SMOOTH_TIMESCALE = 10_000_000


def boxes(data, start=0, end=None):
    """(type, offset, size, header size) of each box in data[start:end]."""
    end = len(data) if end is None else end
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, at)
        header = 8
        if size == 1:
            size = struct.unpack_from(">Q", data, at + 8)[0]
            header = 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            raise ValueError("box %r at %d is truncated or invalid" % (kind, at))
        yield kind, at, size, header
        at += size


def fragment_end(data, at, size):
    """(time, timescale) at which the moof at data[at:at+size] is complete; (None, None) if unknown."""
    decode_time = None
    for kind, traf, traf_size, header in boxes(data, at + 8, at + size):
        if kind != b"traf":
            continue
        for child, o, child_size, child_header in boxes(data, traf + header, traf + traf_size):
            payload = o + child_header
            if child == b"uuid" and data[payload:payload + 16] == TFXD:
                payload += 16
                if data[payload] == 1:
                    time_, duration = struct.unpack_from(">QQ", data, payload + 4)
                else:
                    time_, duration = struct.unpack_from(">II", data, payload + 4)
                return time_ + duration, SMOOTH_TIMESCALE
            if child == b"tfdt":
                fmt = ">Q" if data[payload] == 1 else ">I"
                decode_time = struct.unpack_from(fmt, data, payload + 4)[0]
    return (decode_time, None) if decode_time is not None else (None, None)


def split(data):
    """The header boxes (one byte range), the moof(+mdat) ranges and the mfra range (or None)."""
    header_end = None
    fragments = []
    mfra = None
    for kind, at, size, _ in boxes(data):
        if kind == b"moof":
            header_end = at if header_end is None else header_end
            fragments.append([at, at + size])
        elif kind == b"mdat" and fragments and fragments[-1][1] == at:
            fragments[-1][1] = at + size
        elif kind == b"mfra":
            mfra = (at, at + size)
    return (0, len(data) if header_end is None else header_end), fragments, mfra


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("url")
    parser.add_argument("--no-pace", action="store_true")
    parser.add_argument("--speed", type=float, default=1.0)
    parser.add_argument("--max-fragments", type=int, default=None)
    parser.add_argument("--no-mfra", action="store_true")
    parser.add_argument("--abort-after", type=int, default=-1)
    parser.add_argument("--header", action="append", default=[])
    args = parser.parse_args()

    with open(args.file, "rb") as f:
        data = f.read()
    url = urllib.parse.urlsplit(args.url)
    if url.scheme != "http":
        parser.error("only http:// URLs")
    (header_start, header_end), fragments, mfra = split(data)
    if args.max_fragments is not None:
        fragments = fragments[:args.max_fragments]

    sock = socket.create_connection((url.hostname, url.port or 80))
    target = url.path + ("?" + url.query if url.query else "")
    lines = ["POST %s HTTP/1.1" % target, "Host: %s" % url.netloc, "Transfer-Encoding: chunked",
             "User-Agent: openlss-fmp4-post", "Connection: close"]
    for header in args.header:
        name, _, value = header.partition(":")
        lines.append("%s: %s" % (name.strip(), value.strip()))
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def send_chunk(payload):
        if payload:
            try:
                sock.sendall(b"%x\r\n" % len(payload) + payload + b"\r\n")
            except OSError as e:
                # the server answered early and closed: say what it answered, not only that the pipe broke
                raise SystemExit("fmp4-post: %s while sending; the server answered: %s" % (e, read_reply()))

    def read_reply():
        reply = b""
        sock.settimeout(10)
        try:
            while len(reply) < 4096:  # the request said Connection: close, so the answer ends at EOF
                received = sock.recv(4096)
                if not received:
                    break
                reply += received
        except OSError:
            pass
        return reply.decode("latin-1", "replace").strip() or "(no reply)"

    send_chunk(data[header_start:header_end])
    wall_start = time.monotonic()
    media_start = None
    sent = 0
    for start, end in fragments:
        if 0 <= args.abort_after <= sent:
            sock.close()
            sys.stderr.write("fmp4-post: connection closed after %d fragments, without the final chunk\n" % sent)
            return 1
        due, timescale = fragment_end(data, start, end - start)
        if not args.no_pace and due is not None and timescale:
            media_start = due if media_start is None else media_start
            delay = wall_start + (due - media_start) / timescale / args.speed - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        send_chunk(data[start:end])
        sent += 1
    if mfra and not args.no_mfra:
        send_chunk(data[mfra[0]:mfra[1]])
    sock.sendall(b"0\r\n\r\n")

    reply = read_reply()
    sock.close()
    status = reply.split("\r\n", 1)[0]
    sys.stderr.write("fmp4-post: %d header bytes and %d fragments sent; reply: %s\n"
                     % (header_end - header_start, sent, status))
    fields = status.split()
    return 0 if len(fields) > 1 and fields[1].startswith("2") else 1


if __name__ == "__main__":
    sys.exit(main())
