"""The CSV of CONTRACT.md section 6, read: the header, then rows into items (writing is `csv_output`).

Forgiving where a spreadsheet user expects it (BOM, `;` or `,`, boolean spellings, spaces, empty cells),
strict where a mistake could change a legal outcome (an unknown value is the row's error, never a guess).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any

from ..rules.compiled import Catalogue
from ..rules.request_check import MAX_LISTED_ERRORS
from .csv_cells import BOOLEAN_SPELLINGS, BOOLEAN_WORDS, parse_numbers
from .csv_limits import CsvLimits, UnreadableRow, read_header
from .csv_output import render_rows
from .csv_rows import RowLines, read_rows
from .errors import UsageError
from .items import Item
from .messages import message

GAP_COLUMNS = {
    "current_activities": "activities",
    "current_referential": "referential",
    "current_valid_until": "valid_until",
}
DELIMITERS = (";", ",", "\t")


def input_columns(catalogue: Catalogue) -> list[str]:
    return ["id", *catalogue.question_order, "as_of", *GAP_COLUMNS]


def sniff_delimiter(header_line: str) -> str:
    """The delimiter is the one the header uses most (question ids contain none of them)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=counts.__getitem__)
    return best if counts[best] else ","


class CsvCodec:
    """Turns rows into items and entries into rows, for one header; small and picklable (sent to workers)."""

    def __init__(
        self,
        columns: list[str],
        question_types: dict[str, str],
        delimiter: str,
        lang: str,
        limits: CsvLimits = CsvLimits(),  # noqa: B008 - frozen, so sharing the default is safe
    ):
        self.columns = columns
        self.question_types = question_types
        self.delimiter = delimiter
        self.lang = lang
        self.limits = limits
        # What each column holds, worked out once: the per-row loop is the CLI's hot path.
        self.kinds = [(column, _kind(column, question_types)) for column in columns]

    @classmethod
    def from_header(
        cls,
        header_line: str,
        catalogue: Catalogue,
        lang: str,
        limits: CsvLimits = CsvLimits(),  # noqa: B008 - frozen
    ) -> CsvCodec:
        """Check the header; `UsageError` names unknown or duplicate columns, with the allowed ones."""
        delimiter = sniff_delimiter(header_line)
        try:
            cells = next(csv.reader([header_line.lstrip("\ufeff")], delimiter=delimiter))
        except (csv.Error, StopIteration) as error:
            text = message(lang, "bad_header", detail=error or "empty")
            raise UsageError(text, {"header": {"message": text}}) from None
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
        return cls(columns, dict(catalogue.question_types), delimiter, lang, limits)

    def item(self, cells: list[str] | UnreadableRow) -> Item:
        """One row as an item; cells that cannot be read become the item's errors."""
        item = Item(id=None, answers={})
        if isinstance(cells, UnreadableRow):
            limit = self.limits.row_chars
            item.error("row", self.lang, cells.key, line=cells.line, limit=limit, detail=cells.detail, last=cells.last)
            return item
        held: dict[str, Any] = {}
        if len(cells) > len(self.columns):
            item.error("row", self.lang, "extra_cells")
        for (column, kind), cell in zip(self.kinds, cells, strict=False):
            text = cell.strip()
            if not text:
                continue  # empty = unanswered
            if len(text) > self.limits.cell_chars:
                item.error(_field(column, kind), self.lang, "cell_too_long", limit=self.limits.cell_chars)
                continue
            if kind == "boolean":
                value = BOOLEAN_WORDS.get(text.lower())
                if value is None:
                    item.error(f"answers.{column}", self.lang, "not_boolean", allowed=BOOLEAN_SPELLINGS)
                    item.given[f"answers.{column}"] = text
                else:
                    item.answers[column] = value
            elif kind == "choice":  # the engine checks the value against the choices and names them
                item.answers[column] = text.lower()
                item.given[f"answers.{column}"] = text
            elif kind == "id":
                item.id = text
            elif kind == "as_of":
                item.as_of = text
                item.given["as_of"] = text
            elif kind == "gap":
                self._gap_cell(item, held, GAP_COLUMNS[column], text)
            else:
                item.error("row", self.lang, "unnamed_cell")
        if item.id is None and "id" not in item.errors:
            item.error("id", self.lang, "id_required")
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

    def rows(self, lines: Iterable[str]) -> Iterator[list[str] | UnreadableRow]:
        """The data rows after the header; rows whose cells are all empty (spreadsheet leftovers) are skipped.

        A line longer than the limit, or a quote that does not close properly, is an `UnreadableRow` (that row's
        error) and reading goes on: see `csv_rows` for how far a quoted cell may run.
        """
        source = RowLines(lines, self.limits.row_chars, self.delimiter, lines_before=1)
        return read_rows(source, partial(message, self.lang))

    def render(self, entries: Iterable[dict[str, Any]], header: bool = False) -> str:
        """Output rows in the input's delimiter (see `csv_output`)."""
        return render_rows(entries, self.delimiter, self.lang, header)


