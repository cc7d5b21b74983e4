"""No row gained, no row lost: line breaks inside cells stay inside them on the way out, and a stray quote on the
way in is its own row's error, never a silent end of the file. Over HTTP and on the command line alike."""

from __future__ import annotations

import csv
import io
import re

import pytest

from hds_api.batch.formats.cells import FORMULA_STARTS
from hds_api.batch.formats.csv_format import render_csv
from hds_api.cli.main import main

from .conftest import AS_OF, error_outcome, outcomes_of

URL = "/v1/assessments/batch"
# Ids a spreadsheet user could paste, each holding a line break followed by what would run as a formula.
TRICKY_IDS = ["s1\r=1+1", "s2\n+2", "s3\r\n@SUM(A1)", "\r-3", "s5\r\r=HYPERLINK(1)"]
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def tricky_input() -> str:
    rows = [f"{quoted(item_id)},false" for item_id in TRICKY_IDS]
    rows.append(f"bad,{quoted('maybe' + chr(13) + '=2+2')}")  # echoed in the error cell
    return "id,personal_data\r\n" + "\r\n".join(rows) + "\r\n"


def assert_one_row_each_and_no_formula(output: str) -> None:
    rows = list(csv.reader(io.StringIO(output, newline="")))
    assert len(rows) == 1 + len(TRICKY_IDS) + 1  # header, one row per input row
    assert [row[0].replace("'", "") for row in rows[1:-1]] == [item_id.strip() for item_id in TRICKY_IDS]
    assert rows[-1][0] == "bad" and "maybe" in rows[-1][-1]
    for row in rows:
        for cell in row:
            assert not any(part.startswith(FORMULA_STARTS) for part in LINE_BREAK.split(cell)), repr(cell)
    # A reader that splits lines first (a naive import) sees no row starting with a formula either.
    assert not any(line.startswith(FORMULA_STARTS) for line in LINE_BREAK.split(output))


def test_line_breaks_inside_cells_never_start_a_row_over_http(client):
    response = client.post(
        f"{URL}?as_of={AS_OF}", data=tricky_input().encode(), content_type="text/csv", headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200
    assert_one_row_each_and_no_formula(response.get_data(as_text=True))


def test_line_breaks_inside_cells_never_start_a_row_on_the_command_line(tmp_path):
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(tricky_input().encode())
    assert main(["batch", str(source), "-o", str(out), "--as-of", AS_OF, "--quiet"]) == 1  # the `bad` row
    assert_one_row_each_and_no_formula(out.read_bytes().decode())


def test_rows_end_with_crlf_as_rfc_4180_says(rules):
    outcomes = [*outcomes_of(rules, [{"id": "a\rb", "answers": {"personal_data": False}}]), error_outcome("c", "x")]
    out = render_csv(outcomes, ",", "en", header=False)
    assert out.startswith('"a\rb",complete,') and out.count("\r\n") == 2 and out.endswith("\r\n")


STRAY_QUOTES = {
    # `"ACME,true` opens a quote that never closes: it would take in every line to the end of the file.
    "never closed": ('s1,false\n"ACME,true\ns3,false\ns4,false\n', ["s1", None, "s3", "s4"], "end of the file"),
    # A quote closed two lines later, then followed by text: the line between would vanish into one cell. Read
    # again on its own, line 5 is an error too (its quote closes, then `y`).
    "closed too late": (
        's1,false\ns2,"ACME,true\ns3,false\ns4,"x"y\ns5,false\n',
        ["s1", None, "s3", None, "s5"],
        "line 5",
    ),
}
BROKEN_LINE = 3  # the header is line 1


@pytest.mark.parametrize("name", STRAY_QUOTES)
def test_a_stray_quote_is_its_rows_error_and_hides_no_row_over_http(client, name):
    rows, ids, why = STRAY_QUOTES[name]
    response = client.post(
        f"{URL}?as_of={AS_OF}", data=("id,personal_data\n" + rows).encode(), content_type="text/csv",
        headers={"Accept-Language": "en"},
    )  # fmt: skip
    body = response.get_json()
    assert [entry["id"] for entry in body["results"]] == ids  # one result per line read: none swallowed
    message = body["results"][1]["error"]["errors"]["row"]["message"]
    assert message.startswith(f"Line {BROKEN_LINE} not read: a quote opened on it does not close") and why in message
    assert body["summary"]["errors"] == ids.count(None)


def test_a_stray_quote_fails_the_command_line_and_names_the_line(tmp_path, capsys):
    rows, ids, why = STRAY_QUOTES["never closed"]
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("id,personal_data\n" + rows, encoding="utf-8")
    assert main(["batch", str(source), "-o", str(out), "--as-of", AS_OF, "--quiet", "--lang", "en"]) == 1
    result = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [row["id"] or None for row in result] == ids
    assert result[1]["error"].startswith(f"row: Line {BROKEN_LINE} not read") and why in result[1]["error"]
    assert "1 error(s)" in capsys.readouterr().out


def test_a_legitimate_multi_line_cell_is_one_row(client):
    body = 'id,personal_data\n"two\nlines",false\nafter,false\n'
    response = client.post(f"{URL}?as_of={AS_OF}", data=body.encode(), content_type="text/csv")
    assert [entry["id"] for entry in response.get_json()["results"]] == ["two\nlines", "after"]
