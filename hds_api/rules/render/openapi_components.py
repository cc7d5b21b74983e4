"""The OpenAPI components the rules define: the `Answers` object and an enum for every list of public names
(question ids and choices, activity numbers and outcome codes, flags, confidence, gap statuses, trees).

Built from the loaded rules when the spec is, so that a code added to `decision_trees/` appears in the spec (and
in the clients generated from it) with nothing else to edit.
"""

from __future__ import annotations

from typing import Any

from .. import Rules
from ..compiled import CONFIDENCE_LEVELS
from ..graph_check import CERTIFICATION_REQUIRED
from ..request_check import REFERENTIALS

ANSWERS = "Answers"


def ref(component: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{component}"}


def or_null(schema: dict[str, Any], json_type: str = "object") -> dict[str, Any]:
    """`schema` or `null`, in OpenAPI 3.0. Its `nullable` only widens a `type` written beside it (3.0.3), so a
    nullable reference is a choice between the reference and a schema that admits `null` alone: strict
    validators, linters (`nullable` never without `type`) and client generators (`X | None`) all read it so."""
    return {"anyOf": [schema, {"type": json_type, "nullable": True, "enum": [None]}]}


def pascal_case(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _enum(json_type: str, values: list[Any], description: str, names: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": json_type, "enum": values, "description": description}
    if names:
        schema["x-enum-varnames"] = [name.upper() for name in names]  # member names for generated integer enums
    return schema


def choice_component(question_id: str) -> str:
    """The enum component of a choice question's values: `data_originator` -> `DataOriginator`."""
    return pascal_case(question_id)


def rules_components(rules: Rules) -> dict[str, dict[str, Any]]:
    """Every component the rules define, by name."""
    catalogue = rules.catalogue
    outcomes = rules.raw.data("outcomes")
    activities = sorted(catalogue.activity_numbers.items(), key=lambda item: item[1])
    exemptions = list(outcomes["exemptions"])
    components = {
        "QuestionId": _enum("string", list(catalogue.question_order), "A question id, in flow order."),
        ANSWERS: answers_schema(rules),
        "ActivityNumber": _enum(
            "integer",
            [number for _, number in activities],
            "An activity of CSP art. R.1111-9: " + ", ".join(f"{number} `{code}`" for code, number in activities) + ".",
            [code for code, _ in activities],
        ),
        "ActivityCode": _enum("string", [code for code, _ in activities], "An activity's code."),
        "CertificateCode": _enum(
            "string", [certificate["code"] for certificate in outcomes["certificates"]], "A certificate's code."
        ),
        "ExemptionCode": _enum("string", exemptions, "Why no certificate is required."),
        "ExemptionKind": _enum("string", list(outcomes["exemption_kinds"]), "The kind of an exemption."),
        "ConclusionCode": _enum(
            "string", [CERTIFICATION_REQUIRED, *exemptions], "`certification_required` or an exemption's code."
        ),
        "FlagCode": _enum("string", list(catalogue.flag_order), "A flag: what the result asks someone to check."),
        "Confidence": _enum("string", list(CONFIDENCE_LEVELS), "How firmly the law settles the outcome."),
        "GapStatus": _enum(
            "string",
            [rule["status"] for rule in catalogue.gap_rules],
            "The gap between a current certificate and the result, the first that applies, in this order.",
        ),
        "Referential": _enum("string", list(REFERENTIALS), "The certification referential of a certificate."),
        "TreeId": _enum("string", list(rules.trees), "A decision tree's id."),
    }
    for question_id in catalogue.question_order:
        if catalogue.question_types[question_id] == "choice":
            components[choice_component(question_id)] = _enum(
                "string", list(catalogue.question_values[question_id]), f"The answers to `{question_id}`."
            )
    return components


def answers_schema(rules: Rules) -> dict[str, Any]:
    """The `answers` object: every question id, its type or values; a missing key or `null` is unanswered."""
    catalogue = rules.catalogue
    questions = rules.raw.data("questions")["questions"]
    properties = {}
    for question_id in catalogue.question_order:
        label = rules.calendar.document(questions[question_id]["label"], "en")
        if catalogue.question_types[question_id] == "boolean":
            properties[question_id] = {"type": "boolean", "nullable": True, "description": label}
        else:
            properties[question_id] = {**or_null(ref(choice_component(question_id)), "string"), "description": label}
    return {
        "type": "object",
        "description": "Answers by question id (see GET /v1/questionnaire); a missing key or null is unanswered.",
        "properties": properties,
        "additionalProperties": False,
    }
