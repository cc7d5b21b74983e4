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
FLAGS, FLAG_REFERENCES = COMPARED.index("flags"), COMPARED.index("flag_references")
CERTIFICATE_EXPIRY = "certificate_expiry"  # a cause that is no legal date: the certificate's own end
ONE_DAY = timedelta(days=1)


def flag_references(rules: Rules, flags: tuple[str, ...], lang: str, day: date) -> tuple[str, ...]:
    """`state`'s flag references on a day, from the flags alone: a flag's texts and citations depend on the legal
    epoch only (`rules.texts`), so a change of references alone needs no new assessment to be dated."""
    epoch = rules.calendar.epoch(day)
    views = rules.catalogue.flag_views
    return tuple((code, cite) for code in flags for cite in views[code][lang][epoch]["references"])


def state(result: dict[str, Any]) -> tuple[Any, ...]:
    """The compared facts of a result, in `COMPARED` order, as codes (pairs where a fact has two parts: a
    certificate and its activities, a flag and a citation; `shown` spells them out)."""
    gap = result["certification_gap"]
    next_question = result["next_question"]
    flags = result["flags"]
    return (
        result["status"],
        result["hds_certification_required"],
        result["archives_approval_required"],
        tuple([activity["number"] for activity in result["activities"]]),
        tuple([(c["code"], tuple(c["required_activities"])) for c in result["certificates"]]),
        tuple([exemption["code"] for exemption in result["exemptions"]]),
        tuple([flag["code"] for flag in flags]),
        tuple([(flag["code"], cite) for flag in flags for cite in flag["references"]]),
        gap["status"] if gap else None,
        next_question["id"] if next_question else None,
    )


def shown(value: Any) -> Any:
    """A compared fact as reports show it: lists, `managed_services_host:4,5,6`, `flag: citation`."""
    if not isinstance(value, tuple):
        return value
    if value and isinstance(value[0], tuple):
        return [f"{code}:{','.join(map(str, part))}" if isinstance(part, tuple) else f"{code}: {part}"
                for code, part in value]  # fmt: skip
    return list(value)


def changed_facts(before: tuple[Any, ...], after: tuple[Any, ...]) -> list[str]:
    return [name for name, old, new in zip(COMPARED, before, after, strict=True) if old != new]


