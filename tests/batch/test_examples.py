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
