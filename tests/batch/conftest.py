"""Helpers shared by the batch tests: answers that reach each kind of outcome, and CSV files to run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hds_api.batch.csv_format import input_columns
from hds_api.trees import Rules

AS_OF = "2026-11-25"
# A managed-services host under referential v2: certificate required for activities 4, 5 and 6.
REQUIRED = {
    "personal_data": True, "health_data": True, "data_originator": "health_professional", "care_context": True,
    "hosting_relationship": "on_behalf_of_originator", "storage_medium": "digital", "stores_data": True,
    "short_term_processing_only": False, "activity_physical_site": False, "activity_hardware": False,
    "activity_virtual_infrastructure": False, "activity_application_platform": True,
    "activity_administration_operation": True, "activity_backup": True, "storage_location": "eea_only",
    "non_eea_access": False, "third_country_law_exposure": False, "uses_subcontractors": False,
}  # fmt: skip
SELF_HOSTING = {key: REQUIRED[key] for key in list(REQUIRED)[:5]} | {"hosting_relationship": "own_data"}


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
