"""`impact SUPPLIERS [--from DATE] [--to DATE]`: which rows' conclusions change between two dates, what changes
and on which legal date; without dates, from today through every named legal date ahead."""

from __future__ import annotations

import argparse
import sys
from functools import partial

from ...batch import UsageError
from ...batch.formats import FORMATS, make_writer
from ...batch.formats.encoding import ENCODINGS, codec_of
from ...batch.impact import ImpactJob, ImpactShape, days_after, impact_options
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
    parser.add_argument("--format", choices=FORMATS, help="SUPPLIERS's format when its name does not tell it")
    parser.add_argument("--output-format", choices=FORMATS, help="OUTPUT's format (default: from its name, else "
                        "SUPPLIERS's)")  # fmt: skip
    parser.add_argument("--encoding", choices=ENCODINGS, default="utf-8", help="a text input's encoding")
    parser.add_argument("--lang", help="language of labels and messages (default: HDS_DEFAULT_LANG)")
    parser.add_argument("--all", action="store_true", help="list the rows that do not change too")
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores "
                        "for large files, 1 for small ones)")  # fmt: skip
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        kind = input_format(args.input, args.format)
        to = output_format(args.output, args.output_format, kind, "--output-format")
        rules = load_rules(args.rules)
        lang = args.lang or default_language()
        options = impact_options(rules, args.start, args.end, lang, args.all, readable=True)
        row_limits = limits()
    except UsageError as error:
        return usage(describe(error))
    except (RulesError, SettingsError) as error:
        return usage(str(error))
    if same_file(args.input, args.output):
        return usage("OUTPUT is SUPPLIERS: writing the report would destroy the input")
    try:
        source = open_input(args.input)
    except OSError as error:
        return usage(f"cannot read {args.input}: {error.strerror}")
    codec = codec_of(args.encoding)
    try:
        opened = read_input(kind, source, rules, lang, row_limits, codec)
        writer_for = partial(make_writer, to, source=opened, shape=ImpactShape(options))
        summary, code = stream(
            args, rules, opened, writer_for, ImpactJob(options, days_after(rules)), source, lang, codec
        )
    except UsageError as error:
        return usage(describe(error))
    finally:
        source.close()
    if code is not None:
        return code
    report = sys.stderr if args.output == "-" else sys.stdout
    window = f"{options.start.isoformat()} → {options.end.isoformat()}"
    if not options.crossed:
        window += " (no named legal date in between)"
    print(f"{window}: {summary.line(list(options.crossed))}", file=report)
    return ROWS_HAD_ERRORS if summary.errors else 0
