"""One reader and one writer per format, the same for HTTP and the command line: any input format can be
written out in any output format.

Readers give an `Input` (raw rows and a decoder that makes each an item); writers take entries, chunk by chunk.
"""

from __future__ import annotations

from typing import BinaryIO

from ..runner import BatchOptions
from .base import Input, Writer
from .csv_format import CsvWriter
from .json_format import JsonDocumentWriter
from .jsonl_format import JsonLinesWriter
from .table_output import TableColumns

FORMATS = ("csv", "jsonl", "json")
# Formats whose output is a table: one row per entry, the codes of its result (`summary` detail).
TABLES = frozenset({"csv"})
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json"}
MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson", "json": "application/json"}


def make_writer(output_format: str, out: BinaryIO, source: Input, options: BatchOptions) -> Writer:
    """The writer of `output_format`, keeping what it can of the input's own form (a CSV's delimiter, a BOM)."""
    if output_format == "csv":
        return CsvWriter(out, TableColumns(options.lang), source.delimiter or ",", source.bom)
    if output_format == "jsonl":
        return JsonLinesWriter(out, options.detail)
    if output_format == "json":
        return JsonDocumentWriter(out, options.detail)
    raise ValueError(f"unknown output format {output_format!r}")


__all__ = ["EXTENSIONS", "FORMATS", "MEDIA_TYPES", "TABLES", "Input", "Writer", "make_writer"]
