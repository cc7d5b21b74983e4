"""Every path of the rules (the 64 activity combinations stood for by a few), at each legal date and the days
around it, keeps the flow of CONTRACT.md section 2 and the gap order of section 4."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from hds_api.rules import default_rules

from ..answers import OffPath, complete_answers
from .paths import (
    ACTIVITY_QUESTIONS,
    ACTIVITY_SETS,
    GHT_QUESTIONS,
    asked,
    codes,
    every_path,
    expected_gap_status,
    performing,
)

RULES = default_rules()
LEGAL_DATES = RULES.calendar.dates
DATES = sorted(
    day + timedelta(days=shift)
    for day in LEGAL_DATES.values()
    for shift in (-1, 0, 1)
    if day + timedelta(days=shift) >= LEGAL_DATES["regime_start"]
)
Check = Callable[[dict, dict], None]


def certificates_carry_their_required_activities(answers: dict, result: dict) -> None:
    numbers = [activity["number"] for activity in result["activities"]]
    covered = []
    for certificate in result["certificates"]:
        required = certificate["required_activities"]
        assert required and set(required) <= set(certificate["activities"]) & set(numbers)
        covered += required
    assert sorted(covered) == (numbers if result["hds_certification_required"] else [])


def reseller_question_only_when_no_activity(answers: dict, result: dict) -> None:
    performed_none = set(ACTIVITY_QUESTIONS) <= answers.keys() and not any(answers[q] for q in ACTIVITY_QUESTIONS)
    assert ("resells_hosting" in answers) is performed_none
    if performed_none:
        assert asked(result)[-1] == "resells_hosting" and codes(result["exemptions"]) == ["no_hosting_activity"]
        assert "review_recommended" in codes(result["flags"])


def low_confidence_only_for_a_reseller(answers: dict, result: dict) -> None:
    reseller = answers.get("resells_hosting") is True
    assert (result["confidence"] == "low") is reseller
    if reseller:
        wanted = ["offered_activities_reading", "subcontractor_coverage_required", "review_recommended"]
        assert [code for code in codes(result["flags"]) if code in wanted] == wanted


def self_hosting_flags_its_outside_providers(answers: dict, result: dict) -> None:
    if codes(result["exemptions"]) == ["self_hosting"]:
        assert asked(result)[-2:] == ["hosting_relationship", "uses_subcontractors"]
        assert ("subcontractor_coverage_required" in codes(result["flags"])) is answers["uses_subcontractors"]


def subcontractor_flag_follows_its_answers(answers: dict, result: dict) -> None:
    chain = answers.get("uses_subcontractors") is True or answers.get("resells_hosting") is True
    assert ("subcontractor_coverage_required" in codes(result["flags"])) is chain


def ght_questions_only_between_establishments(answers: dict, result: dict) -> None:
    establishment = answers.get("data_originator") in ("health_establishment", "social_medico_social_service")
    on_behalf = answers.get("hosting_relationship") == "on_behalf_of_originator"
    assert ("ght_same_convention" in answers) is (establishment and on_behalf)
    ght_asked = [question for question in asked(result) if question in GHT_QUESTIONS]
    assert ght_asked == GHT_QUESTIONS[: len(ght_asked)]
    # Once in the same convention, the conditions are asked in order until the first false one.
    conditions = [answers[question] for question in ght_asked[1:]]
    assert False not in conditions[:-1]
    exempt = codes(result["exemptions"]) == ["ght_co_responsibility"]
    assert exempt is (len(conditions) == 3 and all(conditions))
    assert ("ght_conditions_not_met" in codes(result["flags"])) is (False in conditions)
    if exempt:
        assert result["confidence"] == "medium"


def research_on_care_data_is_reviewed(answers: dict, result: dict) -> None:
    if answers.get("data_originator") == "research_organisation" and answers.get("care_context") is True:
        assert result["confidence"] in ("medium", "low") and "review_recommended" in codes(result["flags"])


def storage_flags_follow_the_location(answers: dict, result: dict) -> None:
    location = answers.get("storage_location")
    assert ("storage_outside_eea" in codes(result["flags"])) is (location == "outside_eea")
    assert ("storage_location_unknown" in codes(result["flags"])) is (location == "unknown")
    assert ("storage_location" in answers) is (result["hds_certification_required"] and date_of(result) >= V2)


V2 = LEGAL_DATES["referential_v2"]


def date_of(result: dict) -> date:
    return date.fromisoformat(result["as_of"])


CHECKS: list[Check] = [
    certificates_carry_their_required_activities,
    reseller_question_only_when_no_activity,
    low_confidence_only_for_a_reseller,
    self_hosting_flags_its_outside_providers,
    subcontractor_flag_follows_its_answers,
    ght_questions_only_between_establishments,
    research_on_care_data_is_reviewed,
    storage_flags_follow_the_location,
]


@pytest.mark.parametrize("as_of", DATES, ids=[day.isoformat() for day in DATES])
def test_every_path_keeps_the_flow(as_of):
    failures = []
    outcomes = set()
    for answers, result in every_path(RULES, as_of):
        outcomes.add(codes(result["exemptions"])[0] if result["exemptions"] else "certification_required")
        for check in CHECKS:
            try:
                check(answers, result)
            except AssertionError:
                failures.append((check.__name__, answers))
    assert failures[:3] == []
    assert {"self_hosting", "ght_co_responsibility", "no_hosting_activity", "certification_required"} <= outcomes


def held_certificates(performed: list[int], as_of: date) -> list[dict]:
    """Certificates of both referentials, expired the day before or valid that day, holding exactly what is
    performed, one activity less, or all six."""
    held = []
    for activities in (performed, performed[1:], [1, 2, 3, 4, 5, 6]):
        for referential in ("v1", "v2"):
            for valid_until in (as_of - timedelta(days=1), as_of):
                held.append(
                    {"activities": activities, "referential": referential, "valid_until": valid_until.isoformat()}
                )
    return held


def gap_paths(as_of: date) -> list[dict]:
    """Complete answers for each set of activities and each storage location asked at `as_of`, and a self-host."""
    paths = [complete_answers(as_of=as_of.isoformat(), hosting_relationship="own_data")]
    for numbers in ACTIVITY_SETS:
        for location in ("eea_only", "outside_eea", "unknown"):
            try:
                answers = complete_answers(as_of=as_of.isoformat(), **performing(numbers), storage_location=location)
            except OffPath:  # before referential v2 the location is not asked
                answers = complete_answers(as_of=as_of.isoformat(), **performing(numbers))
            if answers not in paths:
                paths.append(answers)
    return paths


@pytest.mark.parametrize("as_of", DATES, ids=[day.isoformat() for day in DATES])
def test_every_gap_status_is_the_first_that_applies(as_of):
    statuses = set()
    for answers in gap_paths(as_of):
        performed = [activity["number"] for activity in RULES.evaluate(answers, as_of)["activities"]]
        for held in held_certificates(performed, as_of):
            result = RULES.evaluate(answers, as_of, held)
            gap = result["certification_gap"]
            expected = expected_gap_status(result, held, as_of, LEGAL_DATES)
            assert gap["status"] == expected, (answers, held)
            assert gap["compliance_issues"] == (["storage_outside_eea"] if expected == "non_compliant" else [])
            statuses.add(expected)
    assert {"not_required", "expired", "gap", "covered"} <= statuses
    assert ("non_compliant" in statuses) is (as_of >= LEGAL_DATES["referential_v2"])
    assert ("outdated_referential" in statuses) is (as_of > LEGAL_DATES["v1_certificates_lapse"])
