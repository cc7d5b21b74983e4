"""docs/RULES.md is generated from the trees, and a stale copy fails the suite."""

from __future__ import annotations

from hds_api.cli import main
from hds_api.commands.docs import DEFAULT_OUTPUT, DEFAULT_README
from hds_api.mermaid import flowchart
from hds_api.rules_doc import outcome_conditions, readme_with_diagram, render


def test_committed_rules_md_is_current(rules):
    assert DEFAULT_OUTPUT.read_text(encoding="utf-8") == render(rules), "run: python -m hds_api docs"


def test_readme_shows_the_current_diagram_and_links_rules_md(rules):
    readme = DEFAULT_README.read_text(encoding="utf-8")
    assert readme == readme_with_diagram(readme, rules), "run: python -m hds_api docs"
    assert "```mermaid\n" + flowchart(rules, "hds_scope", "en") + "```" in readme
    assert "(docs/RULES.md)" in readme


def test_it_lists_every_question_outcome_and_the_diagram(rules):
    text = render(rules)
    for question_id in rules.catalogue.question_order:
        assert f"### `{question_id}`" in text
    for code in rules.catalogue.outcomes:
        assert f"### `{code}`" in text
    assert "```mermaid\n" + flowchart(rules, "hds_scope", "en") + "```" in text
    assert "[CSP art. L.1111-8 I](https://www.legifrance.gouv.fr/" in text
    assert "(from 2026-09-26)" in text  # a citation that applies from a legal date says so


def test_every_outcome_has_its_conditions(rules):
    conditions = outcome_conditions(rules, "hds_scope")
    assert set(conditions) == set(rules.catalogue.outcomes)
    assert conditions["not_personal_data"] == [["`personal_data` = `false`"]]
    assert ["`personal_data` = `true`", "`health_data` = `true`", "`data_originator` = `health_insurer`",
            "`insurer_purpose` = `reimbursement`"] in conditions["health_insurer_reimbursement"]  # fmt: skip
    no_activity = conditions["no_hosting_activity"][0]
    assert "no activity found" in no_activity and "`activity_backup` = `false`" in no_activity


def test_cli_check_and_write(tmp_path, capsys):
    output, readme = tmp_path / "RULES.md", tmp_path / "README.md"
    readme.write_text(DEFAULT_README.read_text(encoding="utf-8").replace("flowchart TD", "flowchart LR"), "utf-8")
    args = ["docs", "--output", str(output), "--readme", str(readme)]
    assert main([*args, "--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert main(args) == 0
    assert main([*args, "--check"]) == 0
    assert readme.read_text(encoding="utf-8") == DEFAULT_README.read_text(encoding="utf-8")
    output.write_text(output.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert main([*args, "--check"]) == 1
