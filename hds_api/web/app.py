"""The Flask application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from .. import settings as settings
from ..rules import load_rules
from . import errors, form
from .api import RULES_EXTENSION, register_blueprints
from .json_provider import OrjsonProvider
from .middleware import access_log as request_log
from .middleware import api_keys, framing, limits, security_headers, vary
from .middleware import cors as headers
from .openapi import docs_ui
from .openapi import spec as openapi


class HdsFlask(Flask):
    def ensure_sync(self, func):
        """Every view here is synchronous: skip Flask's coroutine check, which flask-smorest and webargs make it
        run about ten times a request (~15% of an assessment's time in the app)."""
        return func


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application: settings, rules (loaded and validated here, once), API, docs, errors.

    Settings come from the environment (`hds_api.settings`); `config` overrides them (tests use it).
    """
    app = HdsFlask(__name__)
    app.json = OrjsonProvider(app)
    app.config.from_mapping(settings.from_environment())
    app.config.from_mapping(openapi.FLASK_SETTINGS)
    if config:
        app.config.from_mapping(config)
    request_log.init_app(app)  # WSGI middleware around the whole app: every answer gets its id and log line
    api_keys.init_app(app)
    rules = load_rules(app.config["RULES_DIR"])
    app.extensions[RULES_EXTENSION] = rules

    api = openapi.HdsApi(app)
    openapi.describe(api, rules)  # before the blueprints: their schemas are converted as they register
    register_blueprints(api)
    docs_ui.init_app(app)
    form.init_app(app)
    errors.init_app(app)
    framing.init_app(app)
    limits.init_app(app)
    headers.init_app(app)
    vary.init_app(app)
    security_headers.init_app(app)
    return app
