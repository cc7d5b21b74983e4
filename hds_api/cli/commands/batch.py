"""`batch INPUT --output OUTPUT`: assess a CSV or JSON-lines file of hosting services, streaming."""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...batch import DETAILS, BatchOptions, UsageError
from ...batch.csv_format import CsvCodec
from ...batch.csv_limits import CsvLimits, read_header
from ...batch.jsonl_format import JsonLinesCodec
from ...batch.pipeline import choose_jobs
from ...batch.pipeline import run as run_pipeline
from ...batch.progress import Progress
from ...i18n import default_language
from ...rules import RulesError, load_rules
from ...settings import SettingsError, setting


@dataclass(slots=True)
class Source:
    """The input file, opened: its text, and what the progress bar and the output's encoding need to know."""

    text: io.TextIOWrapper
    size: int | None  # None: standard input
    position: Callable[[], int]  # bytes read so far, for the progress bar
    had_bom: bool


FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl"}
ROWS_HAD_ERRORS = 1
USAGE_ERROR = 2
INTERRUPTED = 130  # the shell's code for Ctrl-C


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="assess every row of a CSV or JSON-lines file (exit 1: some rows had errors; 2: usage error)",
        description="Assess every row of INPUT and write one result per row to OUTPUT, in the same format.",
    )
    parser.add_argument("input", metavar="INPUT", help="a .csv or .jsonl file, or - for standard input")
    parser.add_argument("--output", "-o", required=True, metavar="OUTPUT", help="result file, or - for stdout")
    parser.add_argument("--format", choices=sorted(set(FORMATS.values())), help="default: from INPUT's extension")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="legal date for rows without one (default: today)")
    parser.add_argument(
        "--lang", help="language of the error messages (and of labels, full detail); default: HDS_DEFAULT_LANG"
    )
    parser.add_argument(
        "--detail", choices=DETAILS, default="summary", help="JSON lines: codes only (default) or whole results"
    )
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores "
                        "for large files, 1 for small ones)")  # fmt: skip
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return USAGE_ERROR


def _input_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    found = FORMATS.get(Path(args.input).suffix.lower())
    if found is None:
        raise UsageError(f"cannot tell the format of {args.input}: use --format csv|jsonl")
    return found


def _same_file(input_path: str, output_path: str) -> bool:
    try:
        return input_path != "-" and output_path != "-" and os.path.samefile(input_path, output_path)
    except OSError:
        return False  # the output does not exist yet


def _open_input(path: str) -> tuple[io.BufferedReader, int | None]:
    if path == "-":
        return sys.stdin.buffer, None
    binary = open(path, "rb")  # closed by run()
    return binary, os.fstat(binary.fileno()).st_size


def _codec(kind: str, text: io.TextIOWrapper, rules: Any, options: BatchOptions, limits: CsvLimits) -> Any:
    if kind == "jsonl":
        return JsonLinesCodec(options.lang, limits)
    try:
        header = read_header(text, limits)
    except UnicodeDecodeError as error:
        raise UsageError(f"unreadable header: the file is not UTF-8 ({error.reason})") from None
    if header is None:
        raise UsageError(f"unreadable header: longer than {limits.row_chars} characters (HDS_CSV_MAX_ROW_CHARS)")
    if not header.strip():
        raise UsageError("unreadable header: the file is empty")
    return CsvCodec.from_header(header, rules.catalogue, options.lang, limits)


def _describe(error: UsageError) -> str:
    lines = [error.message]
    allowed: list[Any] = []
    for field_name, detail in error.errors.items():
        lines.append(f"  {field_name}: {detail.get('message', '')}")
        allowed = allowed or detail.get("allowed", [])
    if error.more_errors:
        lines.append(f"  … and {error.more_errors} more")
    if allowed:
        lines.append("  allowed: " + ", ".join(str(value) for value in allowed))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        kind = _input_format(args)
        rules = load_rules(args.rules)
        lang = default_language() if args.lang is None else args.lang
        options = BatchOptions.check(rules, args.as_of, lang, args.detail)
        limits = CsvLimits(setting("HDS_CSV_MAX_ROW_CHARS"), setting("HDS_CSV_MAX_CELL_CHARS"))
    except UsageError as error:
        return _usage(_describe(error))
    except (RulesError, SettingsError) as error:
        return _usage(str(error))
    if _same_file(args.input, args.output):
        return _usage("OUTPUT is INPUT: writing the results would destroy the input")
    try:
        binary, size = _open_input(args.input)
    except OSError as error:
        return _usage(f"cannot read {args.input}: {error.strerror}")
    with binary:
        source = Source(
            io.TextIOWrapper(binary, encoding="utf-8-sig", newline=""),
            size,
            binary.tell,
            binary.peek(3)[:3] == codecs.BOM_UTF8,
        )
        try:
            codec = _codec(kind, source.text, rules, options, limits)
        except UsageError as error:
            return _usage(_describe(error))
        return _assess(args, rules, codec, options, source)


def _assess(args: argparse.Namespace, rules: Any, codec: Any, options: BatchOptions, source: Source) -> int:
    # A CSV that came with a BOM goes back with one: it is how Excel knows the file is UTF-8.
    encoding = "utf-8-sig" if source.had_bom and isinstance(codec, CsvCodec) else "utf-8"
    try:
        sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding=encoding, newline="")
    except OSError as error:
        return _usage(f"cannot write {args.output}: {error.strerror}")
    progress = Progress(sys.stderr, Progress.wanted(sys.stderr, args.quiet), source.size, source.position)
    jobs = choose_jobs(args.jobs, source.size)
    problem, code = None, USAGE_ERROR
    try:
        summary = run_pipeline(rules, args.rules, source.text, sink, codec, options, jobs, progress)
    except UnicodeDecodeError as error:
        problem = f"{args.input} is not UTF-8 ({error.reason}); save it as 'CSV UTF-8'"
    except ValueError as error:  # csv.Error included: a field too large
        problem = f"unreadable {args.input}: {error}"
    except KeyboardInterrupt:
        problem, code = "interrupted", INTERRUPTED
    finally:
        progress.close()
        if sink is not sys.stdout:
            sink.close()
    if problem is not None:
        if sink is not sys.stdout:
            Path(args.output).unlink()  # half a result file would pass for a whole one
        print(f"error: {problem}", file=sys.stderr)
        return code
    report = sys.stderr if args.output == "-" else sys.stdout
    print(summary.line(), file=report)
    return ROWS_HAD_ERRORS if summary.errors else 0
