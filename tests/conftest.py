"""Shared fixtures: the rules are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from hds_api import create_app
from hds_api.rules import Rules, load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="module")
def app():
    """One app per test module: building it loads the rules."""
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
