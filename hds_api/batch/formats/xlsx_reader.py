"""Spreadsheets (.xlsx) read: the first sheet, row by row, streamed.

The workbook's parts are located as the format says (the first sheet of `xl/workbook.xml`, through its
relationships), shared strings and date styles read once, then the sheet's XML is parsed as it is decompressed
(expat), so that memory does not grow with the sheet. openpyxl's helpers tell date formats and convert Excel's
serial dates; its own reader takes 20 µs a cell, too slow for a batch (README, "Spreadsheets").
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO
from xml.etree import ElementTree
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from ...rules.compiled import Catalogue
from ..errors import UsageError
from ..items import Item
from ..messages import message
from .base import Input
from .cells import format_cell
from .lines import RowLimits, UnreadableRow
from .table import RowDecoder

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_MAGIC = b"PK\x03\x04"  # how a workbook (a zip archive) starts, whatever it is named or sent as
READ_CHUNK = 64 * 1024
MAX_COLUMN = 16_384  # Excel's last column, XFD
# Shared strings are held in memory (the sheet refers to them by number): bounded, so that a small file cannot
# unpack into gigabytes of text.
MAX_SHARED_CHARS = 64 * 1024 * 1024
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Elements that may sit inside a cell besides its value: a formula, rich text and its run properties, phonetic
# guides, a data-type extension. Any other element after a row means the sheet's data has ended.
CELL_PARTS = frozenset(("f", "is", "r", "rPr", "rPh", "phoneticPr", "extLst", "ext"))
ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # a character XML cannot hold, as the format writes it


def _local(tag: str) -> str:
    """`{namespace}name` -> `name`: transitional and strict workbooks name their elements alike."""
    return tag.rsplit("}", 1)[-1]


def text_of(value: Any) -> str:
    """A cell's value as the text a CSV would hold: `true`, `42`, `0.5`, `2026-11-25`."""
    kind = type(value)
    if kind is float:
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if kind is datetime:
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if kind is date:
        return value.isoformat()
    return format_cell(value)  # text, booleans and empty cells as every table writes them


