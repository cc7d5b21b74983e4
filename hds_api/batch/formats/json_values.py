"""JSON encoding of every answer and entry: orjson (keys in order, UTF-8 text), the standard library for what orjson
refuses (a key that is not a string, an integer wider than 64 bits), so encoding never fails."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import orjson


def _default(value: Any) -> Any:
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(value: Any) -> bytes:
    """One JSON value as UTF-8 bytes; an integer wider than 64 bits (an id a caller sent) falls back on `json`."""
    try:
        return orjson.dumps(value, default=_default)
    except TypeError:
        return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":")).encode()


class EntryEncoder:
    """Outcomes -> their entries as JSON (as `shape.entry` makes them; None: left out), `separator` after
    each; picklable."""

    def __init__(self, shape: Any, separator: bytes):
        self.shape = shape
        self.separator = separator

    def __call__(self, outcomes: list[Any]) -> bytes:
        entry, separator = self.shape.entry, self.separator
        return b"".join([dumps(shaped) + separator for shaped in map(entry, outcomes) if shaped is not None])
