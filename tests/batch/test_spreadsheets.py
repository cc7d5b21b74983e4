""".xlsx in and out, on the command line and over HTTP: the first sheet read (typed cells, dates, shared and inline
strings), the answer a sheet with a frozen, filtered header, formulas never run; files written by openpyxl read,
files we write read back by openpyxl."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from hds_api.batch.formats.xlsx_writer import cell_xml
from hds_api.cli.main import main

from .conftest import AS_OF, REQUIRED, SELF_HOSTING
from .xlsx_files import with_shared_strings

URL = "/v1/assessments/batch"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def spelled(value):
    return "oui" if value is True else "non" if value is False else value


def workbook_bytes(rows: list[list], first_sheet: str = "Fournisseurs", other_sheet: bool = True) -> bytes:
    """A workbook as Excel users make them: a named first sheet, another sheet after it, typed cells."""
    book = Workbook()
    sheet = book.active
    sheet.title = first_sheet
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed as text, as a user would (not a formula)
    if other_sheet:
        book.create_sheet("Notes").append(["id", "personal_data"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def suppliers(columns: list[str]) -> list[list]:
    header = ["Nom", *columns, "Montant"]
    rows = [
        {"Nom": "ACME", "id": "a", **REQUIRED, "as_of": date(2026, 11, 25), "current_activities": "4;5",
         "current_referential": "v2", "current_valid_until": datetime(2027, 1, 1), "Montant": 1234.5},
        {"Nom": "=cmd|' /C calc'!A0", "id": 7, **SELF_HOSTING},
        {},  # an empty row: skipped
        {"Nom": "Gamma", "id": "c", "personal_data": "peut-être"},
    ]  # fmt: skip
    return [header, *[[spelled(row.get(column)) for column in header] if row else [] for row in rows]]


def read_sheet(data: bytes) -> tuple[object, list[tuple]]:
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return sheet, list(sheet.iter_rows(values_only=True))


def test_a_workbook_in_a_workbook_out_with_the_columns_in_place(tmp_path, capsys, columns):
    source = tmp_path / "fournisseurs.xlsx"
    source.write_bytes(workbook_bytes(suppliers(columns)))
    out = tmp_path / "resultats.xlsx"
    assert main(["batch", str(source), "-o", str(out), "--quiet"]) == 1  # row c is mistyped
    assert "3 assessed" in capsys.readouterr().out
    sheet, rows = read_sheet(out.read_bytes())
    header = rows[0]
    assert header[:3] == ("Nom", "id", "Montant") and header[-1] == "error"
    by_id = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert list(by_id) == ["a", "7", "c"]
    acme = by_id["a"]
    assert (acme["Nom"], acme["Montant"]) == ("ACME", 1234.5)  # carried through unchanged, typed
    assert (acme["status"], acme["activities"], acme["certification_gap"], acme["missing_activities"]) == (
        "complete", "4;5;6", "gap", "6",
    )  # fmt: skip
    assert by_id["7"]["exemptions"] == "self_hosting" and by_id["7"]["Nom"] == "=cmd|' /C calc'!A0"
    assert by_id["c"]["error"].startswith("personal_data: ")
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:Q4"
    assert sheet["A1"].font.b and sheet["A3"].quotePrefix and sheet["A3"].data_type == "s"


def test_the_first_sheet_is_read_and_dates_are_dates(tmp_path):
    rows = [["id", "personal_data", "as_of"], ["old", "oui", datetime(2024, 1, 15)]]
    source = tmp_path / "in.xlsx"
    source.write_bytes(workbook_bytes(rows))
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--quiet"]) == 0
    entry = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert '"id":"old"' in entry and '"as_of":"2024-01-15"' in entry and '"next_question":"health_data"' in entry


def test_a_workbook_to_csv_and_back_to_a_workbook_gives_the_same_rows(tmp_path, columns):
    source = tmp_path / "in.xlsx"
    source.write_bytes(workbook_bytes(suppliers(columns)))
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF, "-q"]) == 1
    assert main(["batch", str(source), "-o", str(tmp_path / "out.xlsx"), "--as-of", AS_OF, "-q"]) == 1
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNom,id,Montant,")  # a spreadsheet's user gets a BOM: Excel reads UTF-8
    from_csv = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    _, from_sheet = read_sheet((tmp_path / "out.xlsx").read_bytes())
    as_text = [["" if cell is None else str(cell) for cell in row] for row in from_sheet]
    as_text[2][0] = "'" + as_text[2][0]  # the CSV's way of keeping a formula text
    assert as_text == from_csv


def test_csv_in_workbook_out_over_http(client, columns):
    body = b"id;personal_data;Commentaire\ns1;non;=SUM(A1)\ns2;oui;\n"
    response = client.post(f"{URL}?as_of={AS_OF}", data=body, content_type="text/csv", headers={"Accept": XLSX})
    assert response.status_code == 200 and response.mimetype == XLSX
    assert response.headers["X-Batch-Summary"].startswith("total=2, required=0, not_required=1, incomplete=1")
    sheet, rows = read_sheet(response.get_data())
    assert rows[0][:3] == ("id", "Commentaire", "status")
    assert rows[1][:2] == ("s1", "=SUM(A1)") and sheet["B2"].quotePrefix and sheet["B2"].data_type == "s"
    assert rows[2][:3] == ("s2", None, "incomplete")


def test_workbook_in_json_out_over_http(client):
    body = workbook_bytes([["id", "personal_data", "Nom"], ["s1", False, "ACME"]])
    response = client.post(f"{URL}?as_of={AS_OF}", data=body, content_type=XLSX)
    assert response.status_code == 200
    result = response.get_json()
    (entry,) = result["results"]
    assert entry["passed_through"] == {"Nom": "ACME"} and entry["exemptions"] == ["not_personal_data"]
    assert result["summary"]["passed_through"] == ["Nom"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"not a zip at all", "Classeur .xlsx illisible"),
        (b"PK\x03\x04broken", "Classeur .xlsx illisible"),
        (workbook_bytes([], other_sheet=False), "En-tête illisible : empty."),
    ],
)
def test_an_unreadable_workbook_is_a_422_naming_what_is_wrong(client, body, expected):
    response = client.post(URL, data=body, content_type=XLSX)
    assert response.status_code == 422 and response.get_json()["message"].startswith(expected)


def test_a_workbook_named_csv_is_refused_on_the_command_line(tmp_path, capsys):
    (tmp_path / "in.csv").write_bytes(workbook_bytes([["id"], ["a"]]))
    assert main(["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv")]) == 2
    assert "is a spreadsheet (.xlsx), not csv" in capsys.readouterr().err
    (tmp_path / "in.xlsx").write_text("id\na\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "in.xlsx"), "-o", str(tmp_path / "out.csv")]) == 2
    assert "is no spreadsheet, not xlsx" in capsys.readouterr().err


def test_a_too_long_sheet_row_is_that_rows_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HDS_CSV_MAX_ROW_CHARS", "200")
    source = tmp_path / "in.xlsx"
    source.write_bytes(workbook_bytes([["id", "personal_data", "Notes"], ["a", "non", "x" * 500], ["b", "non", ""]]))
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "-q", "--lang", "en"]) == 1
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["error"].startswith("row: Line 2: longer than 200 characters") and rows[1]["status"] == "complete"


@pytest.mark.parametrize(
    ("value", "xml"),
    [
        ("a & <b>", '<c t="inlineStr"><is><t>a &amp; &lt;b&gt;</t></is></c>'),
        (" padded ", '<c t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c>'),
        ("bell\x07_x0041_", '<c t="inlineStr"><is><t>bell_x0007__x005F_x0041_</t></is></c>'),
        (True, '<c t="b"><v>1</v></c>'),
        (12, "<c><v>12</v></c>"),
        (None, "<c/>"),
    ],
)
def test_cells_are_well_formed_xml_whatever_they_hold(value, xml):
    assert cell_xml(value) == xml


def test_control_characters_come_back_as_they_were(tmp_path):
    typed = "tab\there, bell\x07 and _x0041_"
    source = tmp_path / "in.csv"
    source.write_text(f'id,personal_data,Notes\r\na,non,"{typed}"\r\n', encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.xlsx"), "-q"]) == 0
    sheet_xml = zipfile.ZipFile(tmp_path / "out.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert "bell_x0007_ and _x005F_x0041_" in sheet_xml  # the format's escapes: XML 1.0 cannot hold a bell
    assert main(["batch", str(tmp_path / "out.xlsx"), "-o", str(tmp_path / "again.jsonl"), "-q"]) == 0
    (entry,) = [json.loads(line) for line in (tmp_path / "again.jsonl").read_text(encoding="utf-8").splitlines()]
    assert entry["passed_through"] == {"Notes": typed}


@pytest.mark.parametrize("rich", [False, True])
def test_shared_strings_as_excel_saves_them_rich_text_and_phonetic_guides_included(tmp_path, rich):
    rows = [["id", "personal_data", "Nom"], ["s1", "non", "Société & fils <SA>"], ["s2", "oui", "Ünïcödé"]]
    source = tmp_path / "in.xlsx"
    source.write_bytes(with_shared_strings(workbook_bytes(rows), rich=rich))
    assert "xl/sharedStrings.xml" in zipfile.ZipFile(source).namelist()
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "-q", "--as-of", AS_OF]) == 0
    entries = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [entry["passed_through"]["Nom"] for entry in entries] == ["Société & fils <SA>", "Ünïcödé"]
    assert [entry["status"] for entry in entries] == ["complete", "incomplete"]
