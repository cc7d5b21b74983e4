"""Workbooks as Excel saves them: text as shared strings (openpyxl writes it inline), for the reader's tests and
the spreadsheet benchmark."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED = "xl/sharedStrings.xml"
SHARED_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def with_shared_strings(data: bytes, rich: bool = False) -> bytes:
    """The workbook with every inline string of its first sheet moved to a shared-strings part; with `rich`,
    each string stored as two rich-text runs and a phonetic guide (which is not the cell's text)."""
    ElementTree.register_namespace("", MAIN)
    source = zipfile.ZipFile(io.BytesIO(data))
    sheet = ElementTree.fromstring(source.read("xl/worksheets/sheet1.xml"))
    index: dict[str, int] = {}  # each text once, as Excel keeps it
    for cell in sheet.iter(f"{{{MAIN}}}c"):
        inline = cell.find(f"{{{MAIN}}}is")
        if cell.get("t") != "inlineStr" or inline is None:
            continue
        text = "".join(t.text or "" for t in inline.iter(f"{{{MAIN}}}t"))
        cell.remove(inline)
        cell.set("t", "s")
        ElementTree.SubElement(cell, f"{{{MAIN}}}v").text = str(index.setdefault(text, len(index)))
    strings = list(index)
    items = []
    for text in strings:
        if rich and len(text) > 1:
            first, second = _escaped(text[: len(text) // 2]), _escaped(text[len(text) // 2 :])
            items.append(f"<si><r><t>{first}</t></r><r><rPr><b/></rPr><t>{second}</t></r>"
                         f'<rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>')  # fmt: skip
        else:
            items.append(f'<si><t xml:space="preserve">{_escaped(text)}</t></si>')
    shared = f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">{"".join(items)}</sst>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = ElementTree.tostring(sheet, xml_declaration=True, encoding="UTF-8")
            elif name == "xl/_rels/workbook.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdS" Type="{SHARED_TYPE}" Target="sharedStrings.xml"/>'
                    "</Relationships>".encode(),  # fmt: skip
                )
            elif name == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
                )  # fmt: skip
            target.writestr(name, content)
        target.writestr(SHARED, shared)
    return out.getvalue()
