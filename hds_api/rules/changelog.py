"""The rules' changelog, `CHANGELOG.md` beside the rule files: one `## <version>` section per version, each
recording the digest of the rules released under it, so that rules changed under an unchanged version are caught.

The changelog is not a rule file (only `*.yaml` and the schema are), so recording a digest does not change it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

CHANGELOG = "CHANGELOG.md"
RECORD_COMMAND = "python -m hds_api check --record"
_HEADING = re.compile(r"^## (\S+)")
_DIGEST = re.compile(r"^Digest: `(sha256:[0-9a-f]{64})`")


class ChangelogError(Exception):
    """A digest cannot be recorded; the message says why and what to do."""


@dataclass(frozen=True)
class Section:
    """One version's section: where its heading is, and the digest line it holds, if any."""

    version: str
    heading: int
    digest: str | None = None
    digest_line: int | None = None


def _read_lines(path: Path, label: str) -> tuple[list[str] | None, list[Problem]]:
    try:
        return path.read_text(encoding="utf-8").splitlines(), []
    except FileNotFoundError:
        return None, [Problem(label, "", "does not exist: it records each version of the rules and its digest")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(label, "", f"cannot be read: {error}")]


def read_sections(lines: list[str], label: str) -> tuple[dict[str, Section], list[Problem]]:
    """The version sections of a changelog, and what is wrong in them (a version or a digest given twice)."""
    sections: dict[str, Section] = {}
    problems = []
    current: Section | None = None
    for number, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            version = heading.group(1)
            if version in sections:
                problems.append(Problem(label, f"line {number + 1}", f"a second section for version {version}"))
            current = sections.setdefault(version, Section(version, number))
            continue
        digest = _DIGEST.match(line)
        if digest and current is not None:
            if current.digest is not None:
                problems.append(Problem(label, f"line {number + 1}", f"a second digest for version {current.version}"))
                continue
            current = sections[current.version] = Section(current.version, current.heading, digest.group(1), number)
    return sections, problems


def record_problems(directory: Path, versions: list[str], digest: str) -> list[Problem]:
    """Each version the rules carry must be recorded in the changelog with the digest the rules have now."""
    label = f"{directory.name}/{CHANGELOG}"
    lines, problems = _read_lines(directory / CHANGELOG, label)
    if lines is None:
        return problems
    sections, problems = read_sections(lines, label)
    for version in versions:
        section = sections.get(version)
        if section is None or section.digest is None:
            problems.append(
                Problem(
                    label,
                    f"version {version}",
                    f"no digest recorded for this version: describe what changed and why under '## {version}', "
                    f"then run `{RECORD_COMMAND}`",
                )
            )
        elif section.digest != digest:
            problems.append(
                Problem(
                    label,
                    f"version {version}",
                    f"the rules changed but their version did not (recorded {section.digest}, now {digest}): "
                    f"give the tree a new version, describe it here, then run `{RECORD_COMMAND}`",
                )
            )
    return problems


def record_digest(directory: Path, version: str, digest: str, amend: bool = False) -> str:
    """Write `digest` under the version's section; refuse to change a digest already recorded unless `amend`
    (for a version never released). Returns what was done, for the user."""
    path = directory / CHANGELOG
    label = f"{directory.name}/{CHANGELOG}"
    lines, problems = _read_lines(path, label)
    if lines is not None:
        sections, problems = read_sections(lines, label)
    if problems:
        raise ChangelogError("\n".join(str(problem) for problem in problems))
    section = sections.get(version)
    if section is None:
        raise ChangelogError(
            f"{label}: no section for version {version}: describe what changed and why under '## {version}' first"
        )
    if section.digest == digest:
        return f"{label}: version {version} already recorded with {digest}"
    if section.digest is not None and not amend:
        raise ChangelogError(
            f"{label}: version {version} is recorded with {section.digest}, not {digest}: a released version's "
            "rules never change; give the tree a new version (or, for a version never released, add --amend)"
        )
    record = f"Digest: `{digest}`"
    if section.digest_line is not None:
        old = lines[section.digest_line]
        lines[section.digest_line] = record + old[_DIGEST.match(old).end() :]  # keeps what follows the digest
    else:
        after = section.heading + 1
        blank_follows = after == len(lines) or not lines[after].strip()
        lines[after:after] = ["", record] if blank_follows else ["", record, ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"{label}: version {version} recorded with {digest}"
