"""Helpers shared by the batch tests: answers that reach each kind of outcome, and CSV files to run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hds_api.batch import BatchOptions, Item, item_from_json
from hds_api.batch.formats.table import input_columns
from hds_api.batch.runner import ItemOutcome, assess_stream
from hds_api.batch.summary import Tally
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


def outcomes_of(rules: Rules, items: list, lang: str = "en") -> list[ItemOutcome]:
    """What writers take: each item (JSON, or already read) with its result or its error."""
    read = [item if isinstance(item, Item) else item_from_json(item, lang) for item in items]
    return list(assess_stream(rules, read, BatchOptions.check(rules, AS_OF, lang), Tally()))


def error_outcome(item_id, message: str) -> ItemOutcome:
    return ItemOutcome(Item(id=item_id), None, {"message": "x", "errors": {"row": {"message": message}}})


@pytest.fixture(scope="session")
def columns(rules: Rules) -> list[str]:
    return input_columns(rules.catalogue)
