#!/usr/bin/env python3
"""ingest-capture.py: a stand-in publishing point that records what an encoder sends.

  ingest-capture.py [--host 127.0.0.1] [--port 8090] [--max-seconds N] OUTDIR

Accepts any request on any path (an encoder POSTs to http://HOST:PORT/<name>.isml/Streams(<id>)),
reads the body (chunked or with Content-Length), saves it de-chunked as OUTDIR/NNN-<path>.body
and appends one JSON line per request to OUTDIR/requests.jsonl: n, method, path, version,
headers, body_file, body_bytes, chunks, complete (the whole body arrived), error, start,
first_byte_after_s, duration_s. Answers 200 once the body is complete, as a publishing point
does; after a broken body it just closes the connection. Numbering continues after the bodies
already in OUTDIR. Stops after --max-seconds, or when killed.
"""
import argparse
import http.server
import json
import os
import re
import sys
import threading
import time


class Capture:
    """The output directory and the request counter, which every handler thread uses."""

    def __init__(self, outdir):
        self.outdir = outdir
        self.lock = threading.Lock()
        taken = [int(m.group(1)) for m in (re.match(r"(\d+)-.*\.body$", f) for f in os.listdir(outdir)) if m]
        self.count = max(taken, default=0)

    def next_file(self, path):
        with self.lock:
            self.count += 1
            n = self.count
        name = re.sub(r"[^A-Za-z0-9._()=-]+", "_", path.strip("/"))[:120] or "root"
        return n, os.path.join(self.outdir, "%03d-%s.body" % (n, name))

    def log(self, record):
        with self.lock:
            with open(os.path.join(self.outdir, "requests.jsonl"), "a") as f:
                f.write(json.dumps(record) + "\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    capture = None

    def log_message(self, fmt, *args):
        sys.stderr.write("[capture] %s\n" % (fmt % args))

    def read_body(self, out):
        """Copies the body to out; returns (bytes, chunks, complete, error)."""
        first = [None]

        def copy(length):
            left = length
            while left:
                block = self.rfile.read(min(left, 1 << 16))
                if not block:
                    return length - left
                first[0] = first[0] or time.time()
                out.write(block)
                left -= len(block)
            out.flush()
            return length

        total = chunks = 0
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            while True:
                line = self.rfile.readline(65537)
                if not line:
                    return total, chunks, False, "connection closed before the final chunk", first[0]
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"", b"\r\n", b"\n"):
                        pass  # trailer fields
                    return total, chunks, True, None, first[0]
                got = copy(size)
                total += got
                if got < size:
                    return total, chunks, False, "connection closed inside a chunk", first[0]
                chunks += 1
                self.rfile.readline(3)
        length = self.headers.get("Content-Length")
        if length is None:
            return 0, 0, True, None, None
        got = copy(int(length))
        error = None if got == int(length) else "connection closed before Content-Length bytes"
        return got, 0, error is None, error, first[0]

    def handle_any(self):
        began = time.time()
        n, path = self.capture.next_file(self.path)
        headers = [[k, v] for k, v in self.headers.items()]
        sys.stderr.write("[capture] #%d %s %s %s\n" % (n, self.command, self.path, self.request_version))
        for name, value in headers:
            sys.stderr.write("[capture]    %s: %s\n" % (name, value))
        if (self.headers.get("Expect") or "").lower() == "100-continue":
            self.send_response_only(100)
            self.end_headers()
        with open(path, "wb") as out:
            try:
                total, chunks, complete, error, first_byte = self.read_body(out)
            except (OSError, ValueError) as e:
                total, chunks, complete, error, first_byte = out.tell(), 0, False, "%s: %s" % (type(e).__name__, e), None
        ended = time.time()
        self.capture.log({
            "n": n, "method": self.command, "path": self.path, "version": self.request_version,
            "headers": headers, "body_file": os.path.basename(path), "body_bytes": total, "chunks": chunks,
            "complete": complete, "error": error, "start": round(began, 3),
            "first_byte_after_s": None if first_byte is None else round(first_byte - began, 3),
            "duration_s": round(ended - began, 3)})
        sys.stderr.write("[capture] #%d: %d bytes in %d chunks, complete=%s, error=%s\n"
                         % (n, total, chunks, complete, error))
        if error is None:
            try:
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass
        else:
            self.close_connection = True

    do_POST = do_PUT = do_GET = do_HEAD = do_DELETE = do_OPTIONS = handle_any


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--max-seconds", type=float, default=0, help="stop after this long (0: until killed)")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    Handler.capture = Capture(args.outdir)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    server = http.server.ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    sys.stderr.write("[capture] listening on http://%s:%d/, saving to %s\n" % (args.host, args.port, args.outdir))
    if args.max_seconds > 0:
        threading.Timer(args.max_seconds, server.shutdown).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    server.server_close()


if __name__ == "__main__":
    main()
