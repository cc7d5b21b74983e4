"""The OpenAPI document: flask-smorest settings, the error shape, the answers schema built from the rules,
and examples that are real scenarios evaluated by the loaded rules."""

from __future__ import annotations

from copy import deepcopy
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from flask_smorest import Api

from ... import __version__
from ...exceptions import InvalidRequest
from ...i18n import DEFAULT_LANGUAGE
from ...rules import Rules
from ...rules.render.answers_schema import answers_openapi_schema
from .. import errors
from .docs_ui import ASSETS_URL
from .schemas import AnswersField, AsOfField, ErrorSchema

FLASK_SETTINGS = {
    "API_TITLE": "hds-scope",
    "API_VERSION": __version__,
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "/docs",
    "OPENAPI_SWAGGER_UI_URL": ASSETS_URL,
    "OPENAPI_SWAGGER_UI_CONFIG": {"deepLinking": True},
    "API_SPEC_OPTIONS": {
        "info": {
            "description": (
                "Does French law require an HDS certificate (Hébergeur de Données de Santé) for a hosting "
                "service, for which activities, and why? Every result cites its legal references and names the "
                "rules version. Not legal advice. Every error has the shape of `Error`."
            ),
        },
    },
}

EXAMPLES_FILE = Path(__file__).with_name("examples.yaml")


def load_examples() -> list[dict[str, Any]]:
    """Scenarios copied from the shared reference scenarios (a test keeps the copy current)."""
    return yaml.safe_load(EXAMPLES_FILE.read_text(encoding="utf-8"))["examples"]


def example_refs(kind: str) -> dict[str, dict[str, str]]:
    """References to the `kind` (`request` or `result`) example components, by scenario id."""
    return {ex["id"]: {"$ref": f"#/components/examples/{kind}-{ex['id']}"} for ex in load_examples()}


def example_request(example: dict[str, Any]) -> dict[str, Any]:
    return {key: example[key] for key in ("answers", "as_of", "lang", "current_certification") if key in example}


class HdsApi(Api):
    """flask-smorest's Api with this service's error shape: `ERROR_SCHEMA` documents it, and
    `handle_http_exception` — the method flask-smorest documents and registers for every `HTTPException` —
    answers it."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error):
        return errors.handle_http_exception(error)


def _at_least(number: str) -> str:
    """A regex matching the digit strings of `number`'s width that are >= `number`."""
    options = [number]
    for index, digit in enumerate(number):
        if digit != "9":
            rest = len(number) - index - 1
            options.append(f"{number[:index]}[{int(digit) + 1}-9]" + r"\d" * rest)
    return "(?:" + "|".join(options) + ")"


def dates_from_pattern(start: date) -> str:
    """A regex of the YYYY-MM-DD dates from `start` on (`format: date` rules out impossible days)."""
    year, month, day = start.isoformat().split("-")
    later_year = _at_least(str(int(year) + 1))
    later_month = _at_least(f"{int(month) + 1:02d}") if month != "12" else None
    options = [rf"{later_year}-\d\d-\d\d", rf"{year}-{month}-{_at_least(day)}"]
    if later_month:
        options.insert(1, rf"{year}-{later_month}-\d\d")
    return "^(?:" + "|".join(options) + ")$"


def describe(api: Api, rules: Rules) -> None:
    """What the spec needs from the loaded rules: the `answers` schema, the first legal date, the examples."""
    answers = answers_openapi_schema(rules)
    as_of_pattern = dates_from_pattern(rules.tree.applies_from)

    def rules_properties(self, field, **kwargs) -> dict[str, Any]:
        if isinstance(field, AnswersField):
            return deepcopy(answers)
        if isinstance(field, AsOfField):
            return {"pattern": as_of_pattern}
        return {}

    api.ma_plugin.converter.add_attribute_function(rules_properties)
    components = api.spec.components
    for example in load_examples():
        request = example_request(example)
        summary = example["title"]
        components.example(f"request-{example['id']}", {"summary": summary, "value": request})
        result = rules.evaluate(
            request["answers"],
            request["as_of"],
            request.get("current_certification"),
            request.get("lang", DEFAULT_LANGUAGE),
        )
        components.example(f"result-{example['id']}", {"summary": summary, "value": result})
    try:
        rules.evaluate({"personal_data": "yes", "hosting": True}, "2017-01-01", None, "en")
    except InvalidRequest as invalid:
        components.example("error-422", {"summary": "Bad answers", "value": invalid.body()})
