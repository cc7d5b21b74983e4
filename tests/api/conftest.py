"""Fixtures of the HTTP API tests: one app per test module (building it loads the rules), a client per test."""

from __future__ import annotations

import pytest

from hds_api import create_app


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
