"""Batch benchmark, side by side in one run.

In process (issue 12's target: a batch item at most 1.5 times the engine's own time for the same answers): CPU
time per item of `Rules.evaluate` alone, of the batch runner (`assess_items`, JSON items to entries) and of a CSV
read, assessed and written by the batch's pipeline, over the same varied items (`batch_cases`: 130 distinct
path-consistent answer sets, half with a certificate), rounds alternated, medians compared.

Over HTTP: items/s through `POST /v1/assessments/batch` (10,000 items a request), requests/s through
`POST /v1/assessments` (one item a request), both under gunicorn with the project's gunicorn.conf.py and the same
number of concurrent connections on 127.0.0.1 (wrk for single requests, threads that count every batch they start
for batches); and rows/s of the CLI on a 100,000-row CSV. Every HTTP item is the same complete 20-answer
assessment with a gap analysis, so both rates count the same work.

    .venv/bin/python benchmarks/batch.py [--in-process-only] [--seconds 5] [--rounds 3] [--connections 4]
"""

from __future__ import annotations

import argparse
import csv
import http.client
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.batch_cases import batch_items  # noqa: E402
from benchmarks.cases import TWENTY_ANSWERS  # noqa: E402
from benchmarks.servers import free_port, start_gunicorn, wrk  # noqa: E402

TARGET_RATIO = 8.0
TARGET_ITEM_RATIO = 1.5  # a batch item's CPU time over the engine's, in process
AS_OF = "2026-11-25"

ANSWERS = {**TWENTY_ANSWERS, "non_eea_access": True}
HELD = {"activities": [1, 2, 3, 4], "referential": "v2", "valid_until": "2027-12-31"}
SINGLE = {"answers": ANSWERS, "as_of": AS_OF, "lang": "en", "current_certification": HELD}

LUA = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[{body}]==]
"""


def batch_body(items: int) -> dict:
    return {
        "as_of": AS_OF,
        "lang": "en",
        "items": [{"id": f"supplier-{n:05d}", "answers": ANSWERS, "current_certification": HELD} for n in range(items)],
    }


def post(port: int, path: str, body: dict, timeout: float = 60) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def batch_rate(port: int, body: bytes, items: int, seconds: int, connections: int) -> float:
    """Items per second: `connections` clients post the batch again and again for `seconds`, and every request
    started is waited for and counted (wrk would drop the ones in flight at the end: with requests of a second
    or so, that is a large share)."""
    done: list[int] = []

    def client() -> None:
        count = 0
        while time.perf_counter() < stop:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request("POST", "/v1/assessments/batch", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                raise SystemExit(f"batch request answered {response.status}")
            count += 1
        done.append(count)

    started = time.perf_counter()
    stop = started + seconds
    clients = [threading.Thread(target=client) for _ in range(connections)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    return sum(done) * items / (time.perf_counter() - started)


def http_rates(args: argparse.Namespace, workdir: Path) -> tuple[list[float], list[float]]:
    port = free_port()
    script = workdir / "single.lua"
    script.write_text(LUA.format(body=json.dumps(SINGLE)), encoding="utf-8")
    url = f"http://127.0.0.1:{port}/v1/assessments"
    body = json.dumps(batch_body(args.items)).encode()
    server = start_gunicorn(port, args.workers)
    try:
        checked = post(port, "/v1/assessments/batch", batch_body(args.items))
        assert checked["summary"]["required"] == args.items and checked["summary"]["errors"] == 0, checked["summary"]
        assert post(port, "/v1/assessments", SINGLE)["hds_certification_required"] is True
        wrk(url, script, 1, args.connections)  # warm-up
        single, batch = [], []
        for _ in range(args.rounds):  # alternated, so that a noisy moment hits both
            single.append(wrk(url, script, args.seconds, args.connections)[0])
            batch.append(batch_rate(port, body, args.items, args.seconds, args.connections))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return single, batch


def cli_rate(rows: int, workdir: Path) -> tuple[float, int]:
    source, output = workdir / "suppliers.csv", workdir / "results.csv"
    columns = ["id", *ANSWERS, "as_of", "current_activities", "current_referential", "current_valid_until"]
    cells = [("true" if v is True else "false" if v is False else v) for v in ANSWERS.values()]
    with source.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(columns)
        for n in range(rows):
            writer.writerow([f"supplier-{n:06d}", *cells, AS_OF, "1;2;3;4", "v2", "2027-12-31"])
    command = [sys.executable, "-m", "hds_api", "batch", str(source), "--output", str(output), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or not done.stdout.startswith(f"{rows} assessed; {rows} required"):
        raise SystemExit(f"the CLI failed: {done.stdout}{done.stderr}")
    return rows / elapsed, os.cpu_count() or 1


def cpu_per_item(action, count: int) -> float:
    started = time.process_time()
    action()
    return (time.process_time() - started) / count * 1e6


def csv_of(items: list[dict]) -> str:
    """The items as the contract's CSV (what a spreadsheet user would send)."""
    from hds_api.rules import default_rules

    questions = default_rules().catalogue.question_order
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *questions, "current_activities", "current_referential", "current_valid_until"])
    for item in items:
        answers, held = item["answers"], item.get("current_certification") or {}
        cells = ["true" if answers.get(q) is True else "false" if answers.get(q) is False else answers.get(q, "")
                 for q in questions]  # fmt: skip
        gap = [";".join(map(str, held.get("activities", []))), held.get("referential", ""), held.get("valid_until", "")]
        writer.writerow([item["id"], *cells, *gap])
    return out.getvalue()


