"""`python -m hds_api batch`: CSV and JSON lines, exit codes 0/1/2, the summary line, the parallel path."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from hds_api.batch.formats.table_output import OUTPUT_COLUMNS
from hds_api.cli.main import main

from .conftest import AS_OF, REQUIRED, SELF_HOSTING, read_csv, write_csv


def batch(*args: str) -> int:
    return main(["batch", *map(str, args)])


def test_csv_in_csv_out_exit_0(tmp_path, columns, capsys):
    source = write_csv(tmp_path / "in.csv", [{"id": "a", **REQUIRED}, {"id": "b", **SELF_HOSTING}], columns)
    assert batch(source, "--output", tmp_path / "out.csv", "--as-of", AS_OF) == 0
    rows = read_csv(tmp_path / "out.csv")
    assert list(rows[0]) == list(OUTPUT_COLUMNS)
    assert [(row["id"], row["hds_certification_required"], row["exemptions"]) for row in rows] == [
        ("a", "true", ""), ("b", "false", "self_hosting"),
    ]  # fmt: skip
    assert rows[0]["activities"] == "4;5;6"
    assert capsys.readouterr().out.strip() == (
        "2 assessed; 1 required; 1 not required (self_hosting 1); 0 incomplete; 0 error(s)"
    )


def test_semicolon_and_bom_come_back_as_they_came(tmp_path, columns):
    source = write_csv(tmp_path / "in.csv", [{"id": "a", **SELF_HOSTING}], columns, delimiter=";", bom=True)
    assert batch(source, "-o", tmp_path / "out.csv") == 0
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;status;") and b"\na;complete;false;" in raw


def test_bad_rows_give_exit_1_and_keep_the_other_rows(tmp_path, columns, capsys):
    rows = [
        {"id": "ok", **SELF_HOSTING},
        {"id": "bad-bool", "personal_data": "peut-être"},
        {"id": "bad-value", **REQUIRED, "storage_location": "France"},
        {"id": "bad-date", **SELF_HOSTING, "as_of": "2026-13-01"},
        {"id": "ok2", **REQUIRED},
    ]
    out = tmp_path / "out.csv"
    assert batch(write_csv(tmp_path / "in.csv", rows, columns), "-o", out, "--lang", "en", "--as-of", AS_OF) == 1
    result = read_csv(out)
    assert [row["id"] for row in result] == ["ok", "bad-bool", "bad-value", "bad-date", "ok2"]
    assert [row["status"] for row in result] == ["complete", "", "", "", "complete"]
    assert result[1]["error"].startswith("personal_data: Must be a boolean")
    assert "storage_location: Value outside the allowed choices. «France»" in result[2]["error"]
    assert result[3]["error"].startswith("as_of: Must be a date")
    assert "3 error(s)" in capsys.readouterr().out


def test_jsonl_in_jsonl_out(tmp_path, capsys):
    lines = [
        json.dumps({"id": "a", "answers": REQUIRED, "current_certification": {
            "activities": [4, 5], "referential": "v2", "valid_until": "2027-01-01"}}),
        "",
        "{not json",
        json.dumps({"id": "c", "answers": {"personal_data": False}, "as_of": "2024-01-01"}),
        json.dumps({"id": "a", "answers": {"foo": True}}),
    ]  # fmt: skip
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch(tmp_path / "in.jsonl", "-o", out, "--as-of", AS_OF) == 1
    entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [entry["id"] for entry in entries] == ["a", None, "c", "a"]
    assert (entries[0]["certification_gap"], entries[0]["missing_activities"]) == ("gap", [6])
    assert "item" in entries[1]["error"]["errors"] and entries[2]["as_of"] == "2024-01-01"
    assert list(entries[3]["error"]["errors"]) == ["answers.foo"]
    assert "1 duplicate id(s): a" in capsys.readouterr().out


def test_jsonl_full_detail(tmp_path):
    (tmp_path / "in.ndjson").write_text(json.dumps({"id": "a", "answers": REQUIRED}) + "\n", encoding="utf-8")
    assert batch(tmp_path / "in.ndjson", "-o", tmp_path / "out", "--detail", "full", "--lang", "en") == 0
    entry = json.loads((tmp_path / "out").read_text(encoding="utf-8"))
    assert entry["trace"] and entry["certificates"][0]["label"] and entry["lang"] == "en"


def test_format_flag_overrides_the_extension(tmp_path):
    (tmp_path / "in.txt").write_text("id,personal_data\na,false\n", encoding="utf-8")
    assert batch(tmp_path / "in.txt", "-o", tmp_path / "out.txt", "--format", "csv") == 0
    assert read_csv(tmp_path / "out.txt")[0]["exemptions"] == "not_personal_data"


@pytest.mark.parametrize(
    ("content", "extra", "expected"),
    [
        (None, [], "cannot read"),
        ("id,personal_dat,supplier_name\n", [], "column(s) personal_dat close to a known column"),
        ("", [], "Unreadable header: empty"),
        (b"id,personal_data\xe9\n", [], "not UTF-8"),
        (b"id,personal_data\na,true\nb,\xe9\n", [], "not UTF-8"),
        ("personal_data\nfalse\n", [], "column is required"),
        ("id\na\n", ["--as-of", "2017-01-01"], "as_of"),
        ("id\na\n", ["--lang", "de"], "lang"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(tmp_path, capsys, content, extra, expected):
    source = tmp_path / "in.csv"
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif content is not None:
        source.write_text(content, encoding="utf-8")
    assert batch(source, "-o", tmp_path / "out.csv", "--lang", "en", *extra) == 2
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()


def test_a_misspelt_column_error_names_the_one_it_resembles_and_lists_the_known_ones(tmp_path, capsys, columns):
    (tmp_path / "in.csv").write_text("id,storage_locaton\n", encoding="utf-8")
    assert batch(tmp_path / "in.csv", "-o", tmp_path / "out.csv", "--lang", "en") == 2
    err = capsys.readouterr().err
    assert "storage_locaton: Unknown column close to 'storage_location'" in err
    assert "allowed: " + ", ".join([*columns, "supplier_siren", "supplier_siret", "client_finess"]) in err


def test_unknown_extension_and_output_over_input_are_usage_errors(tmp_path, capsys):
    (tmp_path / "in.txt").write_text("id\na\n", encoding="utf-8")
    assert batch(tmp_path / "in.txt", "-o", tmp_path / "out") == 2
    (tmp_path / "in.csv").write_text("id\na\n", encoding="utf-8")
    assert batch(tmp_path / "in.csv", "-o", tmp_path / "in.csv", "--format", "csv") == 2
    assert (tmp_path / "in.csv").read_text(encoding="utf-8") == "id\na\n"
    err = capsys.readouterr().err
    assert "--format csv|jsonl" in err and "OUTPUT is INPUT" in err


def test_parallel_output_is_identical_to_serial(tmp_path, columns):
    rows = [{"id": f"s{n}", **(REQUIRED if n % 3 else SELF_HOSTING), "personal_data": "maybe" if n == 1234 else True}
            for n in range(2600)]  # fmt: skip
    source = write_csv(tmp_path / "in.csv", rows, columns)
    assert batch(source, "-o", tmp_path / "serial.csv", "--jobs", "1", "--as-of", AS_OF) == 1
    assert batch(source, "-o", tmp_path / "parallel.csv", "--jobs", "2", "--as-of", AS_OF) == 1
    serial = (tmp_path / "serial.csv").read_bytes()
    assert serial == (tmp_path / "parallel.csv").read_bytes()
    assert serial.count(b"\n") == 2601 and b"\ns1234," in serial


def test_stdout_output_puts_the_summary_on_stderr(tmp_path, capsys):
    (tmp_path / "in.csv").write_text("id,personal_data\na,false\n", encoding="utf-8")
    assert batch(tmp_path / "in.csv", "-o", "-") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("id,status,") and "a,complete,false" in captured.out
    assert captured.err.startswith("1 assessed")


def test_ctrl_c_stops_every_process_and_leaves_no_half_file(tmp_path, columns):
    source = write_csv(tmp_path / "in.csv", [{"id": f"s{n}", **REQUIRED} for n in range(60_000)], columns)
    output = tmp_path / "out.csv"
    command = [sys.executable, "-m", "hds_api", "batch", str(source), "-o", str(output), "--jobs", "2"]
    process = subprocess.Popen(
        command,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
        # As in a terminal, even if these tests run in the background (where the shell ignores Ctrl-C).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    while not (output.exists() and output.stat().st_size > 100_000) and time.monotonic() < deadline:
        time.sleep(0.02)  # wait until it is writing results
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole process group
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and err.decode() == "error: interrupted\n"
    assert not output.exists()
