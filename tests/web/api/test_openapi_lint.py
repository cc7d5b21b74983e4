"""The served OpenAPI document passes Redocly's `recommended` ruleset with no error (Redocly CLI pinned in
tests/js/package-lock.json, run by node) and validates with openapi-spec-validator, with API keys and without."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from openapi_spec_validator import validate

from hds_api import create_app

from ...conftest import ROOT

REDOCLY = ROOT / "tests" / "js" / "node_modules" / "@redocly" / "cli" / "bin" / "cli.js"
# Warnings Redocly's rules give that this document keeps on purpose.
ACCEPTED_WARNINGS = {
    "info-license",  # the project names no licence
    "operation-4xx-response",  # /health and /ready answer 200 or 503, never a 4xx
    "no-unused-components",  # flask-smorest's PaginationMetadata: no endpoint pages
}


@pytest.mark.parametrize("keys", [(), ("a-key-of-twenty-chars",)], ids=["open", "with-keys"])
def test_redocly_recommended_finds_no_error(tmp_path, keys):
    node = shutil.which("node")
    if node is None or not REDOCLY.is_file():
        pytest.fail("node and tests/js/node_modules are needed: `npm ci --prefix tests/js` (scripts/test.sh does it)")
    spec = create_app({"TESTING": True, "API_KEYS": keys}).test_client().get("/openapi.json").get_json()
    validate(spec)
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(spec), encoding="utf-8")
    environment = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    done = subprocess.run(
        [node, str(REDOCLY), "lint", str(document), "--extends=recommended", "--format=json"],
        cwd=tmp_path,  # no redocly.yaml from anywhere else
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(done.stdout)
    errors = [(p["ruleId"], p["message"], p["location"][0]["pointer"]) for p in report["problems"]]
    assert done.returncode == 0 and report["totals"]["errors"] == 0, errors
    assert {problem["ruleId"] for problem in report["problems"]} <= ACCEPTED_WARNINGS, errors
