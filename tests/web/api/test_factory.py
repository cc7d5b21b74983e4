"""The factory's wiring: settings from the environment, rules loaded once, broken rules stop start-up."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from flask import Flask

from hds_api import create_app
from hds_api.rules import DEFAULT_RULES_DIR, RulesError
from hds_api.settings import SettingsError, from_environment

from ...conftest import ROOT


def test_defaults_are_safe():
    config = from_environment({})
    assert config == {
        "RULES_DIR": None,
        "MAX_CONTENT_LENGTH": 1048576,
        "CORS_ORIGINS": [],
        "BATCH_MAX_ITEMS": 10_000,
        "BATCH_MAX_BODY_BYTES": 16 * 1024 * 1024,
        "MAX_JSON_DEPTH": 32,
        "CSV_MAX_ROW_CHARS": 64 * 1024,
        "CSV_MAX_CELL_CHARS": 4096,
        "API_KEYS": (),
        "API_KEYS_FILE": (),
        "ACCESS_LOG": "-",
        "FORM_ALLOWED_ORIGINS": [],
        "FORM_FRAME_ANCESTORS": (),
        "DEFAULT_LANG": "fr",
    }


def test_settings_are_read_from_the_environment():
    config = from_environment(
        {
            "HDS_MAX_BODY_BYTES": "2048",
            "HDS_CORS_ORIGINS": "https://a.example, https://b.example",
            "HDS_DEFAULT_LANG": "en",
        }
    )
    assert config["MAX_CONTENT_LENGTH"] == 2048
    assert config["CORS_ORIGINS"] == ["https://a.example", "https://b.example"]
    assert config["DEFAULT_LANG"] == "en"


@pytest.mark.parametrize(
    ("name", "value"), [("HDS_MAX_BODY_BYTES", "-1"), ("HDS_MAX_BODY_BYTES", "lots"), ("HDS_DEFAULT_LANG", "de")]
)
def test_bad_settings_stop_start_up_naming_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        from_environment({name: value})


def test_environment_reaches_the_app(monkeypatch):
    monkeypatch.setenv("HDS_DEFAULT_LANG", "en")
    app = create_app({"TESTING": True})
    result = app.test_client().post("/v1/assessments", json={"answers": {}}).get_json()
    assert result["lang"] == "en"


def test_rules_are_loaded_once_into_the_app(app, rules):
    assert app.extensions["hds_rules"].digest == rules.digest


def test_broken_rules_stop_the_factory(tmp_path):
    shutil.copytree(DEFAULT_RULES_DIR, tmp_path / "rules")
    (tmp_path / "rules" / "hds_scope.yaml").write_text("kind: tree\nid: broken\n", encoding="utf-8")
    with pytest.raises(RulesError):
        create_app({"RULES_DIR": str(tmp_path / "rules")})


def test_health(client):
    response = client.get("/health")
    assert response.get_json() == {"status": "ok"}
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def stack(app) -> list[str]:
    """The WSGI layers in front of Flask, outermost first."""
    names, layer = [], app.wsgi_app
    while hasattr(layer, "wsgi_app"):
        names.append(type(layer).__name__)
        layer = layer.wsgi_app
    assert layer.__func__ is Flask.wsgi_app  # Flask itself, untouched, at the end
    return names


def test_the_middleware_stack_is_the_order_the_factory_lists(app):
    assert stack(app) == ["AccessLog", "SecurityHeaders", "Framing", "BodyLimits", "Vary", "HotRoute"]
    full = create_app({"TESTING": True, "CORS_ORIGINS": ["https://a.example"], "API_KEYS": ("k" * 16,)})
    assert stack(full) == ["AccessLog", "SecurityHeaders", "Cors", "ApiKeys", "Framing", "BodyLimits", "Vary",
                           "HotRoute"]  # fmt: skip
    assert stack(create_app({"TESTING": True, "HOT_ROUTE": False}))[-1] == "Vary"


def test_gunicorns_master_freezes_what_the_app_holds(tmp_path):
    """wsgi.py, which the master preloads: the rules and modules out of the collector's reach in every worker."""
    code = "import gc, wsgi; print(gc.get_freeze_count())"
    env = {"PATH": "/usr/bin:/bin", "HDS_ACCESS_LOG": "off"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 10_000
