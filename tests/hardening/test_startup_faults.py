"""A broken or missing tree file, or a bad setting, stops start-up under gunicorn: exit status 1, a message naming
the problem, and nothing ever listening on the port."""

from __future__ import annotations

import shutil
import time

import pytest

from hds_api.rules import DEFAULT_RULES_DIR

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


# (variable, value): gunicorn's own settings (checked by gunicorn.conf.py) and the app's (checked as the master
# preloads it). Each would otherwise give a traceback, a service running open, or one that listens and never answers.
BAD_SETTINGS = [
    ("HDS_WORKERS", "0"),
    ("HDS_WORKERS", "abc"),
    ("HDS_TIMEOUT", "0"),
    ("HDS_TIMEOUT", "abc"),
    ("HDS_GRACEFUL_TIMEOUT", "soon"),
    ("HDS_MAX_REQUESTS", "-1"),
    ("HDS_BIND", "nowhere"),
    ("HDS_MAX_JSON_DEPTH", "deep"),
    ("HDS_MAX_BODY_BYTES", "10"),
    ("HDS_BATCH_MAX_ITEMS", "0"),
    ("HDS_CSV_MAX_ROW_CHARS", "8"),
    ("HDS_API_KEYS", ",,,"),
    ("HDS_API_KEYS_FILE", "{comments_only}"),
    ("HDS_API_KEY", "k3y-0123456789abcdef"),  # misspelt: the API would run open
    ("HDS_CORS_ORIGINS", "*"),
    ("HDS_ACCESS_LOG", "/nonexistent/access.log"),
]


@pytest.mark.parametrize(("variable", "value"), BAD_SETTINGS, ids=[f"{name}={value}" for name, value in BAD_SETTINGS])
def test_a_bad_setting_stops_start_up_with_one_line_naming_it(tmp_path, variable, value):
    keys = tmp_path / "keys"
    keys.write_text("# no key yet\n", encoding="utf-8")
    server = Gunicorn(tmp_path, **{variable: value.format(comments_only=keys)})
    assert_never_serves(server, [f"hds-scope cannot start: {variable}: "])
    assert len(server.output.strip().splitlines()) == 1, server.output


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
