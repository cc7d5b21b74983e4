"""Counting an impact report: rows that change (by legal date, by fact), rows that do not, rows in error."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..summary import Counts, SeenIds


class ImpactTally(Counts):
    NUMBERS = ("total", "changed", "unchanged", "errors", "certificate_expiries")
    COUNTERS = ("by_legal_date", "by_field")

    def __init__(self) -> None:
        self.total = 0
        self.changed = 0
        self.unchanged = 0
        self.errors = 0
        self.by_legal_date: Counter[str] = Counter()
        self.by_field: Counter[str] = Counter()
        self.certificate_expiries = 0

    def add_error(self) -> None:
        self.total += 1
        self.errors += 1

    def add_unchanged(self) -> None:
        self.total += 1
        self.unchanged += 1

    def add_changed(self, outcome: Any) -> None:
        self.total += 1
        self.changed += 1
        self.by_field.update(list(outcome.changes))
        self.by_legal_date.update({name for cause in outcome.causes for name in cause.legal_dates})
        self.certificate_expiries += any(cause.certificate_expiry for cause in outcome.causes)


class ImpactSummary(SeenIds, ImpactTally):
    """The tally, plus the ids given more than once and the columns passed through (as a batch's summary)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "by_field": dict(sorted(self.by_field.items())),
            "certificate_expiries": self.certificate_expiries,
            "duplicate_ids": list(self.duplicate_ids),
            "passed_through": list(self.passed_through),
        }

    def line(self, legal_dates: list[Any] = ()) -> str:
        """One line for a terminal: the counts, then each legal date crossed and the rows it changes."""
        parts = [f"{self.total} assessed", f"{self.changed} change", f"{self.unchanged} unchanged",
                 f"{self.errors} error(s)"]  # fmt: skip
        for legal_date in legal_dates:
            parts.append(
                f"{legal_date.date.isoformat()} {legal_date.name}: {self.by_legal_date.get(legal_date.name, 0)}"
            )
        if self.certificate_expiries:
            parts.append(f"certificates expiring: {self.certificate_expiries}")
        if self.passed_through:
            parts.append("passed through: " + ", ".join(self.passed_through))
        if self.duplicate_ids:
            parts.append(f"{len(self.duplicate_ids)} duplicate id(s)")
        return "; ".join(parts)
