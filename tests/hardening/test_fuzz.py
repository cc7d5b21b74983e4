"""Property-based fuzzing of what a stranger can send: the assessment and batch endpoints (JSON and CSV) and the
command line's CSV reader. Whatever comes in — nonsense, deep nesting, huge strings, other encodings, NUL bytes,
duplicate keys, numbers where strings belong — the answer is never a 5xx nor a crash, and every refusal has the
contract's error shape. `HYPOTHESIS_PROFILE=release` (scripts/fuzz-release.sh) runs many more examples."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hds_api import create_app
from hds_api.batch.errors import UsageError
from hds_api.batch.formats.cells import FORMULA_STARTS
from hds_api.batch.formats.csv_format import read_csv_items, render_csv
from hds_api.batch.formats.lines import RowLimits
from hds_api.batch.formats.table import input_columns
from hds_api.cli.main import main

from ..batch.conftest import error_outcome, outcomes_of
from ..support import assert_error_shape
from .conftest import COMPLETE

settings.register_profile("ci", max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("release", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
fuzz = settings.get_profile(PROFILE)

URL, BATCH = "/v1/assessments", "/v1/assessments/batch"
QUESTION_IDS = list(COMPLETE)

# Text a stranger might type: any code point but surrogates (NUL and controls included), sometimes very long.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
huge_text = st.builds(lambda c, n: c * n, st.characters(exclude_categories=("Cs",)), st.integers(1_000, 200_000))
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**63), 2**64), st.floats(allow_nan=False), any_text,
    st.sampled_from(["true", "oui", "digital", "2026-11-25", "1999-01-01", "v2", "", "\x00", "é" * 3]),
)  # fmt: skip
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(any_text, inner, max_size=4)),
    max_leaves=20,
)
# Answers that are mostly the real ids, with wrong values of every kind.
answers = st.dictionaries(st.one_of(st.sampled_from(QUESTION_IDS), any_text), json_values, max_size=8)
certifications = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {}, optional={"activities": json_values, "referential": json_values, "valid_until": json_values}
    ),
)
requests = st.fixed_dictionaries(
    {},
    optional={"answers": st.one_of(answers, json_values), "as_of": json_values, "lang": json_values,
              "current_certification": certifications, "extra": json_values},
)  # fmt: skip


def deep(depth: int, leaf: str = "1") -> str:
    return "[" * depth + leaf + "]" * depth


def with_duplicate_keys(body: dict) -> str:
    """The JSON of `body` with each key written twice, the first time with a wrong value."""
    parts = [f"{json.dumps(key)}: 12345, {json.dumps(key)}: {json.dumps(value)}" for key, value in body.items()]
    return "{" + ", ".join(parts) + "}"


def encodings(text: str) -> st.SearchStrategy[bytes]:
    """The same text as UTF-8, with a BOM, as latin-1 or UTF-16, or with invalid UTF-8 spliced in."""
    return st.sampled_from(
        [
            text.encode("utf-8"),
            b"\xef\xbb\xbf" + text.encode("utf-8"),
            text.encode("latin-1", errors="replace"),
            text.encode("utf-16"),
            text.encode("utf-8")[:-1] + b"\xff\xfe" + text.encode("utf-8")[-1:],
            text.encode("utf-8").replace(b",", b"\x00,", 1),
        ]
    )


raw_json_bodies = st.one_of(
    requests.map(json.dumps),
    requests.map(with_duplicate_keys),
    st.integers(1, 3000).map(lambda depth: '{"answers": {"personal_data": ' + deep(depth) + "}}"),
    huge_text.map(lambda text: json.dumps({"answers": {"storage_medium": text}})),
    any_text,
    st.sampled_from(["", "null", "[]", "{", '{"answers": NaN}', '{"answers": {}} trailing', "1e999999"]),
).flatmap(lambda text: encodings(text) if text.isascii() or len(text) < 5000 else st.just(text.encode()))
content_types = st.sampled_from(
    ["application/json", "application/json; charset=latin-1", "text/csv", "text/plain", "", "multipart/form-data"]
)


@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True, "ACCESS_LOG": "off"}).test_client()


def check(response) -> None:
    """Never a 5xx; a refusal in the error shape; a success as the contract's JSON."""
    assert response.status_code < 500, response.get_data()[:500]
    if response.status_code >= 400:
        assert_error_shape(response)
    else:
        assert response.status_code == 200 and response.mimetype in ("application/json", "text/csv")


@fuzz
@given(
    body=raw_json_bodies, content_type=content_types, query=st.sampled_from(["", "?lang=en", "?lang=\x00", "?lang=de"])
)
def test_assessments_never_fail(client, body, content_type, query):
    check(client.post(URL + query, data=body, content_type=content_type or None))


@fuzz
@given(request=requests)
def test_assessments_refuse_with_the_shape_or_answer_with_a_result(client, request):
    response = client.post(URL, json=request)
    check(response)
    if response.status_code == 200:
        assert response.get_json()["status"] in ("complete", "incomplete")


batch_items = st.lists(st.one_of(requests.map(lambda r: {"id": "x", **r}), json_values), max_size=6)
batch_bodies = st.one_of(
    st.fixed_dictionaries({"items": batch_items}, optional={"as_of": json_values, "lang": json_values,
                                                              "detail": json_values, "other": json_values}),
    json_values,
).map(json.dumps)  # fmt: skip


