"""Reading the scenario files and comparing a result with a scenario's `expect`.

Two sources: the shared reference scenarios, read straight from `../shared/hds/scenarios.yaml` beside the checkout
(never copied), and our own, which live with the rules in `decision_trees/scenarios/*.yaml`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED_FILE = ROOT.parent / "shared" / "hds" / "scenarios.yaml"
OWN_DIR = ROOT / "decision_trees" / "scenarios"

# The keys a scenario may have, and the fields its `expect` may check (see `observed`).
SCENARIO_KEYS = frozenset({"id", "title", "source", "as_of", "lang", "answers", "current_certification", "expect"})
EXPECT_FIELDS = frozenset({
    "status", "hds_certification_required", "archives_approval_required", "activities", "certificates",
    "required_activities", "exemptions", "flags", "confidence", "next_question", "unused_answers", "asked",
    "certification_gap", "missing_activities", "compliance_issues",
})  # fmt: skip


def read_scenarios(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["scenarios"]


def shared_scenarios() -> list[dict[str, Any]]:
    """The reference scenarios every version must pass; the repository is checked out beside ../shared."""
    if not SHARED_FILE.is_file():
        raise FileNotFoundError(f"the shared reference scenarios are read from {SHARED_FILE}, which is missing")
    return read_scenarios(SHARED_FILE)


def own_scenario_files() -> list[Path]:
    return sorted(OWN_DIR.glob("*.yaml"))


def own_scenarios() -> list[dict[str, Any]]:
    return [scenario for path in own_scenario_files() for scenario in read_scenarios(path)]


def scenario_by_id(scenario_id: str) -> dict[str, Any]:
    return next(scenario for scenario in shared_scenarios() + own_scenarios() if scenario["id"] == scenario_id)


def as_of_text(value: Any) -> str:
    # YAML may read an unquoted date as a date object.
    return value if isinstance(value, str) else value.isoformat()


def observed(result: dict[str, Any], field: str) -> Any:
    """The value of `field` in a result, in the terms a scenario's `expect` uses."""
    gap = result["certification_gap"]
    if field in ("missing_activities", "compliance_issues"):
        return gap[field] if gap else None
    if field == "certification_gap":
        return gap["status"] if gap else None
    if field == "required_activities":
        return {certificate["code"]: certificate["required_activities"] for certificate in result["certificates"]}
    if field == "asked":
        return [step["question"] for step in result["trace"]]
    value = result[field]
    if field == "activities":
        return [activity["number"] for activity in value]
    if field in ("certificates", "exemptions", "flags"):
        return [item["code"] for item in value]
    if field == "next_question":
        return value["id"] if value else None
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
