"""The CSV of the contract: forgiving reading, strict values, the header's checks, spreadsheet-safe output."""

from __future__ import annotations

import csv
import gc
import io

import pytest

from hds_api.batch import BatchOptions, UsageError, assess_items
from hds_api.batch.formats.base import Input
from hds_api.batch.formats.cells import neutralise
from hds_api.batch.formats.csv_format import CsvEncoder, read_csv_items, render_csv
from hds_api.batch.formats.table_output import OUTPUT_COLUMNS, TableColumns
from hds_api.batch.pipeline import ChunkAssessor
from hds_api.batch.runner import BatchJob

from .conftest import AS_OF, REQUIRED, outcomes_of


def assess_csv(rules, text: str, lang: str = "en") -> tuple[Input, dict]:
    codec, items = read_csv_items(text, rules.catalogue, lang)
    return codec, assess_items(rules, items, as_of=AS_OF, lang=lang)


def required_row(delimiter: str, **cells: str) -> str:
    values = {
        key: ("true" if value is True else "false" if value is False else value) for key, value in REQUIRED.items()
    }
    values.update(cells)
    return delimiter.join(values), delimiter.join(values.values())


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_sniffed_from_the_header(rules, delimiter):
    header, row = required_row(delimiter)
    codec, body = assess_csv(rules, f"id{delimiter}{header}\ns1{delimiter}{row}\n")
    assert codec.delimiter == delimiter
    assert body["results"][0]["certificates"] == ["managed_services_host"]


def test_bom_spaces_case_and_crlf_are_forgiven(rules):
    text = "\ufeff ID ; Personal_Data ;health_data;DATA_ORIGINATOR\r\n  s1 ;  OUI ; True ; Health_Professional \r\n"
    _, body = assess_csv(rules, text)
    assert body["results"][0]["id"] == "s1"
    assert body["results"][0]["next_question"] == "care_context"


@pytest.mark.parametrize(
    ("spelling", "value"),
    [("true", True), ("TRUE", True), ("Yes", True), ("oui", True), ("1", True), ("VRAI", True),
     ("false", False), ("No", False), ("NON", False), ("0", False), ("Faux", False)],
)  # fmt: skip
def test_boolean_spellings(rules, spelling, value):
    _, body = assess_csv(rules, f"id,personal_data\ns1,{spelling}\n")
    entry = body["results"][0]
    assert (entry["status"] == "complete") is (value is False)  # false ends at not_personal_data


def test_empty_cells_are_unanswered(rules):
    _, body = assess_csv(rules, "id,personal_data,health_data,as_of\ns1,true,,\n")
    assert body["results"][0]["next_question"] == "health_data"
    assert body["results"][0]["unused_answers"] == []


@pytest.mark.parametrize(
    ("header", "cells", "column"),
    [
        ("personal_data", "maybe", "answers.personal_data"),
        ("personal_data", "y", "answers.personal_data"),
        ("data_originator", "clinic", "answers.data_originator"),
        ("as_of", "25/11/2026", "as_of"),
        ("as_of", "2026-02-30", "as_of"),
        ("current_activities", "4;five", "current_certification.activities"),
    ],
)
def test_an_unknown_value_is_an_error_on_its_row_only(rules, header, cells, column):
    text = f'id,{header}\nbefore,\nbad,"{cells}"\nafter,\n'
    _, body = assess_csv(rules, text)
    before, bad, after = body["results"]
    assert before["status"] == after["status"] == "incomplete"
    assert list(bad["error"]["errors"])[0] == column
    assert bad["error"]["errors"][column]["value"] == cells
    assert body["summary"]["errors"] == 1


def test_choice_errors_name_the_allowed_values(rules):
    _, body = assess_csv(rules, "id,storage_location\ns1,France\n")
    detail = body["results"][0]["error"]["errors"]["answers.storage_location"]
    assert detail["allowed"] == ["eea_only", "outside_eea", "unknown"]


def test_row_errors_missing_id_extra_cells_unnamed_column(rules):
    _, body = assess_csv(rules, "id,personal_data,\n,true,\ns2,true,true,extra\ns3,true,oops\n")
    assert [set(entry["error"]["errors"]) for entry in body["results"]] == [{"id"}, {"row"}, {"row"}]


