"""Spreadsheets as people have them: their own columns carried through in place, readable columns in the
language asked, `unused_answers`, and a certification gap that is never blank for two different reasons."""

from __future__ import annotations

import csv
import io

import pytest

from hds_api.batch.formats.table_output import OUTPUT_COLUMNS
from hds_api.batch.readable import conclusion
from hds_api.cli.main import main

from .conftest import AS_OF, REQUIRED, SELF_HOSTING, write_csv

URL = "/v1/assessments/batch"


def table(text: str) -> list[dict]:
    text = text.lstrip("\ufeff")
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def header_of(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


SPREADSHEET = (
    "Fournisseur;id;personal_data;health_data;SIRET du contrat;Notes\r\n"
    "ACME Santé;s1;oui;non;sans objet;=à revoir\r\n"
    "Nuage;s2;non;;;\r\n"
)


def test_unknown_columns_are_carried_through_unchanged_in_their_place(client):
    response = client.post(f"{URL}?as_of={AS_OF}", data=SPREADSHEET.encode(), content_type="text/csv",
                           headers={"Accept": "text/csv"})  # fmt: skip
    text = response.get_data(as_text=True)
    assert header_of(text) == ["Fournisseur", "id", "SIRET du contrat", "Notes", *OUTPUT_COLUMNS[1:]]
    rows = table(text)
    assert [(row["Fournisseur"], row["id"], row["SIRET du contrat"], row["Notes"]) for row in rows] == [
        ("ACME Santé", "s1", "sans objet", "'=à revoir"),  # a formula, neutralised as any cell
        ("Nuage", "s2", "", ""),
    ]
    assert [row["exemptions"] for row in rows] == ["not_health_data", "not_personal_data"]


def test_json_entries_and_the_summary_name_the_columns_passed_through(client):
    response = client.post(f"{URL}?as_of={AS_OF}", data=SPREADSHEET.encode(), content_type="text/csv")
    body = response.get_json()
    assert body["results"][0]["passed_through"] == {
        "Fournisseur": "ACME Santé", "SIRET du contrat": "sans objet", "Notes": "=à revoir",
    }  # fmt: skip
    assert body["summary"]["passed_through"] == ["Fournisseur", "SIRET du contrat", "Notes"]


def test_the_command_line_summary_lists_the_columns_passed_through(tmp_path, capsys):
    (tmp_path / "in.csv").write_text(SPREADSHEET, encoding="utf-8")
    assert main(["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF]) == 0
    assert capsys.readouterr().out.rstrip().endswith("passed through: Fournisseur, SIRET du contrat, Notes")


def test_a_result_file_fed_back_has_its_old_results_replaced_not_doubled(tmp_path):
    (tmp_path / "in.csv").write_text(SPREADSHEET, encoding="utf-8")
    assert main(["batch", str(tmp_path / "in.csv"), "-o", str(tmp_path / "first.csv"), "--lang", "fr"]) == 0
    rows = table((tmp_path / "first.csv").read_text(encoding="utf-8"))
    again = [{**row, "personal_data": "oui", "health_data": "oui"} for row in rows]  # answers given meanwhile
    with (tmp_path / "again.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, [*rows[0], "personal_data", "health_data"], delimiter=";")
        writer.writeheader()
        writer.writerows(again)
    assert main(["batch", str(tmp_path / "again.csv"), "-o", str(tmp_path / "second.csv"), "--lang", "fr"]) == 0
    second = (tmp_path / "second.csv").read_text(encoding="utf-8")
    assert header_of(second) == header_of((tmp_path / "first.csv").read_text(encoding="utf-8"))
    assert [row["next_question"] for row in table(second)] == ["data_originator", "data_originator"]


def test_the_summary_line_counts_the_certificates_compared_only(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text(
        "id,personal_data,current_activities,current_referential,current_valid_until\n"
        "a,false,4;5,v2,2027-01-01\nb,true,4,v2,2027-01-01\nc,false,,,\n",
        encoding="utf-8",
    )
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF]) == 0
    assert "; certificates compared: not_required 1" in capsys.readouterr().out  # a's; b is incomplete, c has none
    gaps = [row["certification_gap"] for row in table((tmp_path / "out.csv").read_text(encoding="utf-8"))]
    assert gaps == ["not_required", "not_assessed", "not_required"]


def test_a_column_of_the_users_named_like_a_result_column_is_refused_never_dropped(tmp_path, capsys):
    """Outside a result file fed back (which has the results' own columns), `Status` or `Flags` is the user's
    data: replacing it would lose it, so the header is refused naming the columns and how to keep them."""
    source = tmp_path / "in.csv"
    source.write_text("id;Statut;Status;personal_data;Flags\r\ns1;actif;ok;non;x\r\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "column(s) Status, Flags named like a result column; rename it (e.g. 'Status (source)')" in err
    assert not (tmp_path / "out.csv").exists()
    source.write_text("id;Statut;Status (source);personal_data\r\ns1;actif;ok;non\r\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--lang", "en"]) == 0
    row = table((tmp_path / "out.csv").read_text(encoding="utf-8"))[0]
    assert (row["Statut"], row["Status (source)"], row["status"]) == ("actif", "ok", "complete")


def test_an_identifiers_look_alike_is_the_users_own_column(client):
    """Only a column that would change an outcome is refused as a misspelling: `supplier_id` is carried through."""
    response = client.post(
        f"{URL}?as_of={AS_OF}", data=b"id,supplier_id,personal_data\na,ACME-7,false\n", content_type="text/csv"
    )
    assert response.status_code == 200
    entry = response.get_json()["results"][0]
    assert entry["passed_through"] == {"supplier_id": "ACME-7"} and entry["status"] == "complete"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Certification HDS requise : hébergeur infogéreur, activités 4, 5, 6"),
        ("en", "HDS certification required: managed services host, activities 4, 5, 6"),
    ],
)
def test_a_language_asked_gives_a_conclusion_sentence_labels_and_references(tmp_path, columns, lang, expected):
    source = write_csv(tmp_path / "in.csv", [{"id": "a", **REQUIRED}, {"id": "b", **SELF_HOSTING}], columns)
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF, "--lang", lang]) == 0
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    names = next(csv.reader(io.StringIO(text)))
    assert names[:3] == ["id", "conclusion", "status"] and names[-3:] == ["flag_labels", "references", "error"]
    required, self_hosting = table(text)
    assert required["conclusion"] == expected
    assert required["flag_labels"].startswith(("Le responsable de traitement", "The controller entrusting"))
    assert "CSP art. L.1111-8 I | CSP art. L.1111-8 II" in required["references"]
    assert self_hosting["conclusion"] == {"fr": "Pas de certification HDS requise : auto-hébergement",
                                          "en": "No HDS certification required: self-hosting"}[lang]  # fmt: skip


