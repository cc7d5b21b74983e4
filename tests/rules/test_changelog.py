"""The rules' identity: a digest that does not depend on where the rules are installed, recorded per version in
decision_trees/CHANGELOG.md, and `check` failing when the rules changed but their version did not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hds_api.cli.main import main
from hds_api.rules import DEFAULT_RULES_DIR, load_rules
from hds_api.rules.changelog import CHANGELOG, read_sections

VERSION = "2027.1"  # the shipped tree's version


def install(target: Path) -> Path:
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(directory: Path, *options: str) -> int:
    return main(["--rules", str(directory), "check", *options])


def test_the_digest_does_not_depend_on_the_directory_name_or_location(tmp_path):
    here = install(tmp_path / "decision_trees")
    there = install(tmp_path / "elsewhere" / "deeper" / "rules-copy")
    assert load_rules(here).digest == load_rules(there).digest == load_rules().digest


def test_the_digest_follows_names_and_contents(tmp_path):
    directory = install(tmp_path / "rules")
    shipped = load_rules().digest
    (directory / "hds_scope.yaml").rename(directory / "tree.yaml")
    renamed = load_rules(directory).digest
    assert renamed != shipped
    edit(directory / "law.yaml", "kind: law", "kind: law  # reviewed")
    assert load_rules(directory).digest not in (shipped, renamed)


def test_the_shipped_rules_pass_check_with_their_recorded_digest(rules, capsys):
    assert main(["check"]) == 0, capsys.readouterr().err
    sections, problems = read_sections((DEFAULT_RULES_DIR / CHANGELOG).read_text("utf-8").splitlines(), CHANGELOG)
    assert problems == []
    assert sections[VERSION].digest == rules.digest
    assert rules.tree.version == VERSION


def test_changed_rules_under_the_same_version_fail_check_until_a_new_version_is_recorded(tmp_path, capsys):
    directory = install(tmp_path / "rules")
    edit(directory / "outcomes.yaml", "confidence: medium", "confidence: low")
    assert check(directory) == 1
    error = capsys.readouterr().err
    assert f"rules/{CHANGELOG}: version {VERSION}: the rules changed but their version did not" in error
    assert "python -m hds_api check --record" in error

    assert check(directory, "--record") == 1, "a released version's digest is never replaced"
    assert f"version {VERSION} is recorded with sha256:" in capsys.readouterr().err

    edit(directory / "hds_scope.yaml", f"version: '{VERSION}'", "version: '2027.2'")
    assert check(directory) == 1
    assert "version 2027.2: no digest recorded for this version" in capsys.readouterr().err
    assert check(directory, "--record") == 1, "no section for the version: nothing to record it in"
    assert "no section for version 2027.2" in capsys.readouterr().err

    edit(directory / CHANGELOG, f"## {VERSION}\n", "## 2027.2\n\nThe insurer exclusion is less certain.\n\n## 2027.1\n")
    assert check(directory, "--record") == 0
    assert "version 2027.2 recorded with sha256:" in capsys.readouterr().out
    assert check(directory) == 0
    sections, _ = read_sections((directory / CHANGELOG).read_text("utf-8").splitlines(), CHANGELOG)
    assert sections["2027.2"].digest == load_rules(directory).digest
    assert sections[VERSION].digest == load_rules().digest, "the older record is kept"
    assert check(directory, "--record") == 0
    assert "already recorded" in capsys.readouterr().out


def test_amend_replaces_the_digest_of_a_version_never_released(tmp_path, capsys):
    directory = install(tmp_path / "rules")
    edit(directory / "law.yaml", "kind: law", "kind: law  # a late text fix")
    assert check(directory, "--record", "--amend") == 0
    assert check(directory) == 0
    text = (directory / CHANGELOG).read_text(encoding="utf-8")
    assert text.count("Digest: `") == (DEFAULT_RULES_DIR / CHANGELOG).read_text(encoding="utf-8").count("Digest: `")
    with pytest.raises(SystemExit):
        check(directory, "--amend")  # --amend alone is a usage error
    assert "--amend goes with --record" in capsys.readouterr().err


def test_a_changelog_that_is_missing_or_ambiguous_fails_check(tmp_path, capsys):
    directory = install(tmp_path / "rules")
    path = directory / CHANGELOG
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\n## {VERSION}\n\nDigest: `sha256:{'0' * 64}`\n", encoding="utf-8")
    assert check(directory) == 1
    assert f"a second section for version {VERSION}" in capsys.readouterr().err
    path.unlink()
    assert check(directory) == 1
    assert f"rules/{CHANGELOG}: does not exist" in capsys.readouterr().err


def test_start_up_does_not_enforce_the_record(tmp_path):
    directory = install(tmp_path / "rules")
    (directory / CHANGELOG).unlink()
    edit(directory / "outcomes.yaml", "confidence: medium", "confidence: low")
    assert load_rules(directory).tree.version == VERSION  # served, naming the digest of what it runs
