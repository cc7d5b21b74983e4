"""Spreadsheet benchmark (issue 14's target: reading and writing 10,000 rows of .xlsx each under 3 times the
CSV time), side by side in one run, in process, CPU time: the batch's pipeline over the same varied rows
(`batch_cases`), reading a CSV or the same rows as a workbook (text as shared strings, as Excel saves it), and
writing a CSV or a workbook; rounds alternated, medians compared.

    .venv/bin/python benchmarks/batch_formats.py [--rows 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.batch_cases import AS_OF, batch_items  # noqa: E402

TARGET = 3.0


def table_rows(rows: int) -> list[list]:
    from hds_api.rules import default_rules

    questions = default_rules().catalogue.question_order
    header = ["id", "Nom", *questions, "current_activities", "current_referential", "current_valid_until"]
    body = []
    for item in batch_items(rows):
        answers, held = item["answers"], item.get("current_certification") or {}
        cells = ["oui" if answers.get(q) is True else "non" if answers.get(q) is False else answers.get(q, "")
                 for q in questions]  # fmt: skip
        body.append([item["id"], f"Fournisseur {item['id']}", *cells,
                     ";".join(map(str, held.get("activities", []))), held.get("referential", ""),
                     held.get("valid_until", "")])  # fmt: skip
    return [header, *body]


def as_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def as_xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    from tests.batch.xlsx_files import with_shared_strings

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Fournisseurs")
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return with_shared_strings(out.getvalue())  # as Excel saves text (openpyxl writes it inline)


def run(rules, data: bytes, input_format: str, output_format: str) -> int:
    """The batch's pipeline, in process, from an input in memory to an output in memory: rows assessed."""
    from hds_api.batch import BatchOptions
    from hds_api.batch.formats import make_writer
    from hds_api.batch.formats.bodies import read_table_body
    from hds_api.batch.formats.lines import RowLimits
    from hds_api.batch.pipeline import run as run_pipeline

    options = BatchOptions.check(rules, AS_OF, "fr")
    source = read_table_body(data, input_format, None, rules.catalogue, "fr", RowLimits(), 10**9)
    return run_pipeline(rules, source, make_writer(output_format, io.BytesIO(), source, options), options).total


def cpu(action) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def main() -> int:
    from hds_api.rules import load_rules

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rules = load_rules()
    rows = table_rows(args.rows)
    csv_data, xlsx_data = as_csv(rows), as_xlsx(rows)
    runs = {
        "CSV in, CSV out": ("csv", "csv", csv_data),
        "XLSX in, CSV out": ("xlsx", "csv", xlsx_data),
        "CSV in, XLSX out": ("csv", "xlsx", csv_data),
    }
    for name, (source, target, data) in runs.items():
        assert run(rules, data, source, target) == args.rows, name
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):  # alternated, so that a noisy moment hits all
        for name, (source, target, data) in runs.items():
            times[name].append(cpu(lambda: run(rules, data, source, target)))  # noqa: B023 - called at once
    base = statistics.median(times["CSV in, CSV out"])
    print(f"{args.rows:,} varied rows, in process, {args.rounds} rounds alternated; CSV {len(csv_data):,} bytes, "
          f"XLSX {len(xlsx_data):,} bytes")  # fmt: skip
    ok = True
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / base
        verdict = "" if name == "CSV in, CSV out" else f"  target < {TARGET} × " + ("ok" if ratio < TARGET else "ABOVE")
        ok = ok and ratio < TARGET
        print(
            f"{name:<18} {median:6.2f} s CPU  {ratio:5.2f} × CSV{verdict}   ({', '.join(f'{v:.2f}' for v in values)})"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
