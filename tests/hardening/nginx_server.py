"""Debian's nginx in front of the service, with the shipped site configuration (deploy/nginx-hds-scope.conf), run
from a temporary directory on 127.0.0.1 and a free port. Only the site's addresses and log path are changed.

Every wait is bounded in time; `stop()` ends only the nginx this object started, by its pid.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from ..support import free_port
from .gunicorn_server import ROOT, listening

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"  # /usr/sbin is not on every user's PATH
SITE = ROOT / "deploy" / "nginx-hds-scope.conf"
START_TIMEOUT = 10.0

# The main configuration around the site: everything nginx writes stays in the temporary directory. As root,
# nginx's workers would run as `nobody`, who cannot enter a private temporary directory: they stay root here.
MAIN = """\
{user}worker_processes 1;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {directory}/site.conf;
}}
"""


def site_config(listen_port: int, upstream_ports: tuple[int, int], access_log: Path) -> str:
    """The shipped site with its addresses and access log moved; each line changed must be there exactly once."""
    text = SITE.read_text(encoding="utf-8")
    changes = (
        ("listen 80;", f"listen 127.0.0.1:{listen_port};"),
        ("listen [::]:80;", ""),
        ("server 127.0.0.1:8000 ", f"server 127.0.0.1:{upstream_ports[0]} "),
        ("server 127.0.0.1:8001 ", f"server 127.0.0.1:{upstream_ports[1]} "),
        ("/var/log/nginx/hds-scope.access.log", str(access_log)),
    )
    for old, new in changes:
        assert text.count(old) == 1, f"{SITE.name} no longer has exactly one {old!r}"
        text = text.replace(old, new)
    return text


class Nginx:
    def __init__(self, directory: Path, upstream_ports: tuple[int, int]):
        """nginx sending requests to the two instances on `upstream_ports` (the same port twice for one)."""
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.port = free_port()
        self.access_log = directory / "access.log"
        self.log = directory / "nginx.log"
        (directory / "site.conf").write_text(site_config(self.port, upstream_ports, self.access_log), "utf-8")
        user = "user root;\n" if os.geteuid() == 0 else ""
        (directory / "nginx.conf").write_text(MAIN.format(user=user, directory=directory), "utf-8")
        command = [NGINX, "-p", str(directory), "-c", str(directory / "nginx.conf"), "-e", "stderr"]
        command += ["-g", f"daemon off; pid {directory}/nginx.pid; error_log stderr;"]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=log)

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_listening(self) -> Nginx:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"nginx exited with {self.process.returncode}:\n{self.output}")
            if listening(self.port):
                return self
            time.sleep(0.05)
        self.stop()
        raise AssertionError(f"nginx not listening within {START_TIMEOUT} s:\n{self.output}")

    def logged(self, request_id: str) -> dict:
        """The access log's line for this request (nginx writes it just after it has answered)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            lines = self.access_log.read_text(encoding="utf-8").splitlines() if self.access_log.exists() else []
            found = [entry for entry in map(json.loads, lines) if entry["request_id"] == request_id]
            if found:
                (entry,) = found
                return entry
            time.sleep(0.02)
        raise AssertionError(f"no access log line for {request_id} within {START_TIMEOUT} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
