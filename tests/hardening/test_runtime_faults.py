"""Faults while serving, under gunicorn: SIGTERM with a request in flight, a worker killed during load, clients
that go away mid-batch. Every loop is bounded in count and time."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import threading
import time

import pytest

from ..support import wait_for
from .conftest import COMPLETE
from .gunicorn_server import Gunicorn

AS_OF = "2026-11-25"
ASSESSMENT = {"answers": COMPLETE, "as_of": AS_OF}


def batch_body(count: int) -> bytes:
    items = [{"id": f"s{n}", "answers": COMPLETE} for n in range(count)]
    return json.dumps({"items": items, "as_of": AS_OF, "detail": "full"}).encode()


def request_head(body_length: int, expect_continue: bool = False) -> bytes:
    expect = "Expect: 100-continue\r\n" if expect_continue else ""
    return (
        f"POST /v1/assessments/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {body_length}\r\n{expect}Connection: close\r\n\r\n"
    ).encode()


def read_all(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture
def server(tmp_path):
    server = Gunicorn(tmp_path).wait_ready()
    yield server
    server.stop()


def assess_until(server: Gunicorn, stop: threading.Event, outcomes: list, limit: int = 2000) -> None:
    """Complete assessments one after the other (each on its own connection, as sync workers serve them)."""
    for _ in range(limit):
        if stop.is_set():
            return
        try:
            status, body = server.request("POST", "/v1/assessments", ASSESSMENT)
            outcomes.append(status == 200 and body["hds_certification_required"] is True)
        except (OSError, http.client.HTTPException, ValueError):  # reset, cut short or closed by a dying worker
            outcomes.append(False)


def test_sigterm_lets_the_request_in_flight_finish(server):
    body = batch_body(2000)
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(request_head(len(body), expect_continue=True))
        # gunicorn answers 100 Continue once a worker holds the request: from then on it is in flight.
        assert sock.recv(64).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(body[: len(body) // 2])
        server.process.send_signal(signal.SIGTERM)
        time.sleep(1.0)  # shutting down: the idle worker leaves, the busy one must not
        assert server.process.poll() is None
        sock.sendall(body[len(body) // 2 :])
        raw = read_all(sock)
    head, _, payload = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head
    answer = json.loads(payload)
    assert answer["summary"]["total"] == 2000 and answer["summary"]["required"] == 2000
    assert [entry["id"] for entry in answer["results"]] == [f"s{n}" for n in range(2000)]
    assert server.process.wait(timeout=30) == 0  # then it stops, cleanly


def test_a_worker_killed_during_load_loses_at_most_its_request(server):
    stop, outcomes = threading.Event(), []
    clients = [threading.Thread(target=assess_until, args=(server, stop, outcomes)) for _ in range(4)]
    for client in clients:
        client.start()
    try:
        wait_for(lambda: len(outcomes) >= 20, "assessments before the kill")
        before = len(outcomes)
        victim = server.worker_pids()[0]
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: len(outcomes) > before + 20, "assessments after the kill")
        wait_for(lambda: len(server.worker_pids()) == 2 and victim not in server.worker_pids(), "a new worker")
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=30)
    assert outcomes.count(False) <= 1  # a sync worker holds one request: that one at most is lost
    assert server.request("POST", "/v1/assessments", ASSESSMENT)[0] == 200


def test_clients_leaving_mid_batch_do_not_hurt_others(server):
    workers = server.worker_pids()
    body = batch_body(3000)
    stop, outcomes = threading.Event(), []
    others = threading.Thread(target=assess_until, args=(server, stop, outcomes))
    others.start()
    try:
        for _ in range(3):
            # Leaves halfway through sending its body...
            with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
                sock.sendall(request_head(len(body)) + body[: len(body) // 2])
                time.sleep(0.2)
            # ...or sends it all and leaves before the answer (the worker writes to a closed socket).
            with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
                sock.sendall(request_head(len(body)) + body)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST
        served = len(outcomes)
        wait_for(lambda: len(outcomes) > served + 10, "assessments after the clients left")
    finally:
        stop.set()
        others.join(timeout=30)
    assert all(outcomes), f"{outcomes.count(False)} of {len(outcomes)} failed"
    assert server.worker_pids() == workers  # no worker died or was killed
    assert server.request("GET", "/ready")[0] == 200
    assert "Traceback" not in server.output


def post_chunked(server: Gunicorn, path: str, body: bytes, content_type: str) -> tuple[int, dict]:
    """POST without Content-Length: the body in chunks, as a streaming client sends it."""
    connection = server.connection()
    try:
        chunks = (body[start : start + 65536] for start in range(0, len(body), 65536))
        connection.request("POST", path, body=chunks, headers={"Content-Type": content_type}, encode_chunked=True)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_a_chunked_body_over_the_limit_is_refused_never_cut_short(tmp_path):
    server = Gunicorn(tmp_path, HDS_MAX_BODY_BYTES="4096", HDS_BATCH_MAX_BODY_BYTES="8192").wait_ready()
    try:
        padded = json.dumps({"answers": {"personal_data": False}}).encode() + b" " * 5000  # valid JSON if cut
        status, error = post_chunked(server, "/v1/assessments", padded, "application/json")
        assert status == 413 and error["errors"]["body"]["limit"] == 4096
        rows = b"id,personal_data\n" + b"".join(b"s%d,false\n" % n for n in range(1000))  # every cut is a CSV
        status, error = post_chunked(server, "/v1/assessments/batch?as_of=2026-11-25", rows, "text/csv")
        assert status == 413 and error["errors"]["body"]["limit"] == 8192
        within = rows[: rows.rindex(b"\n", 0, 4000) + 1]
        status, answer = post_chunked(server, "/v1/assessments/batch?as_of=2026-11-25", within, "text/csv")
        assert status == 200 and answer["summary"]["total"] == within.count(b"\n") - 1
    finally:
        server.stop()
