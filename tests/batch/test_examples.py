"""examples/suppliers.results.csv is what the CLI gives for examples/suppliers.csv today (the file fixes as_of)."""

from __future__ import annotations

from hds_api.cli.main import main

from ..conftest import ROOT
from .conftest import read_csv

EXAMPLES = ROOT / "examples"


def test_example_results_are_current(tmp_path, capsys):
    # One row is deliberately mistyped to show a row error, hence exit code 1.
    assert main(["batch", str(EXAMPLES / "suppliers.csv"), "--output", str(tmp_path / "results.csv")]) == 1
    expected = (EXAMPLES / "suppliers.results.csv").read_text(encoding="utf-8")
    assert (tmp_path / "results.csv").read_text(encoding="utf-8") == expected, (
        "regenerate: python -m hds_api batch examples/suppliers.csv --output examples/suppliers.results.csv"
    )
    assert capsys.readouterr().out.startswith("21 assessed; 10 required; 9 not required")


def test_examples_cover_what_the_issue_lists():
    rows = read_csv(EXAMPLES / "suppliers.csv")
    results = {row["id"]: row for row in read_csv(EXAMPLES / "suppliers.results.csv")}
    assert len(rows) >= 15 and all(row["as_of"] for row in rows)
    exemptions = {row["exemptions"] for row in results.values()}
    assert {"ght_co_responsibility", "health_insurer_reimbursement", "short_term_processing", "no_storage",
            "health_research_organisation", "not_care_context", "paper_archives_approval"} <= exemptions  # fmt: skip
    assert {"covered", "gap", "expired", "outdated_referential"} <= {
        row["certification_gap"] for row in results.values()
    }
    assert {row["status"] for row in results.values()} == {"complete", "incomplete", ""}


def test_the_french_example_of_the_compliance_guide_is_current(tmp_path, capsys):
    source = EXAMPLES / "fournisseurs.csv"
    raw = source.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b";oui;" in raw  # as French Excel saves it
    out = tmp_path / "resultats.csv"
    assert main(["batch", str(source), "--output", str(out), "--lang", "fr"]) == 1  # F009 is mistyped on purpose
    assert out.read_bytes() == (EXAMPLES / "fournisseurs.resultats.csv").read_bytes(), (
        "regenerate: python -m hds_api batch examples/fournisseurs.csv -o examples/fournisseurs.resultats.csv --lang fr"
    )
    assert capsys.readouterr().out.rstrip().endswith("passed through: Fournisseur, Notes")
    rows = {row["id"]: row for row in read_csv(out)}
    assert rows["F001"]["conclusion"] == "Certification HDS requise : hébergeur infogéreur, activités 4, 5, 6"
    assert rows["F009"]["error"].count("«") == 2  # the typed answer and the mistyped SIRET
    assert {row["certification_gap"] for row in rows.values()} >= {"covered", "not_assessed", "not_required"}
    guide = (ROOT / "docs" / "guide-conformite.md").read_text(encoding="utf-8")
    assert "examples/fournisseurs.csv" in guide and rows["F001"]["conclusion"] in guide
