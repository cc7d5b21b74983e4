"""Worst-case worker memory of `POST /v1/assessments/batch`: the largest body the service accepts
(`HDS_BATCH_MAX_BODY_BYTES`, 16 MiB by default), filled with what costs the most to read and to answer.

    .venv/bin/python benchmarks/batch_memory.py [--bytes 16777216] [--only NAME]

Each case starts its own gunicorn (gunicorn.conf.py, wsgi:app, one worker, 127.0.0.1, a free port, no access
log), sends one body, and prints the status, the response size, the time and the worker's peak resident memory
(VmHWM, from /proc) against its peak before the request.
"""

from __future__ import annotations

import argparse
import http.client
import re
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.servers import free_port, start_gunicorn, worker_pids  # noqa: E402

MAX_BODY = 16 * 1024 * 1024
URL = "/v1/assessments/batch"
JSON, CSV = "application/json", "text/csv"
QUESTIONS = "personal_data,health_data,data_originator,care_context,hosting_relationship,storage_medium"


def fill(head: str, part: Callable[[int], str], tail: str, size: int, separator: str = "") -> bytes:
    """`head`, then `part(0)`, `part(1)`… joined by `separator`, then `tail`: as large as fits in `size` bytes."""
    pieces, used, n = [head], len(head) + len(tail), 0
    while True:
        piece = (separator if n else "") + part(n)
        if used + len(piece) > size:
            break
        pieces.append(piece)
        used += len(piece)
        n += 1
    return ("".join(pieces) + tail).encode()


def unknown_keys(n: int) -> str:
    return f'"k{n:07d}":0'


def cases(size: int) -> dict[str, tuple[str, bytes]]:
    per_item = size // 10_000  # 10,000 items (HDS_BATCH_MAX_ITEMS) sharing the body
    answers = ",".join(unknown_keys(k) for k in range(per_item // 11 - 3))
    many_items = fill('{"items":[', lambda n: f'{{"id":{n},"answers":{{{answers}}}}}', "]}", size, ",")
    cell = "m" * (((size - 100) // 10_000 - 12) // 6)  # 10,000 rows (HDS_BATCH_MAX_ITEMS) filling the body
    bad_rows = f"id,{QUESTIONS}\n" + "".join(f"{n:05d}," + ",".join([cell] * 6) + "\n" for n in range(10_000))
    return {
        "json: one item, unknown answer keys": (
            JSON,
            fill('{"items":[{"id":1,"answers":{', unknown_keys, "}}]}", size, ","),
        ),
        "json: 10,000 items, unknown answer keys": (JSON, many_items),
        "json: unknown batch fields": (JSON, fill('{"items":[],', unknown_keys, "}", size, ",")),
        "json: empty items past the count limit": (JSON, fill('{"items":[', lambda n: "{}", "]}", size, ",")),
        "csv: header of unknown columns": (
            CSV,
            fill("id", lambda n: f",c{n:05d}", "\n", 64 * 1024 - 1) + b"x,1\n" * ((size - 64 * 1024) // 4),
        ),
        "csv: one-cell rows past the count limit": (CSV, b"id\n" + b"x\n" * ((size - 3) // 2)),
        "csv: 10,000 rows, every cell wrong": (CSV, bad_rows.encode()),
        "csv: a quote opened on every line": (CSV, fill("id,personal_data\n", lambda n: '"\n', "", size)),
    }


def peak_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))


def measure(content_type: str, body: bytes) -> tuple[int, int, float, int, int]:
    """(status, response bytes, seconds, worker peak KiB before, after) on a fresh one-worker gunicorn."""
    port = free_port()
    server = start_gunicorn(port, 1, HDS_ACCESS_LOG="off", HDS_TIMEOUT="600")
    try:
        worker = worker_pids(server)[0]
        before = peak_kib(worker)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        started = time.monotonic()
        connection.request("POST", URL, body=body, headers={"Content-Type": content_type, "Accept-Language": "en"})
        response = connection.getresponse()
        length = len(response.read())
        elapsed = time.monotonic() - started
        return response.status, length, elapsed, before, peak_kib(worker)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=MAX_BODY, help="body size (default: HDS_BATCH_MAX_BODY_BYTES)")
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
    print(f"{'case':45} {'status':>6} {'response':>12} {'seconds':>8} {'peak before':>12} {'peak after':>11}")
    for name, (content_type, body) in cases(args.bytes).items():
        if args.only and args.only not in name:
            continue
        status, length, elapsed, before, after = measure(content_type, body)
        print(f"{name:45} {status:>6} {length:>12,} {elapsed:>8.1f} {before:>9,} KiB {after:>7,} KiB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
