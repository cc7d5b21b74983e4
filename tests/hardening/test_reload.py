"""`kill -HUP` on the master: new rules are validated and served; broken ones are refused and the old ones
keep being served, by new workers, with no request lost."""

from __future__ import annotations

import shutil
import signal
import time

import pytest

from hds_api.rules import DEFAULT_RULES_DIR

from .conftest import COMPLETE
from .gunicorn_server import Gunicorn

WAIT = 30.0


@pytest.fixture
def rules(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, copy)
    return copy


def digest(server: Gunicorn) -> str:
    status, body = server.request("GET", "/ready")
    assert status == 200, body
    return body["rules"]["digest"]


def hang_up(server: Gunicorn, marker: str) -> None:
    """HUP, then wait until the master has said `marker` and every worker is new."""
    before = set(server.worker_pids())
    server.process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        now = server.worker_pids()
        if marker in server.output and len(now) == 2 and not before & set(now):
            return
        time.sleep(0.1)
    raise AssertionError(f"no {marker!r} with new workers within {WAIT} s:\n{server.output}")


def assesses(server: Gunicorn) -> bool:
    status, body = server.request("POST", "/v1/assessments", {"answers": COMPLETE})
    return status == 200 and body["hds_certification_required"] is True


def test_hup_serves_new_rules_and_keeps_the_old_ones_when_the_new_are_broken(tmp_path, rules):
    server = Gunicorn(tmp_path, HDS_RULES_DIR=str(rules)).wait_ready()
    try:
        first = digest(server)
        with (rules / "law.yaml").open("a", encoding="utf-8") as law:
            law.write("# reviewed again\n")  # valid, different bytes: a different digest
        hang_up(server, "hds-scope: reloaded")
        second = digest(server)
        assert second != first and assesses(server)

        (rules / "questions.yaml").write_text("questions: [unclosed\n", encoding="utf-8")
        hang_up(server, "hds-scope: not reloaded")
        assert digest(server) == second and assesses(server)
        assert "rules/questions.yaml" in server.output and server.process.poll() is None
    finally:
        assert server.stop() == 0
    assert "Traceback" not in server.output


def test_requests_during_a_reload_are_all_answered(tmp_path, rules):
    server = Gunicorn(tmp_path, HDS_RULES_DIR=str(rules)).wait_ready()
    try:
        before = set(server.worker_pids())
        server.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + WAIT
        answered = 0
        while not ("hds-scope: reloaded" in server.output and len(set(server.worker_pids()) - before) == 2):
            assert time.monotonic() < deadline, server.output
            assert assesses(server)  # old workers finishing, new ones starting: every request answered
            answered += 1
        assert answered > 0 and assesses(server)
    finally:
        assert server.stop() == 0
