"""`kill -HUP <master>`: new rules (and a new API keys file, a reopened access log file) without a restart and
without losing a request — or, when what is on disk is broken, the old ones, still served.

gunicorn's HUP re-reads gunicorn.conf.py, starts new workers and stops the old ones gracefully. The app is
preloaded in the master, so the new workers would be forks of the old app, old rules included; gunicorn calls
`on_reload` (this function, named in gunicorn.conf.py) just before it forks them. It builds a new app in the
master, rules loaded and validated and settings read as at start-up; the new workers fork from it. If that
fails, the master logs why and keeps the old app: the new workers serve the rules that were already served.
"""

from __future__ import annotations

import gc
from typing import Any

from .. import create_app
from ..rules import RulesError
from ..settings import SettingsError
from .api import RULES_EXTENSION


def served(app: Any) -> str:
    """The rules an app serves, as a log line names them."""
    rules = getattr(app, "extensions", {}).get(RULES_EXTENSION)
    if rules is None:
        return "(none)"
    identity = rules.identities[rules.default_tree]
    return f"{identity['tree']} {identity['version']} {identity['digest']}"


def on_reload(arbiter: Any) -> None:
    """gunicorn's `on_reload` hook: swap the preloaded app for a freshly built one, or keep it."""
    old = arbiter.app.callable
    try:
        app = create_app()
    except (RulesError, SettingsError) as error:
        arbiter.log.error("hds-scope: not reloaded, still serving %s: %s", served(old), error)
        return
    except Exception:  # noqa: BLE001 - whatever broke, the master must outlive it and keep serving
        arbiter.log.exception("hds-scope: not reloaded, still serving %s", served(old))
        return
    arbiter.app.callable = app
    gc.freeze()  # as wsgi.py does at start-up: the new workers never scan the new rules
    arbiter.log.info("hds-scope: reloaded, serving %s (was %s)", served(app), served(old))
