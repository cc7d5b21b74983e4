"""deploy/: the nginx site and the systemd unit agree with the service's own limits and with each other, and the
unit passes systemd's own checks. (tests/hardening/test_nginx.py runs the nginx site for real.)"""

from __future__ import annotations

import http.client
import os
import re
import runpy
import signal
import socket
import subprocess

import pytest

from hds_api.settings import SETTINGS
from hds_api.web.middleware.access_log import SANE_ID

from ..conftest import ROOT
from ..support import free_port, wait_for

DEPLOY = ROOT / "deploy"
SITE = (DEPLOY / "nginx-hds-scope.conf").read_text(encoding="utf-8")
UNIT = (DEPLOY / "hds-scope@.service").read_text(encoding="utf-8")
ROLLING = (DEPLOY / "rolling-restart.sh").read_text(encoding="utf-8")
SIZE_UNITS = {"": 1, "k": 1024, "m": 1024 * 1024}


def directive(name: str) -> str:
    (value,) = re.findall(rf"^\s*{name}\s+([^;]+);", SITE, re.M)
    return value


def size(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([km]?)", value).groups()
    return int(number) * SIZE_UNITS[unit]


def seconds(value: str) -> int:
    return int(re.fullmatch(r"(\d+)s", value).group(1))


def unit_setting(name: str) -> str:
    (value,) = re.findall(rf"^{name}=(.*)$", UNIT, re.M)
    return value


@pytest.fixture
def gunicorn_defaults(monkeypatch) -> dict:
    for name in ("HDS_TIMEOUT", "HDS_GRACEFUL_TIMEOUT", "HDS_WORKERS", "HDS_BIND"):
        monkeypatch.delenv(name, raising=False)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_nginx_takes_the_largest_body_the_service_takes_and_says_so_in_its_413():
    largest = SETTINGS["HDS_BATCH_MAX_BODY_BYTES"][2]
    assert size(directive("client_max_body_size")) == largest
    (refusal,) = re.findall(r"^\s*413\s+'(.*)';$", SITE, re.M)
    assert f'"limit":{largest}' in refusal and f"larger than {largest} bytes" in refusal


def test_nginx_waits_for_the_service_longer_than_the_service_lets_a_request_run(gunicorn_defaults):
    assert seconds(directive("proxy_read_timeout")) > gunicorn_defaults["timeout"]


def test_nginx_refuses_a_request_line_gunicorn_would_refuse_first(gunicorn_defaults):
    count, buffer = directive("large_client_header_buffers").split()
    # The line and its CRLF fit in one buffer: nginx's limit is at most gunicorn's, so nginx (in the error shape)
    # answers before gunicorn would.
    assert size(buffer) <= gunicorn_defaults["limit_request_line"] + 2
    assert size(buffer) <= gunicorn_defaults["limit_request_field_size"] + 2


def test_nginx_keeps_the_request_ids_the_service_keeps():
    (pattern,) = re.findall(r'^\s*"~(\^.*\$)"\s+\$http_x_request_id;$', SITE, re.M)
    assert pattern == SANE_ID.pattern


def test_nginx_buffers_requests_and_answers():
    assert directive("proxy_request_buffering") == "on" and directive("proxy_buffering") == "on"
    for timeout in ("client_header_timeout", "client_body_timeout", "send_timeout", "keepalive_timeout"):
        assert 0 < seconds(directive(timeout)) <= 60, timeout


def test_the_unit_stops_after_the_workers_had_their_graceful_timeout(gunicorn_defaults):
    assert unit_setting("KillSignal") == "SIGTERM" and unit_setting("KillMode") == "mixed"
    assert int(unit_setting("TimeoutStopSec")) > gunicorn_defaults["graceful_timeout"]
    assert unit_setting("ExecStart").endswith("-c gunicorn.conf.py --bind 127.0.0.1:%i wsgi:app")


def test_nginx_the_unit_instances_and_the_rolling_restart_name_the_same_ports():
    upstreams = re.findall(r"^\s*server 127\.0\.0\.1:(\d+) ", SITE, re.M)
    assert upstreams == ["8000", "8001"]
    assert "ports=(8000 8001)" in ROLLING and "hds-scope@8000 hds-scope@8001" in UNIT


def test_systemd_finds_nothing_wrong_with_the_unit_and_rates_it_well_hardened(tmp_path):
    # The unit as installed, but running this checkout (systemd-analyze checks that ExecStart exists).
    unit = tmp_path / "hds-scope@8000.service"
    unit.write_text(UNIT.replace("/opt/hds-scope", str(ROOT)), encoding="utf-8")
    verify = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0 and verify.stderr == "", verify.stderr
    # Exposure on systemd's 0-100 scale (shown as 0-10): 20 is well inside its "OK" band.
    security = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", "--threshold=20", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert security.returncode == 0, security.stdout[-2000:]


def ready(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/ready")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def test_the_units_command_serves_on_the_instance_port_and_tells_systemd_when_it_listens(tmp_path):
    """ExecStart as systemd runs it for hds-scope@<port>, with a settings file naming another address."""
    port = free_port()
    installed = {"/opt/hds-scope": str(ROOT), "%i": str(port)}
    command, directory = unit_setting("ExecStart"), unit_setting("WorkingDirectory")
    for placeholder, value in installed.items():
        command, directory = command.replace(placeholder, value), directory.replace(placeholder, value)
    notify_path = str(tmp_path / "notify")
    environ = {**os.environ, "NOTIFY_SOCKET": notify_path, "HDS_BIND": "127.0.0.1:1", "HDS_WORKERS": "1"}
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify, open(tmp_path / "log", "wb") as log:
        notify.bind(notify_path)
        notify.settimeout(60)
        process = subprocess.Popen(command.split(), cwd=directory, env=environ, stdout=log, stderr=log)
        try:
            assert notify.recv(4096).startswith(b"READY=1")  # what Type=notify waits for
            wait_for(lambda: ready(port), "/ready on the instance's port")
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 0, (tmp_path / "log").read_text()
