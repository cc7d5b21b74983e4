"""The engine's result: its shape, its languages, its dated citations, its identity, and request checks."""

from __future__ import annotations

from datetime import date

import pytest

from hds_api.rules import InvalidRequest, load_rules, today_in_paris

from ..conftest import ROOT
from ..scenario_files import shared_scenarios

SCENARIOS = {scenario["id"]: scenario for scenario in shared_scenarios()}
US_REGION = SCENARIOS["hyperscaler-us-region"]["answers"]


def test_the_result_has_every_field_of_the_contract(rules):
    result = rules.evaluate(US_REGION, "2026-11-25")
    contract_fields = {
        "status", "hds_certification_required", "archives_approval_required", "activities", "certificates",
        "exemptions", "flags", "confidence", "trace", "next_question", "unused_answers", "certification_gap",
        "as_of", "lang", "rules",
    }  # fmt: skip
    assert contract_fields <= result.keys()
    assert result["activities"][0] == {
        "number": 1,
        "code": "physical_site",
        "label": "Mise à disposition et maintien en condition opérationnelle des sites physiques",
        "references": ["CSP art. R.1111-9"],
    }
    assert result["certificates"][1]["activities"] == [3, 4, 5, 6]
    assert result["trace"][0] == {
        "node": "personal_data",
        "question": "personal_data",
        "answer": True,
        "label": "Les données hébergées concernent-elles des personnes identifiées ou identifiables ?",
        "answer_label": "Oui",
        "references": ["CSP art. L.1111-8 I", "RGPD art. 4(1) et considérant 26"],
    }
    assert [period["label"] for period in result["periods"]] == [
        "Référentiel HDS v2 applicable (localisation et accès hors EEE)"
    ]
    assert result["rules"]["tree"] == "hds_scope"
    assert result["rules"]["version"] == "2027.1"
    assert result["rules"]["digest"].startswith("sha256:") and len(result["rules"]["digest"]) == 71


def test_english_is_complete(rules):
    result = rules.evaluate(US_REGION, "2026-11-25", lang="en")
    texts = [result["conclusion"]["label"], *[flag["label"] for flag in result["flags"]]]
    texts += [step["label"] for step in result["trace"]] + [step["answer_label"] for step in result["trace"]]
    texts += [item["label"] for item in result["activities"] + result["certificates"]]
    french_only = [text for text in texts if any(word in text.split() for word in ("le", "la", "les", "des", "Oui"))]
    assert french_only == []
    assert result["certificates"][0]["label"] == "Physical infrastructure host"


def test_a_citation_applies_from_its_legal_date(rules):
    before = rules.evaluate(US_REGION, "2026-09-25")
    after = rules.evaluate(US_REGION, "2026-09-26")

    def storage_flag(result):
        return next(flag for flag in result["flags"] if flag["code"] == "storage_outside_eea")

    assert "CSP art. R.1111-9-1 (décret n° 2026-209 du 24 mars 2026)" not in storage_flag(before)["references"]
    assert "CSP art. R.1111-9-1 (décret n° 2026-209 du 24 mars 2026)" in storage_flag(after)["references"]
    storage_step = next(step for step in after["trace"] if step["question"] == "storage_location")
    assert "CSP art. R.1111-9-1 (décret n° 2026-209 du 24 mars 2026)" in storage_step["references"]


def test_the_incomplete_result_carries_the_whole_next_question(rules):
    result = rules.evaluate({"personal_data": True, "health_data": True}, "2026-11-25", lang="en")
    question = result["next_question"]
    assert question["id"] == "data_originator"
    assert question["type"] == "choice"
    assert {"value": "patient", "label": "The patient"} in question["choices"]
    assert question["references"] == ["CSP art. L.1111-8 I", "CSP art. R.1111-8-8 I"]
    assert result["progress"] == {"answered": 2, "remaining_at_most": result["progress"]["remaining_at_most"]}
    assert result["progress"]["remaining_at_most"] >= 18
    assert result["confidence"] is None and result["exemptions"] == []


def test_null_means_unanswered(rules):
    result = rules.evaluate({"personal_data": True, "health_data": None}, "2026-11-25")
    assert result["next_question"]["id"] == "health_data"
    assert result["unused_answers"] == []


def test_every_offending_field_is_named_with_what_is_allowed(rules):
    with pytest.raises(InvalidRequest) as caught:
        rules.evaluate(
            {"personal_data": "yes", "health_data": 1, "storage_medium": "cloud", "colour": "red"},
            "2017-12-31",
            {"activities": [7], "referential": "v3"},
            "en",
        )
    errors = caught.value.errors
    assert set(errors) == {
        "answers.personal_data", "answers.health_data", "answers.storage_medium", "answers.colour", "as_of",
        "current_certification.activities", "current_certification.referential",
        "current_certification.valid_until",
    }  # fmt: skip
    assert errors["answers.personal_data"]["allowed"] == [True, False]
    assert errors["answers.storage_medium"]["allowed"] == ["digital", "paper", "electronic_archiving"]
    assert "uses_subcontractors" in errors["answers.colour"]["allowed"]
    assert errors["as_of"]["message"] == "The HDS certification regime only exists from 2018-04-01."
    assert errors["current_certification.activities"]["allowed"] == [1, 2, 3, 4, 5, 6]
    assert caught.value.message == "The request has 8 invalid field(s)."


@pytest.mark.parametrize(
    ("answers", "as_of", "lang", "field"),
    [
        ([], "2026-11-25", "fr", "answers"),
        ({}, "25/11/2026", "fr", "as_of"),
        ({}, "2026-02-30", "fr", "as_of"),
        ({}, 20261125, "fr", "as_of"),
        ({}, "2026-11-25", "de", "lang"),
        ({"personal_data": [True]}, "2026-11-25", "fr", "answers.personal_data"),
    ],
)
def test_bad_requests_name_the_field(rules, answers, as_of, lang, field):
    with pytest.raises(InvalidRequest) as caught:
        rules.evaluate(answers, as_of, lang=lang)
    assert field in caught.value.errors


def test_errors_speak_french_by_default(rules):
    with pytest.raises(InvalidRequest) as caught:
        rules.evaluate({"foo": True}, "2026-11-25")
    assert caught.value.errors["answers.foo"]["message"] == "Identifiant de question inconnu."


def test_as_of_defaults_to_today_in_paris(rules):
    result = rules.evaluate({"personal_data": False})
    assert result["as_of"] == today_in_paris().isoformat()
    assert rules.evaluate({"personal_data": False}, date(2019, 1, 1))["as_of"] == "2019-01-01"


def test_the_digest_follows_the_rule_files(tmp_path):
    import shutil

    copy = tmp_path / "decision_trees"
    shutil.copytree(ROOT / "decision_trees", copy)
    same = load_rules(copy).digest
    path = copy / "questions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert same == load_rules().digest
    assert load_rules(copy).digest != same
