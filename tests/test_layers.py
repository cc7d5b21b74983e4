"""Dependencies flow one way — exceptions, i18n, settings ← rules ← batch ← web, cli — and only `web` uses a web
framework. Each layer is imported and used in a fresh interpreter where what must stay above it cannot be
imported at all (a `sys.meta_path` finder refuses it), so a forbidden import fails even when it is made lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

FRAMEWORKS = ("flask", "werkzeug", "flask_smorest", "marshmallow", "webargs", "apispec", "flask_cors")

BLOCKER = """
import importlib.abc, sys
BLOCKED = tuple(sys.argv[1].split(","))

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in BLOCKED or name.startswith(tuple(blocked + "." for blocked in BLOCKED)):
            raise ImportError(f"{name} may not be imported from here")
        return None

sys.meta_path.insert(0, Blocked())
exec(sys.argv[2])
print("ok")
"""

LAYERS = {
    "foundations": (
        ("hds_api.rules", "hds_api.batch", "hds_api.web", "hds_api.cli", "gunicorn", *FRAMEWORKS),
        "from hds_api import exceptions, i18n, settings\n"
        "assert i18n.default_language() in i18n.LANGUAGES and settings.from_environment({})\n"
        "assert exceptions.InvalidRequest({}, 'de').body()['code'] == 422",
    ),
    "rules": (
        ("hds_api.batch", "hds_api.web", "hds_api.cli", "gunicorn", *FRAMEWORKS),
        "import datetime\n"
        "from hds_api.rules import default_rules, evaluate\n"
        "from hds_api.rules.render import mermaid, rules_doc\n"
        "from hds_api.rules.render.form_libraries import answers_json_schema, surveyjs_definition\n"
        "rules = default_rules()\n"
        "assert evaluate({'personal_data': False})['status'] == 'complete'\n"
        "assert rules.assess({'answers': {}}, 'en')['status'] == 'incomplete'\n"
        "mermaid.flowchart(rules, rules.default_tree, 'fr'); rules_doc.render(rules, 'en')\n"
        "surveyjs_definition(rules, 'fr', datetime.date(2026, 12, 1))",
    ),
    "batch": (
        ("hds_api.web", "hds_api.cli", "gunicorn", *FRAMEWORKS),
        "from hds_api.batch import assess_items\n"
        "from hds_api.rules import default_rules\n"
        "body = assess_items(default_rules(), [{'id': 1, 'answers': {'personal_data': False}}, {'id': 2}])\n"
        "assert body['summary']['total'] == 2",
    ),
    "cli": (
        ("hds_api.web", "gunicorn", *FRAMEWORKS),
        "from hds_api.cli.main import main\nassert main(['check']) == 0",
    ),
    "the web's handlers and middleware": (
        FRAMEWORKS,
        "import json\n"
        "from hds_api.rules import default_rules\n"
        "from hds_api.web.handlers import Assess\n"
        "from hds_api.web.hot_route import HotRoute\n"
        "from hds_api.web.middleware import access_log, api_keys, cors, framing, limits, security_headers, vary\n"
        "answer = Assess(default_rules(), 'fr', 32)(b'{\"answers\": {}}', 'application/json', '', None)\n"
        "assert json.loads(answer.body)['status'] == 'incomplete'",
    ),
    "the package": (FRAMEWORKS, "import hds_api"),
}


@pytest.mark.parametrize(("blocked", "code"), LAYERS.values(), ids=LAYERS.keys())
def test_each_layer_works_without_what_is_above_it(blocked, code):
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER, ",".join(blocked), code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-2000:]


def test_the_blocker_blocks():
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER, "flask", "import hds_api.web.app"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "flask may not be imported from here" in done.stderr
