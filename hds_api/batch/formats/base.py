"""What every format offers: an `Input` (raw rows, and a picklable decoder that makes each an item) and a
`Writer` (a picklable encoder that turns entries into the format's bytes, and the writing around them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

from ..items import Item


class RowDecoder(Protocol):
    """Raw row -> item; runs in worker processes too, so it is small and picklable."""

    def item(self, row: Any) -> Item: ...


class Encoder(Protocol):
    """Entries -> what `Writer.write` takes; runs in worker processes too, so it is small and picklable."""

    def __call__(self, entries: list[dict[str, Any]]) -> Any: ...


@dataclass(slots=True)
class Input:
    """An input whose start (header, format) has been read and checked: its rows are read as they are asked for."""

    format: str  # a name of `formats.FORMATS`
    rows: Iterator[Any]
    decoder: RowDecoder
    delimiter: str | None = None  # a CSV's, which a CSV output keeps
    bom: bool = False  # a UTF-8 BOM came first: a text output gets one too
    passed_through: list[str] = field(default_factory=list)  # input columns carried through unchanged
    # What a table output repeats of the input, in order: `(header, key)` (`RowDecoder.carried`).
    carried: list[tuple[str, str]] = field(default_factory=lambda: [("id", "id")])


class Writer:
    """Writes a batch's output to a binary stream: `begin()`, `write(encoder(entries))` chunk after chunk, in
    order, then `end(summary)`."""

    encoder: Encoder

    def __init__(self, out: BinaryIO):
        self.out = out

    def begin(self) -> None:
        """Whatever comes before the first entry (a header row)."""

    def write(self, payload: Any) -> None:
        self.out.write(payload)

    def end(self, summary: dict[str, Any]) -> None:
        """Whatever comes after the last entry (the summary of a JSON document, a spreadsheet's closing parts)."""


class TooManyRows(Exception):
    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit
