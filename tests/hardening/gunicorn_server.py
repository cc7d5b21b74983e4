"""The service under gunicorn, as it is deployed (gunicorn.conf.py, wsgi:app), on 127.0.0.1 and a free port.

Every wait is bounded in time; `stop()` ends only the server this object started, by its pid.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from ..support import free_port

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
START_TIMEOUT = 30.0
_STARTS = itertools.count()


def listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Gunicorn:
    def __init__(self, log_dir: Path, workers: int = 2, port: int | None = None, stdout: int | None = None, **env: str):
        """`stdout`: a file descriptor for the service's standard output (its access log); else the log file."""
        self.port = port or free_port()
        self.log = log_dir / f"gunicorn-{self.port}-{next(_STARTS)}.log"  # a restart on the same port: a new log
        environ = {**os.environ, "HDS_BIND": f"127.0.0.1:{self.port}", "HDS_WORKERS": str(workers), **env}
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [str(GUNICORN), "-c", "gunicorn.conf.py", "wsgi:app"],
                cwd=ROOT,
                env=environ,
                stdout=log if stdout is None else stdout,
                stderr=log,
            )

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, workers: int = 2) -> Gunicorn:
        """Until /ready answers 200 and every worker is up."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.output}")
            try:
                if self.request("GET", "/ready")[0] == 200 and len(self.worker_pids()) == workers:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise AssertionError(f"gunicorn not ready within {START_TIMEOUT} s:\n{self.output}")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def connection(self, timeout: float = 30.0) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method: str, path: str, body: object = None, headers: dict | None = None):
        """(status, parsed JSON body) of one request on a fresh connection."""
        connection = self.connection()
        try:
            data = json.dumps(body).encode() if body is not None else None
            sent = {"Content-Type": "application/json", **(headers or {})} if data is not None else headers or {}
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            return response.status, json.loads(response.read() or b"null")
        finally:
            connection.close()

    def stop(self, timeout: float = 30.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode
