"""JSON lines: one request object per line in, one entry per line out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .items import Item, item_from_json


class JsonLinesCodec:
    """Lines into items and entries into lines; a line that is not JSON is that item's error."""

    def __init__(self, lang: str):
        self.lang = lang

    def rows(self, lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            if line.strip():
                yield line

    def item(self, line: str) -> Item:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            item = Item(id=None)
            item.error("item", self.lang, "malformed_json", detail=f"{error.msg} (column {error.colno})")
            return item
        return item_from_json(obj, self.lang)

    def render(self, entries: Iterable[dict[str, Any]], header: bool = False) -> str:
        return "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)
