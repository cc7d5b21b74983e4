"""The supplier gap analysis: which rule of outcomes.yaml `certification_gap` applies first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .compiled import Catalogue

GapTest = Callable[[dict[str, Any], bool, frozenset[int], dict[str, Any], date, dict[str, date]], bool]

# The vocabulary a gap rule may use; the rule file decides the order, the dates and the referentials.
TESTS: dict[str, GapTest] = {
    "certification_not_required": lambda rule, required, missing, held, as_of, dates: not required,
    "valid_until_before_as_of": lambda rule, required, missing, held, as_of, dates: held["valid_until"] < as_of,
    "referential_lapsed": lambda rule, required, missing, held, as_of, dates: (
        held["referential"] == rule["referential"] and as_of > dates[rule["after"]]
    ),
    "activities_missing": lambda rule, required, missing, held, as_of, dates: bool(missing),
    "always": lambda rule, required, missing, held, as_of, dates: True,
}


def certification_gap(
    catalogue: Catalogue,
    dates: dict[str, date],
    held: dict[str, Any],
    required: bool,
    activities: list[int],
    as_of: date,
    lang: str,
    epoch: int,
) -> dict[str, Any]:
    """Compare the supplier's current certificate with what the assessment requires."""
    missing = frozenset(activities) - held["activities"] if required else frozenset()
    for rule in catalogue.gap_rules:
        if TESTS[rule["test"]](rule, required, missing, held, as_of, dates):
            view = catalogue.gap_views[rule["status"]][lang][epoch]
            return {
                "status": rule["status"],
                "label": view["label"],
                "missing_activities": sorted(missing),
                "held_activities": sorted(held["activities"]),
                "referential": held["referential"],
                "valid_until": held["valid_until"].isoformat(),
                "references": view["references"],
            }
    raise AssertionError("the last gap rule tests 'always' (checked when the rules load)")
