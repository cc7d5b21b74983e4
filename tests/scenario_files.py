"""Reading the YAML scenario files of tests/scenarios/ and comparing a result with their `expect`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"


def load_scenarios(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((SCENARIO_DIR / name).read_text(encoding="utf-8"))["scenarios"]


def as_of_text(value: Any) -> str:
    # YAML may read an unquoted date as a date object.
    return value if isinstance(value, str) else value.isoformat()


def observed(result: dict[str, Any], field: str) -> Any:
    """The value of `field` in a result, in the terms a scenario's `expect` uses."""
    if field == "missing_activities":
        return result["certification_gap"]["missing_activities"]
    value = result[field]
    if field == "activities":
        return [activity["number"] for activity in value]
    if field in ("certificates", "exemptions", "flags"):
        return [item["code"] for item in value]
    if field == "next_question":
        return value["id"] if value else None
    if field == "certification_gap":
        return value["status"] if value else None
    return value


def run_scenario(rules, scenario: dict[str, Any]) -> dict[str, Any]:
    return rules.evaluate(
        scenario["answers"],
        as_of_text(scenario["as_of"]),
        scenario.get("current_certification"),
        scenario.get("lang", "fr"),
    )


def mismatches(result: dict[str, Any], expect: dict[str, Any]) -> dict[str, Any]:
    """Each expected field whose observed value differs: {field: (expected, observed)}."""
    return {
        field: (wanted, observed(result, field))
        for field, wanted in expect.items()
        if observed(result, field) != wanted
    }
