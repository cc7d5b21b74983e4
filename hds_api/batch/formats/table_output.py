"""Tables (CSV and spreadsheets) written: `id` and the result columns of CONTRACT.md section 6, one row an entry."""

from __future__ import annotations

from typing import Any

from ..messages import message
from .cells import format_cell

OUTPUT_COLUMNS = (
    "id", "status", "hds_certification_required", "archives_approval_required", "activities", "certificates",
    "certificate_activities", "exemptions", "flags", "confidence", "next_question", "certification_gap",
    "missing_activities", "error",
)  # fmt: skip
RESULT_COLUMNS = OUTPUT_COLUMNS[1:-1]
SHOWN_CHARS = 80  # of a field name or a typed value, in an `error` cell


class TableColumns:
    """The output's columns, and the cells of an entry (of `summary` detail, or an error) under them; picklable.

    `free_text` are the columns whose text comes from the input or from sentences (ids, errors): only they can
    start with what a spreadsheet runs as a formula; the others hold codes and numbers of the rules."""

    def __init__(self, lang: str):
        self.lang = lang
        self.names = list(OUTPUT_COLUMNS)
        self.free_text = [0, len(OUTPUT_COLUMNS) - 1]
        self.blank = [""] * len(RESULT_COLUMNS)

    def cells(self, outcome: Any) -> list[Any]:
        """The row of an `ItemOutcome`."""
        item_id = format_cell(outcome.item.id)
        if outcome.error is not None:
            return [item_id, *self.blank, error_text(outcome.error, self.lang)]
        return [item_id, *result_cells(outcome.result), ""]


def _numbers(numbers: list[int]) -> str:
    return ";".join(map(str, numbers))


def result_cells(result: dict[str, Any]) -> list[str]:
    """The result columns of a full result, straight to text (no compact entry in between: this is per row)."""
    gap = result["certification_gap"]
    next_question = result["next_question"]
    required = result["hds_certification_required"]
    archives = result["archives_approval_required"]
    certificates = result["certificates"]
    return [
        result["status"],
        "" if required is None else "true" if required else "false",
        "" if archives is None else "true" if archives else "false",
        ";".join([str(activity["number"]) for activity in result["activities"]]),
        ";".join([certificate["code"] for certificate in certificates]),
        ";".join([f"{c['code']}:{','.join(map(str, c['required_activities']))}" for c in certificates]),
        ";".join([exemption["code"] for exemption in result["exemptions"]]),
        ";".join([flag["code"] for flag in result["flags"]]),
        result["confidence"] or "",
        next_question["id"] if next_question else "",
        gap["status"] if gap else "",
        _numbers(gap["missing_activities"]) if gap else "",
    ]


def column_of(field_name: str) -> str:
    """An error's field in the words of the table: `answers.x` is column `x`, `current_certification.x` is
    `current_x`."""
    if field_name.startswith("answers."):
        return field_name.removeprefix("answers.")
    if field_name.startswith("current_certification."):
        return "current_" + field_name.removeprefix("current_certification.")
    return field_name


def error_text(error: dict[str, Any], lang: str) -> str:
    """`column: message «what was typed» (allowed: …)` for each offending field listed, in one cell; names and
    values shortened, so that the cell stays readable whatever was sent."""
    parts = []
    for field_name, detail in error["errors"].items():
        text = f"{shortened(column_of(field_name))}: {detail.get('message', '')}"
        if "value" in detail:
            text += f" «{shortened(str(detail['value']))}»"
        if "allowed" in detail:
            text += f" ({message(lang, 'allowed')}: {', '.join(format_cell(v) for v in detail['allowed'])})"
        parts.append(text)
    if error.get("more_errors"):
        parts.append(message(lang, "more_errors", count=error["more_errors"]))
    return " | ".join(parts) or error["message"]


def shortened(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
