"""The CSV of CONTRACT.md section 6, written: `id` and the result columns, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from .csv_cells import format_cell, neutralise
from .messages import message

OUTPUT_COLUMNS = (
    "id", "status", "hds_certification_required", "archives_approval_required", "activities", "certificates",
    "certificate_activities", "exemptions", "flags", "confidence", "next_question", "certification_gap",
    "missing_activities", "error",
)  # fmt: skip


def render_rows(entries: Iterable[dict[str, Any]], delimiter: str, lang: str, header: bool = False) -> str:
    """Rows of entries of `summary` detail (and the header line first, if asked); no cell starts a formula."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(OUTPUT_COLUMNS)
    for entry in entries:
        writer.writerow([neutralise(cell) for cell in output_cells(entry, lang)])
    return out.getvalue()


def output_cells(entry: dict[str, Any], lang: str) -> list[str]:
    """The output columns of one entry (a result of `summary` detail, or an error)."""
    if "error" in entry:
        return [format_cell(entry["id"]), *[""] * (len(OUTPUT_COLUMNS) - 2), error_text(entry["error"], lang)]
    return [format_cell(entry.get(column)) for column in OUTPUT_COLUMNS[:-1]] + [""]


def column_of(field_name: str) -> str:
    """An error's field in the words of the CSV: `answers.x` is column `x`, `current_certification.x` is
    `current_x`."""
    if field_name.startswith("answers."):
        return field_name.removeprefix("answers.")
    if field_name.startswith("current_certification."):
        return "current_" + field_name.removeprefix("current_certification.")
    return field_name


def error_text(error: dict[str, Any], lang: str) -> str:
    """`column: message «what was typed» (allowed: …)` for each offending field, in one cell."""
    parts = []
    for field_name, detail in error["errors"].items():
        text = f"{column_of(field_name)}: {detail.get('message', '')}"
        if "value" in detail:
            text += f" «{detail['value']}»"
        if "allowed" in detail:
            text += f" ({message(lang, 'allowed')}: {', '.join(format_cell(v) for v in detail['allowed'])})"
        parts.append(text)
    return " | ".join(parts) or error["message"]
