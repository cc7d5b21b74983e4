"""CSV text into rows of cells, where a quote that does not close properly can never hide the rows after it.

A quoted cell may hold line breaks, so a row may span several lines; but a row — its line breaks included — holds
at most `HDS_CSV_MAX_ROW_CHARS` characters, and a quoted cell ends with a quote followed by the delimiter or the
end of its line (the csv module's `strict` mode). A quote that breaks either rule, or is still open at the end
of the file, was most likely a stray one (`"ACME,true`): its row is an error naming its line and the lines it
would have swallowed, and those lines are read again, each on its own (a quote on them must close on the same
line). Every line is so read at most twice.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from .lines import BoundedLines, LineTooLong, UnreadableRow

# How the csv module words its strict errors (`_csv.c`): a quote still open when the input ends, and text after
# a closing quote.
END_OF_DATA = "unexpected end of data"
TEXT_AFTER_QUOTE = "expected after"


class RowTooLong(Exception):
    """The row being read has grown past the limit without its quoted cell closing."""


class RowLines(BoundedLines):
    """The lines handed to `csv.reader`, those of the row being read kept in `taken`, so that a broken row's
    lines can be read again; `None` stands for a line too long to be read at all. Whoever reads a row empties
    `taken` first."""

    def __init__(self, source: Any, limit: int, delimiter: str, lines_before: int = 0):
        super().__init__(source, limit, lines_before)
        self.delimiter = delimiter
        self.blank = " \t\r\n" + delimiter  # a line of these only is a row of empty cells
        self.taken: list[tuple[int, str | None]] = []  # (line number, text) of the row being read
        self.chars = 0  # in the row being read, once it spans lines
        self.at_end = False

    def __next__(self) -> str:
        # `BoundedLines.__next__`, inlined (this runs once a line), plus what a row needs.
        taken = self.taken
        text = self._read(self.limit + 2)
        while not taken and text and not text.strip(self.blank):  # rows of empty cells: skipped without csv
            self.line += 1
            text = self._read(self.limit + 2)
        if not text:
            self.at_end = True
            raise StopIteration
        self.line += 1
        if len(text) > self.limit and len(text.rstrip("\r\n")) > self.limit:
            taken.append((self.line, None))
            self.drop(text)
        taken.append((self.line, text))
        if len(taken) == 1:  # a single line is bounded as a line
            self.chars = len(text)
            return text
        self.chars += len(text)
        if self.chars - len(text) + len(text.rstrip("\r\n")) > self.limit:
            raise RowTooLong
        return text


def read_rows(source: RowLines, messages: Any) -> Iterator[list[str] | UnreadableRow]:
    """Rows of cells, or `UnreadableRow` for a row that cannot be read; `messages(key, **details)` words the
    details of a broken quote. Rows whose cells are all empty (spreadsheet leftovers) are skipped."""
    reader = csv.reader(source, delimiter=source.delimiter, strict=True)
    taken = source.taken
    while True:
        taken.clear()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (LineTooLong, RowTooLong, csv.Error) as error:
            yield from _broken_row(source, error, messages)
            continue
        if "".join(cells).strip():
            yield cells


def _broken_row(source: RowLines, error: Exception, messages: Any) -> Iterator[list[str] | UnreadableRow]:
    (first, _), *swallowed = list(source.taken)
    if not swallowed:  # one line: it alone is wrong
        if isinstance(error, LineTooLong):
            yield UnreadableRow(first, "row_too_long")
        else:
            yield UnreadableRow(first, "row_unreadable", _single_line_reason(error, messages))
        return
    last = swallowed[-1][0]
    if isinstance(error, RowTooLong | LineTooLong):
        reason = messages("quote_too_long", limit=source.limit)
    elif source.at_end:
        reason = messages("end_of_file")
    else:
        reason = messages("bad_quote", line=last, detail=_csv_reason(error, messages))
    yield UnreadableRow(first, "quote_not_closed", reason, last)
    for number, text in swallowed:
        row = _single_line_row(number, text, source.delimiter, messages)
        if row is not None:
            yield row


def _single_line_row(number: int, text: str | None, delimiter: str, messages: Any) -> list[str] | UnreadableRow | None:
    """A swallowed line read on its own: its cells, its error, or None for a line of empty cells."""
    if text is None:
        return UnreadableRow(number, "row_too_long")
    try:
        cells = next(csv.reader([text], delimiter=delimiter, strict=True), [])
    except csv.Error as error:
        return UnreadableRow(number, "row_unreadable", _single_line_reason(error, messages))
    return cells if "".join(cells).strip() else None


def _single_line_reason(error: Exception, messages: Any) -> str:
    """Why one line alone cannot be read: its quote stays open (read alone, or at the end of the file)."""
    return messages("quote_open_at_line_end") if END_OF_DATA in str(error) else _csv_reason(error, messages)


def _csv_reason(error: Exception, messages: Any) -> str:
    """The csv module's reason, in the reader's language where it is a usual one."""
    return messages("text_after_quote") if TEXT_AFTER_QUOTE in str(error) else str(error)
