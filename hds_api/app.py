"""The Flask application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from .trees import load_rules


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application; the decision trees are loaded and validated here, once."""
    app = Flask(__name__)
    app.config.from_mapping(RULES_DIR=None)
    if config:
        app.config.from_mapping(config)
    app.extensions["hds_rules"] = load_rules(app.config["RULES_DIR"])

    from . import form

    form.init_app(app)

    @app.get("/health")
    def health():
        return {"status": "ok"}

    return app
