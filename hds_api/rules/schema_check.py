"""Checking each rule file against the JSON Schema of the format."""

from __future__ import annotations

import json

import jsonschema
from jsonschema.exceptions import ValidationError

from .files import SCHEMA_PATH, RuleFile
from .problems import Problem


def _json_path(error: ValidationError) -> str:
    return "/".join(str(part) for part in error.absolute_path) or "(top)"


_VAGUE = {"type", "required", "oneOf", "anyOf"}


def _most_telling(error: ValidationError) -> ValidationError:
    # A failed `oneOf` says little by itself: the alternative that got furthest into the data, with the most
    # specific complaint, says what is wrong.
    while error.context:
        error = max(error.context, key=lambda sub: (len(sub.relative_path), sub.validator not in _VAGUE))
    return error


def schema_problems(directory_label: str, schema_bytes: bytes | None, files: list[RuleFile]) -> list[Problem]:
    """Every schema error of every file, each with the path inside the file (none to report without a schema:
    reading it already failed, and said so)."""
    if schema_bytes is None:
        return []
    try:
        schema = json.loads(schema_bytes)
    except ValueError as error:
        return [Problem(f"{directory_label}/{SCHEMA_PATH.as_posix()}", "", f"unusable schema: {error}")]
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for rule_file in files:
        for error in validator.iter_errors(rule_file.data):
            telling = _most_telling(error)
            problems.append(Problem(rule_file.name, _json_path(telling), telling.message))
    return problems
