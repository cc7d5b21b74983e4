"""A JSON batch document: `{"items": [...]}` in (the envelope checked by the caller: HTTP validates it with its
schema), `{"results": [...], "summary": {...}}` out."""

from __future__ import annotations

from typing import Any, BinaryIO

from ..items import Item, item_from_json
from .base import Input, Writer
from .json_values import EntryEncoder, dumps


class JsonItemDecoder:
    def __init__(self, lang: str):
        self.lang = lang

    def item(self, obj: Any) -> Item:
        return item_from_json(obj, self.lang)


def read_json_items(items: list[Any], lang: str) -> Input:
    """The items of a parsed batch document."""
    return Input("json", iter(items), JsonItemDecoder(lang))


class JsonDocumentWriter(Writer):
    """`{"results": [entries in order], "summary": {...}}`, written as the entries come."""

    def __init__(self, out: BinaryIO, shape: Any):
        super().__init__(out)
        self.encoder = EntryEncoder(shape, b",")  # a comma after every entry: the last one is taken back

    def begin(self) -> None:
        self.out.write(b'{"results":[')
        self.pending = b""

    def write(self, payload: bytes) -> None:
        if payload:
            self.out.write(self.pending + payload[:-1])
            self.pending = b","

    def end(self, summary: dict[str, Any]) -> None:
        self.out.write(b'],"summary":' + dumps(summary) + b"}")
