"""Helpers shared by the batch tests: answers that reach each kind of outcome, and CSV files to run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hds_api.batch.csv_format import input_columns
from hds_api.rules import Rules

from ..answers import MANAGED_SERVICES_REQUIRED, complete_answers

AS_OF = "2026-11-25"
REQUIRED = MANAGED_SERVICES_REQUIRED
SELF_HOSTING = complete_answers(hosting_relationship="own_data")


def csv_cell(value) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return "" if value is None else str(value)


def write_csv(path: Path, rows: list[dict], columns: list[str], delimiter: str = ",", bom: bool = False) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    path.write_text(("\ufeff" if bom else "") + out.getvalue(), encoding="utf-8")
    return path


def read_csv(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.fixture(scope="session")
def columns(rules: Rules) -> list[str]:
    return input_columns(rules.catalogue)
