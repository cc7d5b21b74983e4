"""Complete answer sets for the tests, built by walking the rules: a test names only the answers it cares about.

`complete_answers(data_originator="health_establishment", activity_backup=True)` follows the tree from its root,
answering each question the path asks from the overrides, else from `DEFAULTS`, and returns the answers of
exactly that one full path. A new question means editing the rules, `DEFAULTS` and the scenarios only.
"""

from __future__ import annotations

from typing import Any

from hds_api.rules import Rules, default_rules

AS_OF = "2026-11-25"

# One answer per question of the rules (a test checks the keys): by default, a managed-services host under
# referential v2 for a health professional, certificate required for activities 4, 5 and 6, nothing flagged.
DEFAULTS: dict[str, Any] = {
    "personal_data": True,
    "health_data": True,
    "data_originator": "health_professional",
    "insurer_purpose": "care_service",
    "telemonitoring": True,
    "care_context": True,
    "hosting_relationship": "on_behalf_of_originator",
    "ght_same_convention": False,
    "ght_convention_delegates_hosting": True,
    "ght_joint_controller_agreement": True,
    "ght_security_measures": True,
    "storage_medium": "digital",
    "stores_data": True,
    "short_term_processing_only": False,
    "activity_physical_site": False,
    "activity_hardware": False,
    "activity_virtual_infrastructure": False,
    "activity_application_platform": True,
    "activity_administration_operation": True,
    "activity_backup": True,
    "resells_hosting": False,
    "storage_location": "eea_only",
    "non_eea_access": False,
    "third_country_law_exposure": False,
    "uses_subcontractors": False,
}


class OffPath(ValueError):
    """An override the path never asks: the test would silently test nothing."""


def complete_answers(rules: Rules | None = None, *, as_of: str = AS_OF, **overrides: Any) -> dict[str, Any]:
    """The answers of the one full path that `overrides` (else `DEFAULTS`) take at `as_of`, in asking order."""
    rules = rules or default_rules()
    answers: dict[str, Any] = {}
    # No question is asked twice on a path (checked when the rules load): the walk ends within this bound.
    for _ in range(len(rules.catalogue.question_order) + 1):
        result = rules.evaluate(answers, as_of)
        if result["status"] == "complete":
            off_path = sorted(overrides.keys() - answers.keys())
            if off_path:
                raise OffPath(f"not asked on the path these answers take at {as_of}: {', '.join(off_path)}")
            return answers
        question = result["next_question"]["id"]
        answers[question] = overrides.get(question, DEFAULTS[question])
    raise AssertionError("the path never ends")


# The default path, used by the packages that only need one complete assessment requiring a certificate.
MANAGED_SERVICES_REQUIRED = complete_answers()
