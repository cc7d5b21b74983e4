"""Helpers of the hardening tests: apps with given settings, and the error shape every refusal must have."""

from __future__ import annotations

import pytest
from werkzeug.http import HTTP_STATUS_CODES

from hds_api import create_app

COMPLETE = {
    "personal_data": True, "health_data": True, "data_originator": "health_professional", "care_context": True,
    "hosting_relationship": "on_behalf_of_originator", "storage_medium": "digital", "stores_data": True,
    "short_term_processing_only": False, "activity_physical_site": False, "activity_hardware": False,
    "activity_virtual_infrastructure": False, "activity_application_platform": True,
    "activity_administration_operation": True, "activity_backup": True, "storage_location": "eea_only",
    "non_eea_access": False, "third_country_law_exposure": False, "uses_subcontractors": False,
}  # fmt: skip


def assert_error_shape(response, code: int | None = None) -> dict:
    """The contract's error shape (section 5), JSON, never a 5xx unless `code` says so."""
    assert response.mimetype == "application/json", (response.status_code, response.get_data()[:200])
    body = response.get_json()
    assert set(body) == {"code", "status", "message", "errors"}, body
    assert body["code"] == response.status_code
    assert body["status"] == HTTP_STATUS_CODES[response.status_code]
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["errors"], dict)
    if code is not None:
        assert response.status_code == code, body
    return body


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def make_client():
    """A client of an app built with the given settings (cached: building an app takes ~0.1 s)."""
    built: dict = {}

    def make(**config):
        key = tuple(sorted((name, repr(value)) for name, value in config.items()))
        if key not in built:
            built[key] = create_app({"TESTING": True, **config})
        return built[key].test_client()

    return make
