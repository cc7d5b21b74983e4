"""Regular expressions of the spec that depend on the loaded rules: dates from the first legal date on, and the
header of a CSV batch."""

from __future__ import annotations

import re
from datetime import date


def _at_least(number: str) -> str:
    """A regex matching the digit strings of `number`'s width that are >= `number`."""
    options = [number]
    for index, digit in enumerate(number):
        if digit != "9":
            rest = len(number) - index - 1
            options.append(f"{number[:index]}[{int(digit) + 1}-9]" + r"\d" * rest)
    return "(?:" + "|".join(options) + ")"


def dates_from_pattern(start: date) -> str:
    """A regex of the YYYY-MM-DD dates from `start` on (`format: date` rules out impossible days)."""
    year, month, day = start.isoformat().split("-")
    later_year = _at_least(str(int(year) + 1))
    later_month = _at_least(f"{int(month) + 1:02d}") if month != "12" else None
    options = [rf"{later_year}-\d\d-\d\d", rf"{year}-{month}-{_at_least(day)}"]
    if later_month:
        options.insert(1, rf"{year}-{later_month}-\d\d")
    return "^(?:" + "|".join(options) + ")$"


def csv_pattern(columns: list[str], delimiters: tuple[str, ...] = (",", ";")) -> str:
    """A CSV batch: an optional BOM, a header of known columns — `id` first here, then the others in their
    order, each at most once (any order is accepted; a pattern cannot say "each at most once" otherwise) — then
    rows of anything (a row the reader cannot use is that row's error, not the batch's)."""
    first, *others = (re.escape(column) for column in columns)
    headers = [first + "".join(f"(?:{re.escape(d)}{column})?" for column in others) for d in delimiters]
    return r"^\ufeff?(?:" + "|".join(headers) + r")(?:\r?\n[^\r\n]*)*$"
