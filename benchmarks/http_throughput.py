"""HTTP benchmark, side by side in one run: the service under gunicorn with the project's configuration (access
log on, as deployed), a bare Flask app that only parses the same JSON bodies (benchmarks/bare_app.py, the floor),
the service's handler alone in a raw WSGI function (benchmarks/http_raw_app.py, the ceiling), gunicorn alone (a
constant answer, benchmarks/http_gunicorn_alone.py: what every request costs before any app work) and, with
`--before DIR`, the service of another checkout (the code before a change), all with the same worker count.

wrk rotates 64 distinct complete assessments (benchmarks/http_bodies.py) on 127.0.0.1, the servers taking turns
round after round. Throughput swings with whatever else the machine runs, so the figure that counts is the CPU
time the gunicorn workers spent per request (from /proc: other processes' load does not count); the target is
the bare app's CPU per request over the service's, >= 1.2. Each app's CPU time per request in-process (no HTTP)
follows (benchmarks/http_in_process.py).

    bash benchmarks/http.sh [--rounds 5] [--seconds 3] [--workers 2] [--connections 4] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.http_bodies import complete_bodies  # noqa: E402
from benchmarks.servers import free_port, start_gunicorn, worker_pids, wrk  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
TARGET_RATIO = 1.2
URL_PATH = "/v1/assessments"

LUA = """-- POST /v1/assessments, rotating distinct bodies (written by benchmarks/http_throughput.py)
local bodies = {%s}
local requests, counter = {}, 0

function init(args)
  local headers = {["Content-Type"] = "application/json"}
  for i, body in ipairs(bodies) do requests[i] = wrk.format("POST", "%s", headers, body) end
end

function request()
  counter = counter + 1
  return requests[(counter %% #requests) + 1]
end
"""


def url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def post(port: int, body: dict) -> tuple[int, dict]:
    url = f"http://127.0.0.1:{port}{URL_PATH}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, json.load(response)


def worker_cpu_seconds(server: subprocess.Popen) -> float:
    """User + system CPU time of a gunicorn master's workers so far (Linux /proc), recycled ones included: the
    master reaps a worker that `max_requests` retired, and its time moves to the master's cutime/cstime."""

    def stat(pid: int | str) -> list[str]:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()

    master = stat(server.pid)
    total = int(master[13]) + int(master[14])  # cutime, cstime (fields 16 and 17): workers already reaped
    for pid in worker_pids(server):
        fields = stat(pid)
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def in_process_us(root: Path, app: str, bodies_file: Path) -> float:
    script = ROOT / "benchmarks" / "http_in_process.py"
    done = subprocess.run(
        [sys.executable, str(script), str(root), app, str(bodies_file)], capture_output=True, text=True, check=True
    )
    return float(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--before", type=Path, help="a checkout of the code before a change, measured alongside")
    args = parser.parse_args()

    bodies = complete_bodies()
    OUT.mkdir(parents=True, exist_ok=True)
    bodies_file = OUT / "assessment-bodies.json"
    bodies_file.write_text(json.dumps(bodies), encoding="utf-8")
    script = OUT / "assessments.lua"
    quoted = ", ".join(f"[==[{json.dumps(body)}]==]" for body in bodies)
    script.write_text(LUA % (quoted, URL_PATH), encoding="utf-8")

    apps = {
        "service": (ROOT, "wsgi:app"),
        "bare": (ROOT, "benchmarks.bare_app:app"),
        "raw": (ROOT, "benchmarks.http_raw_app:app"),
        "gunicorn": (ROOT, "benchmarks.http_gunicorn_alone:app"),
    }
    if args.before:
        apps["before"] = (args.before.resolve(), "wsgi:app")
    ports = {name: free_port() for name in apps}
    servers = {}
    try:
        for name, (root, app) in apps.items():
            servers[name] = start_gunicorn(ports[name], args.workers, root, app)
        for name in ("service", "raw", "before"):
            if name in servers:
                status, result = post(ports[name], bodies[1])
                assert status == 200 and result["status"] == "complete", result
        for name in servers:  # warm-up
            wrk(url(ports[name]), script, 1, args.connections)
        rates: dict[str, list[float]] = {name: [] for name in servers}
        cpu = {name: 0.0 for name in servers}
        served = {name: 0 for name in servers}
        order = list(servers)
        for round_number in range(args.rounds):
            for name in order[round_number % len(order) :] + order[: round_number % len(order)]:
                before = worker_cpu_seconds(servers[name])
                rate, count = wrk(url(ports[name]), script, args.seconds, args.connections)
                cpu[name] += worker_cpu_seconds(servers[name]) - before
                served[name] += count
                rates[name].append(rate)
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(timeout=10)

    print(
        f"workers={args.workers} connections={args.connections} rounds={args.rounds} x {args.seconds}s, "
        f"{len(bodies)} distinct bodies, load average {os.getloadavg()[0]:.1f}"
    )
    cpu_us = {name: cpu[name] / served[name] * 1e6 for name in servers}
    for name in servers:
        ratio = cpu_us["bare"] / cpu_us[name]
        in_process = in_process_us(*apps[name], bodies_file)
        print(
            f"{name:>8}: worker CPU {cpu_us[name]:4.0f} µs/request (bare/this {ratio:.2f}), "
            f"in-process {in_process:4.0f} µs, throughput median {statistics.median(rates[name]):6.0f} req/s "
            f"({', '.join(f'{rate:.0f}' for rate in rates[name])})"
        )
    # gunicorn's own cost weighs the same on every app and pulls every ratio towards 1; above it, what the apps
    # themselves cost (the figures: gunicorn alone 142 µs, bare Flask 311 µs, raw WSGI 211 µs).
    alone = cpu_us["gunicorn"]
    above = {name: cpu_us[name] - alone for name in ("service", "bare", "raw")}
    print(
        f"   above gunicorn alone ({alone:.0f} µs): service {above['service']:.0f} µs, bare {above['bare']:.0f} µs, "
        f"raw {above['raw']:.0f} µs; bare/service {above['bare'] / above['service']:.2f}, "
        f"bare/raw {above['bare'] / above['raw']:.2f}"
    )
    ratio = cpu_us["bare"] / cpu_us["service"]
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(
        f"   ratio: {ratio:.2f}, the bare-Flask floor's worker CPU per request over the service's (target >= "
        f"{TARGET_RATIO}) {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
