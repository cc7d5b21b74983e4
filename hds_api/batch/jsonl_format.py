"""JSON lines: one request object per line in, one entry per line out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .csv_limits import BoundedLines, CsvLimits, LineTooLong, UnreadableRow
from .items import Item, item_from_json


class JsonLinesCodec:
    """Lines into items and entries into lines; a line that is not JSON, or longer than the line limit
    (`HDS_CSV_MAX_ROW_CHARS`, as for CSV), is that item's error."""

    def __init__(self, lang: str, limits: CsvLimits = CsvLimits()):  # noqa: B008 - frozen
        self.lang = lang
        self.limits = limits

    def rows(self, lines: Iterable[str]) -> Iterator[str | UnreadableRow]:
        bounded = BoundedLines(lines, self.limits.row_chars)
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

    def render(self, entries: Iterable[dict[str, Any]], header: bool = False) -> str:
        return "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)
