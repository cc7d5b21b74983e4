"""Every place of the rules that uses a legal date: the tree's start and date periods, dated citations, gap
rules, contested readings and texts that name it (placeholders filled in when the rules are compiled)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ... import Rules


@dataclass(frozen=True)
class DateUse:
    kind: str  # applies_from, period, citation, gap_rule, contested_reading, text, other
    file: str  # the rule file, relative to the rules directory
    path: tuple[Any, ...]  # where in that file
    detail: dict[str, Any]


def _strings(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def date_uses(rules: Rules) -> dict[str, list[DateUse]]:
    """For each legal date (in law.yaml's order), every use of it, file by file."""
    names = list(rules.raw.data("law")["legal_dates"])
    words = {name: re.compile(rf"\b{re.escape(name)}\b") for name in names}
    uses: dict[str, list[DateUse]] = {name: [] for name in names}
    rule_files = [*rules.raw.files.items(), *(("tree", tree) for tree in rules.raw.trees)]
    for kind, rule_file in rule_files:
        file = rule_file.name.split("/", 1)[-1]
        for path, text in _strings(rule_file.data):
            if kind == "law" and path[0] == "legal_dates":
                continue  # the date's own definition
            if text in uses:
                uses[text].append(_classify(kind, file, rule_file.data, path))
                continue
            for name, word in words.items():
                if word.search(text):
                    uses[name].append(DateUse("text", file, path, {}))
    return uses


def _classify(kind: str, file: str, data: Any, path: tuple[Any, ...]) -> DateUse:
    last = path[-1]
    if kind == "tree" and path == ("applies_from",):
        return DateUse("applies_from", file, path, {"tree": data["id"]})
    if kind == "tree" and path[0] == "nodes" and len(path) == 5 and path[2] == "by_date":
        period = _at(data, path[:-1])
        return DateUse("period", file, path, {"node": path[1], "bound": last, "label": period["label"]})
    if last in ("from", "until") and len(path) >= 3 and path[-3] == "references":
        reference = _at(data, path[:-1])["ref"]
        return DateUse("citation", file, path, {"ref": reference, "bound": last, "where": path[:-3]})
    if kind == "outcomes" and path[0] == "certification_gap":
        rule = data["certification_gap"][path[1]]
        breach = _at(data, path[:-1]) if "breaches" in path else {}
        return DateUse("gap_rule", file, path, {"status": rule["status"], "bound": last, "flag": breach.get("flag")})
    if kind == "law" and path[0] == "contested_readings":
        return DateUse("contested_reading", file, path, {"reading": path[1]})
    return DateUse("other", file, path, {})
