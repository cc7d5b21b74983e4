"""`batch INPUT --output OUTPUT`: assess every row of a CSV, XLSX, JSON-lines or JSON file, streaming, written
in any of these formats."""

from __future__ import annotations

import argparse
import sys
from functools import partial

from ...batch import DETAILS, BatchOptions, UsageError
from ...batch.formats import FORMATS, TABLES, make_writer
from ...batch.formats.encoding import ENCODINGS, codec_of
from ...i18n import default_language
from ...rules import RulesError, load_rules
from ...settings import SettingsError
from .files import (
    ROWS_HAD_ERRORS,
    describe,
    input_format,
    limits,
    open_input,
    output_format,
    read_input,
    same_file,
    stream,
    usage,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="assess every row of a CSV, XLSX, JSON-lines or JSON file (exit 1: rows had errors; 2: usage error)",
        description="Assess every row of INPUT and write one result per row to OUTPUT, in any of the formats.",
    )
    parser.add_argument("input", metavar="INPUT", help="a .csv, .xlsx, .jsonl or .json file, or - (stdin)")
    parser.add_argument("--output", "-o", required=True, metavar="OUTPUT", help="result file, or - for stdout")
    parser.add_argument("--format", choices=FORMATS, help="INPUT's format when its name does not tell it")
    parser.add_argument("--to", choices=FORMATS, help="OUTPUT's format (default: from its name, else INPUT's)")
    parser.add_argument(
        "--encoding", choices=ENCODINGS, default="utf-8", help="a text INPUT's encoding (default: utf-8)"
    )
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="legal date for rows without one (default: today)")
    parser.add_argument(
        "--lang",
        help="language of the messages; given, tables get readable columns too (a conclusion, flags' labels, "
        "references) (default: HDS_DEFAULT_LANG, codes only)",
    )
    parser.add_argument(
        "--detail", choices=DETAILS, default="summary", help="JSON outputs: codes only (default) or whole results"
    )
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores "
                        "for large files, 1 for small ones)")  # fmt: skip
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        kind = input_format(args.input, args.format)
        to = output_format(args.output, args.to, kind)
        rules = load_rules(args.rules)
        detail = "summary" if to in TABLES else args.detail  # a table has the contract's columns
        lang = args.lang or default_language()
        options = BatchOptions.check(rules, args.as_of, lang, detail, readable=args.lang is not None)
        row_limits = limits()
    except UsageError as error:
        return usage(describe(error))
    except (RulesError, SettingsError) as error:
        return usage(str(error))
    if same_file(args.input, args.output):
        return usage("OUTPUT is INPUT: writing the results would destroy the input")
    try:
        source = open_input(args.input)
    except OSError as error:
        return usage(f"cannot read {args.input}: {error.strerror}")
    codec = codec_of(args.encoding)
    try:
        opened = read_input(kind, source, rules, lang, row_limits, codec)
        writer_for = partial(make_writer, to, source=opened, shape=options)
        summary, code = stream(args, rules, opened, writer_for, options, source, lang, codec)
    except UsageError as error:
        return usage(describe(error))
    finally:
        source.close()
    if code is not None:
        return code
    print(summary.line(), file=sys.stderr if args.output == "-" else sys.stdout)
    return ROWS_HAD_ERRORS if summary.errors else 0
