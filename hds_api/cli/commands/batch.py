"""`batch INPUT --output OUTPUT`: assess every row of a CSV, XLSX, JSON-lines or JSON file, streaming, written
in any of these formats."""

from __future__ import annotations

import argparse

from ...batch import DETAILS, BatchOptions
from ...batch.formats import FORMATS, TABLES
from ...rules import Rules
from .files import ROWS_HAD_ERRORS, Plan, add_file_options, report_to, run_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="assess every row of a CSV, XLSX, JSON-lines or JSON file (exit 1: rows had errors; 2: usage error)",
        description="Assess every row of INPUT and write one result per row to OUTPUT, in any of the formats.",
    )
    parser.add_argument("input", metavar="INPUT", help="a .csv, .xlsx, .jsonl or .json file, or - (stdin)")
    parser.add_argument("--output", "-o", required=True, metavar="OUTPUT", help="result file, or - for stdout")
    parser.add_argument("--to", choices=FORMATS, help="OUTPUT's format (default: from its name, else INPUT's)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="legal date for rows without one (default: today)")
    parser.add_argument(
        "--lang",
        help="language of the messages; given, tables get readable columns too (a conclusion, flags' labels, "
        "references) (default: HDS_DEFAULT_LANG, codes only)",
    )
    parser.add_argument(
        "--detail", choices=DETAILS, default="summary", help="JSON outputs: codes only (default) or whole results"
    )
    add_file_options(parser, "INPUT")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def plan_for(rules: Rules, lang: str, to: str) -> Plan:
        detail = "summary" if to in TABLES else args.detail  # a table has the contract's columns
        options = BatchOptions.check(rules, args.as_of, lang, detail, readable=args.lang is not None)
        return Plan(job=options, shape=options)

    outcome = run_file(args, plan_for, args.to, "--to", "INPUT")
    if isinstance(outcome, int):
        return outcome
    summary, _ = outcome
    print(summary.line(), file=report_to(args))
    return ROWS_HAD_ERRORS if summary.errors else 0
