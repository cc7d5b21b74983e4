"""Opening a batch's input and output files, and streaming one through the other: shared by `batch` and
`impact`."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from ...batch import UsageError
from ...batch.formats import EXTENSIONS, FORMATS, Input, Writer, make_writer
from ...batch.formats.csv_format import read_csv
from ...batch.formats.encoding import ENCODINGS, LineKeeper, bom_wanted, codec_of, locate_in_file, text_stream
from ...batch.formats.json_format import read_json_items
from ...batch.formats.jsonl_format import read_json_lines
from ...batch.formats.lines import RowLimits
from ...batch.formats.xlsx_reader import ZIP_MAGIC, read_xlsx
from ...batch.pipeline import choose_jobs
from ...batch.pipeline import run as run_pipeline
from ...batch.progress import Progress
from ...i18n import default_language
from ...rules import Rules, RulesError, load_rules
from ...settings import SettingsError, setting
from . import USAGE_ERROR

ROWS_HAD_ERRORS = 1
INTERRUPTED = 130  # the shell's code for Ctrl-C


@dataclass(frozen=True, slots=True)
class Plan:
    """What a command does with each row: the job that assesses it and the shape its writers write."""

    job: Any
    shape: Any


def add_file_options(parser: Any, input_name: str) -> None:
    """The options `batch` and `impact` share: how INPUT is read, and how the run goes."""
    parser.add_argument("--format", choices=FORMATS, help=f"{input_name}'s format when its name does not tell it")
    parser.add_argument(
        "--encoding", choices=ENCODINGS, default="utf-8", help="a text input's encoding (default: utf-8)"
    )
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores "
                        "for large files, 1 for small ones)")  # fmt: skip
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def run_file(
    args: Any, plan_for: Callable[[Rules, str, str], Plan], to_asked: str | None, to_option: str, input_name: str
) -> tuple[Any, Plan] | int:
    """The steps `batch` and `impact` share: formats, rules, `plan_for(rules, lang, output format)`, then INPUT
    streamed to OUTPUT. `(summary, plan)`, or the exit code after saying why on stderr."""
    try:
        kind = input_format(args.input, args.format)
        to = output_format(args.output, to_asked, kind, to_option)
        rules = load_rules(args.rules)
        lang = args.lang or default_language()
        plan = plan_for(rules, lang, to)
        row_limits = limits()
    except UsageError as error:
        return usage(describe(error))
    except (RulesError, SettingsError) as error:
        return usage(str(error))
    if same_file(args.input, args.output):
        return usage(f"OUTPUT is {input_name}: writing to it would destroy the input")
    try:
        source = open_input(args.input)
    except OSError as error:
        return usage(f"cannot read {args.input}: {error.strerror}")
    codec = codec_of(args.encoding)
    try:
        opened = read_input(kind, source, rules, lang, row_limits, codec)
        writer_for = partial(make_writer, to, source=opened, shape=plan.shape)
        summary, code = stream(args, rules, opened, writer_for, plan.job, source, lang, codec)
    except UsageError as error:
        return usage(describe(error))
    finally:
        source.close()
    return (summary, plan) if code is None else code


def report_to(args: Any) -> Any:
    """Where the summary line goes: stderr when the results go to stdout."""
    return sys.stderr if args.output == "-" else sys.stdout


@dataclass(slots=True)
class Source:
    """The input file, opened: its bytes, and what the progress bar needs to know."""

    name: str
    binary: BinaryIO
    size: int | None  # None: standard input
    text: io.TextIOWrapper | None = None  # its text, once decoding starts: detached at the end

    def close(self) -> None:
        if self.text is not None:
            self.text.detach()  # the binary file is closed on its own (standard input stays open to the end)
        self.binary.close()

    def position(self) -> int:
        return self.binary.tell()


def usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return USAGE_ERROR


def describe(error: UsageError) -> str:
    lines = [error.message]
    allowed: list[Any] = []
    for field_name, detail in error.errors.items():
        if detail.get("message") != error.message:  # a one-field error says it once
            lines.append(f"  {field_name}: {detail.get('message', '')}")
        allowed = allowed or detail.get("allowed", [])
    if error.more_errors:
        lines.append(f"  … and {error.more_errors} more")
    if allowed:
        lines.append("  allowed: " + ", ".join(str(value) for value in allowed))
    return "\n".join(lines)


def input_format(path: str, asked: str | None) -> str:
    """From the name; `--format` only where the name does not tell (a known extension is never overridden)."""
    found = EXTENSIONS.get(Path(path).suffix.lower())
    if found is not None and asked is not None and asked != found:
        raise UsageError(f"{path} is {found} by its name, not {asked}: rename it or drop --format")
    if found is None and asked is None:
        raise UsageError(f"cannot tell the format of {path}: use --format {'|'.join(FORMATS)}")
    return found or asked


def output_format(path: str, asked: str | None, input_kind: str, option: str = "--to") -> str:
    found = EXTENSIONS.get(Path(path).suffix.lower()) if path != "-" else None
    if found is not None and asked is not None and asked != found:
        raise UsageError(f"{path} is {found} by its name, not {asked}: rename it or drop {option}")
    return asked or found or input_kind


def same_file(input_path: str, output_path: str) -> bool:
    try:
        return input_path != "-" and output_path != "-" and os.path.samefile(input_path, output_path)
    except OSError:
        return False  # the output does not exist yet


def open_input(path: str) -> Source:
    if path == "-":
        return Source("standard input", LineKeeper(sys.stdin.buffer), None)
    binary = open(path, "rb")  # closed by run()
    return Source(path, binary, os.fstat(binary.fileno()).st_size)


def limits() -> RowLimits:
    return RowLimits(setting("HDS_CSV_MAX_ROW_CHARS"), setting("HDS_CSV_MAX_CELL_CHARS"))


def read_input(kind: str, source: Source, rules: Any, lang: str, limits: RowLimits, codec: str) -> Input:
    """The input with its start read and checked; `UsageError` when it cannot be assessed at all."""
    head = source.binary.peek(4)  # a file opened buffered, or standard input's `LineKeeper`: both can peek
    zipped = head[:4] == ZIP_MAGIC
    if zipped != (kind == "xlsx"):
        found = "a spreadsheet (.xlsx)" if zipped else "no spreadsheet"
        raise UsageError(f"{source.name} is {found}, not {kind}: rename it or give --format")
    if kind == "xlsx":
        seekable = source.binary if source.size is not None else io.BytesIO(source.binary.read())
        return read_xlsx(seekable, rules.catalogue, lang, limits)
    bom = bom_wanted(head, codec)
    text = source.text = text_stream(source.binary, codec)
    try:
        if kind == "csv":
            return read_csv(text, rules.catalogue, lang, limits, bom)
        if kind == "jsonl":
            return read_json_lines(text, lang, limits, bom)
        return read_json_items(json_items(text, lang), lang)
    except UnicodeDecodeError:
        raise locate_in_file(source.binary, codec).error(lang) from None


def json_items(text: io.TextIOBase, lang: str) -> list[Any]:
    """The `items` of a JSON batch document (read whole)."""
    try:
        document = json.load(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise UsageError(f"malformed JSON: {error}") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise UsageError('a JSON input is a document {"items": [...]}')
    return document["items"]


def stream(
    args: Any, rules: Any, opened: Input, writer_for: Any, job: Any, source: Source, lang: str, codec: str
) -> tuple[Any, int | None]:
    """Run the pipeline from the opened input to OUTPUT: `(summary, None)`, or `(None, exit code)` after saying
    why on stderr (the output, half written, is removed)."""
    try:
        sink = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    except OSError as error:
        return None, usage(f"cannot write {args.output}: {error.strerror}")
    writer: Writer = writer_for(sink)
    progress = Progress(sys.stderr, Progress.wanted(sys.stderr, args.quiet), source.size, source.position)
    jobs = choose_jobs(args.jobs, source.size)
    problem, code, summary = None, USAGE_ERROR, None
    try:
        summary = run_pipeline(rules, opened, writer, job, jobs, progress, args.rules)
    except UnicodeDecodeError:
        problem = locate_in_file(source.binary, codec).error(lang).message
    except UsageError as error:  # a spreadsheet found broken part of the way
        problem = describe(error)
    except ValueError as error:  # csv.Error included: a field too large
        problem = f"unreadable {args.input}: {error}"
    except KeyboardInterrupt:
        problem, code = "interrupted", INTERRUPTED
    finally:
        progress.close()
        if sink is not sys.stdout.buffer:
            sink.close()
        else:
            sink.flush()
    if problem is not None:
        if args.output != "-":
            Path(args.output).unlink()  # half a result file would pass for a whole one
        print(f"error: {problem}", file=sys.stderr)
        return None, code
    return summary, None
