"""Every limit is a setting, and beyond it the answer is the error shape naming the limit (a CSV row: that row's)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from hds_api.batch.formats.lines import BoundedLines, LineTooLong
from hds_api.cli.main import main
from hds_api.settings import SettingsError, from_environment
from hds_api.web.middleware.limits import too_deep

from .conftest import assert_error_shape

URL, BATCH = "/v1/assessments", "/v1/assessments/batch"


def nested(depth: int):
    """A JSON value whose own depth is `depth` (a list is 1)."""
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("variable", "key", "value"),
    [
        ("HDS_MAX_JSON_DEPTH", "MAX_JSON_DEPTH", 8),
        ("HDS_CSV_MAX_ROW_CHARS", "CSV_MAX_ROW_CHARS", 500),
        ("HDS_CSV_MAX_CELL_CHARS", "CSV_MAX_CELL_CHARS", 50),
        ("HDS_MAX_BODY_BYTES", "MAX_CONTENT_LENGTH", 2048),
        ("HDS_BATCH_MAX_ITEMS", "BATCH_MAX_ITEMS", 3),
        ("HDS_BATCH_MAX_BODY_BYTES", "BATCH_MAX_BODY_BYTES", 4096),
    ],
)
def test_each_limit_is_read_from_the_environment(variable, key, value):
    assert from_environment({variable: str(value)})[key] == value


@pytest.mark.parametrize("value", ["0", "-3", "many", "1025"])
def test_a_bad_depth_stops_start_up_naming_it(value):
    with pytest.raises(SettingsError, match="HDS_MAX_JSON_DEPTH"):
        from_environment({"HDS_MAX_JSON_DEPTH": value})


def test_depth_is_counted_from_the_top_level():
    assert not too_deep(nested(5), 5) and too_deep(nested(6), 5)
    assert not too_deep({"a": {"b": [1, {"c": 2}]}}, 4) and too_deep({"a": {"b": [1, {"c": []}]}}, 4)
    assert not too_deep("scalar", 1)


def test_depth_walk_survives_what_recursion_would_not():
    assert too_deep(nested(100_000), 32)  # iterative: no RecursionError


@pytest.mark.parametrize("path", [URL, BATCH])
def test_json_nested_beyond_the_limit_is_a_400_naming_it(make_client, path):
    client = make_client(MAX_JSON_DEPTH=8)
    answers = {"personal_data": nested(7)}  # body 1, answers 2, the value 3..9
    body = {"answers": answers} if path == URL else {"items": [{"id": "a", "answers": answers}]}
    response = client.post(path, json=body)
    error = assert_error_shape(response, 400)
    assert "HDS_MAX_JSON_DEPTH" in error["message"] and error["errors"]["body"]["limit"] == 8


def test_json_within_the_limit_goes_on_to_validation(make_client):
    client = make_client(MAX_JSON_DEPTH=8)
    response = client.post(URL, json={"answers": {"personal_data": nested(5)}})
    error = assert_error_shape(response, 422)  # depth 7: not refused as too deep, but not a boolean either
    assert "answers.personal_data" in error["errors"]


def test_default_depth_leaves_every_real_batch_alone(client):
    item = {"id": 1, "answers": {}, "current_certification": {"activities": [4], "referential": "v2",
                                                                  "valid_until": "2027-01-01"}}  # fmt: skip
    response = client.post(BATCH, json={"items": [item] * 50, "as_of": "2026-11-25"})
    assert response.status_code == 200 and response.get_json()["summary"]["total"] == 50


def test_orjson_own_bound_is_a_400_too(client):
    response = client.post(URL, data=b'{"answers":' + b"[" * 5000 + b"]" * 5000 + b"}", content_type="application/json")
    assert_error_shape(response, 400)


def test_body_over_the_limit_is_a_413_naming_it(make_client):
    response = make_client(MAX_CONTENT_LENGTH=256).post(URL, json={"answers": {}, "as_of": "2026-11-25" + " " * 300})
    error = assert_error_shape(response, 413)
    assert "256" in error["message"] and "HDS_MAX_BODY_BYTES" in error["message"]
    assert error["errors"]["body"]["limit"] == 256


def test_batch_body_and_items_over_their_limits_are_413s_naming_them(make_client):
    client = make_client(BATCH_MAX_BODY_BYTES=300, BATCH_MAX_ITEMS=2)
    too_big = client.post(BATCH, json={"items": [{"id": "x" * 400, "answers": {}}]})
    assert assert_error_shape(too_big, 413)["errors"]["body"]["limit"] == 300
    too_many = client.post(BATCH, json={"items": [{"id": n, "answers": {}} for n in range(3)]})
    assert assert_error_shape(too_many, 413)["errors"]["items"]["limit"] == 2


CSV_HEADER = "id,personal_data,health_data\n"


def csv_results(client, body: str) -> list[dict]:
    response = client.post(BATCH, data=body.encode(), content_type="text/csv", headers={"Accept-Language": "en"})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["results"]


def test_a_csv_line_over_the_limit_is_that_rows_error_only(make_client):
    client = make_client(CSV_MAX_ROW_CHARS=200)
    body = CSV_HEADER + "a,false,\n" + "b,true," + "x" * 500 + "\n" + "c,true,false\n"
    first, long_row, last = csv_results(client, body)
    assert first["id"] == "a" and first["exemptions"] == ["not_personal_data"]
    assert long_row["id"] is None
    message = long_row["error"]["errors"]["row"]["message"]
    assert "Line 3" in message and "200" in message and "HDS_CSV_MAX_ROW_CHARS" in message
    assert last["id"] == "c" and last["exemptions"] == ["not_health_data"]


def test_a_csv_cell_over_the_limit_is_that_rows_error_naming_the_column(make_client):
    client = make_client(CSV_MAX_CELL_CHARS=10)
    first, second = csv_results(client, CSV_HEADER + 'a,"' + "t" * 11 + '",\nb,false,\n')
    assert first["id"] == "a"
    assert "HDS_CSV_MAX_CELL_CHARS" in first["error"]["errors"]["answers.personal_data"]["message"]
    assert second["exemptions"] == ["not_personal_data"]


def test_an_id_cell_over_the_limit_is_named_as_such(make_client):
    (entry,) = csv_results(make_client(CSV_MAX_CELL_CHARS=10), CSV_HEADER + "x" * 11 + ",false,\n")
    assert entry["id"] is None and "10" in entry["error"]["errors"]["id"]["message"]


def test_a_quoted_cell_past_the_row_limit_is_its_rows_error_and_hides_no_row(make_client):
    # 200,000 characters over 1,000 short lines: no line is too long, the row its quote opens would be. The
    # row is an error naming its line and the limit; the lines it took in are read again, each as a row.
    client = make_client(CSV_MAX_ROW_CHARS=1000, CSV_MAX_CELL_CHARS=100)
    cell = '"' + ("y" * 200 + "\n") * 1000 + '"'
    body = CSV_HEADER + "a,false,\nb," + cell + ",\nc,false,\n"
    first, broken, *swallowed, last_quote, last = csv_results(client, body)
    assert first["id"] == "a" and first["exemptions"] == ["not_personal_data"]
    message = broken["error"]["errors"]["row"]["message"]
    assert "Line 3 not read" in message and "1000" in message and "HDS_CSV_MAX_ROW_CHARS" in message
    assert "up to line 7" in message  # 203 + 4 × 201 characters: past 1,000 at line 7
    assert len(swallowed) == 999 and all("HDS_CSV_MAX_CELL_CHARS" in str(entry["error"]) for entry in swallowed)
    assert "Line 1003" in last_quote["error"]["errors"]["row"]["message"]
    assert last["id"] == "c" and last["exemptions"] == ["not_personal_data"]


def test_a_csv_header_over_the_line_limit_refuses_the_batch_naming_it(make_client):
    response = make_client(CSV_MAX_ROW_CHARS=100).post(BATCH, data=("id," * 60).encode(), content_type="text/csv")
    error = assert_error_shape(response, 422)
    assert error["errors"]["header"]["limit"] == 100


def test_bounded_lines_drop_a_long_line_in_pieces_and_go_on():
    lines = BoundedLines(io.StringIO("short\n" + "z" * 300_000 + "\r\nafter\n", newline=""), 10)
    assert next(lines) == "short\n"
    with pytest.raises(LineTooLong) as raised:
        next(lines)
    assert raised.value.line == 2
    assert next(lines) == "after\n" and list(lines) == []


def test_the_command_line_applies_the_same_limits(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("HDS_CSV_MAX_ROW_CHARS", "100")
    source = tmp_path / "in.csv"
    source.write_text(CSV_HEADER + "a," + "t" * 200 + ",\nb,false,\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--quiet", "--lang", "en"]) == 1
    out = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "HDS_CSV_MAX_ROW_CHARS" in out and "\nb,No HDS certification required: not personal data,complete," in out


def test_the_command_line_refuses_a_header_over_the_limit(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("HDS_CSV_MAX_ROW_CHARS", "50")
    source = tmp_path / "in.csv"
    source.write_text("id," * 40 + "\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--quiet"]) == 2
    assert "HDS_CSV_MAX_ROW_CHARS" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()


def test_a_json_line_nested_too_deep_is_that_lines_error(tmp_path: Path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("[" * 100_000 + "]" * 100_000 + '\n{"id": "b", "answers": {"personal_data": false}}\n')
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--quiet"]) == 1
    first, second = (tmp_path / "out.jsonl").read_text().splitlines()
    assert '"error"' in first and '"not_personal_data"' in second


def test_a_json_line_over_the_line_limit_is_that_lines_error(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HDS_CSV_MAX_ROW_CHARS", "100")
    source = tmp_path / "in.jsonl"
    long_line = json.dumps({"id": "a", "answers": {"personal_data": False}, "x": "y" * 300})
    source.write_text(long_line + '\n{"id": "b", "answers": {"personal_data": false}}\n', encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--quiet", "--lang", "en"]) == 1
    first, second = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert "Line 1" in first["error"]["errors"]["item"]["message"] and second["exemptions"] == ["not_personal_data"]
