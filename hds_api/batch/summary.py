"""Counting a batch's outcomes, and noticing ids given more than once."""

from __future__ import annotations

from collections import Counter
from typing import Any


class Counts:
    """What a tally holds that adds up (`merge`) with the tallies of chunks assessed in other processes: the numbers
    named in `NUMBERS`, the counters named in `COUNTERS`."""

    NUMBERS: tuple[str, ...] = ()
    COUNTERS: tuple[str, ...] = ()

    def merge(self, other: Counts) -> None:
        for name in self.NUMBERS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in self.COUNTERS:
            getattr(self, name).update(getattr(other, name))


class SeenIds:
    """What a summary adds to its tally (the class it comes before): the ids given more than once (the set of ids
    seen is all that grows with size), and the columns passed through."""

    def __init__(self, passed_through: list[str] | None = None) -> None:
        super().__init__()
        self.passed_through = list(passed_through or [])
        self._seen: set[Any] = set()
        self._reported: set[Any] = set()
        self.duplicate_ids: list[Any] = []

    def see_id(self, item_id: Any) -> None:
        if item_id is None:
            return
        if item_id in self._seen:
            if item_id not in self._reported:
                self._reported.add(item_id)
                self.duplicate_ids.append(item_id)
        else:
            self._seen.add(item_id)


class Tally(Counts):
    """Counts of outcomes."""

    NUMBERS = ("total", "required", "not_required", "incomplete", "errors")
    COUNTERS = ("by_exemption", "certification_gaps")

    def __init__(self) -> None:
        self.total = 0
        self.required = 0
        self.not_required = 0
        self.incomplete = 0
        self.errors = 0
        self.by_exemption: Counter[str] = Counter()
        self.certification_gaps: Counter[str] = Counter()

    def add(self, result: dict[str, Any] | None) -> None:
        """Count one full result; None for an item that could not be assessed."""
        self.total += 1
        if result is None:
            self.errors += 1
            return
        if result["status"] == "incomplete":
            self.incomplete += 1
        elif result["hds_certification_required"]:
            self.required += 1
        else:
            self.not_required += 1
            self.by_exemption.update(exemption["code"] for exemption in result["exemptions"])
        if result["certification_gap"] is not None:
            self.certification_gaps[result["certification_gap"]["status"]] += 1


class Summary(SeenIds, Tally):
    """The batch's `summary`: the tally, plus duplicate ids and the columns passed through."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "required": self.required,
            "not_required": self.not_required,
            "by_exemption": dict(sorted(self.by_exemption.items())),
            "incomplete": self.incomplete,
            "errors": self.errors,
            "certification_gaps": dict(sorted(self.certification_gaps.items())),
            "duplicate_ids": list(self.duplicate_ids),
            "passed_through": list(self.passed_through),
        }

    def line(self) -> str:
        """One line for a terminal."""
        exemptions = ", ".join(f"{code} {count}" for code, count in sorted(self.by_exemption.items()))
        parts = [
            f"{self.total} assessed",
            f"{self.required} required",
            f"{self.not_required} not required" + (f" ({exemptions})" if exemptions else ""),
            f"{self.incomplete} incomplete",
            f"{self.errors} error(s)",
        ]
        if self.certification_gaps:
            # Only the rows with a certificate to compare, as JSON's `certification_gaps` counts them.
            compared = sorted(self.certification_gaps.items())
            parts.append("certificates compared: " + ", ".join(f"{status} {count}" for status, count in compared))
        if self.passed_through:
            parts.append("passed through: " + ", ".join(self.passed_through))
        if self.duplicate_ids:
            shown = ", ".join(str(item_id) for item_id in self.duplicate_ids[:5])
            more = "…" if len(self.duplicate_ids) > 5 else ""
            parts.append(f"{len(self.duplicate_ids)} duplicate id(s): {shown}{more}")
        return "; ".join(parts)
