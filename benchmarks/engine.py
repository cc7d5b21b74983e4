"""Engine benchmark: median time of one complete 20-answer evaluation, of loading + validating the trees, and
the evaluation rate per core, each beside its target.

    .venv/bin/python benchmarks/engine.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.cases import TWENTY_ANSWERS  # noqa: E402
from hds_api.rules import load_rules

TARGET_EVALUATION_US = 30.0
TARGET_LOAD_MS = 200.0


def median_seconds(action, rounds: int, per_round: int) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(per_round):
            action()
        timings.append((time.perf_counter() - start) / per_round)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="rounds per measure (median taken)")
    args = parser.parse_args()
    load = median_seconds(load_rules, max(5, args.repeat // 3), 1)
    rules = load_rules()
    answers = dict(TWENTY_ANSWERS)
    result = rules.evaluate(answers, "2026-11-25")
    assert result["status"] == "complete" and len(result["trace"]) == 20, "the benchmark case must be 20 steps"
    evaluation = median_seconds(lambda: rules.evaluate(answers, "2026-11-25"), args.repeat, 2000)
    incomplete = median_seconds(lambda: rules.evaluate({"personal_data": True}, "2026-11-25"), args.repeat, 2000)
    rows = [
        ("complete evaluation (20 answers)", f"{evaluation * 1e6:8.1f} µs", f"target ≤ {TARGET_EVALUATION_US:.0f} µs",
         f"{evaluation * 1e6 / TARGET_EVALUATION_US:.2f} of target"),
        ("incomplete evaluation (1 answer)", f"{incomplete * 1e6:8.1f} µs", "", ""),
        ("load + validate the trees", f"{load * 1e3:8.1f} ms", f"target ≤ {TARGET_LOAD_MS:.0f} ms",
         f"{load * 1e3 / TARGET_LOAD_MS:.2f} of target"),
        ("evaluations per second per core", f"{1 / evaluation:8.0f} /s", "", ""),
    ]  # fmt: skip
    for row in rows:
        print(f"{row[0]:<36} {row[1]:>12}   {row[2]:<18} {row[3]}")


if __name__ == "__main__":
    main()
