"""Bounded answers to unbounded mistakes: a request or an item names its first 20 errors and counts the rest, the
allowed question ids are listed once per response, and a header of thousands of columns is checked in one pass."""

from __future__ import annotations

import csv
import io
import json

import pytest

from hds_api.batch import UsageError
from hds_api.batch.formats.csv_format import read_csv_items
from hds_api.batch.formats.lines import RowLimits
from hds_api.batch.formats.table import MAX_PASSED_THROUGH, RowDecoder
from hds_api.cli.main import main
from hds_api.rules.request_check import MAX_LISTED_ERRORS

from .conftest import AS_OF
from .test_http import assert_matches_spec

URL = "/v1/assessments/batch"
UNKNOWN = 500  # unknown answer keys per item
PER_ITEM_BYTES = 2000  # an item's capped error, generously; uncapped, 500 unknown ids with the ids each: ~500 kB


@pytest.fixture(scope="module")
def spec(app):
    return app.test_client().get("/openapi.json").get_json()


def unknown_answers(count: int = UNKNOWN) -> dict:
    return {f"k{n:04d}": True for n in range(count)}


def id_lists(value, question_ids: list[str]) -> int:
    """How many times the list of question ids appears anywhere in `value`."""
    if value == question_ids:
        return 1
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return sum(id_lists(child, question_ids) for child in children)


def assert_capped(error: dict, count: int = UNKNOWN) -> None:
    assert len(error["errors"]) == MAX_LISTED_ERRORS and error["more_errors"] == count - MAX_LISTED_ERRORS
    assert list(error["errors"]) == [f"answers.k{n:04d}" for n in range(MAX_LISTED_ERRORS)]  # the first sent
    assert f" {count} " in error["message"]


def test_a_single_assessment_names_20_errors_counts_the_rest_and_lists_the_ids_once(client, rules):
    response = client.post("/v1/assessments", json={"answers": unknown_answers(), "lang": "en"})
    body = response.get_json()
    assert response.status_code == 422 and body["message"] == "The request has 500 invalid field(s)."
    assert_capped(body)
    first = {"message": "Unknown question id.", "allowed": rules.catalogue.question_order}
    assert body["errors"]["answers.k0000"] == first
    assert id_lists(body, rules.catalogue.question_order) == 1
    assert all(detail == {"message": "Unknown question id."} for detail in list(body["errors"].values())[1:])


def test_a_batch_answer_stays_small_and_lists_the_ids_once(client, rules, spec):
    items = [{"id": n, "answers": unknown_answers()} for n in range(50)]
    response = client.post(URL, json={"items": items, "as_of": AS_OF, "lang": "en"})
    body = response.get_json()
    assert response.status_code == 200 and body["summary"]["errors"] == 50
    assert_matches_spec(spec, body)
    assert spec["components"]["schemas"]["Error"]["properties"]["more_errors"]["type"] == "integer"
    for entry in body["results"]:
        assert_capped(entry["error"])
    assert id_lists(body, rules.catalogue.question_order) == 1
    assert "allowed" in body["results"][0]["error"]["errors"]["answers.k0000"]
    assert len(response.get_data()) < 50 * PER_ITEM_BYTES


