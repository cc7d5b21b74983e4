"""Assessing each row at the report's two dates and saying what changes between them, and on which date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ...rules import Rules
from ..items import Item
from ..runner import BatchOptions, QuestionIdsOnce, evaluate_item
from .dates import LegalDate
from .summary import ImpactSummary, ImpactTally

# What a change is made of: required or not, activities, certificates, exemption, flags, gap status; the status
# and the next question too (a new question asked from a date on), and the texts a flag rests on (a decree that
# writes a flag's duty into the code changes what the supplier must do, though the flag stays).
COMPARED = (
    "status", "hds_certification_required", "archives_approval_required", "activities", "certificates",
    "exemptions", "flags", "flag_references", "certification_gap", "next_question",
)  # fmt: skip
CERTIFICATE_EXPIRY = "certificate_expiry"  # a cause that is no legal date: the certificate's own end
ONE_DAY = timedelta(days=1)


def state(result: dict[str, Any]) -> tuple[Any, ...]:
    """The compared facts of a result, in `COMPARED` order, as codes."""
    gap = result["certification_gap"]
    next_question = result["next_question"]
    return (
        result["status"],
        result["hds_certification_required"],
        result["archives_approval_required"],
        tuple(activity["number"] for activity in result["activities"]),
        tuple(f"{c['code']}:{','.join(map(str, c['required_activities']))}" for c in result["certificates"]),
        tuple(exemption["code"] for exemption in result["exemptions"]),
        tuple(flag["code"] for flag in result["flags"]),
        tuple(f"{flag['code']}: {cite}" for flag in result["flags"] for cite in flag["references"]),
        gap["status"] if gap else None,
        next_question["id"] if next_question else None,
    )


def differences(before: tuple[Any, ...], after: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    """`{field: {"from": …, "to": …}}` for each compared fact that differs (lists as lists)."""
    return {
        name: {"from": list(old) if isinstance(old, tuple) else old, "to": list(new) if isinstance(new, tuple) else new}
        for name, old, new in zip(COMPARED, before, after, strict=True)
        if old != new
    }


@dataclass(frozen=True, slots=True)
class ImpactOptions:
    """The report's window: the rows are assessed at `start` and at `end`; `crossed` are the legal dates in
    between (after `start`, up to `end`). `all_rows`: unchanged rows are listed too, not only counted."""

    start: date
    end: date
    lang: str
    crossed: tuple[LegalDate, ...] = ()
    all_rows: bool = False
    readable: bool = False


@dataclass(slots=True)
class Cause:
    """A date on which a row changes: the legal dates of that day (or the certificate's own expiry)."""

    date: date
    legal_dates: list[str]
    fields: list[str]
    certificate_expiry: bool = False


@dataclass(slots=True)
class ImpactOutcome:
    item: Item
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    error: dict[str, Any] | None = None
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    causes: list[Cause] = field(default_factory=list)
    question_ids_field: str | None = None


class ImpactJob:
    """What the pipeline does with each row of an impact report; picklable, sent to workers."""

    def __init__(self, options: ImpactOptions):
        self.options = options
        self.at_start = BatchOptions(options.start, options.lang)
        self.at_end = BatchOptions(options.end, options.lang)
        # A legal date's rule applies from that day (a period's `from`) or from the next one (v1 certificates
        # count until their date): a change on either day is that legal date's.
        self.by_date: dict[date, list[str]] = {}
        for legal_date in options.crossed:
            for day in (legal_date.date, legal_date.date + ONE_DAY):
                if options.start < day <= options.end:
                    names = self.by_date.setdefault(day, [])
                    if legal_date.name not in names:
                        names.append(legal_date.name)

    def tally(self) -> ImpactTally:
        return ImpactTally()

    def summary(self, passed_through: list[str]) -> ImpactSummary:
        return ImpactSummary(passed_through)

    def summary_dict(self, rules: Rules, summary: ImpactSummary) -> dict[str, Any]:
        options = self.options
        return {
            **summary.as_dict(),
            "from": options.start.isoformat(),
            "to": options.end.isoformat(),
            "legal_dates": [
                {**legal_date.as_dict(), "changed": summary.by_legal_date.get(legal_date.name, 0)}
                for legal_date in options.crossed
            ],
            "lang": options.lang,
            "rules": rules.identities[rules.tree.id],
        }

    def assess(
        self, rules: Rules, items: list[Item], tally: ImpactTally, once: QuestionIdsOnce | None
    ) -> Iterator[ImpactOutcome]:
        for item in items:
            item.as_of = None  # a row's own date is not used: the report's two dates are
            before = evaluate_item(rules, item, self.at_start)
            if before.error is None:
                after = evaluate_item(rules, item, self.at_end)
            if before.error is not None or after.error is not None:
                failed = before if before.error is not None else after
                if failed.question_ids_field is not None and once is not None:
                    once.trim(failed)
                tally.add_error()
                yield ImpactOutcome(item, None, None, failed.error, question_ids_field=failed.question_ids_field)
                continue
            first, last = state(before.result), state(after.result)
            if first == last:
                tally.add_unchanged()
                yield ImpactOutcome(item, before.result, after.result)
                continue
            causes = self._causes(rules, item, first, last)
            outcome = ImpactOutcome(item, before.result, after.result, changes=differences(first, last), causes=causes)
            tally.add_changed(outcome)
            yield outcome

    def _causes(self, rules: Rules, item: Item, first: tuple[Any, ...], last: tuple[Any, ...]) -> list[Cause]:
        """On which dates the row changes: assessed again on each legal date crossed and the day after (and the
        day after its certificate's end, when that falls in the window), the facts that change from one date to
        the next."""
        options = self.options
        points = set(self.by_date)
        expiry = _expiry(item)
        if expiry is not None and options.start < expiry <= options.end:
            points.add(expiry)
        causes, previous = [], first
        for point in sorted(points | {options.end}):
            if point == options.end:
                current = last
            else:
                outcome = evaluate_item(rules, item, BatchOptions(point, options.lang))
                current = state(outcome.result) if outcome.result is not None else previous
            if current != previous:
                fields = list(differences(previous, current))
                causes.append(Cause(point, self.by_date.get(point, []), fields, point == expiry))
            previous = current
        return causes


def _expiry(item: Item) -> date | None:
    """The first day the row's certificate no longer counts (the day after `valid_until`), if one was given."""
    held = item.current_certification
    try:
        return date.fromisoformat(held["valid_until"]) + ONE_DAY
    except (TypeError, KeyError, ValueError):
        return None
