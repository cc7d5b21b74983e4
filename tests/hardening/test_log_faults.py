"""A log destination that fails — a full disk, /dev/full, a pipe whose reader is gone or that nobody reads —
never stops the service: the line is dropped, standard error says so once, and every request is answered."""

from __future__ import annotations

import errno
import fcntl
import http.client
import io
import json
import logging
import os
import sys
import time

import pytest

from hds_api import create_app

from .conftest import COMPLETE
from .gunicorn_server import Gunicorn

WARNING = "access log line dropped"
REQUESTS = [("GET", "/health", None), ("POST", "/v1/assessments", {"answers": COMPLETE}), ("GET", "/ready", None)]


class Refusing(io.TextIOBase):
    """A standard output that fails the way a real destination does."""

    def __init__(self, error: Exception):
        self.error = error

    def write(self, text: str) -> int:
        raise self.error

    def flush(self) -> None:
        raise self.error


def closed_stream() -> io.StringIO:
    stream = io.StringIO()
    stream.close()
    return stream


def answer_everything(client) -> None:
    for _ in range(3):
        assert client.get("/health").get_json() == {"status": "ok"}
        assert client.post("/v1/assessments", json={"answers": COMPLETE}).get_json()["hds_certification_required"]
        assert client.get("/ready").get_json()["status"] == "ready"


def as_in_production(monkeypatch) -> None:
    """No log capture on the root logger (pytest adds one for each test's call): the line goes to the sink alone."""
    monkeypatch.setattr(logging.root, "handlers", [])


@pytest.mark.parametrize(
    "stdout",
    [
        lambda: Refusing(OSError(errno.ENOSPC, "No space left on device")),
        lambda: Refusing(BrokenPipeError(errno.EPIPE, "Broken pipe")),
        lambda: Refusing(BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")),
        closed_stream,
    ],
    ids=["disk-full", "broken-pipe", "would-block", "closed"],
)
def test_a_failing_standard_output_drops_lines_and_says_so_once(capsys, monkeypatch, stdout):
    client = create_app({"TESTING": True}).test_client()
    as_in_production(monkeypatch)
    monkeypatch.setattr(sys, "stdout", stdout())
    answer_everything(client)
    monkeypatch.undo()
    assert capsys.readouterr().err.count(WARNING) == 1


def test_dev_full_as_the_log_file_drops_lines_and_says_so_once(capsys, monkeypatch):
    as_in_production(monkeypatch)
    answer_everything(create_app({"TESTING": True, "ACCESS_LOG": "/dev/full"}).test_client())
    err = capsys.readouterr().err
    assert err.count(WARNING) == 1 and "/dev/full" in err and "No space left on device" in err


def test_a_log_file_gets_one_line_per_request(tmp_path, capsys, monkeypatch):
    as_in_production(monkeypatch)
    target = tmp_path / "access.log"
    answer_everything(create_app({"TESTING": True, "ACCESS_LOG": str(target)}).test_client())
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["path"] for line in lines] == ["/health", "/v1/assessments", "/ready"] * 3
    assert WARNING not in capsys.readouterr().err


def answered_in_time(server: Gunicorn, rounds: int, within: float = 5.0) -> None:
    """Every request answered, each within `within` seconds (a worker blocked on its log would not)."""
    for _ in range(rounds):
        for method, path, body in REQUESTS:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=within)
            try:
                data = json.dumps(body).encode() if body is not None else None
                connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                assert response.status == 200, (path, response.status)
                assert json.loads(response.read()), path
            finally:
                connection.close()


def assert_warned(server: Gunicorn, workers: int = 2) -> None:
    output = server.output
    assert 1 <= output.count(WARNING) <= workers, output  # once per worker process at most
    assert "Traceback" not in output, output


def test_under_gunicorn_dev_full_never_stops_the_service(tmp_path):
    server = Gunicorn(tmp_path, HDS_ACCESS_LOG="/dev/full").wait_ready()
    try:
        answered_in_time(server, rounds=10)
    finally:
        assert server.stop() == 0
    assert_warned(server)


def serving_to(tmp_path, write_end: int) -> Gunicorn:
    """The service with its standard output on a pipe (standard error still to the log file); the pipe's write end
    is then the server's alone."""
    try:
        return Gunicorn(tmp_path, stdout=write_end)
    finally:
        os.close(write_end)


def test_a_standard_output_whose_reader_has_gone_never_stops_the_service(tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: every write fails with EPIPE
    server = serving_to(tmp_path, write_end)
    try:
        server.wait_ready()
        answered_in_time(server, rounds=10)
    finally:
        assert server.stop() == 0
    assert_warned(server)


def test_a_standard_output_nobody_reads_never_blocks_a_worker(tmp_path):
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # the smallest pipe: full after ~20 lines
    server = serving_to(tmp_path, write_end)
    try:
        server.wait_ready()
        started = time.monotonic()
        answered_in_time(server, rounds=20)  # 60 requests, about 15 kB of log: far more than the pipe holds
        assert time.monotonic() - started < 30  # the worker timeout: no request waited for it
        os.set_blocking(read_end, False)
        logged = os.read(read_end, 1 << 16).decode()
    finally:
        assert server.stop() == 0
        os.close(read_end)
    assert_warned(server)
    lines = logged.splitlines()
    assert 5 < len(lines) < 60 and all(json.loads(line)["status"] == 200 for line in lines)  # whole lines only
