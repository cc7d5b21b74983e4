"""The HTTP resources, one blueprint module each; views stay thin and call the engine."""

from __future__ import annotations

from flask import current_app
from flask_smorest import Api

from ...rules import Rules

RULES_EXTENSION = "hds_rules"


def current_rules() -> Rules:
    """The rules loaded (and validated) once by `create_app`."""
    return current_app.extensions[RULES_EXTENSION]


def register_blueprints(api: Api) -> None:
    from . import assessments, batch, decision_trees, health, impact, questionnaire, ready

    for module in (health, ready, questionnaire, assessments, batch, impact, decision_trees):
        api.register_blueprint(module.blp)
