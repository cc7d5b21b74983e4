"""Single cells of a table: reading what spreadsheet users type, and writing cells a spreadsheet will not run."""

from __future__ import annotations

import re
from typing import Any

# Spelled as people type them, in any case. VRAI/FAUX: what French Excel and LibreOffice export for booleans.
BOOLEAN_WORDS = {
    "true": True, "yes": True, "oui": True, "1": True, "vrai": True,
    "false": False, "no": False, "non": False, "0": False, "faux": False,
}  # fmt: skip
BOOLEAN_SPELLINGS = ["true", "false", "yes", "no", "oui", "non", "1", "0"]
LIST_SEPARATORS = re.compile(r"[;,\s]+")
# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The same after a line break inside a cell: a reader that splits lines before it splits cells would see a row
# starting there.
FORMULA_AFTER_LINE_BREAK = re.compile(r"(?<=[\r\n])(?=[=+\-@\t])")


def parse_numbers(text: str) -> list[int] | None:
    """`4;5;6` (or `4,5,6`, `4 5 6`) as numbers; None when a part is not a whole number."""
    parts = [part for part in LIST_SEPARATORS.split(text) if part]
    if not all(part.isascii() and part.isdigit() for part in parts):
        return None
    return [int(part) for part in parts]


def format_cell(value: Any) -> str:
    """A JSON value as a cell: booleans in lower case, null empty, lists joined with `;`."""
    kind = type(value)
    if kind is str:
        return value
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is list:
        return ";".join([part if type(part) is str else format_cell(part) for part in value])
    if kind is dict:
        # {"managed_services_host": [5, 6]} -> `managed_services_host:5,6`, entries joined with `;`.
        return ";".join(f"{key}:{','.join(format_cell(part) for part in parts)}" for key, parts in value.items())
    return str(value)


def neutralise(cell: str) -> str:
    """Prefix a would-be formula with `'`, which spreadsheets show as text and do not keep in the value; the
    same after every line break in the cell."""
    if "\r" in cell or "\n" in cell:
        cell = FORMULA_AFTER_LINE_BREAK.sub("'", cell)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
