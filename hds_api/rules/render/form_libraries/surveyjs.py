"""The questionnaire as a SurveyJS definition: one element per question, both languages, and `visibleIf` from the tree.

SurveyJS shows an element while its `visibleIf` holds; each is the condition under which the engine asks that
question at the chosen legal date (`flow.py`), so the survey shows exactly the engine's path, and its data, posted
to `POST /v1/assessments`, are the answers of that path. Hidden questions lose their answers (`onHidden`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ....i18n import LANGUAGES
from ... import Rules
from .flow import Flow
from .formula import FALSE, TRUE, All, Any_, Formula, Is, Not, Reached
from .questions import algebra_of, question_texts

# SurveyJS' own words that the survey shows (its locale files are the portal's business, these are not).
WORDS = {
    "yes": {"fr": "Oui", "en": "Yes"},
    "no": {"fr": "Non", "en": "No"},
    "complete": {"fr": "Voir le résultat", "en": "See the result"},
    "rules": {"fr": "Règles {tree} {version}, à la date du {as_of}", "en": "Rules {tree} {version}, as of {as_of}"},
}


def surveyjs_definition(rules: Rules, lang: str, as_of: date) -> dict[str, Any]:
    """A SurveyJS JSON definition of the questionnaire of the default tree at `as_of`: texts in both languages
    (SurveyJS localisation, `{"fr": ..., "en": ...}`), shown in `lang`."""
    flow = Flow(rules.tree, algebra_of(rules), as_of)
    elements = []
    for question_id in rules.catalogue.question_order:
        texts = question_texts(rules, question_id, as_of)
        element: dict[str, Any] = {
            "name": question_id,
            "title": {language: texts[language]["label"] for language in LANGUAGES},
            "description": {language: texts[language]["help"] for language in LANGUAGES},
            "isRequired": True,
        }
        if rules.catalogue.question_types[question_id] == "boolean":
            # Answers are JSON true/false: the element's own values, as no `valueTrue`/`valueFalse` changes them.
            element.update(type="boolean", labelTrue=WORDS["yes"], labelFalse=WORDS["no"])
        else:
            element["type"] = "radiogroup"
            element["choices"] = [
                {
                    "value": choice["value"],
                    "text": {language: texts[language]["choices"][index]["label"] for language in LANGUAGES},
                }
                for index, choice in enumerate(texts[lang]["choices"])
            ]
        condition = flow.asked.get(question_id, FALSE)
        if condition != TRUE:
            element["visibleIf"] = expression(condition, rules.catalogue.question_values)
        elements.append(element)
    identity = rules.identities[rules.default_tree]
    return {
        "title": dict(rules.tree.title),
        "description": {
            language: WORDS["rules"][language].format(**identity, as_of=as_of.isoformat()) for language in LANGUAGES
        },
        "locale": lang,
        "clearInvisibleValues": "onHidden",
        "showQuestionNumbers": "off",
        "completeText": WORDS["complete"],
        "calculatedValues": [
            {"name": reached_name(node_id), "expression": expression(condition, rules.catalogue.question_values)}
            for node_id, condition in flow.definitions.items()
        ],
        "elements": elements,
    }


def reached_name(node_id: str) -> str:
    """The name of the calculated value that says "the walk reaches this node"."""
    return f"reached_{node_id}"


def expression(condition: Formula, all_values: dict[str, tuple[Any, ...]]) -> str:
    """A condition in SurveyJS' expression syntax."""
    if condition == TRUE:
        return "true"
    if condition == FALSE:
        return "false"
    if isinstance(condition, Is):
        return _atom(condition, all_values[condition.question])
    if isinstance(condition, Reached):
        return "{" + reached_name(condition.node) + "}"
    if isinstance(condition, Not):
        return f"!({expression(condition.item, all_values)})"
    parts = [expression(item, all_values) for item in condition.items]
    if isinstance(condition, All):  # `and` binds tighter than `or`: only a disjunction needs parentheses
        return " and ".join(
            f"({part})" if isinstance(item, Any_) else part for item, part in zip(condition.items, parts, strict=True)
        )
    return " or ".join(parts)


def _atom(condition: Is, every_value: tuple[Any, ...]) -> str:
    name = "{" + condition.question + "}"
    if condition.values == every_value:
        return f"{name} notempty"
    if len(condition.values) == 1:
        return f"{name} = {_literal(condition.values[0])}"
    return f"{name} anyof [{', '.join(_literal(value) for value in condition.values)}]"


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"'{value}'"
