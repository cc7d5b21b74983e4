"""Checks of the rule texts: no literal date (texts name the legal dates of law.yaml), placeholders that name a
legal date, and text periods that tile the calendar."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..i18n import LANGUAGES
from .graph_check import legal_dates
from .problems import Problem
from .raw import RawRules
from .text_dates import bad_placeholders, literal_dates

Text = dict[str, str] | list[dict[str, str]]
LANGUAGES_SET = frozenset(LANGUAGES)


def rule_texts(data: Any, path: str) -> Iterator[tuple[str, Text]]:
    """Every text of a rule file (`{fr, en}`, or a list of such periods) with its key path."""
    if isinstance(data, dict):
        if data.keys() >= LANGUAGES_SET:
            yield path, data
            return
        for key, value in data.items():
            yield from rule_texts(value, f"{path}/{key}" if path else str(key))
    elif isinstance(data, list):
        if data and all(isinstance(item, dict) and item.keys() >= LANGUAGES_SET for item in data):
            yield path, data
            return
        for index, value in enumerate(data):
            yield from rule_texts(value, f"{path}/{index}")


class _TextChecker:
    def __init__(self, raw: RawRules):
        self.raw = raw
        # A date that does not parse is graph_check's to report; its name is still known.
        self.legal_dates = legal_dates(raw.data("law"))
        self.names_by_date = {day: name for name, day in self.legal_dates.items() if day is not None}
        self.problems: list[Problem] = []

    def check_file(self, name: str, data: dict[str, Any]) -> None:
        citations = data.get("references") if data.get("kind") == "law" else None
        for path, text in rule_texts(data, ""):
            is_citation = citations is not None and path.startswith("references/")
            self.check_text(name, path, text, is_citation)
        if citations is not None:
            for reference_id, entry in citations.items():
                if isinstance(entry["cite"], str):
                    self.check_string(name, f"references/{reference_id}/cite", entry["cite"], True)

    def check_text(self, name: str, path: str, text: Text, is_citation: bool) -> None:
        periods = text if isinstance(text, list) else [text]
        for index, period in enumerate(periods):
            where = f"{path}/{index}" if isinstance(text, list) else path
            for lang in LANGUAGES:
                self.check_string(name, f"{where}/{lang}", period[lang], is_citation)
        if isinstance(text, list):
            self.check_periods(name, path, text)

    def check_string(self, name: str, where: str, string: str, is_citation: bool) -> None:
        for message in bad_placeholders(string, self.legal_dates):
            self.problems.append(Problem(name, where, message))
        for written, day in literal_dates(string):
            legal = self.names_by_date.get(day)
            if legal is not None:
                message = f"spells the legal date '{written}': write {{date:{legal}}}"
            elif is_citation:
                continue  # an act's name may carry its own date ("Décret 2018-137 du 26 février 2018")
            else:
                message = (
                    f"spells the date '{written}': a text names a legal date of law.yaml with {{date:NAME}}; "
                    "an act's or a decision's date belongs in its citation"
                )
            self.problems.append(Problem(name, where, message))

    def check_periods(self, name: str, path: str, periods: list[dict[str, str]]) -> None:
        """Periods in date order, the first open at the start, the last open at the end, each ending where the
        next begins."""

        def report(message: str) -> None:
            self.problems.append(Problem(name, path, message))

        for index, period in enumerate(periods):
            for bound in ("from", "until"):
                if bound in period and period[bound] not in self.legal_dates:
                    report(f"period {index}: unknown legal date '{period[bound]}'")
                    return
        if "from" in periods[0]:
            report("period 0 has a 'from': the first period applies from the start")
        if "until" in periods[-1]:
            report(f"period {len(periods) - 1} has an 'until': the last period applies to the end")
        for index, (period, following) in enumerate(zip(periods, periods[1:], strict=False)):
            if "until" not in period or "from" not in following:
                report(f"periods {index} and {index + 1} must meet: 'until' of one, 'from' of the next")
                continue
            end, start = self.legal_dates[period["until"]], self.legal_dates[following["from"]]
            if end is None or start is None:
                continue
            if end < start:
                report(f"no period covers {end} to {start} (between periods {index} and {index + 1})")
            elif end > start:
                report(f"periods {index} and {index + 1} overlap from {start} to {end}")
        for index, period in enumerate(periods):
            start, end = self.legal_dates.get(period.get("from")), self.legal_dates.get(period.get("until"))
            if start is not None and end is not None and end <= start:
                report(f"period {index} ends before it starts")


def text_problems(raw: RawRules) -> list[Problem]:
    """Every problem of the texts of the (schema-valid) rules."""
    checker = _TextChecker(raw)
    for rule_file in [*raw.files.values(), *raw.trees]:
        checker.check_file(rule_file.name, rule_file.data)
    return checker.problems
