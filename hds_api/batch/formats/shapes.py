"""How a job's outcomes look in each kind of output: the columns of a table, or the entries of JSON. A batch's
are here; the impact report has its own (`batch.impact.report`). Picklable: encoders run in workers too."""

from __future__ import annotations

from typing import Any

from ..runner import BatchOptions, ItemOutcome, shape_entry
from .table_output import TableColumns


class BatchShape:
    sheet_name = "results"

    def __init__(self, options: BatchOptions):
        self.lang = options.lang
        self.readable = options.readable
        self.detail = options.detail

    def columns(self, carried: list[tuple[str, str]]) -> TableColumns:
        return TableColumns(self.lang, carried, self.readable)

    def entry(self, outcome: ItemOutcome) -> dict[str, Any] | None:
        return shape_entry(outcome, self.detail)
