"""Reading the rule files: strict YAML, one digest over their exact bytes and their names inside the rules
directory (so the same rules give the same digest wherever they are installed)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

SCHEMA_PATH = Path("schema") / "rules.schema.json"


# libyaml's parser when PyYAML has it (it is several times faster); the checks below are the same either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """SafeLoader that refuses duplicate keys and keeps dates as the strings they are written as."""


# Dates stay strings so that the JSON Schema sees what the author wrote; the compiler parses them.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        # Branch keys `true:`/`false:` are answer values; the tree format keys everything by string.
        if isinstance(key, bool):
            key = "true" if key else "false"
        key = str(key)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class RuleFile:
    """One parsed rule file, named for people by the rules directory's name and its path inside it."""

    name: str
    data: Any


def read_rule_files(directory: Path) -> tuple[list[RuleFile], list[Problem], str, bytes | None]:
    """Parse every `*.yaml` of `directory`; return the files, the parse problems, the digest and the bytes of the
    JSON Schema (None when it cannot be read: that is one of the problems)."""
    problems: list[Problem] = []
    files: list[RuleFile] = []
    digest = hashlib.sha256()
    schema = None
    label = directory.name
    if not directory.is_dir():
        return [], [Problem(label, "", "the decision trees directory does not exist")], "", None
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        problems.append(Problem(label, "", "no rule file (*.yaml) in the directory"))
    for path in [*paths, directory / SCHEMA_PATH]:
        relative = path.relative_to(directory).as_posix()
        name = f"{label}/{relative}"
        try:
            content = path.read_bytes()
        except OSError as error:
            problems.append(Problem(name, "", f"cannot be read: {error.strerror}"))
            continue
        # The directory's own name stays out of the digest: it says where the rules are, not what they are.
        digest.update(relative.encode() + b"\0" + content + b"\0")
        if path.suffix != ".yaml":
            schema = content
            continue
        try:
            data = yaml.load(content.decode("utf-8"), Loader=_StrictLoader)  # noqa: S506 - a SafeLoader
        except UnicodeDecodeError:
            problems.append(Problem(name, "", "is not UTF-8 text"))
            continue
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            where = f"line {mark.line + 1}" if mark else ""
            reason = getattr(error, "problem", None) or str(error)
            problems.append(Problem(name, where, f"invalid YAML: {reason}"))
            continue
        files.append(RuleFile(name, data))
    return files, problems, f"sha256:{digest.hexdigest()}", schema
