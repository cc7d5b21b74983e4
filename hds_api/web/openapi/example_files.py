"""The OpenAPI document's spreadsheet examples. A workbook is bytes no JSON document can hold, so the document
points at each with `externalValue` (OpenAPI's way for examples "that cannot easily be included in JSON") and the
service serves them here, beside `/openapi.json` and as open as it.

The request workbook is the CSV example's rows as a spreadsheet user types them (booleans and dates as typed
cells); each result is what the service answers to it, written by the same reader, job and writer, computed the
first time it is asked for and kept for the app's life (the rules do not change under a running app)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from flask import Blueprint, Flask, abort, current_app, send_file
from openpyxl import Workbook

from ...batch import BatchOptions
from ...batch.formats import XLSX, make_writer
from ...batch.formats.xlsx_reader import read_xlsx
from ...batch.impact import ImpactJob, ImpactShape, impact_options
from ...batch.pipeline import run
from ...rules import Rules
from ..api import current_rules
from .examples import LANG, batch_csv

URL = "/openapi/examples/"
BATCH_AS_OF = "2026-11-25"
IMPACT_WINDOW = ("2026-05-01", "2026-11-25")  # from before the end of v1 certificates to after the EEA rule
FILES_EXTENSION = "hds_scope.example_files"

# Example component -> (file served, summary). The request workbook serves both endpoints.
WORKBOOKS = {
    "batch-xlsx-request": ("suppliers.xlsx", f"The CSV example as a workbook (`?lang=en&as_of={BATCH_AS_OF}`)"),
    "batch-xlsx-result": ("suppliers.results.xlsx", "Its results, with the readable columns (`lang` named)"),
    "impact-xlsx-result": (
        "suppliers.impact.xlsx",
        f"Its impact report (`?lang=en&from={IMPACT_WINDOW[0]}&to={IMPACT_WINDOW[1]}`)",
    ),
}

blp = Blueprint("example_files", __name__, url_prefix=URL.rstrip("/"))


def example_components() -> dict[str, dict[str, str]]:
    """The example components that point at the workbooks."""
    return {name: {"summary": summary, "externalValue": URL + file} for name, (file, summary) in WORKBOOKS.items()}


def example_workbooks(rules: Rules, csv_text: str, lang: str) -> dict[str, bytes]:
    """File name -> bytes: the request workbook made of `csv_text`, and the service's answers to it."""
    request = _workbook(csv_text)
    options = BatchOptions.check(rules, BATCH_AS_OF, lang, readable=True)
    report = impact_options(rules, *IMPACT_WINDOW, lang, False, readable=True)
    impact = ImpactJob(report)
    return {
        "suppliers.xlsx": request,
        "suppliers.results.xlsx": _answer(rules, request, lang, options, options),
        "suppliers.impact.xlsx": _answer(rules, request, lang, impact, ImpactShape(report)),
    }


def _workbook(csv_text: str) -> bytes:
    header, *rows = [line.split(",") for line in csv_text.splitlines()]  # the example quotes no cell
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Fournisseurs")
    sheet.append(header)
    for row in rows:
        sheet.append([_typed(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _typed(cell: str) -> Any:
    """A cell as a spreadsheet user types it: TRUE/FALSE and dates as typed cells, the rest as text."""
    if cell in ("true", "false"):
        return cell == "true"
    try:
        return date.fromisoformat(cell)
    except ValueError:
        return cell or None


def _answer(rules: Rules, workbook: bytes, lang: str, job: Any, shape: Any) -> bytes:
    source = read_xlsx(io.BytesIO(workbook), rules.catalogue, lang)
    out = io.BytesIO()
    run(rules, source, make_writer("xlsx", out, source, shape), job, ids_once=True)
    return out.getvalue()


@blp.get("/<name>")
def example_file(name: str):
    files = current_app.extensions.get(FILES_EXTENSION)
    if files is None:
        rules = current_rules()
        files = current_app.extensions[FILES_EXTENSION] = example_workbooks(rules, batch_csv(rules), LANG)
    if name not in files:
        abort(404)
    return send_file(io.BytesIO(files[name]), mimetype=XLSX, download_name=name, max_age=3600)


def init_app(app: Flask) -> None:
    app.register_blueprint(blp)
