"""HTTP benchmark: the service under gunicorn with the project's config, against a bare Flask app that only
parses the same JSON body (benchmarks/bare_app.py), same config and worker count. wrk runs on 127.0.0.1,
alternating the two servers, and the median throughput ratio is printed beside its target.

Throughput swings with whatever else the machine runs, so two steadier figures follow: the CPU time the gunicorn
workers spent per request (from /proc, so other processes' load does not count), and the time each app takes
per request in-process (no HTTP, no network).

    bash benchmarks/http.sh [--rounds 7] [--seconds 3] [--workers 2] [--connections 4]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.cases import TWENTY_ANSWERS  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
TARGET_RATIO = 0.8
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WRK = "/usr/bin/wrk"

# A complete 20-answer assessment (a GHT whose convention does not entrust hosting), with a gap analysis.
REQUEST = {
    "answers": {**TWENTY_ANSWERS, "non_eea_access": True},
    "as_of": "2026-11-25",
    "lang": "en",
    "current_certification": {"activities": [1, 2, 3, 4], "referential": "v2", "valid_until": "2027-12-31"},
}

LUA = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[{body}]==]
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(app: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "HDS_BIND": f"127.0.0.1:{port}", "HDS_WORKERS": str(workers)}
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", app],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # the service's JSON access log (the bare app has none): written, read by nobody
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            post(port)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"{app} did not start on port {port}")


def post(port: int) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/assessments",
        data=json.dumps(REQUEST).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def app_time_us(app, repeat: int = 5, number: int = 1000) -> float:
    """Best-of-`repeat` mean CPU time of one POST through the WSGI app, in microseconds (CPU, not wall-clock
    time: other processes' load does not count)."""
    from werkzeug.test import EnvironBuilder

    body = json.dumps(REQUEST).encode()
    builder = EnvironBuilder(path="/v1/assessments", method="POST", data=body, content_type="application/json")
    environ = builder.get_environ()

    def run(count: int) -> float:
        start = time.process_time()
        for _ in range(count):
            b"".join(app({**environ, "wsgi.input": io.BytesIO(body)}, lambda *args: None))
        return (time.process_time() - start) / count * 1e6

    run(200)
    return min(run(number) for _ in range(repeat))


def in_process() -> str:
    from benchmarks.bare_app import app as bare
    from hds_api import create_app

    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):  # the access log, not on screen
        service_us, bare_us = app_time_us(create_app()), app_time_us(bare)
    extra = service_us - bare_us
    return f"in-process: service {service_us:.0f} µs, bare {bare_us:.0f} µs per request (+{extra:.0f} µs)"


def worker_cpu_seconds(server: subprocess.Popen) -> float:
    """User + system CPU time of a gunicorn master's workers so far (Linux /proc), recycled ones included: the
    master reaps a worker that `max_requests` retired, and its time moves to the master's cutime/cstime."""

    def stat(pid: int | str) -> list[str]:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()

    master = stat(server.pid)
    total = int(master[13]) + int(master[14])  # cutime, cstime (fields 16 and 17): workers already reaped
    for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split():
        fields = stat(pid)
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def wrk(port: int, script: Path, seconds: int, connections: int) -> tuple[float, int]:
    """Requests per second, and the number of requests served."""
    command = [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(script)]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}/v1/assessments"], capture_output=True, text=True, check=True
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"wrk saw {errors.group(1)} error responses:\n{output}")
    served = int(re.search(r"(\d+) requests in", output).group(1))
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), served


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    script = OUT / "assessment.lua"
    script.write_text(LUA.format(body=json.dumps(REQUEST)), encoding="utf-8")
    ports = {"service": free_port(), "bare": free_port()}
    servers = {
        "service": start("wsgi:app", ports["service"], args.workers),
        "bare": start("benchmarks.bare_app:app", ports["bare"], args.workers),
    }
    try:
        result = post(ports["service"])
        assert result["status"] == "complete" and result["hds_certification_required"], result
        for name in servers:  # warm-up
            wrk(ports[name], script, 1, args.connections)
        rates: dict[str, list[float]] = {"service": [], "bare": []}
        cpu = {name: 0.0 for name in servers}
        served = {name: 0 for name in servers}
        for _ in range(args.rounds):
            for name in ("service", "bare"):
                before = worker_cpu_seconds(servers[name])
                rate, count = wrk(ports[name], script, args.seconds, args.connections)
                cpu[name] += worker_cpu_seconds(servers[name]) - before
                served[name] += count
                rates[name].append(rate)
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(timeout=10)
    ratios = [service / bare for service, bare in zip(rates["service"], rates["bare"], strict=True)]
    print(f"workers={args.workers} connections={args.connections} rounds={args.rounds} x {args.seconds}s")
    for name, values in rates.items():
        print(f"{name:>8}: median {statistics.median(values):8.0f} req/s  ({', '.join(f'{v:.0f}' for v in values)})")
    cpu_us = {name: cpu[name] / served[name] * 1e6 for name in servers}
    cpu_ratio = cpu_us["bare"] / cpu_us["service"]
    print(
        f"worker CPU: service {cpu_us['service']:.0f} µs, bare {cpu_us['bare']:.0f} µs per request "
        f"(ratio {cpu_ratio:.2f}: the throughput ratio on a machine with nothing else to run)"
    )
    print(in_process())
    ratio = statistics.median(ratios)
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(f"   ratio: median {ratio:.2f} (target >= {TARGET_RATIO}) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
