"""The answer builder the tests share: one default per question, one full path, no override left unused."""

from __future__ import annotations

import pytest

from .answers import DEFAULTS, MANAGED_SERVICES_REQUIRED, OffPath, complete_answers


def test_there_is_one_valid_default_per_question_in_flow_order(rules):
    assert list(DEFAULTS) == rules.catalogue.question_order
    for question, value in DEFAULTS.items():
        assert value in rules.catalogue.question_values[question], question


def test_the_default_path_requires_the_managed_services_certificate(rules):
    result = rules.evaluate(MANAGED_SERVICES_REQUIRED, "2026-11-25")
    assert result["status"] == "complete" and result["unused_answers"] == []
    assert [step["question"] for step in result["trace"]] == list(MANAGED_SERVICES_REQUIRED)
    assert [certificate["required_activities"] for certificate in result["certificates"]] == [[4, 5, 6]]
    assert [flag["code"] for flag in result["flags"]] == ["controller_must_verify_certificate"]


def test_overrides_steer_the_path_and_only_its_questions_are_answered(rules):
    answers = complete_answers(rules, data_originator="social_medico_social_service", ght_same_convention=True)
    result = rules.evaluate(answers, "2026-11-25")
    assert [exemption["code"] for exemption in result["exemptions"]] == ["ght_co_responsibility"]
    assert "storage_medium" not in answers and result["unused_answers"] == []
    reseller = complete_answers(activity_application_platform=False, activity_administration_operation=False,
                                activity_backup=False, resells_hosting=True)  # fmt: skip
    assert list(reseller)[-1] == "resells_hosting"
    assert rules.evaluate(reseller, "2026-11-25")["confidence"] == "low"


def test_the_date_decides_which_questions_are_on_the_path():
    assert "storage_location" in complete_answers(as_of="2024-11-16")
    assert "storage_location" not in complete_answers(as_of="2024-11-15")
    assert list(complete_answers(as_of="2024-11-15"))[-1] == "uses_subcontractors"


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"hosting_relationship": "own_data", "storage_location": "outside_eea"}, "storage_location"),
        ({"data_originator": "health_professional", "ght_same_convention": True}, "ght_same_convention"),
        ({"resells_hosting": True}, "resells_hosting"),
        ({"favourite_colour": "red"}, "favourite_colour"),
    ],
    ids=["after-the-end", "ght-for-a-gp", "reseller-with-activities", "not-a-question"],
)
def test_an_override_off_the_path_is_refused(overrides, named):
    with pytest.raises(OffPath, match=named):
        complete_answers(**overrides)
