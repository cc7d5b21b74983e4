"""The parsed rule files sorted by kind, before any cross-file check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .files import RuleFile
from .problems import Problem

SINGLE_KINDS = ("law", "questions", "outcomes")


@dataclass
class RawRules:
    """One file each of law, questions and outcomes, and one or more trees."""

    files: dict[str, RuleFile] = field(default_factory=dict)
    trees: list[RuleFile] = field(default_factory=list)

    def data(self, kind: str) -> dict[str, Any]:
        return self.files[kind].data

    def name(self, kind: str) -> str:
        return self.files[kind].name


def sort_by_kind(directory_label: str, files: list[RuleFile]) -> tuple[RawRules, list[Problem]]:
    """Group the (schema-valid) files by `kind`; each single kind once, at least one tree."""
    raw = RawRules()
    problems = []
    for rule_file in files:
        kind = rule_file.data["kind"]
        if kind == "tree":
            raw.trees.append(rule_file)
        elif kind in raw.files:
            other = raw.files[kind].name
            problems.append(Problem(rule_file.name, "kind", f"a second '{kind}' file (the first is {other})"))
        else:
            raw.files[kind] = rule_file
    for kind in SINGLE_KINDS:
        if kind not in raw.files:
            problems.append(Problem(directory_label, "", f"no rule file of kind '{kind}'"))
    if not raw.trees:
        problems.append(Problem(directory_label, "", "no rule file of kind 'tree'"))
    seen: dict[str, str] = {}
    for tree in raw.trees:
        tree_id = tree.data["id"]
        if tree_id in seen:
            problems.append(Problem(tree.name, "id", f"tree id '{tree_id}' is also used by {seen[tree_id]}"))
        seen[tree_id] = tree.name
    return raw, problems
