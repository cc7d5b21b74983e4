"""The shared reference scenarios, answered through the page in Chromium, give their expected results."""

from __future__ import annotations

import pytest

from ...scenario_files import as_of_text, shared_scenarios
from .driver import complete, shown_result

# Every complete scenario the form can express (it has no current certification to compare with).
SCENARIOS = [
    scenario
    for scenario in shared_scenarios()
    if scenario["expect"].get("status") == "complete" and "current_certification" not in scenario
]
CHECKED = ("status", "hds_certification_required", "activities", "certificates", "exemptions", "flags")


def test_enough_scenarios_go_through_the_page():
    assert len(SCENARIOS) >= 6


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario["id"] for scenario in SCENARIOS])
def test_scenario_through_the_page(watched, servers, form_url, scenario):
    watched.page.goto(form_url(lang=scenario.get("lang"), as_of=as_of_text(scenario["as_of"])))
    complete(watched.page, scenario["answers"])
    shown = shown_result(watched.page)
    expect = {field: scenario["expect"][field] for field in CHECKED if field in scenario["expect"]}
    assert {field: shown[field] for field in expect} == expect
    assert watched.errors == []
    assert watched.foreign_requests(servers.form.origin) == []
