"""`impact SUPPLIERS [--from DATE] [--to DATE]`: which rows' conclusions change between two dates, what changes
and on which legal date; without dates, from today through every named legal date ahead."""

from __future__ import annotations

import argparse

from ...batch.formats import FORMATS
from ...batch.impact import ImpactJob, ImpactShape, impact_options
from ...rules import Rules
from .files import ROWS_HAD_ERRORS, Plan, add_file_options, report_to, run_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "impact",
        help="what changes for each supplier between two dates (exit 1: some rows had errors; 2: usage error)",
        description="Assess every row of SUPPLIERS at two dates and report the rows whose conclusion changes: "
        "what changes, on which legal date (law.yaml), and why. Unchanged rows are counted, not listed.",
    )
    parser.add_argument("input", metavar="SUPPLIERS", help="a .csv, .xlsx, .jsonl or .json file, or - (stdin)")
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first date (default: today)")
    parser.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", help="second date (default: the last named legal date ahead)"
    )
    parser.add_argument("--output", "-o", default="-", metavar="OUTPUT", help="report file (default: stdout)")
    parser.add_argument("--output-format", choices=FORMATS, help="OUTPUT's format (default: from its name, else "
                        "SUPPLIERS's)")  # fmt: skip
    parser.add_argument("--lang", help="language of labels and messages (default: HDS_DEFAULT_LANG)")
    parser.add_argument("--all", action="store_true", help="list the rows that do not change too")
    add_file_options(parser, "SUPPLIERS")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def plan_for(rules: Rules, lang: str, to: str) -> Plan:
        options = impact_options(rules, args.start, args.end, lang, args.all, readable=True)
        return Plan(job=ImpactJob(options), shape=ImpactShape(options))

    outcome = run_file(args, plan_for, args.output_format, "--output-format", "SUPPLIERS")
    if isinstance(outcome, int):
        return outcome
    summary, plan = outcome
    options = plan.shape.options
    window = f"{options.start.isoformat()} → {options.end.isoformat()}"
    if not options.crossed:
        window += " (no named legal date in between)"
    print(f"{window}: {summary.line(list(options.crossed))}", file=report_to(args))
    return ROWS_HAD_ERRORS if summary.errors else 0