def differences(before: tuple[Any, ...], after: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    """`{fact: {"from": …, "to": …}}` for each compared fact that differs."""
    return {
        name: {"from": shown(old), "to": shown(new)}
        for name, old, new in zip(COMPARED, before, after, strict=True)
        if old != new
    }


@dataclass(frozen=True, slots=True)
class ImpactOptions:
    """The report's window: the rows are assessed at `start` and at `end`; `crossed` are the legal dates in
    between (after `start`, up to `end`), `after` the names of those whose rule applies from the next day (see
    `days_after`). `all_rows`: unchanged rows are listed too, not only counted."""

    start: date
    end: date
    lang: str
    crossed: tuple[LegalDate, ...] = ()
    all_rows: bool = False
    readable: bool = False
    after: frozenset[str] = frozenset()


@dataclass(slots=True)
class Cause:
    """A date on which a row changes: the legal dates of that day (or the certificate's own expiry)."""

    date: date
    legal_dates: list[str]
    fields: list[str]
    certificate_expiry: bool = False


@dataclass(slots=True)
class ImpactOutcome:
    """A row's results at both dates (`after` None: the same codes as `before`, the path being the same), what
    changes and when, or the row's error."""

    item: Item
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    error: dict[str, Any] | None = None
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    causes: list[Cause] = field(default_factory=list)
    question_ids_field: str | None = None
    states: tuple[tuple[Any, ...], tuple[Any, ...]] | None = None  # the compared facts at both dates


class ImpactJob:
    """What the pipeline does with each row of an impact report; picklable, sent to workers."""

    def __init__(self, options: ImpactOptions):
        self.options = options
        self.at_start = BatchOptions(options.start, options.lang)
        self.at_end = BatchOptions(options.end, options.lang)
        self.end = options.end.isoformat()
        # The days a row's conclusion may change on, each with the legal dates that make it.
        self.by_date: dict[date, list[str]] = {}
        for legal_date in options.crossed:
            day = legal_date.date + ONE_DAY if legal_date.name in options.after else legal_date.date
            if options.start < day <= options.end:
                self.by_date.setdefault(day, []).append(legal_date.name)

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
            if before.error is None and self._walks_alike(before.result, item):
                # The same path at the end: only the flags' citations can differ, and they follow the epoch.
                first = state(before.result)
                refs = flag_references(rules, first[FLAGS], self.options.lang, self.options.end)
                last = (*first[:FLAG_REFERENCES], refs, *first[FLAG_REFERENCES + 1 :])
                yield self._outcome(rules, item, before.result, None, first, last, tally)
                continue
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
            yield self._outcome(rules, item, before.result, after.result, first, last, tally)

    def _outcome(
        self,
        rules: Rules,
        item: Item,
        before: dict[str, Any],
        after: dict[str, Any] | None,
        first: tuple[Any, ...],
        last: tuple[Any, ...],
        tally: ImpactTally,
    ) -> ImpactOutcome:
        if first == last:
            tally.add_unchanged()
            return ImpactOutcome(item, before, after, states=(first, last))
        causes = self._causes(rules, item, first, last)
        outcome = ImpactOutcome(item, before, after, None, differences(first, last), causes, None, (first, last))
        tally.add_changed(outcome)
        return outcome

    def _walks_alike(self, result: dict[str, Any], item: Item) -> bool:
        """Whether the row takes the same path at the end as at the start, so that its codes are the same: no
        certificate to compare (its gap depends on the date), and every dated step of the path (`periods`, the
        rules' date nodes) still applies on the end date."""
        if item.current_certification is not None:
            return False
        end = self.end
        return all(period["until"] is None or end < period["until"] for period in result["periods"])

    def _causes(self, rules: Rules, item: Item, first: tuple[Any, ...], last: tuple[Any, ...]) -> list[Cause]:
        """On which days the row changes, and what: assessed again on the days a legal date crossed takes effect
        (and the day after its certificate's end, when that falls in the window), in order.

        Between those days nothing that a conclusion depends on changes; and the law, once changed, is not undone
        within a report: so once the row is as it ends, nothing later changes it, and the last day left is the
        one that brings the end's conclusion (neither needs assessing)."""
        options = self.options
        points = set(self.by_date)
        expiry = _expiry(item)
        if expiry is not None and options.start < expiry <= options.end:
            points.add(expiry)
        causes, previous = [], first
        days = sorted(points)
        flags_kept = first[FLAGS] == last[FLAGS]
        for index, day in enumerate(days):
            if previous == last:
                break
            if index == len(days) - 1:
                current = last
            elif flags_kept and _but_references(previous) == _but_references(last):
                # Only the flags' citations may still change: they follow the epoch, no assessment needed.
                refs = flag_references(rules, last[FLAGS], options.lang, day)
                current = (*last[:FLAG_REFERENCES], refs, *last[FLAG_REFERENCES + 1 :])
            else:
                outcome = evaluate_item(rules, item, BatchOptions(day, options.lang))
                current = state(outcome.result) if outcome.result is not None else previous
            if current != previous:
                fields = changed_facts(previous, current)
                causes.append(Cause(day, self.by_date.get(day, []), fields, day == expiry))
            previous = current
        if previous != last:  # a change no legal date explains (none is known): said on the end date
            causes.append(Cause(options.end, [], changed_facts(previous, last)))
        return causes


def _but_references(facts: tuple[Any, ...]) -> tuple[Any, ...]:
    return facts[:FLAG_REFERENCES] + facts[FLAG_REFERENCES + 1 :]


def _expiry(item: Item) -> date | None:
    """The first day the row's certificate no longer counts (the day after `valid_until`), if one was given."""
    held = item.current_certification
    try:
        return date.fromisoformat(held["valid_until"]) + ONE_DAY
    except (TypeError, KeyError, ValueError):
        return None
