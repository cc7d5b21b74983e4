"""What gunicorn does itself, before or around the app: the errors it answers come back in the contract's JSON
error shape with the security headers, and it opens no control socket."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import orjson
import pytest

from hds_api.exceptions import reason

from ..support import JSON_POLICY
from .gunicorn_server import Gunicorn

HEAD = b"Host: 127.0.0.1\r\n"
POST = b"POST /v1/assessments HTTP/1.1\r\n" + HEAD + b"Content-Type: application/json\r\n"
CHUNKED = POST + b"Transfer-Encoding: chunked\r\n"
MANY = b"".join(b"X-%d: a\r\n" % i for i in range(120))
MALFORMED = {
    "bad request line": (b"GARBAGE\r\n\r\n", 400),
    "bad method": (b"G(T / HTTP/1.1\r\n" + HEAD + b"\r\n", 400),
    "bad HTTP version": (b"GET / HTTP/9.9\r\n" + HEAD + b"\r\n", 400),
    "request line over the limit": (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n" + HEAD + b"\r\n", 414),
    "too many headers": (b"GET / HTTP/1.1\r\n" + HEAD + MANY + b"\r\n", 431),
    "a header over the limit": (b"GET / HTTP/1.1\r\n" + HEAD + b"X-Long: " + b"a" * 9000 + b"\r\n\r\n", 431),
    "bad header name": (b"GET / HTTP/1.1\r\n" + HEAD + b"Bad Name: x\r\n\r\n", 400),
    "unknown transfer coding": (POST + b"Transfer-Encoding: gzip\r\n\r\n", 400),
    "bad chunk size": (CHUNKED + b"\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
    "chunk without its terminator": (CHUNKED + b"\r\n2\r\n{}XX0\r\n\r\n", 400),
}


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def server(home, tmp_path_factory):
    running = Gunicorn(tmp_path_factory.mktemp("logs"), HOME=str(home), XDG_RUNTIME_DIR=str(home)).wait_ready()
    yield running
    running.stop()


def exchange(port: int, data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes, read the whole answer (gunicorn closes the connection after an error)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


@pytest.mark.parametrize(("data", "code"), MALFORMED.values(), ids=MALFORMED.keys())
def test_errors_gunicorn_answers_come_in_the_error_shape(server, data, code):
    status, headers, body = exchange(server.port, data)
    assert status == code, body
    assert headers["content-type"] == "application/json" and int(headers["content-length"]) == len(body)
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
    assert headers["content-security-policy"] == JSON_POLICY and len(headers["x-request-id"]) == 32
    error = orjson.loads(body)
    assert set(error) == {"code", "status", "message", "errors"}
    assert error["code"] == code and error["status"] == reason(code) and error["message"]


def test_those_errors_leave_no_stack_trace_and_the_service_answers(server):
    for data, _ in MALFORMED.values():
        exchange(server.port, data)
    assert server.request("GET", "/health") == (200, {"status": "ok"})
    assert "Traceback" not in server.output and "Invalid request from ip=127.0.0.1" in server.output


def test_the_access_log_names_those_errors_too(server):
    status, headers, _ = exchange(server.port, MALFORMED["request line over the limit"][0])
    lines = [orjson.loads(line) for line in server.output.splitlines() if line.startswith("{")]
    (line,) = [line for line in lines if line["request_id"] == headers["x-request-id"]]
    assert line["status"] == status == 414


def unix_sockets_of(pid: int) -> list[str]:
    """The paths of the Unix sockets process `pid` holds (from its file descriptors and /proc/net/unix)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd) if fd.is_symlink() else ""
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    rows = (line.split() for line in Path("/proc/net/unix").read_text().splitlines()[1:])
    return [row[7] for row in rows if len(row) > 7 and row[6] in inodes]


def test_no_control_socket_is_opened(server, home):
    assert server.request("GET", "/health")[0] == 200
    assert not [path for path in home.rglob("*") if path.is_socket() or path.suffix == ".ctl"]
    assert unix_sockets_of(server.process.pid) == []  # the master listens on TCP only
    assert "Control socket" not in server.output
