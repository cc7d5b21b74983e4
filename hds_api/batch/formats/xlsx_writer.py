"""Spreadsheets (.xlsx) written: one sheet, its header row frozen and filtered, streamed into the archive.

Rows are XML written by the encoder (in worker processes too) and the archive's other parts are small and
fixed. Text is always stored as text (never a formula); a cell whose text a spreadsheet would run as a formula
once edited (`=`, `+`, `-`, `@`) is also marked "quote prefix", Excel's own way to keep it text — the
spreadsheet's counterpart of the CSV's leading `'`.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from typing import Any, BinaryIO

from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.datetime import to_excel

from .base import Writer
from .cells import FORMULA_STARTS, format_cell
from .table_output import TableColumns

SHEET = "xl/worksheets/sheet1.xml"
# Styles (`xl/styles.xml`, cellXfs): 0 plain, 1 header (bold), 2 text kept as text (quote prefix), 3 date.
HEADER, QUOTED, DATE = 1, 2, 3
# Characters XML 1.0 cannot hold, written as the format's `_xHHHH_` escapes (and a literal `_xHHHH_` escaped too).
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOCUMENT_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELATIONSHIPS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{DOCUMENT_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELATIONSHIPS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{DOCUMENT_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{DOCUMENT_RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    "</fill></fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def workbook_xml(sheet_name: str, columns: int, rows: int) -> str:
    """The workbook, naming the sheet and its filter range (Excel keeps it as a hidden defined name)."""
    last = f"${get_column_letter(max(columns, 1))}${max(rows, 1)}"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT_RELATIONSHIPS}">'
        f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"'{sheet_name}'!$A$1:{last}</definedName></definedNames></workbook>"
    )


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if NOT_XML.search(text):
        text = NOT_XML.sub(lambda found: f"_x{ord(found.group()):04X}_", text)
    return text


def _text_cell(text: str, quoted: bool) -> str:
    style = f' s="{QUOTED}"' if quoted and text.startswith(FORMULA_STARTS) else ""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c t="inlineStr"{style}><is><t{space}>{_escape(text)}</t></is></c>'


def cell_xml(value: Any, quoted: bool = False) -> str:
    """One cell, in place (no reference: cells and rows follow one another): text stays text, numbers and
    booleans and dates keep their type."""
    kind = type(value)
    if kind is str:
        return _text_cell(value, quoted) if value else "<c/>"
    if value is None:
        return "<c/>"
    if kind is bool:
        return f'<c t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f"<c><v>{value!r}</v></c>"
    if kind is datetime or kind is date:
        return f'<c s="{DATE}"><v>{to_excel(value)!r}</v></c>'
    return _text_cell(format_cell(value), quoted)


class XlsxEncoder:
    """Outcomes -> the sheet's `<row>` elements as UTF-8 XML; picklable."""

    def __init__(self, columns: TableColumns):
        self.columns = columns
        self.free_text = frozenset(columns.free_text)

    def __call__(self, outcomes: list[Any]) -> bytes:
        cells, free_text = self.columns.cells, self.free_text
        rows = []
        for outcome in outcomes:
            row = cells(outcome)
            if row is None:  # left out (an impact report's unchanged rows)
                continue
            rows.append("<row>" + "".join([cell_xml(v, i in free_text) for i, v in enumerate(row)]) + "</row>")
        return "".join(rows).encode()


class XlsxWriter(Writer):
    """The workbook: its fixed parts, then the sheet as the rows come, then what needs the row count."""

    def __init__(self, out: BinaryIO, columns: TableColumns, sheet_name: str = "results"):
        super().__init__(out)
        self.encoder = XlsxEncoder(columns)
        self.sheet_name = sheet_name
        self.rows = 0

    def begin(self) -> None:
        self.archive = zipfile.ZipFile(self.out, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self.sheet = self.archive.open(SHEET, "w", force_zip64=True)
        names = self.encoder.columns.names
        header = "".join(f'<c t="inlineStr" s="{HEADER}"><is><t>{_escape(name)}</t></is></c>' for name in names)
        self.sheet.write(
            (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft"'
                ' state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                f'<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="{len(names)}" width="18"'
                ' customWidth="1"/></cols>'
                f"<sheetData><row>{header}</row>"
            ).encode()
        )
        self.rows = 1

    def write(self, payload: bytes) -> None:
        self.sheet.write(payload)
        self.rows += payload.count(b"<row>")

    def end(self, summary: dict[str, Any]) -> None:
        columns = len(self.encoder.columns.names)
        last = f"{get_column_letter(max(columns, 1))}{self.rows}"
        self.sheet.write(f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'.encode())
        self.sheet.close()
        self.archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        self.archive.writestr("_rels/.rels", ROOT_RELATIONSHIPS)
        self.archive.writestr("xl/workbook.xml", workbook_xml(self.sheet_name, columns, self.rows))
        self.archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS)
        self.archive.writestr("xl/styles.xml", STYLES)
        self.archive.close()
