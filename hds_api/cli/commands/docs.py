"""`docs`: write the review document of the rules in each language (docs/RULES.md in French, docs/RULES.en.md in
English) and the README's diagram from the decision trees (--check: fail when one is stale)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...rules.render.rules_doc import DOCUMENTS, decision_table, readme_with_diagram, render
from . import rules_or_report

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DOCS = ROOT / "docs"
DEFAULT_README = ROOT / "README.md"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("docs", help="generate docs/RULES.md, docs/RULES.en.md and the README's diagram")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="directory to write them in (default: docs/)")
    parser.add_argument("--readme", type=Path, default=DEFAULT_README, help="README whose diagram to refresh")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is not current")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rules = rules_or_report(args)
    if rules is None:
        return 1
    table = decision_table(rules, rules.tree.id)
    wanted = {args.docs / name: render(rules, lang, table) for lang, name in DOCUMENTS.items()}
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
