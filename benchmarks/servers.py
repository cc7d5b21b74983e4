"""What the HTTP benchmarks share: gunicorn started with the project's configuration on 127.0.0.1, and wrk."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support import free_port  # noqa: E402

__all__ = ["free_port", "start_gunicorn", "worker_pids", "wrk"]

GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WRK = "/usr/bin/wrk"
START_TIMEOUT = 30.0


def worker_pids(server: subprocess.Popen) -> list[int]:
    return [int(pid) for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]


def start_gunicorn(port: int, workers: int, root: Path = ROOT, app: str = "wsgi:app", **env: str) -> subprocess.Popen:
    """gunicorn (gunicorn.conf.py) serving `app` from `root`, returned once it answers and every worker is up. Its
    output goes nowhere: the JSON access log is written, as deployed, and read by nobody."""
    environ = {**os.environ, "HDS_BIND": f"127.0.0.1:{port}", "HDS_WORKERS": str(workers), **env}
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", app],
        cwd=root,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health")
            connection.getresponse().read()  # any answer: some benchmark apps have no /health
            if len(worker_pids(server)) == workers:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"{app} in {root} did not start on port {port}")


def wrk(url: str, script: Path, seconds: int, connections: int) -> tuple[float, int]:
    """(requests per second, requests served); any non-2xx answer or timeout stops the benchmark."""
    command = [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 120).stdout
    if re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*timeout (\d+)", output):
        raise SystemExit(f"wrk saw errors:\n{output}")
    served = int(re.search(r"(\d+) requests in", output).group(1))
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), served
