"""nosniff on every response; CORS headers only for configured origins."""

from __future__ import annotations

import pytest

from hds_api import create_app

ALLOWED = "https://intake.example.org"


@pytest.fixture(scope="module")
def cors_client():
    return create_app({"TESTING": True, "CORS_ORIGINS": [ALLOWED]}).test_client()


@pytest.mark.parametrize("path", ["/health", "/v1/questionnaire", "/openapi.json", "/docs", "/nope"])
def test_nosniff_everywhere(client, path):
    assert client.get(path).headers["X-Content-Type-Options"] == "nosniff"


def test_no_cors_header_by_default(client):
    response = client.get("/v1/questionnaire", headers={"Origin": ALLOWED})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_configured_origin_may_call(cors_client):
    response = cors_client.post("/v1/assessments", json={"answers": {}}, headers={"Origin": ALLOWED})
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED


def test_preflight_for_a_configured_origin(cors_client):
    response = cors_client.options(
        "/v1/assessments",
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()


def test_other_origins_get_no_cors_header(cors_client):
    response = cors_client.post("/v1/assessments", json={"answers": {}}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers
