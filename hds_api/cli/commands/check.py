"""`check`: validate the decision trees and their recorded digest, print every problem or a short summary;
`check --record`: record the digest of the current version in the rules' changelog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...rules import DEFAULT_RULES_DIR
from ...rules.changelog import ChangelogError, record_digest, record_problems
from . import rules_or_report


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="validate the decision trees (exit 1 when broken)")
    parser.add_argument(
        "--record", action="store_true", help="record the rules' digest under their version in CHANGELOG.md"
    )
    parser.add_argument(
        "--amend", action="store_true", help="with --record: replace the digest of a version never released"
    )
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.amend and not args.record:
        args.parser.error("--amend goes with --record")
    rules = rules_or_report(args)
    if rules is None:
        return 1
    directory = Path(args.rules) if args.rules else DEFAULT_RULES_DIR
    summary = rules.summary()
    versions = sorted(set(summary["trees"].values()))
    if args.record:
        try:
            for version in versions:
                print(record_digest(directory, version, rules.digest, amend=args.amend))
        except ChangelogError as error:
            print(error, file=sys.stderr)
            return 1
    problems = record_problems(directory, versions, rules.digest)
    if problems:
        print("\n".join(str(problem) for problem in problems), file=sys.stderr)
        return 1
    trees = ", ".join(f"{tree_id} {version}" for tree_id, version in summary["trees"].items())
    print(
        f"ok: {len(summary['trees'])} tree(s) ({trees}), {summary['nodes']} nodes, "
        f"{summary['questions']} questions, {summary['outcomes']} outcomes, {summary['digest']}"
    )
    return 0
