"""The `answers` object described for the OpenAPI spec, from the question catalogue (form libraries get theirs from
`form_libraries/`)."""

from __future__ import annotations

from typing import Any

from .. import Rules


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