@fuzz
@given(
    body=st.one_of(batch_bodies, raw_json_bodies.map(lambda raw: raw.decode("latin-1"))),
    accept=st.sampled_from(["application/json", "text/csv", "*/*"]),
)
def test_json_batches_never_fail_and_isolate_bad_items(client, body, accept):
    response = client.post(BATCH, data=body, content_type="application/json", headers={"Accept": accept})
    check(response)
    if response.status_code == 200 and response.mimetype == "application/json":
        answer = response.get_json()
        assert len(answer["results"]) == answer["summary"]["total"] == len(json.loads(body)["items"])


def csv_texts(columns: list[str]) -> st.SearchStrategy[str]:
    header = st.lists(st.one_of(st.sampled_from(columns), any_text), min_size=1, max_size=8).map(
        lambda names: ["id", *names] if names[0] != "id" else names
    )
    typed = st.sampled_from(["true", "non", "VRAI", "eea_only", "4;5;6", "=cmd()", '"', "\r", "2026-11-25"])
    cells = st.one_of(any_text, typed, huge_text)

    def table(names, delimiter):
        rows = st.lists(st.lists(cells, max_size=len(names) + 2), max_size=5)
        return rows.map(lambda body: "\n".join(delimiter.join(row) for row in [names, *body]))

    return st.tuples(header, st.sampled_from([",", ";", "\t"])).flatmap(lambda args: table(*args))


@pytest.fixture(scope="module")
def columns(rules):
    return input_columns(rules.catalogue)


@fuzz
@given(data=st.data())
def test_csv_batches_never_fail(client, columns, data):
    text = data.draw(st.one_of(csv_texts(columns), any_text))
    body = data.draw(encodings(text)) if len(text) < 5000 else text.encode()
    accept = data.draw(st.sampled_from(["application/json", "text/csv"]))
    check(client.post(BATCH + "?as_of=2026-11-25", data=body, content_type="text/csv", headers={"Accept": accept}))


@fuzz
@given(data=st.data())
def test_the_csv_reader_reads_or_names_the_problem(rules, columns, data):
    text = data.draw(st.one_of(csv_texts(columns), any_text))
    try:
        codec, items = read_csv_items(text, rules.catalogue, "en", RowLimits(row_chars=5000, cell_chars=500))
    except UsageError as error:
        assert error.message and isinstance(error.errors, dict)
        return
    for item in items:
        assert item.errors or isinstance(item.answers, dict)


# Cells of any kind a spreadsheet could write: line breaks of every kind, quotes, delimiters, would-be formulas.
spreadsheet_cells = st.one_of(
    any_text,
    st.lists(st.sampled_from(["\r", "\n", "\r\n", '"', ",", ";", "=1+1", "+2", "-3", "@x", "\t", " ", "s"]),
             max_size=8).map("".join),
)  # fmt: skip
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@fuzz
@given(rows=st.lists(st.lists(spreadsheet_cells, min_size=1, max_size=2), max_size=6), delimiter=st.sampled_from(",;"))
def test_rows_written_by_a_spreadsheet_come_back_one_item_each(rules, rows, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([["id", "personal_data"], *rows])
    codec, items = read_csv_items(out.getvalue(), rules.catalogue, "en")
    kept = [row for row in rows if "".join(row).strip()]  # rows of empty cells are skipped
    assert [item.id for item in items] == [row[0].strip() or None for row in kept]


@fuzz
@given(ids=st.lists(spreadsheet_cells, max_size=6), delimiter=st.sampled_from(",;\t"))
def test_the_csv_written_has_one_row_per_entry_and_starts_no_formula(rules, ids, delimiter):
    entries = outcomes_of(rules, [{"id": item_id, "answers": {"personal_data": False}} for item_id in ids[:3]])
    entries += [error_outcome(None, text) for text in ids[3:]]
    text = render_csv(entries, delimiter, "en", header=True)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert len(rows) == 1 + len(entries)
    for part in LINE_BREAK.split(text):  # what a reader splitting lines first would see starting a row
        assert not part.startswith(("=", "+", "-", "@")), repr(text)  # (a tab there is the delimiter)
    for row in rows:
        assert not any(part.startswith(FORMULA_STARTS) for cell in row for part in LINE_BREAK.split(cell))


@fuzz
@given(data=st.data())
def test_the_command_line_exits_0_1_or_2_and_never_crashes(tmp_path_factory, columns, data, capsys):
    text = data.draw(st.one_of(csv_texts(columns), any_text))
    content = data.draw(encodings(text)) if len(text) < 5000 else text.encode()
    folder = tmp_path_factory.mktemp("cli")
    (folder / "in.csv").write_bytes(content)
    code = main(["batch", str(folder / "in.csv"), "-o", str(folder / "out.csv"), "--quiet", "--as-of", "2026-11-25"])
    captured = capsys.readouterr()
    assert code in (0, 1, 2), captured.err
    assert "Traceback" not in captured.err
    if code == 2:
        assert captured.err.startswith("error:") and not (folder / "out.csv").exists()
    else:
        out = (folder / "out.csv").read_text(encoding="utf-8-sig")
        assert out.splitlines()[0].lstrip("\ufeff").split(out[2] if out[2] in ",;\t" else ",")[0] == "id"


def test_jsonl_lines_of_every_kind_are_read_or_named(tmp_path, capsys):
    lines = [deep(5000), '{"id": "a", "id": "b", "answers": {}}', "\x00", '{"id": 1, "answers": {"personal_data": 0}}']
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--quiet"]) == 1
    entries = [json.loads(line) for line in io.StringIO((tmp_path / "out.jsonl").read_text(encoding="utf-8"))]
    assert len(entries) == 4 and entries[1]["id"] == "b"
