"""The `summary` level of detail: a result reduced to codes, what a spreadsheet or a dashboard needs."""

from __future__ import annotations

from typing import Any


def _codes(entries: list[dict[str, Any]]) -> list[str]:
    return [entry["code"] for entry in entries]


def compact_result(result: dict[str, Any], item_id: Any) -> dict[str, Any]:
    """The item's id, then codes and numbers only: no labels, no trace, no references (the `full` detail has
    them)."""
    gap = result["certification_gap"]
    next_question = result["next_question"]
    return {
        "id": item_id,
        "status": result["status"],
        "hds_certification_required": result["hds_certification_required"],
        "archives_approval_required": result["archives_approval_required"],
        "activities": [activity["number"] for activity in result["activities"]],
        "certificates": _codes(result["certificates"]),
        "certificate_activities": {
            certificate["code"]: certificate["required_activities"] for certificate in result["certificates"]
        },
        "exemptions": _codes(result["exemptions"]),
        "flags": _codes(result["flags"]),
        "confidence": result["confidence"],
        "next_question": next_question["id"] if next_question else None,
        "certification_gap": gap["status"] if gap else None,
        "missing_activities": gap["missing_activities"] if gap else [],
        "unused_answers": result["unused_answers"],
        "as_of": result["as_of"],
    }
