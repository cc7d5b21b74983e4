"""A Python client generated from the served OpenAPI document by openapi-python-client (pinned in
requirements-dev.txt) runs every shared scenario and gets the engine's results, typed: code reading
`result.next_question.id`, `result.certification_gap.status` and the batch summary passes `mypy --strict`."""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from hds_api import create_app
from hds_api.batch import assess_items

from ...scenario_files import shared_scenarios
from ..form.servers import LiveServer

USAGE = Path(__file__).with_name("generated_client_usage.py")
PACKAGE = "hds_scope_client"
GENERATOR_CONFIG = f"post_hooks: []\npackage_name_override: {PACKAGE}\n"
# The one thing the generator leaves out: a CSV body (clients post it with their HTTP library).
REQUEST_KEYS = ("answers", "as_of", "lang", "current_certification")


@pytest.fixture(scope="module")
def service():
    server = LiveServer(create_app({"TESTING": True, "ACCESS_LOG": "off"}))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def generated(service, tmp_path_factory) -> Path:
    """A directory holding the generated package and the usage file."""
    for module in ("openapi_python_client", "mypy"):
        if importlib.util.find_spec(module) is None:
            pytest.fail(f"{module} is missing: `pip install -r requirements-dev.txt` (scripts/test.sh does it)")
    root = tmp_path_factory.mktemp("client")
    with urllib.request.urlopen(f"{service.origin}/openapi.json", timeout=30) as answer:  # noqa: S310 - loopback
        (root / "openapi.json").write_bytes(answer.read())
    (root / "generator.yaml").write_text(GENERATOR_CONFIG, encoding="utf-8")
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--path", "openapi.json", "--meta", "none"]
    command += ["--output-path", PACKAGE, "--config", "generator.yaml"]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    # The table bodies (CSV, XLSX) of the batch and impact operations are not JSON: the generator skips them, and
    # only them.
    table_operations = ["batch/batch", "impact/impact"]
    warned = re.findall(r"^WARNING parsing POST /v1/assessments/(\w+) within (\w+)\.$", output, re.MULTILINE)
    assert sorted(f"{path}/{tag}" for path, tag in warned) == sorted(table_operations * 2), output
    assert len(re.findall(r"^WARNING .*$", output, re.MULTILINE)) == len(warned), output
    unsupported = re.findall(r"^Unsupported content type (.*)$", output, re.MULTILINE)
    assert sorted(set(unsupported)) == ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"]
    shutil.copy(USAGE, root / "usage.py")
    return root


@pytest.fixture(scope="module")
def usage(generated):
    sys.path.insert(0, str(generated))
    try:
        yield importlib.import_module("usage")
    finally:
        sys.path.remove(str(generated))
        for name in [name for name in sys.modules if name == "usage" or name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def request_of(scenario: dict[str, Any]) -> dict[str, Any]:
    """A scenario's request as JSON (YAML reads dates as dates)."""
    return json.loads(json.dumps({key: scenario[key] for key in REQUEST_KEYS if key in scenario}, default=str))


def engine_result(rules, request: dict[str, Any]) -> dict[str, Any]:
    return rules.evaluate(
        request["answers"], request.get("as_of"), request.get("current_certification"), request.get("lang", "fr")
    )


def test_every_shared_scenario_through_the_generated_client(service, usage, rules):
    client = usage.Client(base_url=service.origin)
    scenarios = shared_scenarios()
    for scenario in scenarios:
        request = request_of(scenario)
        expected = engine_result(rules, request)
        result = usage.assessed(client, request)
        assert result.to_dict() == expected, scenario["id"]  # every field parsed into the client's types and back
        question = usage.next_question(result)
        assert (None if question is None else question.value) == (expected["next_question"] or {}).get("id")
        gap = usage.gap_status(result)
        assert (None if gap is None else gap.value) == (expected["certification_gap"] or {}).get("status")
    assert {result["status"] for result in (engine_result(rules, request_of(s)) for s in scenarios)} == {
        "complete", "incomplete"
    }  # fmt: skip
    assert usage.first_question(client).value == rules.catalogue.question_order[0]


def test_a_batch_of_every_shared_scenario_through_the_generated_client(service, usage, rules):
    client = usage.Client(base_url=service.origin)
    requests = {scenario["id"]: request_of(scenario) for scenario in shared_scenarios()}
    summary = usage.batch_summary(client, requests)
    items = [{"id": item_id, **request} for item_id, request in requests.items()]
    expected = assess_items(rules, items, lang="fr")["summary"]
    assert summary.to_dict() == {**expected, "as_of": summary.to_dict()["as_of"]}  # today, for both
    assert summary.total == len(requests) and summary.errors == 0
    assert summary.required == expected["required"] > 0 and summary.not_required == expected["not_required"] > 0


def test_the_usage_file_passes_mypy_strict_and_unsafe_code_does_not(generated):
    def mypy(*files: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", ".mypy_cache", "--no-color-output"]
        return subprocess.run([*command, *files], cwd=generated, capture_output=True, text=True, timeout=600)

    checked = mypy("usage.py")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("Success"), checked.stdout
    # The types are precise, not `Any`: a nullable read without a check, or a misspelt field, is an error.
    (generated / "unsafe.py").write_text(
        "from hds_scope_client.models import AssessmentResult\n\n\n"
        "def unsafe(result: AssessmentResult) -> None:\n"
        "    print(result.next_question.id)\n"
        "    print(result.certification_gap.status)\n"
        "    print(result.summary)\n",
        encoding="utf-8",
    )
    rejected = mypy("unsafe.py")
    assert rejected.returncode == 1
    assert re.findall(r"^unsafe.py:(\d+): error: (.*)$", rejected.stdout, re.MULTILINE) == [
        ("5", 'Item "None" of "Question | None" has no attribute "id"  [union-attr]'),
        ("6", 'Item "None" of "CertificationGap | None" has no attribute "status"  [union-attr]'),
        ("7", '"AssessmentResult" has no attribute "summary"  [attr-defined]'),
    ], rejected.stdout
