"""CSV in and out (CONTRACT.md section 6): the header sniffed and checked, rows read safely (`csv_rows`), results
written safe to open in a spreadsheet.

Output rows end with CRLF, as RFC 4180 says: the csv module then quotes every cell holding a carriage return or
a line feed (with LF endings it leaves a lone CR bare, and a spreadsheet starts a new row there).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from ...i18n import DEFAULT_LANGUAGE
from ...rules.compiled import Catalogue
from ..errors import UsageError
from ..items import Item
from ..messages import message
from .base import Input, Writer
from .cells import format_cell, neutralise
from .csv_rows import RowLines, read_rows
from .encoding import text_stream
from .lines import RowLimits, UnreadableRow, first_line
from .table import RowDecoder
from .table_output import TableColumns

DELIMITERS = (";", ",", "\t")
BOM = "\ufeff"


def sniff_delimiter(header_line: str) -> str:
    """The delimiter is the one the header uses most (question ids contain none of them)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=counts.__getitem__)
    return best if counts[best] else ","


def text_lines(text: str | bytes) -> io.TextIOBase:
    """Lines as `newline=""` files give them (`\r\n`, `\n` or `\r` kept), BOM dropped. Bytes are decoded a
    few kilobytes at a time: no copy of the whole body (`io.StringIO` would keep four bytes a character)."""
    if isinstance(text, bytes):
        return text_stream(io.BytesIO(text), "utf-8")
    return io.StringIO(text.lstrip(BOM), newline="")


def data_rows(lines: Any, decoder: RowDecoder, delimiter: str) -> Iterator[list[str] | UnreadableRow]:
    """The data rows after the header; rows whose cells are all empty (spreadsheet leftovers) are skipped.

    A line longer than the limit, or a quote that does not close properly, is an `UnreadableRow` (that row's
    error) and reading goes on: see `csv_rows` for how far a quoted cell may run.
    """
    source = RowLines(lines, decoder.limits.row_chars, delimiter, lines_before=1)
    return read_rows(source, partial(message, decoder.lang))


def checked_header(lines: Any, limits: RowLimits, lang: str) -> str:
    """The header line; `UsageError` when it is empty or longer than the line limit."""
    header = first_line(lines, limits)
    if header is None:
        detail = message(lang, "header_too_long", limit=limits.row_chars)
        text = message(lang, "bad_header", detail=detail)
        raise UsageError(text, {"header": {"message": text, "limit": limits.row_chars}})
    if not header.strip():
        text = message(lang, "bad_header", detail="empty")
        raise UsageError(text, {"header": {"message": text}})
    return header


def header_cells(header_line: str, delimiter: str, lang: str) -> list[str]:
    try:
        return next(csv.reader([header_line.lstrip(BOM)], delimiter=delimiter))
    except (csv.Error, StopIteration) as error:
        text = message(lang, "bad_header", detail=error or "empty")
        raise UsageError(text, {"header": {"message": text}}) from None


def read_csv(
    lines: Any,
    catalogue: Catalogue,
    lang: str,
    limits: RowLimits = RowLimits(),  # noqa: B008 - frozen
    bom: bool = False,
) -> Input:
    """A CSV whose header is read and checked (`UsageError` otherwise); its rows are read when asked for.
    `lines`: a text stream opened with `newline=""`."""
    header = checked_header(lines, limits, lang)
    delimiter = sniff_delimiter(header)
    decoder = RowDecoder.from_header(header_cells(header, delimiter, lang), catalogue, lang, limits)
    return Input(
        "csv", data_rows(lines, decoder, delimiter), decoder, delimiter, bom, decoder.passed_through, decoder.carried
    )  # fmt: skip


def read_csv_items(
    text: str | bytes,
    catalogue: Catalogue,
    lang: str,
    limits: RowLimits = RowLimits(),  # noqa: B008 - frozen
) -> tuple[Input, list[Item]]:
    """A whole CSV (text, or UTF-8 bytes) as items at once: for tests and small inputs."""
    source = read_csv(text_lines(text), catalogue, lang, limits)
    return source, [source.decoder.item(row) for row in source.rows]


class CsvEncoder:
    """Entries -> CSV rows as UTF-8 bytes; no cell starts a formula."""

    def __init__(self, columns: TableColumns, delimiter: str):
        self.columns = columns
        self.delimiter = delimiter

    def text(self, rows: list[list[str]]) -> str:
        out = io.StringIO()
        csv.writer(out, delimiter=self.delimiter, lineterminator="\r\n").writerows(rows)
        return out.getvalue()

    def __call__(self, outcomes: list[Any]) -> bytes:
        cells, free_text = self.columns.cells, self.columns.free_text
        rows = []
        for outcome in outcomes:
            row = cells(outcome)
            if row is None:  # left out (an impact report's unchanged rows)
                continue
            for index in free_text:
                row[index] = neutralise(format_cell(row[index]))
            rows.append(row)
        return self.text(rows).encode()


class CsvWriter(Writer):
    """The header row, then the entries' rows; a BOM first when asked (the input had one: Excel needs it to read
    UTF-8)."""

    def __init__(self, out: BinaryIO, columns: TableColumns, delimiter: str = ",", bom: bool = False):
        super().__init__(out)
        self.encoder = CsvEncoder(columns, delimiter)
        self.bom = bom

    def begin(self) -> None:
        header = self.encoder.text([[neutralise(name) for name in self.encoder.columns.names]])
        self.out.write(((BOM if self.bom else "") + header).encode())


def render_csv(outcomes: list[Any], delimiter: str = ",", lang: str = DEFAULT_LANGUAGE, header: bool = True) -> str:
    """Outcomes as CSV text at once (the header row first, if asked): for tests and small outputs."""
    out = io.BytesIO()
    writer = CsvWriter(out, TableColumns(lang), delimiter)
    if header:
        writer.begin()
    writer.write(writer.encoder(outcomes))
    return out.getvalue().decode()
