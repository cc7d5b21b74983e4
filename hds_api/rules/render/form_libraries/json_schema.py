"""The `answers` object as a JSON Schema (draft-07) that form libraries render safely: nothing pre-filled, the flow
of the tree in `if`/`then`.

- A choice is `oneOf` single-value `enum`s with a `title`: react-jsonschema-form (RJSF) shows the titles and, with
  its default settings, pre-fills nothing (it takes the first option's `const` as a default: there is none). A
  boolean has no default. `null` is accepted, and means unanswered, as in the API.
- A question is a property only under the condition that the engine asks it (`flow.py`), so a form that resolves
  `if`/`then` (RJSF does) shows exactly the questions of the path. Each condition is written in full, with no
  `$ref`: RJSF's validator, shared by every form of a page, caches a compiled `if` by its text, so a `$ref` in it
  would keep pointing into the first schema it met (another date's).
- Unknown question ids and values outside a question's choices are rejected wherever the question is, as the API
  rejects them, without declaring the property (which would show it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ... import Rules
from .flow import Flow
from .formula import FALSE, TRUE, Any_, Formula, Is, Not, Reached
from .questions import algebra_of, question_texts

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
NO_ANSWER = {"fr": "Sans réponse", "en": "No answer"}


def answers_json_schema(rules: Rules, lang: str, as_of: date) -> dict[str, Any]:
    """A draft-07 schema of `answers` for the default tree at `as_of`, titles and descriptions in `lang`."""
    catalogue = rules.catalogue
    flow = Flow(rules.tree, algebra_of(rules), as_of)
    written = ConditionWriter(flow.definitions).schema
    always: dict[str, Any] = {}
    asked_if = []
    for question_id in catalogue.question_order:
        condition = flow.asked.get(question_id, FALSE)
        if condition == FALSE:
            continue
        prop = _property(rules, question_id, lang, as_of)
        if condition == TRUE:
            always[question_id] = prop
        else:
            asked_if.append({"if": written(condition), "then": {"properties": {question_id: prop}}})
    identity = rules.identities[rules.default_tree]
    return {
        "$schema": DRAFT_07,
        "$id": f"urn:hds-scope:answers:{identity['tree']}:{identity['version']}:{as_of.isoformat()}:{lang}",
        "title": rules.tree.title[lang],
        "type": "object",
        "properties": always,
        "allOf": asked_if,
        "propertyNames": {"enum": list(catalogue.question_order)},
        "not": {
            "description": "Some answer is not one of its question's values (null: unanswered).",
            "anyOf": [
                {"required": [question_id], "properties": {question_id: {"not": {"enum": [*values, None]}}}}
                for question_id, values in catalogue.question_values.items()
            ],
        },
    }


def _property(rules: Rules, question_id: str, lang: str, as_of: date) -> dict[str, Any]:
    text = question_texts(rules, question_id, as_of)[lang]
    prop: dict[str, Any] = {"title": text["label"], "description": text["help"]}
    if text["type"] == "boolean":
        prop["type"] = ["boolean", "null"]
    else:
        prop["type"] = ["string", "null"]
        prop["oneOf"] = [
            *({"enum": [choice["value"]], "title": choice["label"]} for choice in text["choices"]),
            {"enum": [None], "title": NO_ANSWER[lang]},
        ]
    return prop


class ConditionWriter:
    """Conditions as JSON Schema: "answered with one of these values" is `required` + `enum`; a merge point's
    condition is written out where it is mentioned."""

    def __init__(self, definitions: dict[str, Formula]):
        self.definitions = definitions

    def schema(self, condition: Formula) -> dict[str, Any]:
        if condition == TRUE:
            return {}
        if condition == FALSE:
            return {"not": {}}
        if isinstance(condition, Is):
            return _atoms([condition])
        if isinstance(condition, Reached):
            return self.schema(self.definitions[condition.node])
        if isinstance(condition, Not):
            return {"not": self.schema(condition.item)}
        if isinstance(condition, Any_):
            return {"anyOf": [self.schema(item) for item in condition.items]}
        atoms = [item for item in condition.items if isinstance(item, Is)]
        rest = [self.schema(item) for item in condition.items if not isinstance(item, Is)]
        parts = ([_atoms(atoms)] if atoms else []) + rest
        return parts[0] if len(parts) == 1 else {"allOf": parts}


def _atoms(atoms: list[Is]) -> dict[str, Any]:
    """The atoms of a conjunction in one `required` + `properties`."""
    return {
        "required": [atom.question for atom in atoms],
        "properties": {atom.question: {"enum": list(atom.values)} for atom in atoms},
    }
