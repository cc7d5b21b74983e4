"""The named legal dates of the loaded rules (law.yaml `legal_dates`), with their labels and citations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ...rules import Rules


@dataclass(frozen=True, slots=True)
class LegalDate:
    name: str
    date: date
    label: str
    references: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "date": self.date.isoformat(),
            "label": self.label,
            "references": list(self.references),
        }


def legal_dates(rules: Rules, lang: str) -> list[LegalDate]:
    """Every named legal date, in date order, in `lang`."""
    calendar = rules.calendar
    entries = rules.raw.data("law")["legal_dates"]
    found = [
        LegalDate(
            name,
            calendar.dates[name],
            entry["label"][lang],
            tuple(calendar.cite(reference, lang) for reference in entry.get("references", ())),
        )
        for name, entry in entries.items()
    ]
    return sorted(found, key=lambda legal_date: (legal_date.date, legal_date.name))


def legal_dates_between(rules: Rules, start: date, end: date, lang: str) -> list[LegalDate]:
    """The legal dates met going from `start` to `end`, both included: a legal date's rule applies from that
    day, or from the next (a certificate that counts until a date), so either may change a row."""
    return [legal_date for legal_date in legal_dates(rules, lang) if start <= legal_date.date <= end]
