"""Batch benchmark, side by side in one run: items/s through `POST /v1/assessments/batch` (10,000 items a
request), requests/s through `POST /v1/assessments` (one item a request), both under gunicorn with the project's
gunicorn.conf.py and the same number of concurrent connections on 127.0.0.1 (wrk for single requests, threads
that count every batch they start for batches); and rows/s of the CLI on a 100,000-row CSV.

    .venv/bin/python benchmarks/batch.py [--seconds 5] [--rounds 3] [--connections 4] [--rows 100000]

Every item is the same complete 20-answer assessment with a gap analysis, so both rates count the same work.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.cases import TWENTY_ANSWERS  # noqa: E402

GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WRK = "/usr/bin/wrk"
TARGET_RATIO = 8.0
AS_OF = "2026-11-25"

ANSWERS = {**TWENTY_ANSWERS, "non_eea_access": True}
HELD = {"activities": [1, 2, 3, 4], "referential": "v2", "valid_until": "2027-12-31"}
SINGLE = {"answers": ANSWERS, "as_of": AS_OF, "lang": "en", "current_certification": HELD}

LUA = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[{body}]==]
"""


def batch_body(items: int) -> dict:
    return {
        "as_of": AS_OF,
        "lang": "en",
        "items": [{"id": f"supplier-{n:05d}", "answers": ANSWERS, "current_certification": HELD} for n in range(items)],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, path: str, body: dict, timeout: float = 60) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "HDS_BIND": f"127.0.0.1:{port}", "HDS_WORKERS": str(workers)}
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # the JSON access log: the same cost per request for both measures
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not start on port {port}")


def wrk(url: str, script: Path, seconds: int, connections: int) -> float:
    """Requests per second; any non-2xx answer or timeout stops the benchmark."""
    command = [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 120).stdout
    problems = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*timeout (\d+)", output)
    if problems:
        raise SystemExit(f"wrk saw errors:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def batch_rate(port: int, body: bytes, items: int, seconds: int, connections: int) -> float:
    """Items per second: `connections` clients post the batch again and again for `seconds`, and every request
    started is waited for and counted (wrk would drop the ones in flight at the end: with requests of a second
    or so, that is a large share)."""
    done: list[int] = []

    def client() -> None:
        count = 0
        while time.perf_counter() < stop:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request("POST", "/v1/assessments/batch", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                raise SystemExit(f"batch request answered {response.status}")
            count += 1
        done.append(count)

    started = time.perf_counter()
    stop = started + seconds
    clients = [threading.Thread(target=client) for _ in range(connections)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    return sum(done) * items / (time.perf_counter() - started)


def http_rates(args: argparse.Namespace, workdir: Path) -> tuple[list[float], list[float]]:
    port = free_port()
    script = workdir / "single.lua"
    script.write_text(LUA.format(body=json.dumps(SINGLE)), encoding="utf-8")
    url = f"http://127.0.0.1:{port}/v1/assessments"
    body = json.dumps(batch_body(args.items)).encode()
    server = start_gunicorn(port, args.workers)
    try:
        checked = post(port, "/v1/assessments/batch", batch_body(args.items))
        assert checked["summary"]["required"] == args.items and checked["summary"]["errors"] == 0, checked["summary"]
        assert post(port, "/v1/assessments", SINGLE)["hds_certification_required"] is True
        wrk(url, script, 1, args.connections)  # warm-up
        single, batch = [], []
        for _ in range(args.rounds):  # alternated, so that a noisy moment hits both
            single.append(wrk(url, script, args.seconds, args.connections))
            batch.append(batch_rate(port, body, args.items, args.seconds, args.connections))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return single, batch


def cli_rate(rows: int, workdir: Path) -> tuple[float, int]:
    source, output = workdir / "suppliers.csv", workdir / "results.csv"
    columns = ["id", *ANSWERS, "as_of", "current_activities", "current_referential", "current_valid_until"]
    cells = [("true" if v is True else "false" if v is False else v) for v in ANSWERS.values()]
    with source.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(columns)
        for n in range(rows):
            writer.writerow([f"supplier-{n:06d}", *cells, AS_OF, "1;2;3;4", "v2", "2027-12-31"])
    command = [sys.executable, "-m", "hds_api", "batch", str(source), "--output", str(output), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or not done.stdout.startswith(f"{rows} assessed; {rows} required"):
        raise SystemExit(f"the CLI failed: {done.stdout}{done.stderr}")
    return rows / elapsed, os.cpu_count() or 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000, help="items per batch request")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the CLI's CSV")
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per measure (median taken)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections, the same for both")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("HDS_WORKERS", "2")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hds-batch-bench-") as tmp:
        single, batch = http_rates(args, Path(tmp))
        cli, cores = cli_rate(args.rows, Path(tmp))
    ratio = statistics.median(b / s for b, s in zip(batch, single, strict=True))
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(f"gunicorn workers={args.workers}, connections={args.connections}, {args.rounds} x {args.seconds}s each")
    rows = [
        (f"POST /v1/assessments/batch ({args.items:,} items)", f"{statistics.median(batch):10,.0f} items/s", batch),
        ("POST /v1/assessments (one item)", f"{statistics.median(single):10,.0f} requests/s", single),
        (f"CLI batch, {args.rows:,}-row CSV ({cores} cores)", f"{cli:10,.0f} rows/s", [cli]),
    ]
    for name, rate, values in rows:
        print(f"{name:<46} {rate:>20}   ({', '.join(f'{v:,.0f}' for v in values)})")
    name = "batch items/s ÷ single requests/s"
    print(f"{name:<46} {ratio:>12.1f} ×          target ≥ {TARGET_RATIO:.0f} × {verdict}")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
