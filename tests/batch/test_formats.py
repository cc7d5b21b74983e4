"""One reader and one writer per format, for HTTP and the command line alike: any input format (CSV, JSON lines,
JSON, a workbook) is written out in any output format, and the same rows give the same results whatever the formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from hds_api.batch.formats.table_output import OUTPUT_COLUMNS
from hds_api.cli.main import main

from .conftest import AS_OF, REQUIRED, SELF_HOSTING, write_csv

HELD = {"activities": [4, 5], "referential": "v2", "valid_until": "2027-01-01"}
COMPARED = ("id", "status", "hds_certification_required", "activities", "exemptions", "certification_gap",
            "missing_activities")  # fmt: skip
ITEMS = [
    {"id": "a", "answers": REQUIRED, "current_certification": HELD},
    {"id": "b", "answers": SELF_HOSTING},
    {"id": "c", "answers": {"personal_data": "peut-être"}},
    {"id": "d", "answers": {"personal_data": True}},
]


def csv_row(item: dict) -> dict:
    row = {"id": item["id"], **item["answers"]}
    held = item.get("current_certification")
    if held:
        row.update(current_activities=";".join(map(str, held["activities"])), current_referential=held["referential"],
                   current_valid_until=held["valid_until"])  # fmt: skip
    return row


def write_input(tmp_path, kind: str, columns: list[str]):
    if kind == "csv":
        return write_csv(tmp_path / "in.csv", [csv_row(item) for item in ITEMS], columns)
    if kind == "xlsx":
        book = Workbook()
        book.active.append(columns)
        for item in ITEMS:
            row = csv_row(item)
            book.active.append([row.get(column) for column in columns])  # booleans typed as a spreadsheet has them
        book.save(tmp_path / "in.xlsx")
        return tmp_path / "in.xlsx"
    if kind == "jsonl":
        path = tmp_path / "in.jsonl"
        path.write_text("".join(json.dumps(item) + "\n" for item in ITEMS), encoding="utf-8")
        return path
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"items": ITEMS}), encoding="utf-8")
    return path


def read_output(path, kind: str) -> list[dict]:
    """Entries as a table would show them: the codes as text."""
    if kind == "xlsx":
        header, *rows = load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True)
        return [{name: "" if cell is None else cell for name, cell in zip(header, row, strict=True)} for row in rows]
    text = path.read_text(encoding="utf-8-sig")
    if kind == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    entries = [json.loads(line) for line in text.splitlines()] if kind == "jsonl" else json.loads(text)["results"]
    return entries


def codes(entry: dict) -> tuple:
    """What every format must agree on, in a table's spelling."""

    def cell(value):
        if isinstance(value, list):
            return ";".join(map(str, value))
        return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)

    if entry.get("error"):
        return (entry["id"], "error")
    if entry["certification_gap"] is None:  # JSON's null, which a table spells out
        entry = {**entry, "certification_gap": "not_required" if entry["hds_certification_required"] is False
                 else "not_assessed"}  # fmt: skip
    return tuple(cell(entry[column]) for column in COMPARED)


@pytest.mark.parametrize("source", ["csv", "jsonl", "json", "xlsx"])
@pytest.mark.parametrize("target", ["csv", "jsonl", "json", "xlsx"])
def test_any_input_format_is_written_in_any_output_format(tmp_path, columns, source, target):
    path = write_input(tmp_path, source, columns)
    out = tmp_path / f"out.{target}"
    assert main(["batch", str(path), "-o", str(out), "--as-of", AS_OF, "--quiet"]) == 1  # item c is wrong
    entries = read_output(out, target)
    assert [codes(entry) for entry in entries] == [
        ("a", "complete", "true", "4;5;6", "", "gap", "6"),
        ("b", "complete", "false", "", "self_hosting", "not_required", ""),
        ("c", "error"),
        ("d", "incomplete", "", "", "", "not_assessed", ""),
    ]
    if target in ("csv", "xlsx"):
        assert list(entries[0]) == list(OUTPUT_COLUMNS)
    if target == "json":
        summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
        assert (summary["total"], summary["errors"], summary["as_of"]) == (4, 1, AS_OF)


def test_to_overrides_nothing_a_name_says_and_sets_the_format_of_standard_output(tmp_path, columns, capsys):
    path = write_input(tmp_path, "csv", columns)
    assert main(["batch", str(path), "-o", "-", "--to", "jsonl", "--as-of", AS_OF]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b", "c", "d"]
    assert main(["batch", str(path), "-o", str(tmp_path / "out.csv"), "--to", "jsonl"]) == 2
    assert "is csv by its name, not jsonl" in capsys.readouterr().err


def test_format_cannot_make_a_csv_read_as_json_lines(tmp_path, columns, capsys):
    path = write_input(tmp_path, "csv", columns)
    assert main(["batch", str(path), "-o", str(tmp_path / "out.jsonl"), "--format", "jsonl"]) == 2
    assert "in.csv is csv by its name, not jsonl" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_the_summary_counts_rows_never_the_header(tmp_path, capsys):
    (tmp_path / "in.txt").write_text("id,personal_data\na,false\nb,false\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out.jsonl"), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("2 assessed; 0 required; 2 not required")
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2


ANSWERS = [("application/x-ndjson", "application/x-ndjson"), ("text/csv", "text/csv"), ("*/*", "application/json")]


@pytest.mark.parametrize(("accept", "media_type"), ANSWERS)
def test_http_answers_in_the_format_accept_asks(client, accept, media_type):
    response = client.post(
        f"/v1/assessments/batch?as_of={AS_OF}", json={"items": ITEMS}, headers={"Accept": accept}
    )  # fmt: skip
    assert response.status_code == 200 and response.mimetype == media_type
    text = response.get_data(as_text=True)
    if media_type == "text/csv":
        ids = [row["id"] for row in csv.DictReader(io.StringIO(text))]
    elif media_type == "application/x-ndjson":
        ids = [json.loads(line)["id"] for line in text.splitlines()]
    else:
        ids = [entry["id"] for entry in json.loads(text)["results"]]
    assert ids == ["a", "b", "c", "d"]


def test_http_and_command_line_write_the_same_bytes(client, tmp_path, columns):
    path = write_input(tmp_path, "csv", columns)
    assert main(["batch", str(path), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF, "--lang", "en"]) == 1
    response = client.post(
        f"/v1/assessments/batch?as_of={AS_OF}&lang=en", data=path.read_bytes(), content_type="text/csv",
        headers={"Accept": "text/csv"},
    )  # fmt: skip
    assert response.get_data() == (tmp_path / "out.csv").read_bytes()
