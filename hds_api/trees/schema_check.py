"""Checking each rule file against the JSON Schema of the format."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
from jsonschema.exceptions import ValidationError

from .files import SCHEMA_PATH, RuleFile
from .problems import Problem


@cache
def load_schema(directory: Path) -> dict:
    """The rule-file JSON Schema kept beside the rules."""
    return json.loads((directory / SCHEMA_PATH).read_text(encoding="utf-8"))


def _json_path(error: ValidationError) -> str:
    return "/".join(str(part) for part in error.absolute_path) or "(top)"


_VAGUE = {"type", "required", "oneOf", "anyOf"}


def _most_telling(error: ValidationError) -> ValidationError:
    # A failed `oneOf` says little by itself: the alternative that got furthest into the data, with the most
    # specific complaint, says what is wrong.
    while error.context:
        error = max(error.context, key=lambda sub: (len(sub.relative_path), sub.validator not in _VAGUE))
    return error


def schema_problems(directory: Path, files: list[RuleFile]) -> list[Problem]:
    """Every schema error of every file, each with the path inside the file."""
    try:
        schema = load_schema(directory)
    except (OSError, ValueError) as error:
        return [Problem(f"{directory.name}/{SCHEMA_PATH.as_posix()}", "", f"unusable schema: {error}")]
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for rule_file in files:
        for error in validator.iter_errors(rule_file.data):
            telling = _most_telling(error)
            problems.append(Problem(rule_file.name, _json_path(telling), telling.message))
    return problems