class Workbook:
    """The parts of a workbook that reading its first sheet needs."""

    def __init__(self, archive: zipfile.ZipFile, lang: str):
        self.archive = archive
        self.lang = lang
        workbook = self._xml("xl/workbook.xml")
        sheets = [element for element in workbook.iter() if _local(element.tag) == "sheet"]
        if not sheets:
            raise self.unreadable("no sheet")
        properties = next((e for e in workbook.iter() if _local(e.tag) == "workbookPr"), None)
        date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        targets = self._relationships("xl/_rels/workbook.xml.rels")
        sheet_id = sheets[0].get(f"{{{RELATIONSHIPS}}}id")
        self.sheet_path = targets.get(sheet_id, ("", ""))[1]
        if self.sheet_path not in archive.NameToInfo:
            raise self.unreadable("first sheet missing")
        shared = next((path for kind, path in targets.values() if kind.endswith("/sharedStrings")), None)
        styles = next((path for kind, path in targets.values() if kind.endswith("/styles")), None)
        self.shared_strings = self._shared_strings(shared) if shared in archive.NameToInfo else []
        self.date_styles = self._date_styles(styles) if styles in archive.NameToInfo else frozenset()

    def unreadable(self, detail: str) -> UsageError:
        text = message(self.lang, "bad_spreadsheet", detail=detail)
        return UsageError(text, {"body": {"message": text}})

    def _xml(self, path: str) -> ElementTree.Element:
        try:
            with self.archive.open(path) as part:
                return ElementTree.parse(part).getroot()
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError) as error:
            raise self.unreadable(f"{path}: {error}") from None

    def _relationships(self, path: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, part path in the archive)."""
        found = {}
        for element in self._xml(path).iter():
            if _local(element.tag) == "Relationship":
                target = element.get("Target", "")
                resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                found[element.get("Id")] = (element.get("Type", ""), resolved)
        return found

    def _shared_strings(self, path: str) -> list[str]:
        strings: list[str] = []
        chars = 0
        with self.archive.open(path) as part:
            for _, element in ElementTree.iterparse(part):
                if _local(element.tag) != "si":
                    continue
                text = unescape(_string_text(element))
                chars += len(text)
                if chars > MAX_SHARED_CHARS:
                    raise self.unreadable(f"more than {MAX_SHARED_CHARS} characters of text")
                strings.append(text)
                element.clear()
        return strings

    def _date_styles(self, path: str) -> frozenset[int]:
        """The cell styles whose number format shows a date: their numbers are dates."""
        root = self._xml(path)
        formats = dict(BUILTIN_FORMATS)
        for element in root.iter():
            if _local(element.tag) == "numFmt":
                formats[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
        cell_formats = next((element for element in root if _local(element.tag) == "cellXfs"), None)
        if cell_formats is None:
            return frozenset()
        return frozenset(
            index
            for index, xf in enumerate(child for child in cell_formats if _local(child.tag) == "xf")
            if is_date_format(formats.get(int(xf.get("numFmtId", "0")), ""))
        )


def _string_text(si: ElementTree.Element) -> str:
    """A shared string's text: its `t`, or its rich-text runs' `t`s joined; phonetic guides (`rPh`) left out."""
    parts = []
    for child in si:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(run.text or "" for run in child if _local(run.tag) == "t")
    return "".join(parts)


def _column_index(reference: str) -> int:
    """`B12` -> 2 (letters only; the row number is the row's)."""
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        else:
            break
    return index


class SheetRows:
    """The rows of a sheet as lists of typed values (text, numbers, booleans, dates), parsed as they are read.

    Each row comes with its number in the sheet; an empty row is skipped, a row over the row limit is an
    `UnreadableRow` (and its text is not kept past the limit). The handlers run once per XML element (a
    third of a million for 10,000 rows): they keep their state in closure variables, and names are matched
    as written (a prefix, if the sheet uses one, is taken off once per distinct name)."""

    def __init__(self, workbook: Workbook, limits: RowLimits):
        self.workbook = workbook
        self.row_limit = limits.row_chars

    def __iter__(self) -> Iterator[tuple[int, list[Any] | UnreadableRow]]:
        book = self.workbook
        done: list[tuple[int, list[Any] | UnreadableRow]] = []
        parser, finish = self._parser(done)
        try:
            with book.archive.open(book.sheet_path) as part:
                while chunk := part.read(READ_CHUNK):
                    parser.Parse(chunk, False)
                    yield from done
                    done.clear()
                parser.Parse(b"", True)
        except (expat.ExpatError, zipfile.BadZipFile, OSError, ValueError) as error:
            raise book.unreadable(f"{book.sheet_path}: {error}") from None
        finish()
        yield from done

    def _parser(self, done: list[tuple[int, list[Any] | UnreadableRow]]) -> tuple[Any, Any]:
        """An expat parser filling `done` with rows, and what ends the last row. Only element starts and text are
        handled (no end events: a cell ends where the next element that matters starts, a row where the next
        row starts or the sheet's data ends), which saves a call per element."""
        book, row_limit = self.workbook, self.row_limit
        shared, date_styles, epoch = book.shared_strings, book.date_styles, book.epoch
        local_names: dict[str, str] = {}
        columns: dict[str, int] = {}
        row = column = chars = style = 0
        kind = "n"
        cells: dict[int, Any] = {}
        text: list[str] = []
        capture = in_row = phonetic = False

        def end_cell() -> None:
            nonlocal text
            if text and 0 < column <= MAX_COLUMN and chars <= row_limit:
                value = _value(kind, "".join(text), style, shared, date_styles, epoch)
                if value is not None and value != "":
                    cells[column] = value
            text = []

        def end_row() -> None:
            nonlocal in_row
            end_cell()
            if chars > row_limit:
                done.append((row, UnreadableRow(row, "row_too_long")))
            elif cells:
                done.append((row, [cells.get(index) for index in range(1, max(cells) + 1)]))
            in_row = False

        def start(name: str, attributes: dict[str, str]) -> None:
            nonlocal row, column, chars, kind, style, cells, capture, in_row, phonetic
            name = local_names.get(name) or local_names.setdefault(name, name[name.rfind(":") + 1 :])
            if name == "v" or name == "t":
                capture = not phonetic
            elif name == "c":
                end_cell()
                reference = attributes.get("r")
                if reference:
                    letters = reference.rstrip("0123456789")
                    column = columns.get(letters) or columns.setdefault(letters, _column_index(letters))
                else:
                    column += 1
                kind = attributes.get("t", "n")
                style = int(attributes.get("s", 0))
                capture = phonetic = False
            elif name == "row":
                if in_row:
                    end_row()
                number = attributes.get("r")
                row = int(number) if number else row + 1
                cells = {}
                chars = column = 0
                capture, in_row = False, True
            else:  # a formula, phonetic text, anything else: not the cell's value
                capture = False
                phonetic = phonetic or name == "rPh"
                if in_row and name not in CELL_PARTS:
                    end_row()  # past the sheet's data

        def characters(data: str) -> None:
            nonlocal chars
            if capture and chars <= row_limit:
                text.append(data)
                chars += len(data)

        def finish() -> None:
            if in_row:
                end_row()

        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler, parser.CharacterDataHandler = start, characters
        return parser, finish


def unescape(text: str) -> str:
    return ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text) if "_x" in text else text


