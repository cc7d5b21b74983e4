"""One reader and one writer per format, the same for HTTP and the command line: any input format can be
written out in any output format.

Readers give an `Input` (raw rows and a decoder that makes each an item); writers take entries, chunk by chunk.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from ..runner import BatchOptions
from .base import Input, Writer
from .csv_format import CsvWriter
from .json_format import JsonDocumentWriter
from .jsonl_format import JsonLinesWriter
from .shapes import BatchShape
from .xlsx_reader import MEDIA_TYPE
from .xlsx_writer import XlsxWriter

FORMATS = ("csv", "jsonl", "json", "xlsx")
# Formats whose output is a table: one row per entry, the codes of its result (`summary` detail).
TABLES = frozenset({"csv", "xlsx"})
EXTENSIONS = {
    ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json", ".xlsx": "xlsx",
}  # fmt: skip
XLSX = MEDIA_TYPE
MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson", "json": "application/json", "xlsx": XLSX}


def make_writer(output_format: str, out: BinaryIO, source: Input, shape: Any) -> Writer:
    """The writer of `output_format`, keeping what it can of the input's own form (a CSV's delimiter, a BOM).
    `shape`: how outcomes look (`BatchShape`, or the `BatchOptions` it is made of; the impact report's own)."""
    if isinstance(shape, BatchOptions):
        shape = BatchShape(shape)
    if output_format == "csv":
        return CsvWriter(out, shape.columns(source.carried), source.delimiter or ",", source.bom)
    if output_format == "xlsx":
        return XlsxWriter(out, shape.columns(source.carried), shape.sheet_name)
    if output_format == "jsonl":
        return JsonLinesWriter(out, shape)
    if output_format == "json":
        return JsonDocumentWriter(out, shape)
    raise ValueError(f"unknown output format {output_format!r}")


__all__ = ["EXTENSIONS", "FORMATS", "MEDIA_TYPES", "TABLES", "XLSX", "Input", "Writer", "make_writer"]
