"""Structured access logs with a request id (never an answer), /health and /ready."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

import pytest

from ..support import assert_error_shape
from .conftest import COMPLETE

ACCESS = "hds_api.access"
FIELDS = {"time", "request_id", "method", "path", "status", "duration_ms", "bytes", "lang", "client"}
MARKER = "id-marker-7f3a"  # must never reach the log: ids, answers and bodies are not logged


def access_lines(caplog) -> list[dict]:
    return [json.loads(record.getMessage()) for record in caplog.records if record.name == ACCESS]


def test_one_json_line_per_request_with_the_operational_fields_only(client, caplog):
    with caplog.at_level(logging.INFO, logger=ACCESS):
        response = client.post("/v1/assessments?lang=en", json={"answers": COMPLETE, "as_of": "2026-11-25"})
    (line,) = access_lines(caplog)
    assert set(line) == FIELDS
    assert line["method"] == "POST" and line["path"] == "/v1/assessments" and line["status"] == 200
    assert line["bytes"] == len(response.get_data()) and line["duration_ms"] >= 0 and line["lang"] == "en"
    assert line["request_id"] == response.headers["X-Request-ID"]
    logged_at = datetime.fromisoformat(line["time"])  # ISO 8601, to the millisecond, in UTC
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])
    assert abs((datetime.now(UTC) - logged_at).total_seconds()) < 60


def test_answers_ids_and_bodies_are_never_logged(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post("/v1/assessments/batch", json={"items": [{"id": MARKER, "answers": {"storage_medium": MARKER}}]})
        client.post("/v1/assessments", json={"answers": {MARKER: True}})
        client.post(f"/v1/assessments?as_of={MARKER}", json={"answers": {}})
    assert len(access_lines(caplog)) == 3
    assert MARKER not in caplog.text


@pytest.mark.parametrize("given", ["abc-123", "6f1c2a90-2f7b-4d5e-9a51-1a2b3c4d5e6f", "Root=1-5759e988:x/y+z.w_v"])
def test_a_sane_request_id_is_kept_and_echoed(client, caplog, given):
    with caplog.at_level(logging.INFO, logger=ACCESS):
        response = client.get("/health", headers={"X-Request-ID": given})
    assert response.headers["X-Request-ID"] == given and access_lines(caplog)[0]["request_id"] == given


@pytest.mark.parametrize("given", ["", "a" * 129, "two words", 'quote"', "line\\nbreak", "é", "<script>"])
def test_an_insane_request_id_is_replaced(client, given):
    response = client.get("/health", headers={"X-Request-ID": given})
    assert response.headers["X-Request-ID"] != given
    assert len(response.headers["X-Request-ID"]) == 32 and response.headers["X-Request-ID"].isalnum()


def test_ids_are_generated_fresh_for_each_request(client):
    ids = {client.get("/health").headers["X-Request-ID"] for _ in range(20)}
    assert len(ids) == 20


def test_refusals_and_errors_are_logged_too(client, caplog):
    with caplog.at_level(logging.INFO, logger=ACCESS):
        client.get("/nope")
        client.post("/v1/assessments", data=b"{", content_type="application/json")
    assert [line["status"] for line in access_lines(caplog)] == [404, 400]


def test_the_log_can_be_turned_off(make_client, caplog):
    with caplog.at_level(logging.INFO, logger=ACCESS):
        response = make_client(ACCESS_LOG="off").get("/health")
    assert access_lines(caplog) == [] and response.headers["X-Request-ID"]


def test_health_is_liveness(client):
    assert client.get("/health").get_json() == {"status": "ok"}


def test_ready_names_the_rules_served(client, rules):
    body = client.get("/ready").get_json()
    assert body == {"status": "ready", "rules": rules.identities[rules.default_tree]}


def test_not_ready_without_rules_is_a_503_in_the_error_shape(make_client):
    client = make_client(MARK="not-ready")
    client.application.extensions.pop("hds_rules")
    assert_error_shape(client.get("/ready"), 503)
    assert client.get("/health").status_code == 200  # alive, but not to be sent traffic
