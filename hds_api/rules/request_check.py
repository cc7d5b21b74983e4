"""Checking an assessment request against the question catalogue before anything is evaluated."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..exceptions import MAX_LISTED_ERRORS, InvalidRequest, listed_errors
from ..i18n import LANGUAGES, VALIDATION, text_language
from .compiled import Catalogue

__all__ = ["MAX_LISTED_ERRORS", "REQUEST_FIELDS", "InvalidRequest", "RequestChecker", "listed_errors"]

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REFERENTIALS = ("v1", "v2")
CERTIFICATION_FIELDS = ("activities", "referential", "valid_until")
# An assessment request, as the API and the command line take it (sorted: an unknown field's `allowed`).
REQUEST_FIELDS = ("answers", "as_of", "current_certification", "lang")
REQUEST_FIELDS_SET = frozenset(REQUEST_FIELDS)
_ANSWER_TYPES = (bool, str)


class RequestChecker:
    """Collects the problems of one request, in the request's language: the first `MAX_LISTED_ERRORS` named,
    the others counted."""

    def __init__(self, catalogue: Catalogue, lang: Any, message_lang: str | None = None):
        """`message_lang` is the language of the messages when `lang` itself is not served (default: the
        configured default language)."""
        self.catalogue = catalogue
        self.lang = lang if lang in LANGUAGES else message_lang or text_language(lang)
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
        self.errors[field] = {"message": VALIDATION[self.lang][message].format(**details), **details}
        return True

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidRequest(self.errors, self.lang, self.more, self.question_ids_field)

    def envelope(self, request: Any) -> dict[str, Any]:
        """A whole request, `{"answers", "as_of"?, "lang"?, "current_certification"?}`: an object, `answers`
        given, no other field (those sent are named in the order sent). An empty dict stands for what is not."""
        if type(request) is not dict:
            self.error("body", "not_object")
            return {}
        if not request.keys() <= REQUEST_FIELDS_SET:
            for name in request:
                if name not in REQUEST_FIELDS_SET:
                    self.error(name, "unknown_field", allowed=list(REQUEST_FIELDS))
        if "answers" not in request:
            self.error("answers", "missing")
        return request

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
