"""Checking an assessment request against the question catalogue before anything is evaluated."""

from __future__ import annotations

import re
from datetime import date
from itertools import islice
from typing import Any

from .compiled import Catalogue
from .texts import LANGUAGES

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REFERENTIALS = ("v1", "v2")
CERTIFICATION_FIELDS = ("activities", "referential", "valid_until")
_ANSWER_TYPES = (bool, str)
# Errors listed for one request (or one batch item); any more are only counted (`more_errors`), so that no
# request, however many bad fields it sends, makes an answer larger than a few kilobytes per item.
MAX_LISTED_ERRORS = 20

MESSAGES = {
    "fr": {
        "invalid": "La requête contient {count} champ(s) invalide(s).",
        "not_object": "Doit être un objet JSON.",
        "unknown_question": "Identifiant de question inconnu.",
        "not_boolean": "Doit être un booléen JSON (true ou false).",
        "not_choice": "Valeur hors des choix possibles.",
        "bad_date": "Doit être une date AAAA-MM-JJ.",
        "too_early": "Le régime de certification HDS n'existe qu'à partir du {start}.",
        "bad_language": "Langue non prise en charge.",
        "bad_activities": "Doit être une liste de numéros d'activité distincts.",
        "bad_referential": "Référentiel inconnu.",
        "missing": "Champ obligatoire.",
        "unknown_field": "Champ inconnu.",
    },
    "en": {
        "invalid": "The request has {count} invalid field(s).",
        "not_object": "Must be a JSON object.",
        "unknown_question": "Unknown question id.",
        "not_boolean": "Must be a JSON boolean (true or false).",
        "not_choice": "Value outside the allowed choices.",
        "bad_date": "Must be a date YYYY-MM-DD.",
        "too_early": "The HDS certification regime only exists from {start}.",
        "bad_language": "Unsupported language.",
        "bad_activities": "Must be a list of distinct activity numbers.",
        "bad_referential": "Unknown referential.",
        "missing": "Required field.",
        "unknown_field": "Unknown field.",
    },
}


def listed_errors(errors: dict[str, Any], more: int = 0) -> tuple[dict[str, Any], int]:
    """The first `MAX_LISTED_ERRORS` of `errors`, and how many more there are (`more` already left out, plus
    those cut here)."""
    if len(errors) <= MAX_LISTED_ERRORS:
        return errors, more
    return dict(islice(errors.items(), MAX_LISTED_ERRORS)), more + len(errors) - MAX_LISTED_ERRORS


class InvalidRequest(ValueError):
    """A request that cannot be evaluated. `errors` names the offending fields, at most `MAX_LISTED_ERRORS` of
    them; `more` counts the others. `question_ids_field` is the one field whose `allowed` lists the question
    ids (the first unknown question id): a batch lists them once per response, not once per item."""

    def __init__(
        self,
        errors: dict[str, dict[str, Any]],
        lang: str = "fr",
        more: int = 0,
        question_ids_field: str | None = None,
    ):
        self.errors, self.more = listed_errors(errors, more)
        self.question_ids_field = question_ids_field if question_ids_field in self.errors else None
        self.lang = lang if lang in MESSAGES else "fr"
        self.message = MESSAGES[self.lang]["invalid"].format(count=len(self.errors) + self.more)
        super().__init__(self.message)


