"""Bilingual texts and date-dependent citations, resolved once per language and legal epoch.

A text is `{fr, en}`, or a list of periods `[{until: DATE, fr, en}, {from: DATE, fr, en}]` (DATE: a legal date
of law.yaml) when what it says changes with the law; either may hold `{date:NAME}` placeholders."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from ..i18n import LANGUAGES
from .text_dates import fill_dates, spell_date

View = dict[str, Any]
# views[lang][epoch] -> the item as served; shared and read-only.
Views = dict[str, list[View]]


class Calendar:
    """The legal dates, and the epochs cut by the dates at which some citation or text period starts or stops."""

    def __init__(self, law: dict[str, Any], rule_data: list[Any]):
        self.dates = {name: date.fromisoformat(entry["date"]) for name, entry in law["legal_dates"].items()}
        self.citations = law["references"]
        boundaries = {
            self.dates[entry[bound]]
            for entry in dated_entries(rule_data)
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

    def applies(self, entry: dict[str, Any], epoch: int) -> bool:
        """Whether a dated entry (`from`/`until` legal date names) applies throughout an epoch."""
        start = self.epoch_start(epoch)
        if "from" in entry and (start is None or start < self.dates[entry["from"]]):
            return False
        return not ("until" in entry and start is not None and start >= self.dates[entry["until"]])

    def cite(self, reference_id: str, lang: str) -> str:
        cite = self.citations[reference_id]["cite"]
        return fill_dates(cite if isinstance(cite, str) else cite[lang], lang, self.dates)

    def citations_at(self, references: list[Any], lang: str, epoch: int) -> list[str]:
        """The citations of a reference list that apply in an epoch."""
        entries = ({"ref": reference} if isinstance(reference, str) else reference for reference in references)
        return [self.cite(entry["ref"], lang) for entry in entries if self.applies(entry, epoch)]

    def text(self, text: dict[str, str] | list[dict[str, str]], lang: str, epoch: int) -> str:
        """A text as it reads in an epoch: the period that applies, its dates spelled out."""
        if isinstance(text, list):
            text = next(period for period in text if self.applies(period, epoch))
        return fill_dates(text[lang], lang, self.dates)

    def spell(self, name: str, lang: str) -> str:
        return spell_date(self.dates[name], lang)

    def document(self, text: dict[str, str] | list[dict[str, str]], lang: str) -> str:
        """A text for review documents: each period introduced by its dates, on one line."""
        if not isinstance(text, list):
            return fill_dates(text[lang], lang, self.dates)
        words = _PERIOD_WORDS[lang]
        parts = []
        for period in text:
            start, end = period.get("from"), period.get("until")
            key = ("from" if start else "") + ("until" if end else "")
            dates = {"start": self.spell(start, lang) if start else "", "end": self.spell(end, lang) if end else ""}
            parts.append(words[key].format(**dates) + " " + fill_dates(period[lang], lang, self.dates))
        return " — ".join(parts)

    def views(self, build: Callable[[str, At], View]) -> Views:
        """Build an item once per language and epoch; `build(lang, at)` resolves citations and texts there."""
        return {lang: [build(lang, At(self, lang, epoch)) for epoch in self.epochs] for lang in LANGUAGES}


_PERIOD_WORDS = {
    "fr": {"until": "Avant le {end} :", "fromuntil": "Du {start} au {end} (exclu) :", "from": "À partir du {start} :"},
    "en": {"until": "Before {end}:", "fromuntil": "From {start} to {end} (excluded):", "from": "From {start}:"},
}


class At:
    """A language and an epoch: what a citation list or a text says there."""

    __slots__ = ("calendar", "lang", "epoch")

    def __init__(self, calendar: Calendar, lang: str, epoch: int):
        self.calendar, self.lang, self.epoch = calendar, lang, epoch

    def cite(self, references: list[Any]) -> list[str]:
        return self.calendar.citations_at(references, self.lang, self.epoch)

    def text(self, text: dict[str, str] | list[dict[str, str]]) -> str:
        return self.calendar.text(text, self.lang, self.epoch)


def dated_entries(data: Any) -> Iterator[dict[str, Any]]:
    """Every dated `{ref: …}` citation entry and every text period anywhere in the rule data."""
    if isinstance(data, dict):
        if "ref" in data or (LANGUAGES[0] in data and ("from" in data or "until" in data)):
            yield data
        for value in data.values():
            yield from dated_entries(value)
    elif isinstance(data, list):
        for value in data:
            yield from dated_entries(value)
