"""JSON lines: one request object per line in, one entry per line out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..items import Item, item_from_json
from .base import Input, Writer
from .json_values import EntryEncoder
from .lines import BoundedLines, LineTooLong, RowLimits, UnreadableRow


class JsonLineDecoder:
    """A line into an item; a line that is not JSON, or longer than the line limit (`HDS_CSV_MAX_ROW_CHARS`, as
    for CSV), is that item's error."""

    def __init__(self, lang: str, limits: RowLimits = RowLimits()):  # noqa: B008 - frozen
        self.lang = lang
        self.limits = limits

    def item(self, line: str | UnreadableRow) -> Item:
        if isinstance(line, UnreadableRow):
            item = Item(id=None)
            item.error("item", self.lang, line.key, line=line.line, limit=self.limits.row_chars)
            return item
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            item = Item(id=None)
            item.error("item", self.lang, "malformed_json", detail=f"{error.msg} (column {error.colno})")
            return item
        except RecursionError:  # `json` recurses: a line nested a thousand deep would stop the whole file
            item = Item(id=None)
            item.error("item", self.lang, "malformed_json", detail="nested too deep")
            return item
        return item_from_json(obj, self.lang)


def json_lines(lines: Any, limit: int) -> Iterator[str | UnreadableRow]:
    """The non-blank lines, each within the limit (or an `UnreadableRow` in its place)."""
    bounded = BoundedLines(lines, limit)
    while True:
        try:
            line = next(bounded)
        except StopIteration:
            return
        except LineTooLong as error:
            yield UnreadableRow(error.line, "row_too_long")
            continue
        if line.strip():
            yield line


def read_json_lines(lines: Any, lang: str, limits: RowLimits = RowLimits(), bom: bool = False) -> Input:  # noqa: B008
    """`lines`: a text stream (or lines in memory)."""
    return Input("jsonl", json_lines(lines, limits.row_chars), JsonLineDecoder(lang, limits), bom=bom)


class JsonLinesWriter(Writer):
    """One entry a line."""

    def __init__(self, out: BinaryIO, shape: Any):
        super().__init__(out)
        self.encoder = EntryEncoder(shape, b"\n")
