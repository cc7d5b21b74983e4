"""The CSV of CONTRACT.md section 6, read: the header, then rows into items (writing is `csv_output`).

Forgiving where a spreadsheet user expects it (BOM, `;` or `,`, boolean spellings, spaces, empty cells),
strict where a mistake could change a legal outcome (an unknown value is the row's error, never a guess).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from ..trees.compiled import Catalogue
from .csv_cells import BOOLEAN_SPELLINGS, BOOLEAN_WORDS, parse_numbers
from .csv_output import render_rows
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

    def __init__(self, columns: list[str], question_types: dict[str, str], delimiter: str, lang: str):
        self.columns = columns
        self.question_types = question_types
        self.delimiter = delimiter
        self.lang = lang
        # What each column holds, worked out once: the per-row loop is the CLI's hot path.
        self.kinds = [(column, _kind(column, question_types)) for column in columns]

    @classmethod
    def from_header(cls, header_line: str, catalogue: Catalogue, lang: str) -> CsvCodec:
        """Check the header; `UsageError` names unknown or duplicate columns, with the allowed ones."""
        delimiter = sniff_delimiter(header_line)
        try:
            cells = next(csv.reader([header_line.lstrip("\ufeff")], delimiter=delimiter))
        except (csv.Error, StopIteration) as error:
            text = message(lang, "bad_header", detail=error or "empty")
            raise UsageError(text, {"header": {"message": text}}) from None
        columns = [cell.strip().lower() for cell in cells]
        allowed = input_columns(catalogue)
        unknown = [column for column in columns if column and column not in allowed]
        if unknown:
            errors = {column: {"message": message(lang, "unknown_field"), "allowed": allowed} for column in unknown}
            raise UsageError(message(lang, "unknown_columns", columns=", ".join(unknown)), errors)
        duplicates = sorted({column for column in columns if column and columns.count(column) > 1})
        if duplicates:
            text = message(lang, "duplicate_columns", columns=", ".join(duplicates))
            raise UsageError(text, {column: {"message": text} for column in duplicates})
        if "id" not in columns:
            text = message(lang, "missing_id_column")
            raise UsageError(text, {"id": {"message": text}})
        return cls(columns, dict(catalogue.question_types), delimiter, lang)

    def item(self, cells: list[str]) -> Item:
        """One row as an item; cells that cannot be read become the item's errors."""
        item = Item(id=None, answers={})
        held: dict[str, Any] = {}
        if len(cells) > len(self.columns):
            item.error("row", self.lang, "extra_cells")
        for (column, kind), cell in zip(self.kinds, cells, strict=False):
            text = cell.strip()
            if not text:
                continue  # empty = unanswered
            if kind == "boolean":
                value = BOOLEAN_WORDS.get(text.lower())
                if value is None:
                    item.error(f"answers.{column}", self.lang, "not_boolean", allowed=BOOLEAN_SPELLINGS)
                    item.errors[f"answers.{column}"]["value"] = text
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
        if item.id is None:
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

    def rows(self, lines: Iterable[str]) -> Iterator[list[str]]:
        """The data rows after the header; rows whose cells are all empty (spreadsheet leftovers) are skipped."""
        for cells in csv.reader(lines, delimiter=self.delimiter):
            if "".join(cells).strip():
                yield cells

    def render(self, entries: Iterable[dict[str, Any]], header: bool = False) -> str:
        """Output rows in the input's delimiter (see `csv_output`)."""
        return render_rows(entries, self.delimiter, self.lang, header)


def _kind(column: str, question_types: dict[str, str]) -> str:
    if column in question_types:
        return question_types[column]  # "boolean" or "choice"
    if column in GAP_COLUMNS:
        return "gap"
    return column or "unnamed"  # "id", "as_of"


def read_csv_items(text: str, catalogue: Catalogue, lang: str) -> tuple[CsvCodec, list[Item]]:
    """A whole CSV text (an HTTP body) as items; `UsageError` for a bad header."""
    lines = io.StringIO(text.lstrip("\ufeff"), newline="")
    header = lines.readline()
    if not header.strip():
        text = message(lang, "bad_header", detail="empty")
        raise UsageError(text, {"header": {"message": text}})
    codec = CsvCodec.from_header(header, catalogue, lang)
    return codec, [codec.item(cells) for cells in codec.rows(lines)]
