"""Varied batch items for the benchmarks: at least 64 distinct, path-consistent answer sets (built by the tests'
answer builder, so every set is one full path of the rules), half of them with a certificate to compare.

Nothing can win by caching one answer: consecutive items differ."""

from __future__ import annotations

from itertools import product
from typing import Any

from tests.answers import complete_answers

AS_OF = "2026-11-25"
ACTIVITIES = (
    "activity_physical_site", "activity_hardware", "activity_virtual_infrastructure",
    "activity_application_platform", "activity_administration_operation", "activity_backup",
)  # fmt: skip
ORIGINATORS = ("health_professional", "health_establishment", "other_care_organisation")
LOCATIONS = ("eea_only", "outside_eea", "unknown")
CERTIFICATES = (
    {"activities": [1, 2, 3, 4], "referential": "v2", "valid_until": "2027-12-31"},
    {"activities": [4, 5, 6], "referential": "v1", "valid_until": "2027-06-30"},
    {"activities": [3, 4, 5, 6], "referential": "v2", "valid_until": "2026-01-31"},
)


def answer_sets() -> list[dict[str, Any]]:
    """126 sets requiring a certificate (every non-empty set of activities, EEA access or not, originators and
    storage locations in turn) and a few that end in an exemption."""
    sets = []
    for n, (flags, access) in enumerate(product(product((False, True), repeat=6), (False, True))):
        if not any(flags):
            continue
        sets.append(
            complete_answers(
                **dict(zip(ACTIVITIES, flags, strict=True)),
                data_originator=ORIGINATORS[n % 3],
                storage_location=LOCATIONS[n // 3 % 3],
                non_eea_access=access,
                uses_subcontractors=n % 4 == 0,
            )
        )
    sets += [
        complete_answers(hosting_relationship="own_data"),
        complete_answers(storage_medium="paper"),
        complete_answers(stores_data=False),
        complete_answers(data_originator="health_insurer", insurer_purpose="reimbursement"),
    ]
    return sets


def batch_items(count: int) -> list[dict[str, Any]]:
    sets = answer_sets()
    items = []
    for n in range(count):
        item: dict[str, Any] = {"id": f"supplier-{n:06d}", "answers": sets[n % len(sets)]}
        if n % 2:
            item["current_certification"] = CERTIFICATES[n // 2 % len(CERTIFICATES)]
        items.append(item)
    return items
