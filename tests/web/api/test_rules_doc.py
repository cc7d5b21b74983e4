"""The review documents (docs/RULES.md in French, docs/RULES.en.md in English) are generated from the current
rules, and a stale copy fails the suite; they hold every outcome, date, gap rule and contested reading."""

from __future__ import annotations

import pytest

from hds_api.cli.commands.docs import DEFAULT_DOCS, DEFAULT_README
from hds_api.cli.main import main
from hds_api.rules.gap import TESTS
from hds_api.rules.render.mermaid import flowchart
from hds_api.rules.render.rules_doc import DOCUMENTS, readme_with_diagram, render


@pytest.fixture(scope="module")
def documents(rules):
    return {lang: render(rules, lang) for lang in DOCUMENTS}


@pytest.mark.parametrize("lang", DOCUMENTS)
def test_committed_documents_are_current(documents, lang):
    committed = (DEFAULT_DOCS / DOCUMENTS[lang]).read_text(encoding="utf-8")
    assert committed == documents[lang], "run: python -m hds_api docs"


def test_readme_shows_the_current_diagram_and_links_both_documents(rules):
    readme = DEFAULT_README.read_text(encoding="utf-8")
    assert readme == readme_with_diagram(readme, rules), "run: python -m hds_api docs"
    assert "```mermaid\n" + flowchart(rules, "hds_scope", "en") + "```" in readme
    assert "(docs/RULES.md)" in readme and "(docs/RULES.en.md)" in readme
    assert "(decision_trees/CHANGELOG.md)" in readme


@pytest.mark.parametrize("lang", DOCUMENTS)
def test_each_document_covers_questions_outcomes_readings_and_the_flowchart(rules, documents, lang):
    text = documents[lang]
    for question_id in rules.catalogue.question_order:
        assert f"### `{question_id}`" in text
    for code in rules.catalogue.outcomes:
        assert f"### `{code}`" in text
    for reading_id, reading in rules.raw.data("law")["contested_readings"].items():
        assert f"`{reading_id}`" in text and reading["text"][lang] in text
    assert "```mermaid\n" + flowchart(rules, "hds_scope", lang) + "```" in text
    assert rules.digest in text
    other = DOCUMENTS["en" if lang == "fr" else "fr"]
    assert f"]({other})" in text, "each document links the other language"


def test_the_documents_speak_their_language(documents):
    assert "## Résultats" in documents["fr"] and "## Outcomes" in documents["en"]
    assert "au moins une de : [`ght_same_convention`](#ght_same_convention) = Non" in documents["fr"]
    assert "at least one of: [`ght_same_convention`](#ght_same_convention) = No" in documents["en"]
    assert "`as_of` à partir du 2025-07-01 (`sren_electronic_archiving`)" in documents["fr"]
    assert "`as_of` from 2025-07-01 (`sren_electronic_archiving`)" in documents["en"]


def test_legal_dates_list_every_place_that_uses_them(documents):
    line = next(line for line in documents["en"].splitlines() if line.startswith("| `csp_eea_storage` | 2026-09-26"))
    assert "gap rule `non_compliant`: `storage_outside_eea` is a breach from this date" in line
    assert (
        "citation “CSP art. R.1111-9-1 (décret n° 2026-209 of 24 March 2026)” (start), in `outcomes.yaml` "
        "flags/storage_outside_eea" in line
    )
    assert "[Dates set by decree](#reading-dates_set_by_decree)" in line
    line = next(line for line in documents["en"].splitlines() if line.startswith("| `referential_v2` |"))
    assert "node `compliance_period`: period “HDS referential v2 applies" in line
    line = next(line for line in documents["en"].splitlines() if line.startswith("| `v1_certificates_lapse` |"))
    assert "gap rule `outdated_referential` (after)" in line


def test_gap_rules_are_listed_in_order_with_their_tests(rules, documents):
    statuses = [rule["status"] for rule in rules.raw.data("outcomes")["certification_gap"]]
    for lang, text in documents.items():
        positions = [text.index(f"{number}. `{status}` — ") for number, status in enumerate(statuses, 1)]
        assert positions == sorted(positions), lang
    assert "`storage_outside_eea` for every certificate from 2026-09-26 (`csp_eea_storage`)" in documents["en"]


def test_every_gap_test_is_explained_in_both_languages():
    from hds_api.rules.render.rules_doc.sections import GAP_TESTS

    for lang in DOCUMENTS:
        assert set(TESTS) <= set(GAP_TESTS[lang])


def test_the_confidence_rule_lists_the_steps_that_lower_it(documents):
    text = documents["en"]
    section = text[text.index("## The confidence of a result") : text.index("## Certification gap analysis")]
    assert "| `resells_hosting` | [`resells_hosting`](#resells_hosting) = Yes | `low` |" in section
    assert (
        "| `care_context_research` | [`care_context`](#care_context) = Yes | `medium` | `review_recommended` |"
        in section
    )
    assert "`ght_co_responsibility` `medium`" in section


def test_cli_check_and_write(tmp_path, capsys):
    docs, readme = tmp_path / "docs", tmp_path / "README.md"
    readme.write_text(DEFAULT_README.read_text(encoding="utf-8").replace("flowchart TD", "flowchart LR"), "utf-8")
    args = ["docs", "--docs", str(docs), "--readme", str(readme)]
    assert main([*args, "--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert main(args) == 0
    assert main([*args, "--check"]) == 0
    assert readme.read_text(encoding="utf-8") == DEFAULT_README.read_text(encoding="utf-8")
    for name in DOCUMENTS.values():
        assert (docs / name).read_text(encoding="utf-8") == (DEFAULT_DOCS / name).read_text(encoding="utf-8")
    english = docs / DOCUMENTS["en"]
    english.write_text(english.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert main([*args, "--check"]) == 1
    assert str(english) in capsys.readouterr().err
