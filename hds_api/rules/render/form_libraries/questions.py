"""What the form-library formats share: the questions' texts at a date, and the algebra of conditions on them."""

from __future__ import annotations

from datetime import date
from typing import Any

from ....i18n import LANGUAGES
from ... import Rules
from .formula import Algebra


def algebra_of(rules: Rules) -> Algebra:
    return Algebra(rules.catalogue.question_order, rules.catalogue.question_values)


def question_texts(rules: Rules, question_id: str, as_of: date) -> dict[str, dict[str, Any]]:
    """The question as served by the questionnaire (label, help, choices), in each language, at `as_of`."""
    epoch = rules.calendar.epoch(as_of)
    return {lang: rules.catalogue.question_views[question_id][lang][epoch] for lang in LANGUAGES}
