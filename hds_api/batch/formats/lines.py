"""Reading text line by line within bounds, for CSV and JSON lines alike: no line can cost unbounded memory or
time; a line beyond the bound is that row's error, and the lines after it are still read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DISCARD_CHUNK = 64 * 1024  # the rest of an overlong line is read, and dropped, this much at a time


@dataclass(frozen=True, slots=True)
class RowLimits:
    """`HDS_CSV_MAX_ROW_CHARS` (a line, a JSON line, a spreadsheet row) and `HDS_CSV_MAX_CELL_CHARS` (a cell)."""

    row_chars: int = 64 * 1024
    cell_chars: int = 4096

    @classmethod
    def from_config(cls, config: Any) -> RowLimits:
        return cls(config["CSV_MAX_ROW_CHARS"], config["CSV_MAX_CELL_CHARS"])


@dataclass(frozen=True, slots=True)
class UnreadableRow:
    """Stands for a row that could not be read (sent to workers in place of its cells, so picklable)."""

    line: int
    key: str  # a message key of `messages`
    detail: str = ""
    last: int = 0  # the last line a broken quote would have taken in


class LineTooLong(Exception):
    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


class BoundedLines:
    """The physical lines of a text, each at most `limit` characters (line break aside); reading a longer one
    drops it, piece by piece, and raises `LineTooLong` — after which iteration goes on with the next line."""

    def __init__(self, source: Any, limit: int, lines_before: int = 0):
        readline = getattr(source, "readline", None)
        if readline is None:  # lines already in memory (tests): one a read, not bounded
            lines = iter(source)

            def readline(size: int) -> str:
                return next(lines, "")

        self._read = readline
        self.limit = limit
        self.line = lines_before  # the number of the last line read (the header, already read, is line 1)

    def __iter__(self) -> BoundedLines:
        return self

    def __next__(self) -> str:
        line = self._read(self.limit + 2)  # room for the line's own \r\n
        if not line:
            raise StopIteration
        self.line += 1
        if len(line) > self.limit and len(line.rstrip("\r\n")) > self.limit:
            self.drop(line)
        return line

    def drop(self, line: str) -> None:
        """Read the rest of a line too long, and drop it all."""
        while line and not line.endswith(("\n", "\r")):
            line = self._read(DISCARD_CHUNK)
        raise LineTooLong(self.line)


def first_line(text: Any, limits: RowLimits) -> str | None:
    """The first line (a CSV's header), or None when it is longer than the line limit."""
    lines = BoundedLines(text, limits.row_chars)
    try:
        return next(lines, "")
    except LineTooLong:
        return None