def test_no_language_asked_means_codes_only(tmp_path, columns, client):
    source = write_csv(tmp_path / "in.csv", [{"id": "a", **REQUIRED}], columns)
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF]) == 0
    assert "conclusion" not in (tmp_path / "out.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    plain = client.post(f"{URL}?as_of={AS_OF}", data=source.read_bytes(), content_type="text/csv",
                        headers={"Accept": "text/csv"})  # fmt: skip
    assert "conclusion" not in plain.get_data(as_text=True).split("\n", 1)[0]
    asked = client.post(f"{URL}?as_of={AS_OF}", data=source.read_bytes(), content_type="text/csv",
                        headers={"Accept": "text/csv", "Accept-Language": "en-GB,en;q=0.8"})  # fmt: skip
    assert table(asked.get_data(as_text=True))[0]["conclusion"].startswith("HDS certification required:")


def test_an_incomplete_row_says_which_question_comes_next(rules):
    result = rules.evaluate({"personal_data": True}, AS_OF, None, "fr")
    assert conclusion(result, "fr") == "Évaluation incomplète : question suivante health_data"


def test_the_gap_column_tells_not_assessed_from_not_required_and_unused_answers_are_listed(tmp_path, columns):
    held = {"current_activities": "4;5;6", "current_referential": "v2", "current_valid_until": "2027-12-31"}
    rows = [
        {"id": "no-certificate", **REQUIRED},
        {"id": "not-needed", **SELF_HOSTING, "insurer_purpose": "reimbursement"},
        {"id": "covered", **REQUIRED, **held},
        {"id": "incomplete", "personal_data": True},
    ]
    source = write_csv(tmp_path / "in.csv", rows, columns)
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--as-of", AS_OF]) == 0
    out = table((tmp_path / "out.csv").read_text(encoding="utf-8"))
    assert [row["certification_gap"] for row in out] == ["not_assessed", "not_required", "covered", "not_assessed"]
    assert [row["unused_answers"] for row in out] == ["", "insurer_purpose", "", ""]
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--as-of", AS_OF]) == 0
    assert '"certification_gap":null' in (tmp_path / "out.jsonl").read_text(encoding="utf-8")  # JSON: as before
