"""Inputs held whole in memory (an HTTP request's body): the format's reader, the encoding asked for, and the
bound on the number of items, counted as rows are read (the rows past the bound are never read)."""

from __future__ import annotations

import io
from itertools import islice
from typing import Any

from ...rules.compiled import Catalogue
from ..errors import UsageError
from ..messages import message
from .base import Input, TooManyRows
from .csv_format import read_csv
from .encoding import UnsupportedCharset, bom_wanted, codec_of, locate_in_bytes, text_stream
from .lines import RowLimits
from .xlsx_reader import MEDIA_TYPE, ZIP_MAGIC, read_xlsx


def read_table_body(
    body: bytes,
    input_format: str,
    charset: str | None,
    catalogue: Catalogue,
    lang: str,
    limits: RowLimits,
    max_items: int,
) -> Input:
    """A CSV or XLSX body (`charset`: a CSV's media type parameter) with its rows read, `max_items` at most.

    Raises `UsageError` (a bad header), `UnsupportedCharset`, `UndecodableInput` (naming the line and the byte),
    `TooManyRows`."""
    if input_format == "xlsx":
        return _counted(read_xlsx(io.BytesIO(body), catalogue, lang, limits), max_items)
    if body.startswith(ZIP_MAGIC):  # a workbook sent as CSV would otherwise be "not UTF-8"
        text = message(lang, "workbook_as_csv", media_type=MEDIA_TYPE)
        raise UsageError(text, {"body": {"message": text}})
    codec = codec_of(charset)
    if codec is None:
        raise UnsupportedCharset(charset, lang)
    try:
        source = read_csv(text_stream(io.BytesIO(body), codec), catalogue, lang, limits)
        rows = list(islice(source.rows, max_items + 1))
    except UnicodeDecodeError:
        raise locate_in_bytes(body, codec).error(lang) from None
    _counted(source, max_items, rows)
    source.bom = bom_wanted(body, codec)
    return source


def _counted(source: Input, max_items: int, rows: list[Any] | None = None) -> Input:
    """The input with its rows in memory, `TooManyRows` past `max_items` (the rest never read)."""
    if rows is None:
        rows = list(islice(source.rows, max_items + 1))
    if len(rows) > max_items:
        raise TooManyRows(max_items)
    source.rows = iter(rows)
    return source
