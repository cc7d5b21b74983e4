"""Helpers of the hardening tests: apps with given settings, and the error shape every refusal must have."""

from __future__ import annotations

import pytest
from werkzeug.http import HTTP_STATUS_CODES

from hds_api import create_app

from ..answers import MANAGED_SERVICES_REQUIRED

COMPLETE = MANAGED_SERVICES_REQUIRED


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
def make_client():
    """A client of an app built with the given settings (cached: building an app takes ~0.1 s)."""
    built: dict = {}

    def make(**config):
        key = tuple(sorted((name, repr(value)) for name, value in config.items()))
        if key not in built:
            built[key] = create_app({"TESTING": True, **config})
        return built[key].test_client()

    return make