def duplicated(columns: list[str]) -> list[str]:
    """The non-empty columns named more than once, sorted; in one pass, whatever the header's length."""
    counts = Counter(column for column in columns if column)
    return sorted(column for column, count in counts.items() if count > 1)


def _names(columns: list[str]) -> str:
    """Column names for a message: the first `MAX_LISTED_ERRORS`, then how many more."""
    shown = ", ".join(columns[:MAX_LISTED_ERRORS])
    return shown + (f" (+{len(columns) - MAX_LISTED_ERRORS})" if len(columns) > MAX_LISTED_ERRORS else "")


def _field(column: str, kind: str) -> str:
    """A column's field name in errors, as the engine names it (`csv_output.column_of` turns it back)."""
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


def checked_header(text: Any, limits: CsvLimits, lang: str) -> str:
    """The header line of `text`; `UsageError` when it is empty or longer than the line limit."""
    header = read_header(text, limits)
    if header is None:
        detail = message(lang, "header_too_long", limit=limits.row_chars)
        text = message(lang, "bad_header", detail=detail)
        raise UsageError(text, {"header": {"message": text, "limit": limits.row_chars}})
    if not header.strip():
        text = message(lang, "bad_header", detail="empty")
        raise UsageError(text, {"header": {"message": text}})
    return header


def read_csv_items(
    text: str | bytes,
    catalogue: Catalogue,
    lang: str,
    limits: CsvLimits = CsvLimits(),  # noqa: B008 - frozen
    max_items: int | None = None,
) -> tuple[CsvCodec, list[Item]]:
    """A whole CSV (an HTTP body: bytes, decoded as UTF-8 as it is read) as items. `UsageError` for a bad
    header, `TooManyRows` as soon as there are more than `max_items` rows (the rest is not read),
    `UnicodeDecodeError` for bytes that are not UTF-8."""
    lines = text_lines(text)
    codec = CsvCodec.from_header(checked_header(lines, limits, lang), catalogue, lang, limits)
    rows = codec.rows(lines)
    if max_items is not None:
        rows = islice(rows, max_items + 1)
    items = [codec.item(cells) for cells in rows]
    if max_items is not None and len(items) > max_items:
        raise TooManyRows(max_items)
    return codec, items


class TooManyRows(Exception):
    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def text_lines(text: str | bytes) -> io.TextIOBase:
    """Lines as `newline=""` files give them (`\r\n`, `\n` or `\r` kept), BOM dropped. Bytes are decoded a
    few kilobytes at a time: no copy of the whole body (`io.StringIO` would keep four bytes a character)."""
    if isinstance(text, bytes):
        return io.TextIOWrapper(io.BytesIO(text), encoding="utf-8-sig", newline="")
    return io.StringIO(text.lstrip("\ufeff"), newline="")
