"""`python -m hds_api check` and `assess`, run as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from ..conftest import ROOT


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hds_api", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60
    )


def test_check_prints_a_summary():
    done = run("check")
    assert done.returncode == 0
    assert done.stdout.startswith("ok: 1 tree(s) (hds_scope 2027.1), 32 nodes, 25 questions, 15 outcomes, sha256:")


def test_check_names_every_problem_and_fails(tmp_path):
    broken = tmp_path / "decision_trees"
    shutil.copytree(ROOT / "decision_trees", broken)
    tree = broken / "hds_scope.yaml"
    text = tree.read_text(encoding="utf-8")
    text = text.replace("false: {outcome: no_storage}", "false: nowhere").replace("ask: stores_data", "ask: stores")
    tree.write_text(text, encoding="utf-8")
    done = run("--rules", str(broken), "check")
    assert done.returncode == 1
    assert "node 'stores_data' branches/false: goes to unknown node 'nowhere' (a dead end)" in done.stderr
    assert "node 'stores_data': asks unknown question 'stores'" in done.stderr
    assert done.stdout == ""


def test_assess_reads_standard_input():
    request = {"answers": {"personal_data": True, "health_data": False}, "as_of": "2026-11-25", "lang": "en"}
    done = run("assess", "-", stdin=json.dumps(request))
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert result["exemptions"][0]["code"] == "not_health_data"
    assert result["lang"] == "en"


def test_assess_reads_a_file(tmp_path):
    path = tmp_path / "request.json"
    path.write_text(json.dumps({"answers": {"personal_data": True}, "as_of": "2026-11-25"}), encoding="utf-8")
    result = json.loads(run("assess", str(path)).stdout)
    assert result["status"] == "incomplete"
    assert result["next_question"]["id"] == "health_data"


def test_a_bad_request_prints_the_error_and_exits_2():
    done = run("assess", "-", stdin=json.dumps({"answers": {"personal_data": "maybe"}}))
    assert done.returncode == 2
    error = json.loads(done.stderr)
    assert error["code"] == 422
    assert error["errors"]["answers.personal_data"]["allowed"] == [True, False]


def test_malformed_json_and_unknown_fields_exit_2(tmp_path):
    assert "malformed JSON" in run("assess", "-", stdin="{").stderr
    done = run("assess", "-", stdin=json.dumps({"answer": {}}))
    assert done.returncode == 2
    assert json.loads(done.stderr)["errors"]["answer"]["allowed"] == [
        "answers",
        "as_of",
        "lang",
        "current_certification",
    ]
    missing = run("assess", str(tmp_path / "none.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
