"""The supplier gap analysis: which rule of outcomes.yaml `certification_gap` applies first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .compiled import Catalogue


@dataclass(frozen=True, slots=True)
class GapFacts:
    """What a gap rule may look at: the assessment's conclusion and the certificate held."""

    required: bool
    missing: frozenset[int]
    flags: frozenset[str]
    held: dict[str, Any]
    as_of: date
    dates: dict[str, date]


def breached_flags(rule: dict[str, Any], facts: GapFacts) -> list[str]:
    """The flags of the result that breach a rule in force at `as_of` for the certificate held."""
    breached = []
    for breach in rule.get("breaches", ()):
        if breach["flag"] not in facts.flags or breach["flag"] in breached:
            continue
        binds_referential = facts.held["referential"] in breach.get("referentials", ())
        in_force = "from" in breach and facts.as_of >= facts.dates[breach["from"]]
        if binds_referential or in_force:
            breached.append(breach["flag"])
    return breached


# The vocabulary a gap rule may use; the rule file decides the order, the dates and the referentials.
TESTS: dict[str, Callable[[dict[str, Any], GapFacts], bool]] = {
    "certification_not_required": lambda rule, facts: not facts.required,
    "valid_until_before_as_of": lambda rule, facts: facts.held["valid_until"] < facts.as_of,
    "referential_lapsed": lambda rule, facts: (
        facts.held["referential"] == rule["referential"] and facts.as_of > facts.dates[rule["after"]]
    ),
    "activities_missing": lambda rule, facts: bool(facts.missing),
    "compliance_breach": lambda rule, facts: bool(breached_flags(rule, facts)),
    "always": lambda rule, facts: True,
}


def certification_gap(
    catalogue: Catalogue,
    dates: dict[str, date],
    held: dict[str, Any],
    required: bool,
    activities: list[int],
    flags: set[str],
    as_of: date,
    lang: str,
    epoch: int,
) -> dict[str, Any]:
    """Compare the supplier's current certificate with what the assessment requires."""
    missing = frozenset(activities) - held["activities"] if required else frozenset()
    facts = GapFacts(required, missing, frozenset(flags), held, as_of, dates)
    for rule in catalogue.gap_rules:
        if TESTS[rule["test"]](rule, facts):
            view = catalogue.gap_views[rule["status"]][lang][epoch]
            return {
                "status": rule["status"],
                "label": view["label"],
                "missing_activities": sorted(missing),
                "compliance_issues": breached_flags(rule, facts),
                "held_activities": sorted(held["activities"]),
                "referential": held["referential"],
                "valid_until": held["valid_until"].isoformat(),
                "references": view["references"],
            }
    raise AssertionError("the last gap rule tests 'always' (checked when the rules load)")
