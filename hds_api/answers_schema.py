"""The `answers` object described as a schema, from the question catalogue: for form libraries
(JSON Schema draft-07, labels in one language) and for the OpenAPI spec."""

from __future__ import annotations

from datetime import date
from typing import Any

from .trees import Rules

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def answers_json_schema(rules: Rules, lang: str, as_of: date | None = None) -> dict[str, Any]:
    """A draft-07 schema of `answers` with titles and descriptions, properties in flow order.

    No property is required: answers are given step by step, and the API says which question comes next.
    Choices are `oneOf` `{const, title}` so that forms show the labels (react-jsonschema-form, JSON Forms).
    """
    properties = {}
    for question in rules.questionnaire(lang, as_of):
        prop: dict[str, Any] = {"title": question["label"], "description": question["help"]}
        if question["type"] == "boolean":
            prop["type"] = "boolean"
        else:
            prop["type"] = "string"
            prop["oneOf"] = [{"const": choice["value"], "title": choice["label"]} for choice in question["choices"]]
        properties[question["id"]] = prop
    identity = rules.identities[rules.default_tree]
    return {
        "$schema": DRAFT_07,
        "$id": f"urn:hds-scope:answers:{identity['tree']}:{identity['version']}:{lang}",
        "title": rules.tree.title[lang],
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def answers_openapi_schema(rules: Rules) -> dict[str, Any]:
    """The `answers` object for OpenAPI 3.0: every question id, its type or values; `null` means unanswered."""
    catalogue = rules.catalogue
    properties = {}
    for question_id in catalogue.question_order:
        label = rules.calendar.document(rules.raw.data("questions")["questions"][question_id]["label"], "en")
        if catalogue.question_types[question_id] == "boolean":
            properties[question_id] = {"type": "boolean", "nullable": True, "description": label}
        else:
            values = list(catalogue.question_values[question_id])
            properties[question_id] = {
                "type": "string",
                "enum": [*values, None],
                "nullable": True,
                "description": label,
            }
    return {
        "type": "object",
        "description": "Answers by question id (see GET /v1/questionnaire); a missing key or null is unanswered.",
        "properties": properties,
        "additionalProperties": False,
    }
