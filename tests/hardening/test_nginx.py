"""The front door shipped in deploy/: Debian's nginx with deploy/nginx-hds-scope.conf in front of gunicorn.

Slow clients hold gunicorn's sync workers but not nginx, which reads requests whole before passing them on; errors
nginx answers itself keep the service's error shape; one request id runs through both logs; a rolling restart of
the two instances refuses no request. Loopback only; every wait is bounded.
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import socket
import threading
import time

import pytest

from hds_api.rules import DEFAULT_RULES_DIR

from ..support import assert_raw_error_shape, free_port, wait_for
from .conftest import COMPLETE
from .gunicorn_server import Gunicorn
from .nginx_server import Nginx

ASSESSMENT = json.dumps({"answers": COMPLETE, "as_of": "2026-11-25"}).encode()
SLOW_CLIENTS = 8
SLOW_SECONDS = 4.0  # how long the slow clients keep their connections, sending a byte every BYTE_EVERY
BYTE_EVERY = 0.1


def exchange(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    """(status, headers, parsed JSON body) of one request on a fresh connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        sent = {"Content-Type": "application/json", **(headers or {})} if body is not None else headers or {}
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return response.status, response.headers, json.loads(response.read() or b"null")
    finally:
        connection.close()


def raw_exchange(port: int, data: bytes):
    """(status, headers, parsed JSON body) of bytes sent as they are (requests http.client would not send)."""
    with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:
        sock.sendall(data)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, response.headers, json.loads(response.read())


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """gunicorn (2 workers, as deployed on 2 cores) and nginx in front of it."""
    directory = tmp_path_factory.mktemp("front-door")
    gunicorn = Gunicorn(directory).wait_ready()
    nginx = Nginx(directory / "nginx", (gunicorn.port, gunicorn.port))
    try:
        yield gunicorn, nginx.wait_listening()
    finally:
        nginx.stop()
        gunicorn.stop()


