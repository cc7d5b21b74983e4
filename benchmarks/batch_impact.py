"""Impact report benchmark (issue 14's target: the report on the 100,000-row file within 2.5 times one batch run of
it), side by side in one run: `python -m hds_api batch` and `python -m hds_api impact` on the same varied
100,000-row CSV (`batch_cases`: 130 path-consistent answer sets, half with a certificate, v1 ones among them),
alternated, the CPU time of each command (user + system, from the kernel) and its wall time.

    .venv/bin/python benchmarks/batch_impact.py [--rows 100000] [--rounds 3] [--jobs 1]

The report's window, 2026-01-01 to 2026-12-31, crosses three named legal dates (décret 2026-209, the end of v1
certificates, EEA storage in the CSP): a third of the rows change, and each of those is assessed again on the
dates crossed to tell which one changed it.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.batch_cases import AS_OF, batch_items  # noqa: E402

TARGET = 2.5
WINDOW = ["--from", "2026-01-01", "--to", "2026-12-31"]


def write_suppliers(path: Path, rows: int) -> None:
    from hds_api.rules import default_rules

    questions = default_rules().catalogue.question_order
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["id", "Nom", *questions, "as_of", "current_activities", "current_referential",
                         "current_valid_until"])  # fmt: skip
        for item in batch_items(rows):
            answers, held = item["answers"], item.get("current_certification") or {}
            cells = ["true" if answers.get(q) is True else "false" if answers.get(q) is False else answers.get(q, "")
                     for q in questions]  # fmt: skip
            writer.writerow([item["id"], f"Fournisseur {item['id']}", *cells, AS_OF,
                             ";".join(map(str, held.get("activities", []))), held.get("referential", ""),
                             held.get("valid_until", "")])  # fmt: skip


def timed(command: list[str]) -> tuple[float, float, str]:
    """CPU seconds (the command and its workers) and wall seconds of one run; what it printed."""
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - started
    after = os.times()
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return cpu, wall, done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes of both commands (1: least noise)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hds-impact-bench-") as tmp:
        source = Path(tmp) / "suppliers.csv"
        write_suppliers(source, args.rows)
        base = [sys.executable, "-m", "hds_api"]
        jobs = ["--jobs", str(args.jobs), "--quiet"]
        batch = [*base, "batch", str(source), "-o", str(Path(tmp) / "results.csv"), "--as-of", AS_OF, *jobs]
        impact = [*base, "impact", str(source), *WINDOW, "-o", str(Path(tmp) / "impact.csv"), *jobs]
        times: dict[str, list[tuple[float, float]]] = {"batch": [], "impact": []}
        lines = {}
        for _ in range(args.rounds):  # alternated, so that a noisy moment hits both
            for name, command in (("batch", batch), ("impact", impact)):
                cpu, wall, lines[name] = timed(command)
                times[name].append((cpu, wall))
    print(f"{args.rows:,} rows, --jobs {args.jobs}, {args.rounds} rounds alternated")
    for name in times:
        cpu = statistics.median(c for c, _ in times[name])
        wall = statistics.median(w for _, w in times[name])
        print(f"{name:<8} CPU {cpu:7.2f} s   wall {wall:7.2f} s   ({lines[name][:150]})")
    ratio = statistics.median(c for c, _ in times["impact"]) / statistics.median(c for c, _ in times["batch"])
    wall_ratio = statistics.median(w for _, w in times["impact"]) / statistics.median(w for _, w in times["batch"])
    verdict = "ok" if ratio <= TARGET else "ABOVE TARGET"
    print(f"impact ÷ batch: CPU {ratio:.2f} ×, wall {wall_ratio:.2f} ×   target ≤ {TARGET} × {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
