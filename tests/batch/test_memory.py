"""The CLI streams: peak memory on a 50,000-row file stays near that of a 5,000-row one."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import REQUIRED, SELF_HOSTING, write_csv

# The main process's peak is read from VmHWM: its ru_maxrss would count the pytest process it was forked from.
MEASURE = """
import json, re, resource, sys
from hds_api.cli import main
code = main(sys.argv[1:])
status = open("/proc/self/status").read()
main_peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"code": code, "main": main_peak, "workers": workers_peak}))
"""
# Holding 50,000 rows at once costs over 100 MiB (the parsed rows alone); streaming costs only the set of ids
# (about 4 MiB here).
GROWTH_BOUND_KIB = 10 * 1024


def peak_memory(source, tmp_path) -> dict:
    command = [sys.executable, "-c", MEASURE, "batch", str(source), "-o", str(tmp_path / "out.csv"), "--jobs", "2"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout.splitlines()[-1])


def test_memory_stays_flat_on_50000_rows(tmp_path, columns):
    rows = [{"id": f"supplier-{n:06d}", **(REQUIRED if n % 4 else SELF_HOSTING)} for n in range(50_000)]
    small = peak_memory(write_csv(tmp_path / "small.csv", rows[:5_000], columns), tmp_path)
    large = peak_memory(write_csv(tmp_path / "large.csv", rows, columns), tmp_path)
    assert large["code"] == small["code"] == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("\n") == 50_001
    assert large["main"] - small["main"] < GROWTH_BOUND_KIB, (small, large)
    assert large["workers"] - small["workers"] < GROWTH_BOUND_KIB, (small, large)