class RequestChecker:
    """Collects the problems of one request, in the request's language: the first `MAX_LISTED_ERRORS` named,
    the others counted."""

    def __init__(self, catalogue: Catalogue, lang: Any):
        self.catalogue = catalogue
        self.lang = lang if lang in LANGUAGES else "fr"
        self.errors: dict[str, dict[str, Any]] = {}
        self.more = 0
        self.question_ids_field: str | None = None
        if lang not in LANGUAGES:
            self.error("lang", "bad_language", allowed=list(LANGUAGES))

    def error(self, field: str, message: str, **details: Any) -> bool:
        """Record a problem; False when it is only counted (the list is full)."""
        if len(self.errors) >= MAX_LISTED_ERRORS and field not in self.errors:
            self.more += 1
            return False
        self.errors[field] = {"message": MESSAGES[self.lang][message].format(**details), **details}
        return True

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidRequest(self.errors, self.lang, self.more, self.question_ids_field)

    def answers(self, answers: Any) -> dict[str, Any]:
        """The answers, with `null` meaning unanswered; unknown ids and bad values are errors."""
        if not isinstance(answers, dict):
            self.error("answers", "not_object")
            return {}
        given = {}
        types = self.catalogue.question_types
        accepted = self.catalogue.accepted_answers
        for question_id, value in answers.items():
            # Fast path for a good answer; the exact type test keeps 1 and 0 from passing for true and false.
            if value.__class__ in _ANSWER_TYPES and value in accepted.get(question_id, ()):
                given[question_id] = value
                continue
            question_type = types.get(question_id)
            if question_type is None:
                self._unknown_question(f"answers.{question_id}")
            elif value is None:
                continue
            elif question_type == "boolean":
                if value is True or value is False:
                    given[question_id] = value
                else:
                    self.error(f"answers.{question_id}", "not_boolean", allowed=[True, False])
            elif isinstance(value, str) and value in self.catalogue.question_values[question_id]:
                given[question_id] = value
            else:
                allowed = list(self.catalogue.question_values[question_id])
                self.error(f"answers.{question_id}", "not_choice", allowed=allowed)
        return given

    def _unknown_question(self, field: str) -> None:
        """The allowed ids (some forty) go with the first unknown id only: a request naming a thousand unknown
        ids gets one list, not a thousand."""
        if self.question_ids_field is not None:
            self.error(field, "unknown_question")
        elif self.error(field, "unknown_question", allowed=self.catalogue.question_order):
            self.question_ids_field = field

    def date(self, field: str, value: Any) -> date | None:
        if isinstance(value, date):
            return value
        if isinstance(value, str) and ISO_DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.error(field, "bad_date", format="YYYY-MM-DD")
        return None

    def as_of(self, value: Any, regime_start: date) -> date | None:
        as_of = self.date("as_of", value)
        if as_of is not None and as_of < regime_start:
            self.error("as_of", "too_early", start=regime_start.isoformat())
            return None
        return as_of

    def current_certification(self, value: Any) -> dict[str, Any] | None:
        """`{"activities": [...], "referential": "v1"|"v2", "valid_until": "YYYY-MM-DD"}`, all three required."""
        if value is None:
            return None
        field = "current_certification"
        if not isinstance(value, dict):
            self.error(field, "not_object")
            return None
        for unknown in value:  # in the order sent, so that the ones listed are always the same
            if unknown not in CERTIFICATION_FIELDS:
                self.error(f"{field}.{unknown}", "unknown_field", allowed=list(CERTIFICATION_FIELDS))
        numbers = sorted(self.catalogue.activity_views)
        activities = value.get("activities")
        if activities is None:
            self.error(f"{field}.activities", "missing")
        elif (
            not isinstance(activities, list)
            or any(type(number) is not int or number not in numbers for number in activities)
            or len(set(activities)) != len(activities)
        ):
            self.error(f"{field}.activities", "bad_activities", allowed=numbers)
        referential = value.get("referential")
        if referential is None:
            self.error(f"{field}.referential", "missing")
        elif referential not in REFERENTIALS:
            self.error(f"{field}.referential", "bad_referential", allowed=list(REFERENTIALS))
        valid_until = value.get("valid_until")
        if valid_until is None:
            self.error(f"{field}.valid_until", "missing")
            return None
        until = self.date(f"{field}.valid_until", valid_until)
        if any(key.startswith(field) for key in self.errors):
            return None
        return {"activities": frozenset(activities), "referential": referential, "valid_until": until}
