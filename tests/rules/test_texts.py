"""Dates in texts: texts name the legal dates of law.yaml, spelled per language; dated texts show the period that
applies at the assessment date; `check` refuses a literal date, an unknown date name and periods that do not tile."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, timedelta

import pytest

from hds_api.rules import DEFAULT_RULES_DIR, RulesError, load_rules
from hds_api.rules.text_check import rule_texts, text_problems
from hds_api.rules.text_dates import literal_dates, spell_date

from ..answers import MANAGED_SERVICES_REQUIRED
from ..scenario_files import scenario_by_id
from .test_validation import TREE, only, problems_after

US_REGION = scenario_by_id("hyperscaler-us-region")["answers"]


def legal(rules, name: str) -> date:
    return rules.calendar.dates[name]


def the_day_before(day: date) -> date:
    return day - timedelta(days=1)


def question(rules, question_id: str, lang: str, as_of: date) -> dict:
    return next(q for q in rules.questionnaire(lang, as_of) if q["id"] == question_id)


def flag(result: dict, code: str) -> str:
    return next(f["label"] for f in result["flags"] if f["code"] == code)


def test_dates_are_spelled_in_each_language():
    assert spell_date(date(2025, 7, 1), "fr") == "1er juillet 2025"
    assert spell_date(date(2026, 9, 26), "fr") == "26 septembre 2026"
    assert spell_date(date(2025, 7, 1), "en") == "1 July 2025"
    assert spell_date(date(2026, 9, 26), "en") == "26 September 2026"


@pytest.mark.parametrize(
    "text",
    ["2026-09-26", "26/09/2026", "1er juillet 2025", "1 July 2025", "July 1, 2025", "September 2026", "mars 2026",
     "26 septembre", "15 Dec 2022"],
)  # fmt: skip
def test_a_written_date_is_found(text):
    assert [written for written, _ in literal_dates(f"Voir {text}, puis la suite.")] == [text]


@pytest.mark.parametrize(
    "text", ["FAQ 2018", "décret 2016-524", "RG 22/01303", "art. R.1111-9-1", "exigences 12, 14 et 22", "may 2 hosts"]
)
def test_numbers_that_are_not_dates_are_not_found(text):
    assert literal_dates(text) == []


def test_storage_medium_help_says_what_applies_before_and_from_the_electronic_archiving_date(rules):
    sren = legal(rules, "sren_electronic_archiving")
    before_fr = question(rules, "storage_medium", "fr", the_day_before(sren))["help"]
    before_en = question(rules, "storage_medium", "en", the_day_before(sren))["help"]
    from_fr = question(rules, "storage_medium", "fr", sren)["help"]
    from_en = question(rules, "storage_medium", "en", sren)["help"]
    assert f"au plus tard le {spell_date(sren, 'fr')}" in from_fr
    assert f"at the latest {spell_date(sren, 'en')}" in from_en
    # Before the date, only what applies then: no date, no certificate for archiving.
    assert literal_dates(before_fr) == literal_dates(before_en) == []
    assert "archivage électronique relève lui aussi de cet agrément" in before_fr
    assert "{" not in from_fr + from_en


def test_the_storage_outside_eea_flag_follows_v1_lapse_then_the_csp(rules):
    lapse, csp = legal(rules, "v1_certificates_lapse"), legal(rules, "csp_eea_storage")
    before_lapse = rules.evaluate(US_REGION, the_day_before(lapse), lang="en")
    from_lapse = rules.evaluate(US_REGION, lapse, lang="en")
    from_csp_fr = rules.evaluate(US_REGION, csp, lang="fr")
    text = flag(before_lapse, "storage_outside_eea")
    assert "A host certified under referential v2 must store them in the EEA" in text
    assert (
        f"the holder of a v1 certificate is bound only once v1 certificates lapse, on {spell_date(lapse, 'en')}" in text
    )
    assert "binds every certified host" in flag(from_lapse, "storage_outside_eea")
    assert "v1" not in flag(from_lapse, "storage_outside_eea")
    assert "R.1111-9-1" not in flag(from_lapse, "storage_outside_eea")
    assert "Le CSP (art. R.1111-9-1) impose le stockage dans l'EEE" in flag(from_csp_fr, "storage_outside_eea")


def test_the_storage_location_help_changes_on_the_same_dates(rules):
    lapse, csp = legal(rules, "v1_certificates_lapse"), legal(rules, "csp_eea_storage")
    helps = [question(rules, "storage_location", "fr", day)["help"] for day in (the_day_before(lapse), lapse, csp)]
    assert f"le {spell_date(lapse, 'fr')}" in helps[0]
    assert "tout hébergeur certifié" in helps[1] and "R.1111-9-1" not in helps[1]
    assert "Le CSP (art. R.1111-9-1)" in helps[2]


def test_dated_texts_cut_the_calendar_into_epochs(rules):
    assert {legal(rules, name) for name in ("sren_electronic_archiving", "v1_certificates_lapse")} <= set(
        rules.calendar.boundaries
    )


def test_the_electronic_archiving_outcome_says_at_the_latest(rules):
    answers = {**MANAGED_SERVICES_REQUIRED, "storage_medium": "electronic_archiving"}
    sren = legal(rules, "sren_electronic_archiving")
    result = rules.evaluate(answers, the_day_before(sren), lang="fr")
    (exemption,) = result["exemptions"]
    assert exemption["code"] == "electronic_archiving_approval"
    assert f"au plus tard le {spell_date(sren, 'fr')}" in exemption["explanation"]
    assert [period["label"] for period in result["periods"]] == [
        "L'archivage électronique relève du seul agrément des archives"
    ]
    after = rules.evaluate(answers, sren, lang="en")
    assert f"at the latest from {spell_date(sren, 'en')}" in after["periods"][0]["label"]


def test_no_text_of_the_shipped_rules_spells_a_date(rules):
    files = [*rules.raw.files.values(), *rules.raw.trees]
    for rule_file in files:
        for path, text in rule_texts(rule_file.data, ""):
            if rule_file.data["kind"] == "law" and path.startswith("references/"):
                continue  # an act's name carries its date
            for period in text if isinstance(text, list) else [text]:
                assert literal_dates(period["fr"]) == literal_dates(period["en"]) == [], (rule_file.name, path)
    assert text_problems(rules.raw) == []


def test_every_served_text_has_its_dates_filled_in(rules):
    for epoch_day in [legal(rules, "regime_start"), *rules.calendar.boundaries]:
        for lang in ("fr", "en"):
            for served in rules.questionnaire(lang, epoch_day):
                assert "{" not in served["label"] + served["help"], served["id"]
            for views in [*rules.catalogue.flag_views.values(), *(o.views for o in rules.catalogue.outcomes.values())]:
                view = views[lang][rules.calendar.epoch(epoch_day)]
                assert "{" not in view["label"] + view.get("explanation", ""), view["code"]


def test_a_literal_legal_date_in_a_help_text_is_refused_naming_the_file_and_key(tmp_path):
    def change(data):
        data["questions"]["stores_data"]["help"]["fr"] += " Depuis le 1er juillet 2025."

    problem = only(problems_after(tmp_path, "questions.yaml", change))
    assert problem == (
        "decision_trees/questions.yaml: questions/stores_data/help/fr: spells the legal date '1er juillet 2025': "
        "write {date:sren_electronic_archiving}"
    )


@pytest.mark.parametrize(
    ("file", "change", "where", "written"),
    [
        (
            "outcomes.yaml",
            lambda data: data["flags"]["review_recommended"]["label"].update(en="Since 15 December 2022, review."),
            "flags/review_recommended/label/en",
            "15 December 2022",
        ),
        (
            "outcomes.yaml",
            lambda data: data["exemption_kinds"]["exemption"].update(fr="Exemption (FAQ de mars 2024)"),
            "exemption_kinds/exemption/fr",
            "mars 2024",
        ),
        (
            "outcomes.yaml",
            lambda data: data["flags"]["storage_outside_eea"]["label"][1].update(en="From 2026-05-16 on."),
            "flags/storage_outside_eea/label/1/en",
            "2026-05-16",
        ),
        (
            TREE,
            lambda data: data["nodes"]["compliance_period"]["by_date"][1]["label"].update(fr="Depuis le 16/11/2024"),
            "nodes/compliance_period/by_date/1/label/fr",
            "16/11/2024",
        ),
        (
            "law.yaml",
            lambda data: data["legal_dates"]["referential_v2"]["label"].update(en="Referential v2, November 2024"),
            "legal_dates/referential_v2/label/en",
            "November 2024",
        ),
    ],
    ids=["flag", "kind-label", "text-period", "period-label", "legal-date-label"],
)
def test_any_literal_date_in_any_text_is_refused(tmp_path, file, change, where, written):
    problem = only(problems_after(tmp_path, file, change))
    assert problem.startswith(f"decision_trees/{file}: {where}: spells ")
    assert f"'{written}'" in problem


def test_a_citation_may_carry_an_acts_date_but_not_a_legal_date(tmp_path):
    def change(data):
        data["references"]["decret_2018_137"]["cite"]["en"] = "Décret 2018-137 of 26 February 2018"
        data["references"]["loi_2024_449_art_32"]["cite"]["fr"] = "Loi SREN, art. 32 (1er juillet 2025)"

    problem = only(problems_after(tmp_path, "law.yaml", change))
    assert problem == (
        "decision_trees/law.yaml: references/loi_2024_449_art_32/cite/fr: spells the legal date "
        "'1er juillet 2025': write {date:sren_electronic_archiving}"
    )


@pytest.mark.parametrize(
    ("placeholder", "message"),
    [
        ("{date:no_such_date}", "'{date:no_such_date}' names no legal date of law.yaml"),
        ("{dat:csp_eea_storage}", "'{dat:csp_eea_storage}' is not a placeholder"),
    ],
)
def test_an_unknown_date_name_is_refused(tmp_path, placeholder, message):
    def change(data):
        data["questions"]["stores_data"]["help"]["en"] += f" From {placeholder}."

    problem = only(problems_after(tmp_path, "questions.yaml", change))
    assert problem.startswith(f"decision_trees/questions.yaml: questions/stores_data/help/en: {message}")


def help_periods(data: dict) -> list[dict]:
    return data["questions"]["storage_location"]["help"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda data: help_periods(data)[1].update({"from": "sren_electronic_archiving"}), "no period covers"),
        (lambda data: help_periods(data)[1].update({"from": "regime_start"}), "overlap"),
        (lambda data: help_periods(data)[0].update({"from": "regime_start"}), "the first period applies from"),
        (lambda data: help_periods(data)[3].update(until="csp_eea_storage"), "the last period applies to the end"),
        (lambda data: help_periods(data)[2].pop("from"), "periods 1 and 2 must meet"),
        (lambda data: help_periods(data)[2].update(until="referential_v2"), "period 2 ends before it starts"),
        (lambda data: help_periods(data)[1].update(until="the_day_after"), "unknown legal date 'the_day_after'"),
    ],
    ids=["gap", "overlap", "open-start", "open-end", "not-meeting", "backwards", "unknown-date"],
)
def test_text_periods_tile_the_calendar(tmp_path, change, expected):
    problems = problems_after(tmp_path, "questions.yaml", change)
    assert any(
        problem.startswith("decision_trees/questions.yaml: questions/storage_location/help: ") and expected in problem
        for problem in problems
    ), problems


def test_a_text_is_either_bilingual_or_a_list_of_periods(tmp_path):
    def change(data):
        data["questions"]["stores_data"]["help"] = [{"until": "referential_v2", "fr": "Avant."}]

    problems = problems_after(tmp_path, "questions.yaml", change)
    assert any(problem.startswith("decision_trees/questions.yaml: questions/stores_data/help") for problem in problems)


def test_the_verification_flag_fits_hosting_on_behalf_of_the_patient(rules):
    answers = {
        **MANAGED_SERVICES_REQUIRED,
        "data_originator": "patient",
        "hosting_relationship": "on_behalf_of_patient",
    }
    for lang, words in (("fr", "ne pèse pas sur le patient"), ("en", "does not fall on the patient")):
        result = rules.evaluate(answers, "2026-11-25", lang=lang)
        assert words in flag(result, "controller_must_verify_certificate")


def test_the_check_command_names_a_literal_date(tmp_path):
    rules_dir = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules_dir)
    path = rules_dir / "outcomes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("(2018)", "(26 avril 2018)", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "hds_api", "--rules", str(rules_dir), "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert (
        "rules/outcomes.yaml: exemptions/health_insurer_reimbursement/explanation/fr: spells the date '26 avril 2018'"
        in done.stderr
    )
    with pytest.raises(RulesError):
        load_rules(rules_dir)
