"""What changes when the law does: each row assessed at two dates, the rows that change listed with what changes
and the legal dates (law.yaml) that make it change, the others counted — on the command line and over HTTP."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from hds_api.batch import UsageError
from hds_api.batch.impact import impact_options, legal_dates_between
from hds_api.batch.impact import window as impact_window
from hds_api.cli.main import main

from ..answers import complete_answers
from .conftest import REQUIRED, write_csv

URL = "/v1/assessments/impact"
V1 = {"current_activities": "4;5;6", "current_referential": "v1", "current_valid_until": "2028-12-31"}
V2 = {**V1, "current_referential": "v2"}


@pytest.fixture(scope="module")
def portfolio() -> list[dict]:
    """One supplier for each legal date to cross, one that nothing changes, one whose certificate ends."""
    return [
        {"id": "v1-holder", "Nom": "Ancien certificat", **REQUIRED, **V1},
        {"id": "archiver", "Nom": "Archives", **complete_answers(storage_medium="electronic_archiving")},
        {"id": "us-storage", "Nom": "Stockage hors EEE", **complete_answers(storage_location="outside_eea"), **V2},
        {"id": "quiet", "Nom": "Rien ne change", **REQUIRED, **V2},
        {"id": "ending", "Nom": "Fin de certificat", **REQUIRED, **V2, "current_valid_until": "2026-06-30"},
        {"id": "typo", "Nom": "Erreur", "personal_data": "peut-être"},
    ]


@pytest.fixture()
def suppliers(tmp_path, columns, portfolio):
    return write_csv(tmp_path / "fournisseurs.csv", portfolio, ["id", "Nom", *columns[1:]], delimiter=";")


def report(path) -> dict[str, dict]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";")
    return {row["id"]: row for row in rows}


def test_the_legal_dates_between_two_dates_come_from_the_rules(rules):
    crossed = legal_dates_between(rules, date(2025, 1, 1), date(2026, 12, 31), "en")
    assert [(d.name, d.date.isoformat()) for d in crossed] == [
        ("sren_electronic_archiving", "2025-07-01"), ("decret_2026_209_in_force", "2026-03-27"),
        ("v1_certificates_lapse", "2026-05-16"), ("csp_eea_storage", "2026-09-26"),
    ]  # fmt: skip
    assert crossed[3].references == ("CSP art. R.1111-9-1 (décret n° 2026-209 of 24 March 2026)",)


def test_each_row_that_changes_says_what_and_on_which_legal_date(suppliers, tmp_path, capsys):
    out = tmp_path / "impact.csv"
    assert main(["impact", str(suppliers), "--from", "2025-01-01", "--to", "2026-12-31", "-o", str(out),
                 "--lang", "fr", "-q"]) == 1  # fmt: skip  # the typo row
    rows = report(out)
    assert list(rows) == ["v1-holder", "archiver", "us-storage", "ending", "typo"]  # `quiet` is counted only
    v1 = rows["v1-holder"]
    assert (v1["Nom"], v1["changes"], v1["legal_dates"]) == (
        "Ancien certificat", "certification_gap: covered → outdated_referential", "2026-05-17 v1_certificates_lapse",
    )  # fmt: skip
    assert v1["why"] == "Fin de validité des certificats délivrés selon le référentiel v1"
    assert v1["references"].startswith("Arrêté du 26 avril 2024")
    archiver = rows["archiver"]
    assert archiver["legal_dates"] == "2025-07-01 sren_electronic_archiving"
    assert (archiver["required_before"], archiver["required_after"]) == ("false", "true")
    assert (archiver["exemptions_before"], archiver["exemptions_after"]) == ("electronic_archiving_approval", "")
    assert (archiver["certificates_before"], archiver["certificates_after"]) == ("", "managed_services_host:4,5,6")
    assert "hds_certification_required: false → true" in archiver["changes"]
    storage = rows["us-storage"]
    assert storage["legal_dates"] == "2026-09-26 csp_eea_storage"
    assert (
        storage["changes"]
        == "flag_references: + storage_outside_eea: CSP art. R.1111-9-1 (décret n° 2026-209 du 24 mars 2026)"
    )
    assert storage["certification_gap_before"] == storage["certification_gap_after"] == "non_compliant"
    ending = rows["ending"]
    assert ending["legal_dates"] == "2026-07-01 certificate_expiry"
    assert (ending["certification_gap_before"], ending["certification_gap_after"]) == ("covered", "expired")
    assert rows["typo"]["error"].startswith("personal_data: ")
    line = capsys.readouterr().out
    assert line.startswith("2025-01-01 → 2026-12-31: 6 assessed; 4 change; 1 unchanged; 1 error(s)")
    assert "2026-05-16 v1_certificates_lapse: 1" in line and "2026-03-27 decret_2026_209_in_force: 0" in line


def test_all_lists_the_unchanged_rows_too_and_json_lines_carry_the_causes(suppliers, tmp_path):
    out = tmp_path / "impact.jsonl"
    assert main(["impact", str(suppliers), "--from", "2026-05-01", "--to", "2026-05-31", "-o", str(out), "--all",
                 "-q"]) == 1  # fmt: skip
    entries = {entry["id"]: entry for entry in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert list(entries) == ["v1-holder", "archiver", "us-storage", "quiet", "ending", "typo"]
    assert entries["quiet"]["changed"] is False and entries["quiet"]["changes"] == {}
    assert entries["v1-holder"]["causes"] == [
        {"date": "2026-05-17", "legal_dates": ["v1_certificates_lapse"], "certificate_expiry": False,
         "changes": ["certification_gap"]},
    ]  # fmt: skip
    assert entries["v1-holder"]["passed_through"] == {"Nom": "Ancien certificat"}
    assert entries["v1-holder"]["before"]["as_of"] == "2026-05-01" and entries["v1-holder"]["after"]["as_of"] == (
        "2026-05-31"
    )


def test_without_dates_every_legal_date_ahead_of_today_is_reported(suppliers, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(impact_window, "today_in_paris", lambda: date(2026, 1, 15))
    out = tmp_path / "impact.json"
    assert main(["impact", str(suppliers), "-o", str(out), "-q", "--lang", "en"]) == 1
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert (summary["from"], summary["to"]) == ("2026-01-15", "2026-09-26")
    assert [(d["name"], d["changed"]) for d in summary["legal_dates"]] == [
        ("decret_2026_209_in_force", 0), ("v1_certificates_lapse", 1), ("csp_eea_storage", 1),
    ]  # fmt: skip
    assert (
        summary["legal_dates"][1]["label"] == "Certificates issued under referential v1 stop counting after this date"
    )
    assert (summary["changed"], summary["unchanged"], summary["errors"]) == (3, 2, 1)
    assert summary["passed_through"] == ["Nom"]
    monkeypatch.setattr(impact_window, "today_in_paris", lambda: date(2027, 1, 1))
    assert main(["impact", str(suppliers), "-o", str(tmp_path / "none.csv"), "-q"]) == 1
    assert "2027-01-01 → 2027-01-01 (no named legal date in between): 6 assessed; 0 change" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("start", "end", "fields"),
    [("2026-12-31", "2026-01-01", {"to"}), ("2017-01-01", None, {"from"}), ("yesterday", "2026-13-01", {"from", "to"})],
)
def test_a_bad_window_is_refused_naming_the_date(rules, start, end, fields):
    with pytest.raises(UsageError) as raised:
        impact_options(rules, start, end, "en")
    assert set(raised.value.errors) == fields


def test_over_http_json_items_in_json_out(client):
    items = [
        {"id": "v1", "answers": REQUIRED, "current_certification": {"activities": [4, 5, 6], "referential": "v1",
                                                                      "valid_until": "2028-01-01"}},
        {"id": "same", "answers": REQUIRED},
        {"id": "bad", "answers": {"nope": True}},
    ]  # fmt: skip
    response = client.post(URL, json={"items": items, "from": "2026-01-01", "to": "2026-12-31", "lang": "en"})
    assert response.status_code == 200
    body = response.get_json()
    assert [entry["id"] for entry in body["results"]] == ["v1", "bad"]
    assert body["results"][0]["changes"] == {"certification_gap": {"from": "covered", "to": "outdated_referential"}}
    assert "answers.nope" in body["results"][1]["error"]["errors"]
    assert (body["summary"]["total"], body["summary"]["changed"], body["summary"]["unchanged"]) == (3, 1, 1)
    every = client.post(URL, json={"items": items, "from": "2026-01-01", "to": "2026-12-31", "all": True})
    assert [entry["id"] for entry in every.get_json()["results"]] == ["v1", "same", "bad"]


def test_over_http_a_spreadsheet_in_a_spreadsheet_out(client, suppliers, tmp_path):
    book = Workbook()
    for row in csv.reader(io.StringIO(suppliers.read_text(encoding="utf-8")), delimiter=";"):
        book.active.append(row)
    book.save(tmp_path / "in.xlsx")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = client.post(f"{URL}?from=2026-01-01&to=2026-12-31&lang=fr", data=(tmp_path / "in.xlsx").read_bytes(),
                           content_type=xlsx, headers={"Accept": xlsx})  # fmt: skip
    assert response.status_code == 200 and response.headers["X-Impact-Summary"].startswith("total=6, changed=3")
    sheet = load_workbook(io.BytesIO(response.get_data())).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "impact" and sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert rows[0][:4] == ("id", "Nom", "changed", "changes") and [row[0] for row in rows[1:]] == [
        "v1-holder", "us-storage", "ending", "typo",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "field"), [("from=2026-12-31&to=2026-01-01", "to"), ("from=2017-01-01", "from"), ("lang=de", "lang")]
)
def test_over_http_a_bad_window_is_a_422(client, query, field):
    response = client.post(f"{URL}?{query}", json={"items": []})
    assert response.status_code == 422 and field in response.get_json()["errors"]


def test_the_spec_documents_the_report(client):
    operation = client.get("/openapi.json").get_json()["paths"][URL]["post"]
    assert {"from", "to", "lang", "all"} <= {parameter["name"] for parameter in operation["parameters"]}
    assert set(operation["responses"]["200"]["content"]) == {
        "application/json", "text/csv", "application/x-ndjson",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }  # fmt: skip


def test_the_shortcut_for_rows_on_the_same_path_reports_what_assessing_again_reports(tmp_path, monkeypatch, columns):
    """Rows without a certificate whose dated steps span the window are not assessed again at the end date: the
    report must be the same as when they are."""
    from benchmarks.batch_cases import answer_sets
    from hds_api.batch.impact.job import ImpactJob

    rows = [{"id": f"s{n}", **answers} for n, answers in enumerate(answer_sets())]
    rows.append({"id": "archiver", **complete_answers(storage_medium="electronic_archiving")})
    source = write_csv(tmp_path / "in.csv", rows, columns)

    def report_of(name: str) -> str:
        out = tmp_path / f"{name}.jsonl"
        assert main(["impact", str(source), "--from", "2025-01-01", "--to", "2026-12-31", "--all", "-o", str(out),
                     "-q"]) == 0  # fmt: skip
        return out.read_text(encoding="utf-8")

    shortcut = report_of("shortcut")
    monkeypatch.setattr(ImpactJob, "_walks_alike", lambda self, result, item: False)
    assert report_of("assessed") == shortcut
    assert shortcut.count('"changed":true') > 50  # the decree's and the CSP's new citations, the SREN date


def test_without_dates_the_window_reaches_the_day_a_last_legal_date_takes_effect(rules, monkeypatch):
    """A rule that counts "until" its date (as v1 certificates do) changes rows the next day: when such a date is
    the last one ahead, the default window runs to that next day, or the change would fall outside it."""
    assert impact_options(rules, today=date(2026, 6, 1)).end == date(2026, 9, 26)  # from that day: the same day
    monkeypatch.setattr(impact_window, "days_after", lambda rules: frozenset({"csp_eea_storage"}))
    assert impact_options(rules, today=date(2026, 6, 1)).end == date(2026, 9, 27)