def test_rows_with_only_empty_cells_are_skipped(rules):
    _, body = assess_csv(rules, "id;personal_data\ns1;false\n;\n ; \n\ns2;false\n")
    assert [entry["id"] for entry in body["results"]] == ["s1", "s2"]


def test_gap_columns(rules):
    header, row = required_row(",")
    gap = "current_activities,current_referential,current_valid_until"
    text = (
        f"id,{header},{gap}\n"
        f'held,{row},"4;5",V2,2027-01-01\n'
        f"all,{row},4 5 6,v2,2027-01-01\n"
        f"none,{row},,,\n"
        f"partial,{row},4,,\n"
    )
    _, body = assess_csv(rules, text)
    held, covered, none, partial = body["results"]
    assert (held["certification_gap"], held["missing_activities"]) == ("gap", [6])
    assert covered["certification_gap"] == "covered"
    assert none["certification_gap"] is None
    assert set(partial["error"]["errors"]) == {
        "current_certification.referential", "current_certification.valid_until",
    }  # fmt: skip
    held_outcome = outcomes_of(
        rules,
        [
            {
                "id": "held",
                "answers": REQUIRED,
                "current_certification": {"activities": [4, 5], "referential": "v2", "valid_until": "2027-01-01"},
            }
        ],
    )[0]
    cells = dict(zip(OUTPUT_COLUMNS, TableColumns("en").cells(held_outcome), strict=True))
    assert (cells["certification_gap"], cells["missing_activities"]) == ("gap", "6")


def test_misspelt_columns_are_a_usage_error_naming_what_they_resemble(rules, columns):
    with pytest.raises(UsageError) as raised:
        read_csv_items("id,personal_dat,supplier_name,Storage Location,notes\n", rules.catalogue, "en")
    assert "personal_dat, storage location" in raised.value.message
    assert set(raised.value.errors) == {"personal_dat", "storage location"}
    first = raised.value.errors["personal_dat"]
    assert first["resembles"] == "personal_data" and first["allowed"][: len(columns)] == columns  # once, first
    assert raised.value.errors["storage location"]["resembles"] == "storage_location"
    assert "allowed" not in raised.value.errors["storage location"]


@pytest.mark.parametrize("header", ["personal_data,health_data\n", "id,id\n", "\n", ""])
def test_unusable_headers(rules, header):
    with pytest.raises(UsageError):
        read_csv_items(header, rules.catalogue, "en")


@pytest.mark.parametrize("cell", ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    assert neutralise("safe=1") == "safe=1"


def test_output_is_spreadsheet_safe_and_has_the_contract_columns(rules):
    text = 'id,personal_data\n"=HYPERLINK(""http://x"")",false\n@me,"=cmd|\' /C calc\'!A0"\n'
    codec, items = read_csv_items(text, rules.catalogue, "en")
    out = render_csv(outcomes_of(rules, items), codec.delimiter, "en")
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == OUTPUT_COLUMNS
    assert rows[1][0] == '\'=HYPERLINK("http://x")' and rows[1][1] == "complete"
    assert rows[2][0] == "'@me" and "=cmd" in rows[2][-1]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_error_cell_names_the_column_and_the_allowed_values(rules):
    _, items = read_csv_items("id,personal_data,current_activities\ns1,maybe,x\n", rules.catalogue, "en")
    error_cell = TableColumns("en").cells(outcomes_of(rules, items)[0])[-1]
    assert error_cell.startswith("personal_data: Must be a boolean")
    assert "«maybe»" in error_cell and "allowed: true, false, yes, no, oui, non, 1, 0" in error_cell
    assert "current_activities: Must be activity numbers" in error_cell


def test_csv_chunks_make_no_cycles_for_the_paused_collector_to_miss(rules):
    codec, _ = read_csv_items("id,personal_data,as_of,current_activities\n", rules.catalogue, "en")
    rows = [["ok", "true", "", ""], ["bad", "maybe", "2026-13-01", "x"], ["", "false", "", "4;4"]] * 20
    gc.collect()
    encoder = CsvEncoder(TableColumns("en"), ",")
    outcome = ChunkAssessor(rules, codec.decoder, encoder, BatchJob(BatchOptions.check(rules, AS_OF)))(rows)
    assert outcome.tally.errors == 40 and outcome.payload.count(b"\n") == 60
    assert gc.collect() == 0 and gc.isenabled()
