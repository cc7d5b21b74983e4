"""Walking every path of the rules, and the contract's rules restated to check the results against."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from hds_api.rules import Rules

ACTIVITY_QUESTIONS = [
    "activity_physical_site", "activity_hardware", "activity_virtual_infrastructure",
    "activity_application_platform", "activity_administration_operation", "activity_backup",
]  # fmt: skip
GHT_QUESTIONS = [
    "ght_same_convention", "ght_convention_delegates_hosting", "ght_joint_controller_agreement",
    "ght_security_measures",
]  # fmt: skip
# The six activity questions are asked together: a few sets of activities stand for the 64 (none, one, both
# certificate families, all), so that every other answer can be combined with them.
ACTIVITY_SETS = [(), (6,), (1, 2, 5), (1, 2, 3, 4, 5, 6)]


def codes(items: list[dict]) -> list[str]:
    return [item["code"] for item in items]


def asked(result: dict) -> list[str]:
    return [step["question"] for step in result["trace"]]


def performing(numbers: tuple[int, ...]) -> dict[str, bool]:
    return {question: number in numbers for number, question in enumerate(ACTIVITY_QUESTIONS, 1)}


def every_path(rules: Rules, as_of: date) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(answers, result) of every complete path at `as_of`, the activities taken from ACTIVITY_SETS."""
    pending: list[dict[str, Any]] = [{}]
    while pending:
        answers = pending.pop()
        result = rules.evaluate(answers, as_of)
        if result["status"] == "complete":
            yield answers, result
            continue
        question = result["next_question"]["id"]
        if question in ACTIVITY_QUESTIONS:
            pending += [{**answers, **performing(numbers)} for numbers in ACTIVITY_SETS]
        else:
            pending += [{**answers, question: value} for value in rules.catalogue.question_values[question]]


def expected_gap_status(result: dict, held: dict, as_of: date, dates: dict[str, date]) -> str:
    """CONTRACT.md section 4 restated: the first status that applies, with the rules' own legal dates."""
    numbers = {activity["number"] for activity in result["activities"]}
    if not result["hds_certification_required"]:
        return "not_required"
    if date.fromisoformat(held["valid_until"]) < as_of:
        return "expired"
    if held["referential"] == "v1" and as_of > dates["v1_certificates_lapse"]:
        return "outdated_referential"
    if numbers - set(held["activities"]):
        return "gap"
    # v2 certificates are bound to EEA storage; every certificate is from the day v1 ones lapse (DOMAIN.md).
    bound = held["referential"] == "v2" or as_of >= dates["v1_certificates_lapse"]
    if "storage_outside_eea" in codes(result["flags"]) and bound:
        return "non_compliant"
    return "covered"
