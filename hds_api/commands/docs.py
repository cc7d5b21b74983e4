"""`docs`: write docs/RULES.md and the README's diagram from the decision trees (--check: fail when stale)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..rules_doc import readme_with_diagram, render
from . import rules_or_report

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = ROOT / "docs" / "RULES.md"
DEFAULT_README = ROOT / "README.md"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("docs", help="generate docs/RULES.md and the README's diagram from the trees")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="file to write (default: docs/RULES.md)")
    parser.add_argument("--readme", type=Path, default=DEFAULT_README, help="README whose diagram to refresh")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is not current")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rules = rules_or_report(args)
    if rules is None:
        return 1
    wanted = {args.output: render(rules)}
    if args.readme.exists():
        wanted[args.readme] = readme_with_diagram(args.readme.read_text(encoding="utf-8"), rules)
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path} is stale: run `python -m hds_api docs`", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path}")
    return 0