class SlowClients:
    """Clients that send their request a byte at a time for SLOW_SECONDS, then leave: half of them are still
    sending the request line and headers, half the body. Each holds a sync worker it reaches."""

    def __init__(self, port: int):
        body = ASSESSMENT
        head = (
            f"POST /v1/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        # Whatever is not trickled goes at once; the last byte is never sent, so that no request completes.
        self.plans = [(b"", head) if n % 2 else (head, body) for n in range(SLOW_CLIENTS)]
        self.port = port
        self.sockets: list[socket.socket] = []
        self.sending = threading.Event()
        self.leaving_at = float("inf")
        self.thread = threading.Thread(target=self.trickle)

    def __enter__(self) -> SlowClients:
        self.sockets = [socket.create_connection(("127.0.0.1", self.port), timeout=5) for _ in self.plans]
        self.thread.start()
        assert self.sending.wait(timeout=5)
        return self

    def trickle(self) -> None:
        try:
            sent = [0] * len(self.plans)
            deadline = time.monotonic() + SLOW_SECONDS
            for (at_once, _), sock in zip(self.plans, self.sockets, strict=True):
                sock.sendall(at_once)
            while time.monotonic() < deadline:
                for index, ((_, slowly), sock) in enumerate(zip(self.plans, self.sockets, strict=True)):
                    if sent[index] < len(slowly) - 1:
                        sock.sendall(slowly[sent[index] : sent[index] + 1])
                        sent[index] += 1
                self.sending.set()
                time.sleep(BYTE_EVERY)
        finally:
            self.leaving_at = time.monotonic()
            self.close()

    def close(self) -> None:
        for sock in self.sockets:
            sock.close()

    def __exit__(self, *exc) -> None:
        self.thread.join(timeout=SLOW_SECONDS + 10)
        self.close()


def timed_assessment(port: int) -> tuple[float, float]:
    """(seconds taken, time answered) of one complete assessment, checked."""
    started = time.monotonic()
    status, _, body = exchange(port, "POST", "/v1/assessments", ASSESSMENT)
    answered = time.monotonic()
    assert status == 200 and body["hds_certification_required"] is True, body
    return answered - started, answered


def test_slow_clients_hold_gunicorn_workers_but_not_nginx(service):
    gunicorn, nginx = service
    with SlowClients(nginx.port) as slow:
        took, answered = timed_assessment(nginx.port)
    assert took < 1.0 and answered < slow.leaving_at  # answered at once, while they still held their connections
    with SlowClients(gunicorn.port) as slow:
        took, answered = timed_assessment(gunicorn.port)
    assert took > 1.0 and answered > slow.leaving_at  # without nginx: only once they had gone
    assert exchange(gunicorn.port, "GET", "/ready")[0] == 200


def test_one_request_id_in_the_response_and_both_logs(service):
    gunicorn, nginx = service
    _, headers, _ = exchange(nginx.port, "GET", "/health")
    generated = headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    assert exchange(nginx.port, "GET", "/health", headers={"X-Request-ID": "abc-123"})[1]["X-Request-ID"] == "abc-123"
    replaced = exchange(nginx.port, "GET", "/health", headers={"X-Request-ID": "two words"})[1]["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", replaced) and replaced != generated
    for request_id in (generated, "abc-123", replaced):
        line = nginx.logged(request_id)
        assert line["path"] == "/health" and line["status"] == 200 and line["client"] == "127.0.0.1"
        assert f'"request_id":"{request_id}"' in gunicorn.output  # the service's own access log


def test_a_body_over_the_service_limit_is_refused_by_nginx_in_the_error_shape(service):
    _, nginx = service
    head = b"POST /v1/assessments/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    status, headers, body = raw_exchange(nginx.port, head + b"X-Request-ID: over\r\nContent-Length: 16777217\r\n\r\n")
    assert_raw_error_shape(status, headers, body, 413)
    assert body["errors"]["body"]["limit"] == 16 * 1024 * 1024 and headers["X-Request-ID"] == "over"
    assert nginx.logged("over")["upstream_status"] == ""  # the service never saw it
    # A body of exactly the service's limit goes on: the service reads it (and finds no JSON in it).
    request = head + b"X-Request-ID: at\r\nContent-Length: 16777216\r\n\r\n{" + b" " * 16777215
    status, _, body = raw_exchange(nginx.port, request)
    assert status == 400 and body["code"] == 400
    assert nginx.logged("at")["upstream_status"] == "400"


@pytest.mark.parametrize(
    ("request_bytes", "code"),
    [
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431),
        (b"NOT HTTP AT ALL\r\n\r\n", 400),
        (b"POST /v1/assessments HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
    ],
    ids=["long-uri", "long-header", "garbage", "bad-chunk"],
)
def test_requests_nginx_cannot_read_get_the_error_shape(service, request_bytes, code):
    _, nginx = service
    assert_raw_error_shape(*raw_exchange(nginx.port, request_bytes), code)


def test_a_service_down_is_a_502_in_the_error_shape(tmp_path):
    nowhere = free_port()  # nothing listens there
    nginx = Nginx(tmp_path, (nowhere, nowhere)).wait_listening()
    try:
        assert_raw_error_shape(*exchange(nginx.port, "POST", "/v1/assessments", ASSESSMENT), 502)
    finally:
        nginx.stop()


def assess_through(port: int, stop: threading.Event, outcomes: list, limit: int = 5000) -> None:
    for _ in range(limit):
        if stop.is_set():
            return
        try:
            status, _, body = exchange(port, "POST", "/v1/assessments", ASSESSMENT)
            outcomes.append(status == 200 and body["hds_certification_required"] is True)
        except (OSError, http.client.HTTPException):
            outcomes.append(False)


def rules_digests(port: int, count: int) -> set[str]:
    return {exchange(port, "GET", "/ready")[2]["rules"]["digest"] for _ in range(count)}


def test_a_rolling_restart_refuses_no_request_and_serves_the_new_rules(tmp_path):
    """What deploy/rolling-restart.sh does: restart one instance, wait until it is ready, then the other."""
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    (rules / "law.yaml").write_text((rules / "law.yaml").read_text("utf-8") + "\n# amended\n", "utf-8")
    instances = [Gunicorn(tmp_path, workers=1), Gunicorn(tmp_path, workers=1)]
    nginx = Nginx(tmp_path / "nginx", (instances[0].port, instances[1].port))
    stop, outcomes = threading.Event(), []
    clients = [threading.Thread(target=assess_through, args=(nginx.port, stop, outcomes)) for _ in range(2)]
    try:
        for instance in instances:
            instance.wait_ready(workers=1)
        nginx.wait_listening()
        old = rules_digests(nginx.port, 4)
        for client in clients:
            client.start()
        for index, instance in enumerate(instances):
            served = len(outcomes)
            assert instance.stop() == 0
            instances[index] = Gunicorn(tmp_path, workers=1, port=instance.port, HDS_RULES_DIR=str(rules))
            instances[index].wait_ready(workers=1)
            wait_for(lambda served=served: len(outcomes) > served + 10, "assessments after the restart")
        new = rules_digests(nginx.port, 4)
    finally:
        stop.set()
        for client in clients:
            if client.is_alive():
                client.join(timeout=30)
        nginx.stop()
        for instance in instances:
            instance.stop()
    assert len(old) == 1 and len(new) == 1 and old != new  # both instances serve the new rules
    assert len(outcomes) > 20 and all(outcomes), f"{outcomes.count(False)} of {len(outcomes)} failed"