def _value(kind: str, text: str, style: int, shared: list[str], date_styles: frozenset[int], epoch: Any) -> Any:
    """A cell's value from its type (`t`), its text and its style."""
    if kind == "s":
        index = int(text) if text.isdigit() else -1
        return shared[index] if 0 <= index < len(shared) else ""
    if kind in ("inlineStr", "str"):
        return unescape(text)
    if kind in ("e", "d"):
        return text
    if kind == "b":
        return text == "1"
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    if style in date_styles:
        try:
            return from_excel(number, epoch)
        except (ValueError, OverflowError):
            return number
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


class XlsxDecoder:
    """A sheet row into an item: the cells as text for the rules, the typed values echoed; picklable."""

    def __init__(self, decoder: RowDecoder):
        self.decoder = decoder

    def item(self, row: list[Any] | UnreadableRow) -> Item:
        if isinstance(row, UnreadableRow):
            return self.decoder.item(row)
        return self.decoder.item([text_of(value) for value in row], row)


def read_xlsx(
    file: BinaryIO,
    catalogue: Catalogue,
    lang: str,
    limits: RowLimits = RowLimits(),  # noqa: B008 - frozen
) -> Input:
    """A spreadsheet's first sheet: its first non-empty row is the header (checked as a CSV's), the others are
    read when asked for. `file`: a seekable binary file. `UsageError` when it is no spreadsheet."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as error:
        text = message(lang, "bad_spreadsheet", detail=str(error))
        raise UsageError(text, {"body": {"message": text}}) from None
    workbook = Workbook(archive, lang)
    rows = iter(SheetRows(workbook, limits))
    _, header = next(rows, (0, None))
    if header is None or isinstance(header, UnreadableRow):
        detail = "empty" if header is None else message(lang, "header_too_long", limit=limits.row_chars)
        text = message(lang, "bad_header", detail=detail)
        raise UsageError(text, {"header": {"message": text}})
    decoder = RowDecoder.from_header([text_of(value) for value in header], catalogue, lang, limits)
    # A spreadsheet's user opens a CSV answer in a spreadsheet: with a BOM, which tells it UTF-8.
    return Input(
        "xlsx", (row for _, row in rows), XlsxDecoder(decoder), None, True, decoder.passed_through, decoder.carried
    )  # fmt: skip
