"""Decision trees: loading, validating and evaluating the HDS rules. Pure Python, no web framework."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from .problems import Problem, RulesError
from .request_check import InvalidRequest
from .rules import DEFAULT_RULES_DIR, Rules, load_rules, today_in_paris

__all__ = [
    "DEFAULT_RULES_DIR",
    "InvalidRequest",
    "Problem",
    "Rules",
    "RulesError",
    "default_rules",
    "evaluate",
    "load_rules",
    "today_in_paris",
]


@cache
def default_rules() -> Rules:
    """The rules of `decision_trees/`, loaded once per process for callers without an app."""
    return load_rules()


def evaluate(
    answers: Any, as_of: date | str | None = None, current_certification: Any = None, lang: Any = None
) -> dict[str, Any]:
    """Assess one hosting service against the default rules (see `Rules.evaluate`)."""
    return default_rules().evaluate(answers, as_of, current_certification, lang)