def csv_pipeline(rules, text: str) -> int:
    """Read, assess and write a CSV in process with the batch's own pipeline; the number of rows assessed."""
    from hds_api.batch import BatchOptions

    options = BatchOptions.check(rules, AS_OF, "en")
    try:
        from hds_api.batch.formats import make_writer
        from hds_api.batch.formats.csv_format import read_csv, text_lines
        from hds_api.batch.pipeline import run
    except ImportError:  # before issue 12's formats: the pipeline of the time, same work
        from hds_api.batch.csv_format import CsvCodec

        from hds_api.batch.pipeline import run as old_run

        lines = io.StringIO(text, newline="")
        codec = CsvCodec.from_header(lines.readline(), rules.catalogue, "en")
        return old_run(rules, None, lines, io.StringIO(), codec, options).total
    source = read_csv(text_lines(text), rules.catalogue, "en")
    return run(rules, source, make_writer("csv", io.BytesIO(), source, options), options).total


def in_process(rounds: int, count: int) -> dict[str, list[float]]:
    """CPU µs per item, alternated rounds: the engine (with the garbage collector paused too, as the batch does:
    the stricter baseline of the two), the runner, the CSV pipeline."""
    import gc

    from hds_api.batch import assess_items
    from hds_api.rules import load_rules

    rules = load_rules()
    items = batch_items(count)
    text = csv_of(items)

    def engine() -> None:
        evaluate = rules.evaluate
        for item in items:
            evaluate(item["answers"], AS_OF, item.get("current_certification"), "en")

    def engine_paused() -> None:
        gc.disable()
        try:
            engine()
        finally:
            gc.enable()

    body = assess_items(rules, items, as_of=AS_OF, lang="en")
    assert body["summary"]["errors"] == 0 and body["summary"]["total"] == count, body["summary"]
    assert csv_pipeline(rules, text) == count
    measures = {
        "engine": engine,
        "engine, collector paused": engine_paused,
        "runner": lambda: assess_items(rules, items, as_of=AS_OF, lang="en"),
        "csv": lambda: csv_pipeline(rules, text),
    }
    times: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(rounds):
        for name, action in measures.items():
            times[name].append(cpu_per_item(action, count))
    return times


def report_in_process(times: dict[str, list[float]]) -> bool:
    engine = min(statistics.median(times["engine"]), statistics.median(times["engine, collector paused"]))
    rows = [
        ("Rules.evaluate (engine)", "engine"),
        ("Rules.evaluate, collector paused", "engine, collector paused"),
        ("batch item (assess_items, JSON items)", "runner"),
        ("CSV row (read, assess, write)", "csv"),
    ]
    for label, name in rows:
        median = statistics.median(times[name])
        print(f"{label:<46} {median:8.1f} µs/item  {median / engine:5.2f} × engine   "
              f"({', '.join(f'{v:.1f}' for v in times[name])})")  # fmt: skip
    ratio = statistics.median(times["runner"]) / engine
    verdict = "ok" if ratio <= TARGET_ITEM_RATIO else "ABOVE TARGET"
    print(
        f"{'batch item ÷ engine (CPU, in process)':<46} {ratio:8.2f} ×        target ≤ {TARGET_ITEM_RATIO} × {verdict}"
    )
    return ratio <= TARGET_ITEM_RATIO


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000, help="items per batch request")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the CLI's CSV")
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per measure (median taken)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections, the same for both")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("HDS_WORKERS", "2")))
    parser.add_argument("--in-process-only", action="store_true", help="skip the HTTP and CLI measures")
    parser.add_argument("--in-process-rounds", type=int, default=9)
    parser.add_argument("--in-process-items", type=int, default=5_000)
    args = parser.parse_args()
    print(f"in process: {args.in_process_items:,} varied items, {args.in_process_rounds} rounds alternated")
    item_ok = report_in_process(in_process(args.in_process_rounds, args.in_process_items))
    if args.in_process_only:
        return 0 if item_ok else 1
    with tempfile.TemporaryDirectory(prefix="hds-batch-bench-") as tmp:
        single, batch = http_rates(args, Path(tmp))
        cli, cores = cli_rate(args.rows, Path(tmp))
    ratio = statistics.median(b / s for b, s in zip(batch, single, strict=True))
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(f"gunicorn workers={args.workers}, connections={args.connections}, {args.rounds} x {args.seconds}s each")
    rows = [
        (f"POST /v1/assessments/batch ({args.items:,} items)", f"{statistics.median(batch):10,.0f} items/s", batch),
        ("POST /v1/assessments (one item)", f"{statistics.median(single):10,.0f} requests/s", single),
        (f"CLI batch, {args.rows:,}-row CSV ({cores} cores)", f"{cli:10,.0f} rows/s", [cli]),
    ]
    for name, rate, values in rows:
        print(f"{name:<46} {rate:>20}   ({', '.join(f'{v:,.0f}' for v in values)})")
    name = "batch items/s ÷ single requests/s"
    print(f"{name:<46} {ratio:>12.1f} ×          target ≥ {TARGET_RATIO:.0f} × {verdict}")
    return 0 if ratio >= TARGET_RATIO and item_ok else 1


if __name__ == "__main__":
    sys.exit(main())
