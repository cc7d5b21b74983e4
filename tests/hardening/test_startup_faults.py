"""A broken or missing tree file, or a bad setting, stops start-up under gunicorn: exit status 1, a message naming
the problem, and nothing ever listening on the port."""

from __future__ import annotations

import shutil
import time

import pytest

from hds_api.trees import DEFAULT_RULES_DIR

from .gunicorn_server import START_TIMEOUT, Gunicorn, listening


def broken_yaml(rules):
    (rules / "questions.yaml").write_text("kind: questions\nquestions: [unclosed\n", encoding="utf-8")
    return "rules/questions.yaml"


def missing_file(rules):
    (rules / "outcomes.yaml").unlink()
    return "outcome"


def dangling_reference(rules):
    tree = rules / "hds_scope.yaml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("outcome: not_personal_data", "outcome: nowhere", 1))
    return "nowhere"


@pytest.mark.parametrize("breakage", [broken_yaml, missing_file, dangling_reference])
def test_broken_rules_stop_start_up_naming_the_problem(tmp_path, breakage):
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    named = breakage(rules)
    assert_never_serves(Gunicorn(tmp_path, HDS_RULES_DIR=str(rules)), [named, "cannot start"])


def test_a_missing_rules_directory_stops_start_up(tmp_path):
    assert_never_serves(Gunicorn(tmp_path, HDS_RULES_DIR=str(tmp_path / "nowhere")), ["nowhere", "does not exist"])


def test_a_bad_setting_stops_start_up_naming_it(tmp_path):
    assert_never_serves(Gunicorn(tmp_path, HDS_MAX_JSON_DEPTH="deep"), ["HDS_MAX_JSON_DEPTH"])


def assert_never_serves(server: Gunicorn, named: list[str]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    served = False
    while server.process.poll() is None and time.monotonic() < deadline:
        served = served or listening(server.port)
        time.sleep(0.05)
    code = server.stop()
    assert code == 1, server.output
    assert not served and not listening(server.port)
    for text in named:
        assert text in server.output, server.output
    assert "Traceback" not in server.output  # one readable message, not a stack
