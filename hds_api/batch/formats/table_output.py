"""Tables (CSV and spreadsheets) written: the input's own columns (`id`, identifiers, columns passed through) in
their order, then the result columns of CONTRACT.md section 6; with a language asked for, readable columns too."""

from __future__ import annotations

from typing import Any

from ..messages import message
from ..readable import conclusion, flag_labels, references
from .cells import format_cell

RESULT_COLUMNS = (
    "status", "hds_certification_required", "archives_approval_required", "activities", "certificates",
    "certificate_activities", "exemptions", "flags", "confidence", "next_question", "certification_gap",
    "missing_activities", "unused_answers",
)  # fmt: skip
OUTPUT_COLUMNS = ("id", *RESULT_COLUMNS, "error")  # without columns carried through or readable ones
READABLE_COLUMNS = ("conclusion", "flag_labels", "references")
# What a run writes besides the input's columns: found in an input (a result file fed back), they are replaced.
WRITTEN_COLUMNS = frozenset((*RESULT_COLUMNS, *READABLE_COLUMNS, "error"))
# The columns by which a result file is known (every version of the table has had them): only in a header that
# has them all are the written columns taken for an earlier run's; else such a column is the user's own.
RESULTS_SIGNATURE = frozenset(("status", "hds_certification_required", "activities", "certificates", "error"))
SHOWN_CHARS = 80  # of a field name or a typed value, in an `error` cell
NOT_ASSESSED = "not_assessed"  # the gap of a row without a certificate to compare (or not yet complete)
NOT_REQUIRED = "not_required"


class TableColumns:
    """The output's columns, and the cells of an outcome under them; picklable.

    `carried`: the input's columns repeated first, `(header, key)` (see `RowDecoder.carried`). `free_text` are
    the columns whose text comes from the input or from sentences: only they can start with what a
    spreadsheet runs as a formula; the others hold codes and numbers of the rules."""

    def __init__(self, lang: str, carried: list[tuple[str, str]] | None = None, readable: bool = False):
        self.lang = lang
        self.carried = carried or [("id", "id")]
        self.readable = readable
        lead = [header for header, _ in self.carried]
        if readable:
            self.names = [*lead, "conclusion", *RESULT_COLUMNS, "flag_labels", "references", "error"]
            self.free_text = [*range(len(lead) + 1), len(self.names) - 3, len(self.names) - 2, len(self.names) - 1]
        else:
            self.names = [*lead, *RESULT_COLUMNS, "error"]
            self.free_text = [*range(len(lead)), len(self.names) - 1]
        self.blank = [""] * (len(self.names) - len(lead) - 1)
        self.simple = self.carried == [("id", "id")]

    def lead(self, item: Any) -> list[Any]:
        return [item.id] if self.simple else carried_values(self.carried, item)

    def cells(self, outcome: Any) -> list[Any]:
        """The row of an `ItemOutcome`: carried values as they came (a writer formats them), the rest text."""
        lead = self.lead(outcome.item)
        if outcome.error is not None:
            return [*lead, *self.blank, error_text(outcome.error, self.lang)]
        result = outcome.result
        if not self.readable:
            return [*lead, *result_cells(result), ""]
        lang = self.lang
        return [
            *lead, conclusion(result, lang), *result_cells(result), flag_labels(result), references(result), "",
        ]  # fmt: skip


def carried_values(carried: list[tuple[str, str]], item: Any) -> list[Any]:
    """The carried columns' values: the id, then identifiers and columns passed through, as given."""
    echo = item.echo or {}
    passed = echo.get("passed_through", {})
    return [
        item.id if key == "id" else passed.get(header, "") if key == "passed" else echo.get(key, "")
        for header, key in carried
    ]


def _numbers(numbers: list[int]) -> str:
    return ";".join(map(str, numbers))


def no_gap_cell(required: bool | None) -> str:
    """`certification_gap` when a row has none: never blank, but `not_required` when no certificate is needed,
    `not_assessed` when none was given to compare (or the answers are not complete yet)."""
    return NOT_REQUIRED if required is False else NOT_ASSESSED


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
        gap["status"] if gap else no_gap_cell(required),
        _numbers(gap["missing_activities"]) if gap else "",
        ";".join(result["unused_answers"]),
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