def test_a_csv_answer_names_the_ids_once_and_counts_the_errors_it_does_not_list(client, rules):
    items = [{"id": n, "answers": unknown_answers()} for n in range(3)]
    response = client.post(
        f"{URL}?lang=en", json={"items": items, "as_of": AS_OF}, headers={"Accept": "text/csv"}
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 3
    for row in rows:
        assert row["error"].count("Unknown question id.") == MAX_LISTED_ERRORS
        assert row["error"].endswith("… and 480 more error(s)")
    assert response.get_data(as_text=True).count(", ".join(rules.catalogue.question_order)) == 1


def test_item_fields_and_answers_share_one_cap(client):
    item = {"id": "a", "answers": unknown_answers(30), **{f"extra{n:02d}": 1 for n in range(30)}}
    (entry,) = client.post(URL, json={"items": [item], "as_of": AS_OF, "lang": "en"}).get_json()["results"]
    error = entry["error"]
    assert list(error["errors"]) == [f"extra{n:02d}" for n in range(MAX_LISTED_ERRORS)]  # read first, listed first
    assert error["more_errors"] == 40 and error["message"] == "The item has 60 invalid field(s)."


def test_unknown_batch_fields_are_capped_too(client):
    body = {"items": [], **{f"x{n:04d}": 1 for n in range(1000)}}
    error = client.post(URL, json=body, headers={"Accept-Language": "en"}).get_json()
    assert error["code"] == 422 and len(error["errors"]) == MAX_LISTED_ERRORS and error["more_errors"] == 980
    assert "1000" in error["message"]


def test_json_lines_on_the_command_line_cap_each_line(tmp_path, rules):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("".join(json.dumps({"id": n, "answers": unknown_answers(100)}) + "\n" for n in range(3)))
    assert main(["batch", str(source), "-o", str(out), "--as-of", AS_OF, "--quiet"]) == 1
    for line in out.read_text().splitlines():  # each line stands on its own: its own list of ids
        error = json.loads(line)["error"]
        assert len(error["errors"]) == MAX_LISTED_ERRORS and error["more_errors"] == 80
        assert id_lists(error, rules.catalogue.question_order) == 1


def test_a_header_of_thousands_of_unknown_columns_is_a_short_422(client, rules):
    header = "id," + ",".join(f"c{n:05d}" for n in range(30_000)) + "\n"
    with pytest.raises(UsageError) as raised:
        read_csv_items(header, rules.catalogue, "en", RowLimits(row_chars=10**6))
    error = raised.value
    assert error.errors == {"header": {"message": error.message, "limit": MAX_PASSED_THROUGH}}
    assert error.message == f"Header: 30000 unknown columns to carry through as they are; {MAX_PASSED_THROUGH} at most."
    within_the_line_limit = "id," + ",".join(f"c{n:04d}" for n in range(9_000)) + "\n"
    response = client.post(URL, data=within_the_line_limit.encode(), content_type="text/csv")
    assert response.get_json()["code"] == 422 and len(response.get_data()) < 1_000


def test_misspelt_columns_are_named_20_at_most_and_the_known_ones_listed_once(rules):
    header = "id," + ",".join(f"{question}x" for question in rules.catalogue.question_order) + "\n"
    with pytest.raises(UsageError) as raised:
        read_csv_items(header, rules.catalogue, "en")
    error = raised.value
    count = len(rules.catalogue.question_order)
    assert len(error.errors) == MAX_LISTED_ERRORS and error.more_errors == count - MAX_LISTED_ERRORS
    assert sum("allowed" in detail for detail in error.errors.values()) == 1
    assert error.message.endswith(f"(+{count - MAX_LISTED_ERRORS}) close to a known column; a typo?")


class CountingColumn(str):
    """A header cell that counts how often it is compared."""

    comparisons = 0

    def __eq__(self, other):
        CountingColumn.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__

    def strip(self):
        return self

    def lower(self):
        return self


def test_the_duplicate_column_check_compares_each_column_a_bounded_number_of_times(rules):
    cells = [CountingColumn("id") for _ in range(2000)]
    CountingColumn.comparisons = 0
    with pytest.raises(UsageError) as raised:
        RowDecoder.from_header(cells, rules.catalogue, "en")
    assert set(raised.value.errors) == {"id"}
    assert CountingColumn.comparisons <= 3 * len(cells)  # counting each column against all others: 4,000,000


def test_a_header_of_30000_duplicate_columns_names_the_duplicate_once(rules):
    with pytest.raises(UsageError) as raised:
        RowDecoder.from_header(("id," * 29_999 + "id").split(","), rules.catalogue, "en")
    assert raised.value.errors == {"id": {"message": "Header: duplicate column(s) id."}}
