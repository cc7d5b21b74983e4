"""Every shared reference scenario and every scenario of our own (decision_trees/scenarios/) gives its expected
outcome; our own are well formed, cite a source, and reach every outcome, flag, gap status and question."""

from __future__ import annotations

import shutil

import pytest

from hds_api.rules import load_rules

from .scenario_files import (
    EXPECT_FIELDS,
    OWN_DIR,
    SCENARIO_KEYS,
    mismatches,
    observed,
    own_scenario_files,
    own_scenarios,
    read_scenarios,
    run_scenario,
    shared_scenarios,
)

SHARED = shared_scenarios()
OWN = own_scenarios()
SCENARIOS = [("shared", scenario) for scenario in SHARED] + [("own", scenario) for scenario in OWN]


@pytest.mark.parametrize(("origin", "scenario"), SCENARIOS, ids=[f"{o}:{s['id']}" for o, s in SCENARIOS])
def test_scenario(rules, origin, scenario):
    result = run_scenario(rules, scenario)
    assert mismatches(result, scenario["expect"]) == {}


def test_scenario_ids_are_unique():
    ids = [scenario["id"] for _, scenario in SCENARIOS]
    assert len(ids) == len(set(ids))


def test_the_shared_file_has_the_reference_scenarios():
    assert len(SHARED) >= 30
    assert {"hyperscaler-us-region", "reseller-no-activity", "ght-public-ehpad-party"} <= {s["id"] for s in SHARED}


def test_own_scenarios_are_numerous_enough():
    assert len(OWN) >= 70
    assert all(len(read_scenarios(path)) >= 5 for path in own_scenario_files())


@pytest.mark.parametrize("scenario", OWN, ids=[s["id"] for s in OWN])
def test_own_scenario_is_well_formed(scenario):
    assert set(scenario) <= SCENARIO_KEYS
    assert {"id", "title", "source", "as_of", "answers", "expect"} <= set(scenario)
    assert isinstance(scenario["source"], str) and len(scenario["source"]) >= 10
    assert set(scenario["expect"]) <= EXPECT_FIELDS
    # Every complete scenario states the whole conclusion, the confidence included (where the doubt shows).
    wanted = {"status", "hds_certification_required", "exemptions", "flags", "confidence"}
    if scenario["expect"]["status"] == "incomplete":
        wanted = {"status", "next_question"}
    assert wanted <= set(scenario["expect"])


def test_own_scenarios_reach_every_outcome_flag_gap_status_and_question(rules):
    results = [run_scenario(rules, scenario) for scenario in OWN]
    catalogue = rules.catalogue
    reached = {code for result in results for code in observed(result, "exemptions")}
    reached |= {"certification_required" for result in results if result["hds_certification_required"]}
    assert reached == set(catalogue.outcomes)
    assert {code for result in results for code in observed(result, "flags")} == set(catalogue.flag_order)
    assert {observed(result, "certification_gap") for result in results} - {None} == {
        rule["status"] for rule in catalogue.gap_rules
    }
    assert {result["confidence"] for result in results} == {"high", "medium", "low", None}
    asked = {question for result in results for question in observed(result, "asked")}
    assert asked == set(catalogue.question_order)


def test_scenario_files_are_not_rule_files(rules, tmp_path):
    """decision_trees/scenarios/ is beside the rules: not loaded as rules, not part of their digest."""
    assert OWN_DIR.parent.name == "decision_trees" and own_scenario_files()
    copy = tmp_path / "decision_trees"
    shutil.copytree(OWN_DIR.parent, copy)
    (copy / "scenarios" / "extra.yaml").write_text("scenarios: []\nkind: tree\n", encoding="utf-8")
    assert load_rules(copy).digest == load_rules(OWN_DIR.parent).digest
    shutil.rmtree(copy / "scenarios")
    assert load_rules(copy).digest == rules.digest
