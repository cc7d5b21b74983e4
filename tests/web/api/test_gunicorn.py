"""gunicorn.conf.py: settings from the environment, and a broken tree stops start-up before any worker."""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
from pathlib import Path

from hds_api.rules import DEFAULT_RULES_DIR
from hds_api.settings import from_environment

from ...conftest import ROOT

CONF = ROOT / "gunicorn.conf.py"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("HDS_BIND", "127.0.0.1:9123")
    monkeypatch.setenv("HDS_WORKERS", "3")
    monkeypatch.setenv("HDS_ACCESS_LOG", "")
    conf = runpy.run_path(str(CONF))
    assert conf["bind"] == "127.0.0.1:9123"
    assert conf["workers"] == 3
    assert conf["preload_app"] is True
    assert conf["accesslog"] is None


def test_defaults_serve_on_loopback_with_an_access_log_on_stdout(monkeypatch):
    for name in ("HDS_BIND", "HDS_WORKERS", "HDS_ACCESS_LOG"):
        monkeypatch.delenv(name, raising=False)
    conf = runpy.run_path(str(CONF))
    assert conf["bind"] == "127.0.0.1:8000"
    assert conf["workers"] >= 2
    # The access log is the app's own JSON one (web.middleware.access_log, on stdout by default); gunicorn's is off.
    assert conf["accesslog"] is None
    assert from_environment({})["ACCESS_LOG"] == "-"


def test_broken_rules_stop_gunicorn_before_any_worker(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules)
    tree = rules / "hds_scope.yaml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("root: personal_data", "root: nowhere"), "utf-8")
    env = {"HDS_RULES_DIR": str(rules), "HDS_BIND": "127.0.0.1:0", "HDS_WORKERS": "1", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [str(GUNICORN), "-c", str(CONF), "wsgi:app"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode != 0
    assert "nowhere" in run.stderr
    assert "Booting worker" not in run.stderr
