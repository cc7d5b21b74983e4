"""Tables (CSV and spreadsheets) read: the header's columns checked, then each row's cells made into an item.

Forgiving where a spreadsheet user expects it (spaces, case, boolean spellings, empty cells), strict where a
mistake could change a legal outcome (an unknown value is the row's error, never a guess).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...rules.compiled import Catalogue
from ...rules.request_check import MAX_LISTED_ERRORS
from ..errors import UsageError
from ..items import Item
from ..messages import message
from .cells import BOOLEAN_SPELLINGS, BOOLEAN_WORDS, parse_numbers
from .lines import RowLimits, UnreadableRow

GAP_COLUMNS = {
    "current_activities": "activities",
    "current_referential": "referential",
    "current_valid_until": "valid_until",
}


def input_columns(catalogue: Catalogue) -> list[str]:
    return ["id", *catalogue.question_order, "as_of", *GAP_COLUMNS]


class RowDecoder:
    """Turns the cells of one row into an item, for one header; small and picklable (sent to workers)."""

    def __init__(
        self,
        columns: list[str],
        question_types: dict[str, str],
        lang: str,
        limits: RowLimits = RowLimits(),  # noqa: B008 - frozen, so sharing the default is safe
    ):
        self.columns = columns
        self.question_types = question_types
        self.lang = lang
        self.limits = limits
        # What each column holds, worked out once: the per-row loop is the batch's hot path.
        self.kinds = [
            (column, kind, _field(column, kind)) for column, kind in ((c, _kind(c, question_types)) for c in columns)
        ]

    @classmethod
    def from_header(
        cls,
        cells: list[str],
        catalogue: Catalogue,
        lang: str,
        limits: RowLimits = RowLimits(),  # noqa: B008 - frozen
    ) -> RowDecoder:
        """Check the header's cells; `UsageError` names unknown or duplicate columns, with the allowed ones."""
        columns = [cell.strip().lower() for cell in cells]
        allowed = input_columns(catalogue)
        known = set(allowed)
        unknown = list(dict.fromkeys(column for column in columns if column and column not in known))
        if unknown:
            # The allowed columns once, with the first unknown one: a header may name thousands.
            errors = {column: {"message": message(lang, "unknown_field")} for column in unknown[:MAX_LISTED_ERRORS]}
            errors[unknown[0]]["allowed"] = allowed
            text = message(lang, "unknown_columns", columns=_names(unknown))
            raise UsageError(text, errors, len(unknown) - len(errors))
        duplicates = duplicated(columns)
        if duplicates:
            text = message(lang, "duplicate_columns", columns=_names(duplicates))
            errors = {column: {"message": text} for column in duplicates[:MAX_LISTED_ERRORS]}
            raise UsageError(text, errors, len(duplicates) - len(errors))
        if "id" not in columns:
            text = message(lang, "missing_id_column")
            raise UsageError(text, {"id": {"message": text}})
        return cls(columns, dict(catalogue.question_types), lang, limits)

    def item(self, cells: list[str] | UnreadableRow) -> Item:
        """One row as an item; cells that cannot be read become the item's errors."""
        item = Item(id=None, answers={})
        lang = self.lang
        if isinstance(cells, UnreadableRow):
            limit = self.limits.row_chars
            item.error("row", lang, cells.key, line=cells.line, limit=limit, detail=cells.detail, last=cells.last)
            return item
        held: dict[str, Any] = {}
        if len(cells) > len(self.columns):
            item.error("row", lang, "extra_cells")
        answers, given, cell_chars = item.answers, item.given, self.limits.cell_chars
        # The batch's hot loop: names and kinds worked out once (`self.kinds`), locals only.
        for (column, kind, field_name), cell in zip(self.kinds, cells, strict=False):
            text = cell.strip()
            if not text:
                continue  # empty = unanswered
            if len(text) > cell_chars:
                item.error(field_name, lang, "cell_too_long", limit=cell_chars)
            elif kind == "boolean":
                value = BOOLEAN_WORDS.get(text)
                if value is None:
                    value = BOOLEAN_WORDS.get(text.lower())
                if value is None:
                    item.error(field_name, lang, "not_boolean", allowed=BOOLEAN_SPELLINGS)
                    given[field_name] = text
                else:
                    answers[column] = value
            elif kind == "choice":  # the engine checks the value against the choices and names them
                answers[column] = text.lower()
                given[field_name] = text
            elif kind == "id":
                item.id = text
            elif kind == "as_of":
                item.as_of = text
                given["as_of"] = text
            elif kind == "gap":
                self._gap_cell(item, held, GAP_COLUMNS[column], text)
            else:
                item.error("row", lang, "unnamed_cell")
        if item.id is None and "id" not in item.errors:
            item.error("id", lang, "id_required")
        if held:  # a partial certificate is reported by the engine, field by field
            item.current_certification = {"activities": None, "referential": None, "valid_until": None, **held}
        return item

    def _gap_cell(self, item: Item, held: dict[str, Any], key: str, text: str) -> None:
        field_name = f"current_certification.{key}"
        item.given[field_name] = text
        if key == "activities":
            numbers = parse_numbers(text)
            if numbers is None:
                item.error(field_name, self.lang, "not_activities")
            held[key] = numbers
        else:
            held[key] = text.lower() if key == "referential" else text


def duplicated(columns: list[str]) -> list[str]:
    """The non-empty columns named more than once, sorted; in one pass, whatever the header's length."""
    counts = Counter(column for column in columns if column)
    return sorted(column for column, count in counts.items() if count > 1)


def _names(columns: list[str]) -> str:
    """Column names for a message: the first `MAX_LISTED_ERRORS`, then how many more."""
    shown = ", ".join(columns[:MAX_LISTED_ERRORS])
    return shown + (f" (+{len(columns) - MAX_LISTED_ERRORS})" if len(columns) > MAX_LISTED_ERRORS else "")


def _field(column: str, kind: str) -> str:
    """A column's field name in errors, as the engine names it (`table_output.column_of` turns it back)."""
    if kind in ("boolean", "choice"):
        return f"answers.{column}"
    if kind == "gap":
        return f"current_certification.{GAP_COLUMNS[column]}"
    return column or "row"


def _kind(column: str, question_types: dict[str, str]) -> str:
    if column in question_types:
        return question_types[column]  # "boolean" or "choice"
    if column in GAP_COLUMNS:
        return "gap"
    return column or "unnamed"  # "id", "as_of"
