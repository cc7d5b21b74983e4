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
