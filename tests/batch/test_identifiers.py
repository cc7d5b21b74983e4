"""SIREN, SIRET and FINESS columns: checked (length, département, check digit), echoed as typed; a bad one is its
row's error naming the column, and the file goes on."""

from __future__ import annotations

import csv
import io

import pytest

from hds_api.batch.identifiers import finess_problem, luhn_valid, siren_problem, siret_problem
from hds_api.cli.main import main

# Published in the FINESS register's own sample (data.gouv.fr flow): a clinic, its SIREN and one of its SIRETs.
CLINIC_SIREN, CLINIC_SIRET, CLINIC_FINESS = "772201489", "77220148900022", "010780195"


def test_luhn():
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")


@pytest.mark.parametrize("text", [CLINIC_SIREN, "772 201 489", "772\u00a0201\u00a0489", "356000000"])
def test_valid_sirens(text):
    assert siren_problem(text) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [("772201488", "bad_check_digit"), ("77220148", "bad_siren"), ("77220148A", "bad_siren"), ("", "bad_siren")],
)
def test_invalid_sirens(text, problem):
    assert siren_problem(text) == problem


@pytest.mark.parametrize(
    "text",
    [
        CLINIC_SIRET,
        "772 201 489 00022",
        "35600000000048",  # La Poste's head office: a Luhn key like any SIRET
        "35600000010000",  # another La Poste establishment: its digits add up to a multiple of 5, no Luhn key
    ],
)
def test_valid_sirets(text):
    assert siret_problem(text) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("77220148900023", "bad_check_digit"),
        ("35600000010001", "bad_check_digit"),  # La Poste's rule does not save it (nor Luhn)
        ("7722014890002", "bad_siret"),
        ("772201489000222", "bad_siret"),
    ],
)
def test_invalid_sirets(text, problem):
    assert siret_problem(text) == problem


@pytest.mark.parametrize(
    "text",
    [
        CLINIC_FINESS,
        "010000016",
        "01 0000 156",
        "2A0000016",  # Corsica: A and B count as 0 in the key (the département was 20)
        "2b0000016",
        "971000013",  # overseas: 97 then the département's digit (Guadeloupe)
        "974000010",  # (La Réunion)
    ],
)
def test_valid_finess_numbers(text):
    assert finess_problem(text) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("010780196", "bad_check_digit"),
        ("200000016", "bad_finess"),  # no département 20 since Corsica was split
        ("960000010", "bad_finess"),  # no département 96
        ("2C0000014", "bad_finess"),
        ("01078019", "bad_finess"),
    ],
)
def test_invalid_finess_numbers(text, problem):
    assert finess_problem(text) == problem


def test_identifiers_are_checked_and_echoed_and_a_bad_one_is_its_rows_error(tmp_path, capsys):
    rows = [
        ["id", "personal_data", "supplier_siren", "supplier_siret", "client_finess"],
        ["good", "non", CLINIC_SIREN, CLINIC_SIRET, CLINIC_FINESS],
        ["bad-siret", "non", CLINIC_SIREN, "77220148900023", CLINIC_FINESS],
        ["other-company", "non", "356000000", CLINIC_SIRET, ""],
        ["bad-finess", "non", "", "", "01078019"],
        ["after", "non", "", "", ""],
    ]
    source = tmp_path / "in.csv"
    source.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.csv"), "--lang", "en", "-q"]) == 1
    out = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert [row["supplier_siret"] for row in out] == [CLINIC_SIRET, "77220148900023", CLINIC_SIRET, "", ""]
    assert [row["status"] for row in out] == ["complete", "", "", "", "complete"]
    assert out[1]["error"] == "supplier_siret: Wrong check digit: the number has a typo. «77220148900023»"
    assert out[2]["error"].startswith("supplier_siret: This SIRET is not an establishment of the SIREN")
    assert out[3]["error"].startswith("client_finess: A FINESS number has 9 characters")
    assert "3 error(s)" in capsys.readouterr().out


def test_identifiers_over_http_are_echoed_in_json(client):
    body = f"id;personal_data;supplier_siret\ns1;non;{CLINIC_SIRET}\ns2;non;123\n".encode()
    results = client.post("/v1/assessments/batch", data=body, content_type="text/csv").get_json()["results"]
    assert results[0]["supplier_siret"] == CLINIC_SIRET and results[0]["exemptions"] == ["not_personal_data"]
    assert results[1]["supplier_siret"] == "123" and list(results[1]["error"]["errors"]) == ["supplier_siret"]
