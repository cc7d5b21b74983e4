"""`check`: validate the decision trees, print every problem or a short summary."""

from __future__ import annotations

import argparse

from . import rules_or_report


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="validate the decision trees (exit 1 when broken)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rules = rules_or_report(args)
    if rules is None:
        return 1
    summary = rules.summary()
    trees = ", ".join(f"{tree_id} {version}" for tree_id, version in summary["trees"].items())
    print(
        f"ok: {len(summary['trees'])} tree(s) ({trees}), {summary['nodes']} nodes, "
        f"{summary['questions']} questions, {summary['outcomes']} outcomes, {summary['digest']}"
    )
    return 0
