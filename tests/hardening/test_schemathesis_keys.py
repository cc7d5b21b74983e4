"""With API keys on, the spec declares them and schemathesis' auth checks hold: a request with a key gets a
documented answer, the same request without one or with a wrong one is refused (ignored_auth)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import CHECKS

from hds_api import create_app

KEY = "schemathesis-key-0123456789"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@schemathesis.serializer(XLSX)
def _spreadsheet(ctx, value):
    """The spec's spreadsheet body is binary: fuzzed bytes are no workbook, they exercise its refusal (422)."""
    return value if isinstance(value, bytes) else str(value).encode()


app = create_app({"TESTING": True, "ACCESS_LOG": "off", "API_KEYS": (KEY,)})
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)


def test_the_spec_declares_the_keys_and_the_open_operations():
    spec = app.test_client().get("/openapi.json").get_json()
    validate(spec)
    assert set(spec["components"]["securitySchemes"]) == {"bearer", "apiKey"}
    assert spec["security"] == [{"bearer": []}, {"apiKey": []}]
    assert spec["paths"]["/health"]["get"]["security"] == [] and spec["paths"]["/ready"]["get"]["security"] == []


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_with_keys_conforms_to_its_spec(case):
    checks = list(CHECKS.get_all())
    if case.media_type == XLSX or case.path == "/v1/assessments/impact":  # see tests/web/api/test_schemathesis.py
        checks = [check for check in checks if check.__name__ != "positive_data_acceptance"]
    case.call_and_validate(headers={"Authorization": f"Bearer {KEY}"}, checks=checks)
