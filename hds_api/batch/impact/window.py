"""The report's two dates, checked: `--from`/`--to` when given; without them, from today to the last named legal
date ahead (each legal date in between then says what it changes)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ...i18n import DEFAULT_LANGUAGE
from ...rules import Rules, today_in_paris
from ..errors import UsageError
from ..messages import message
from ..runner import BatchOptions
from .dates import legal_dates, legal_dates_between
from .job import ImpactOptions


def impact_options(
    rules: Rules,
    start: Any = None,
    end: Any = None,
    lang: Any = DEFAULT_LANGUAGE,
    all_rows: bool = False,
    readable: bool = False,
    today: date | None = None,
) -> ImpactOptions:
    """`UsageError` naming `from`, `to` or `lang` when one is not a date the rules can assess (or `to` comes
    before `from`)."""
    checked = checked_dates(rules, start if start is not None else today or today_in_paris(), end, lang)
    first = checked["from"]
    last = checked.get("to")
    after = days_after(rules)
    if last is None:  # every named legal date ahead, through the day its rule applies (the next, for some)
        ahead = [
            legal_date.date + timedelta(days=legal_date.name in after)
            for legal_date in legal_dates(rules, lang)
            if legal_date.date > first
        ]
        last = max(ahead, default=first)
    if last < first:
        text = message(lang, "bad_window", start=first.isoformat(), end=last.isoformat())
        raise UsageError(text, {"to": {"message": text}})
    crossed = tuple(legal_dates_between(rules, first, last, lang))
    return ImpactOptions(first, last, lang, crossed, all_rows, readable, after)


def checked_dates(rules: Rules, start: Any, end: Any, lang: Any = DEFAULT_LANGUAGE) -> dict[str, date]:
    """`from` and `to` (when given) as dates the rules can assess; `UsageError` naming each bad one (and a bad
    `lang`), whatever their order (`impact_options` checks that)."""
    errors: dict[str, Any] = {}
    checked: dict[str, date] = {}
    given = [(name, value) for name, value in (("from", start), ("to", end)) if value is not None]
    for name, value in given or [("from", None)]:  # no date: the language is still checked
        try:
            as_of = BatchOptions.check(rules, value, lang).as_of
            if value is not None:
                checked[name] = as_of
        except UsageError as error:
            for field_name, detail in error.errors.items():
                errors[name if field_name == "as_of" else field_name] = detail
    if errors:
        raise UsageError(message(lang, "invalid_batch", count=len(errors)), errors)
    return checked


def days_after(rules: Rules) -> frozenset[str]:
    """The legal dates whose rule applies from the next day: those a gap rule tests with `after` (a v1
    certificate counts until its legal date included); every other rule applies from its date (`from`)."""
    return frozenset(rule["after"] for rule in rules.catalogue.gap_rules if "after" in rule)
