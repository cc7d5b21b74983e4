"""The CSV of CONTRACT.md section 6, written: `id` and the result columns, safe to open in a spreadsheet.

Rows end with CRLF, as RFC 4180 says: the csv module then quotes every cell holding a carriage return or a line
feed (with LF endings it leaves a lone CR bare, and a spreadsheet starts a new row there).
"""

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
SHOWN_CHARS = 80  # of a field name or a typed value, in an `error` cell


def render_rows(entries: Iterable[dict[str, Any]], delimiter: str, lang: str, header: bool = False) -> str:
    """Rows of entries of `summary` detail (and the header line first, if asked); no cell starts a formula."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
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
