"""Security headers on every response; a strict CSP on HTML pages, the docs' inline script allowed by its hash."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from ..support import JSON_POLICY, policy
from .conftest import COMPLETE

REQUESTS = [
    ("get", "/health", {}),
    ("get", "/ready", {}),
    ("get", "/v1/questionnaire", {}),
    ("post", "/v1/assessments", {"json": {"answers": COMPLETE}}),
    ("post", "/v1/assessments", {"json": {"answers": {"personal_data": "maybe"}}}),  # 422
    ("post", "/v1/assessments", {"data": b"{", "content_type": "application/json"}),  # 400
    (
        "post",
        "/v1/assessments/batch",
        {"data": b"id\n1\n", "content_type": "text/csv", "headers": {"Accept": "text/csv"}},
    ),
    ("get", "/v1/decision-trees/hds_scope/diagram", {}),
    ("get", "/openapi.json", {}),
    ("get", "/docs", {}),
    ("get", "/docs/assets/swagger-ui-bundle.js", {}),
    ("get", "/form", {}),
    ("get", "/form/static/form.css", {}),
    ("get", "/nope", {}),  # 404
    ("delete", "/health", {}),  # 405
]


@pytest.mark.parametrize(("method", "path", "kwargs"), REQUESTS, ids=[f"{m} {p}" for m, p, _ in REQUESTS])
def test_every_response_has_the_security_headers(client, method, path, kwargs):
    with getattr(client, method)(path, **kwargs) as response:
        check_headers(response, path)


def check_headers(response, path: str) -> None:
    assert response.status_code < 500
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in ("no-referrer", "same-origin")
    csp = policy(response)
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    if response.mimetype == "text/html":
        assert csp["default-src"] == "'self'" and csp["object-src"] == "'none'" and "frame-ancestors" in csp
        assert "'unsafe-inline'" not in csp["script-src"]
    elif not path.startswith("/form"):
        assert response.headers["Content-Security-Policy"] == JSON_POLICY


def test_api_answers_send_no_referrer(client):
    assert client.get("/v1/questionnaire").headers["Referrer-Policy"] == "no-referrer"


def test_the_form_keeps_its_own_policy(client):
    response = client.get("/form")
    assert policy(response)["style-src"] == "'self'" and response.headers["Referrer-Policy"] == "same-origin"


def test_the_docs_policy_allows_exactly_the_pages_inline_script(client):
    response = client.get("/docs")
    scripts = re.findall(rb"<script>(.*?)</script>", response.get_data(), re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0]).digest()).decode()
    assert policy(response)["script-src"] == f"'self' 'sha256-{digest}'"
