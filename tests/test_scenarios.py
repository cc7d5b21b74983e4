"""Every reference scenario (shared with the CEO) and every scenario of our own gives its expected outcome."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .scenario_files import SCENARIO_DIR, load_scenarios, mismatches, run_scenario

SHARED_SOURCE = ROOT.parent / "shared" / "hds" / "scenarios.yaml"
FILES = ["shared.yaml", "domain.yaml"]
SCENARIOS = [(name, scenario) for name in FILES for scenario in load_scenarios(name)]


@pytest.mark.parametrize(("file", "scenario"), SCENARIOS, ids=[f"{f}:{s['id']}" for f, s in SCENARIOS])
def test_scenario(rules, file, scenario):
    result = run_scenario(rules, scenario)
    assert mismatches(result, scenario["expect"]) == {}


def test_scenario_ids_are_unique():
    ids = [scenario["id"] for _, scenario in SCENARIOS]
    assert len(ids) == len(set(ids))


def test_own_scenarios_are_numerous_enough():
    assert len(load_scenarios("domain.yaml")) >= 25


@pytest.mark.skipif(not SHARED_SOURCE.exists(), reason="../shared is not beside this checkout")
def test_shared_copy_is_current():
    assert (SCENARIO_DIR / "shared.yaml").read_bytes() == SHARED_SOURCE.read_bytes()
