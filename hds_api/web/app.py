"""The Flask application factory, and the WSGI stack around it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask

from .. import settings
from ..rules import load_rules
from . import errors, form
from .api import RULES_EXTENSION, register_blueprints
from .api.assessments import HANDLER_EXTENSION
from .handlers import Assess
from .hot_route import HotRoute
from .json_provider import OrjsonProvider
from .language import NegotiatingRequest
from .middleware import access_log, api_keys, cors, framing, limits, security_headers, vary
from .openapi import docs_ui, example_files
from .openapi import spec as openapi

# WSGI middleware, outermost first: each wraps all that follow, then the hot route, then Flask — the same stack
# whichever of the two answers. The access log sees every answer, refusals included; CORS answers preflights
# before API keys ask for a key; keys are checked before a body is read; the body is read, bounded, before
# anything parses it; `Vary` names what the app negotiated.
MIDDLEWARE = (access_log, security_headers, cors, api_keys, framing, limits, vary)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application: settings, rules (loaded and validated here, once), API, docs, errors, middleware.

    Settings come from the environment (`hds_api.settings`); `config` overrides them (tests use it), and
    `HOT_ROUTE=False` sends every request through Flask.
    """
    app = Flask(__name__)
    app.json = OrjsonProvider(app)
    app.request_class = NegotiatingRequest
    app.config.from_mapping(settings.from_environment())
    app.config.from_mapping(openapi.FLASK_SETTINGS)
    app.config["HOT_ROUTE"] = True
    if config:
        app.config.from_mapping(config)
    rules = load_rules(app.config["RULES_DIR"])
    app.extensions[RULES_EXTENSION] = rules
    assess = Assess(rules, app.config["DEFAULT_LANG"], app.config["MAX_JSON_DEPTH"])
    app.extensions[HANDLER_EXTENSION] = assess

    api_keys.describe(app.config)  # before the Api: with keys, the spec names its security schemes
    api = openapi.HdsApi(app)
    openapi.describe(api, rules)  # before the blueprints: their schemas are converted as they register
    register_blueprints(api)
    docs_ui.init_app(app)
    example_files.init_app(app)
    form.init_app(app)
    errors.init_app(app)
    app.wsgi_app = middleware_stack(app.wsgi_app, assess, app.config)
    return app


def middleware_stack(flask_wsgi_app: Callable, assess: Assess, config: dict[str, Any]) -> Callable:
    wsgi_app = HotRoute(flask_wsgi_app, assess) if config["HOT_ROUTE"] else flask_wsgi_app
    for middleware in reversed(MIDDLEWARE):
        wsgi_app = middleware.wrap(wsgi_app, config)
    return wsgi_app
