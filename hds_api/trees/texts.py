"""Bilingual texts and date-dependent citations, resolved once per language and legal epoch."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from typing import Any

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

View = dict[str, Any]
# views[lang][epoch] -> the item as served; shared and read-only.
Views = dict[str, list[View]]


class Calendar:
    """The legal dates, and the epochs cut by the dates at which some citation starts or stops applying."""

    def __init__(self, law: dict[str, Any], rule_data: list[Any]):
        self.dates = {name: date.fromisoformat(entry["date"]) for name, entry in law["legal_dates"].items()}
        self.citations = law["references"]
        boundaries = {
            self.dates[entry[bound]]
            for entry in _dated_references(rule_data)
            for bound in ("from", "until")
            if bound in entry
        }
        self.boundaries = sorted(boundaries)

    @property
    def epochs(self) -> range:
        return range(len(self.boundaries) + 1)

    def epoch(self, as_of: date) -> int:
        return bisect_right(self.boundaries, as_of)

    def epoch_start(self, epoch: int) -> date | None:
        return self.boundaries[epoch - 1] if epoch else None

    def cite(self, reference_id: str, lang: str) -> str:
        cite = self.citations[reference_id]["cite"]
        return cite if isinstance(cite, str) else cite[lang]

    def citations_at(self, references: list[Any], lang: str, epoch: int) -> list[str]:
        """The citations of a reference list that apply in an epoch."""
        start = self.epoch_start(epoch)
        cites = []
        for reference in references:
            entry = {"ref": reference} if isinstance(reference, str) else reference
            if "from" in entry and (start is None or start < self.dates[entry["from"]]):
                continue
            if "until" in entry and start is not None and start >= self.dates[entry["until"]]:
                continue
            cites.append(self.cite(entry["ref"], lang))
        return cites

    def views(self, build: Callable[[str, Callable[[list[Any]], list[str]]], View]) -> Views:
        """Build an item once per language and epoch; `build(lang, cite)` gets a citation resolver."""
        return {
            lang: [
                build(lang, lambda references, lang=lang, epoch=epoch: self.citations_at(references, lang, epoch))
                for epoch in self.epochs
            ]
            for lang in LANGUAGES
        }


def _dated_references(data: Any):
    """Every `{ref: …}` citation entry anywhere in the rule data."""
    if isinstance(data, dict):
        if "ref" in data:
            yield data
        for value in data.values():
            yield from _dated_references(value)
    elif isinstance(data, list):
        for value in data:
            yield from _dated_references(value)
