"""Assessing items one by one against loaded rules: a bad item gets an `error`, never fails the others."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..i18n import DEFAULT_LANGUAGE
from ..rules import InvalidRequest, Rules, today_in_paris
from .compact import compact_result
from .errors import UsageError, invalid_item
from .items import Item, item_from_json
from .messages import message
from .summary import Summary, Tally

DETAILS = ("summary", "full")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What applies to every item of a batch; the date is fixed once, so a batch never straddles midnight.

    `readable`: the caller asked for a language (`lang`, Accept-Language, `--lang`): tables then get the
    readable columns (a conclusion sentence, the flags' labels, the references) besides the codes."""

    as_of: date
    lang: str = DEFAULT_LANGUAGE
    detail: str = "summary"
    readable: bool = False

    @classmethod
    def check(
        cls,
        rules: Rules,
        as_of: Any = None,
        lang: Any = DEFAULT_LANGUAGE,
        detail: Any = "summary",
        readable: bool = False,
    ) -> BatchOptions:
        """Validate the batch's own parameters with the engine's checks; `UsageError` names each bad one."""
        errors: dict[str, Any] = {}
        try:
            resolved = rules.evaluate({}, today_in_paris() if as_of is None else as_of, None, lang)
        except InvalidRequest as error:
            errors.update(error.errors)
        if detail not in DETAILS:
            errors["detail"] = {"message": message(lang, "bad_detail"), "allowed": list(DETAILS)}
        if errors:  # a bad `lang` among them: `message` falls back on the default language
            raise UsageError(message(lang, "invalid_batch", count=len(errors)), errors)
        return cls(date.fromisoformat(resolved["as_of"]), lang, detail, readable)


@dataclass(slots=True)
class ItemOutcome:
    """An item and its result, or its error in the contract's shape; `question_ids_field` is the field of the
    error whose `allowed` lists the question ids, if any. Writers shape it as their format needs."""

    item: Item
    result: dict[str, Any] | None
    error: dict[str, Any] | None = None
    question_ids_field: str | None = None


def evaluate_item(rules: Rules, item: Item, options: BatchOptions) -> ItemOutcome:
    """The result, or an error naming the item's problems at once (the first `MAX_LISTED_ERRORS`, the others
    counted in `more_errors`)."""
    ids_field = None
    try:
        result = rules.evaluate(
            item.answers,
            options.as_of if item.as_of is None else item.as_of,
            item.current_certification,
            options.lang,
        )
    except InvalidRequest as error:
        found, more, ids_field = error.errors, error.more, error.question_ids_field
    else:
        if not item.errors:
            return ItemOutcome(item, result)
        found, more = {}, 0
    errors = dict(item.errors)
    for field_name, detail in found.items():
        errors.setdefault(field_name, detail)  # what reading the item found is more precise
    for field_name, text in item.given.items():
        if field_name in errors:
            errors[field_name] = {**errors[field_name], "value": text}
    body = invalid_item(errors, options.lang, item.more_errors + more)
    return ItemOutcome(item, None, body, ids_field if ids_field in body["errors"] else None)


def shape_entry(outcome: ItemOutcome, detail: str) -> dict[str, Any]:
    """One entry of `results`: the item's id (and what the item echoes), then the result (compact or full) or
    the error."""
    item = outcome.item
    if outcome.error is not None:
        entry = {"id": item.id, "error": outcome.error}
    elif detail == "summary":
        entry = compact_result(outcome.result, item.id)
    else:
        entry = {"id": item.id, **outcome.result}
    if item.echo:
        entry = {"id": item.id, **item.echo, **entry}
    return entry


class QuestionIdsOnce:
    """Within one response, the allowed question ids are listed on the first unknown question id only."""

    def __init__(self) -> None:
        self.listed = False

    def trim(self, outcome: ItemOutcome) -> None:
        if self.listed:
            errors = outcome.error["errors"]
            field_name = outcome.question_ids_field
            errors[field_name] = {key: value for key, value in errors[field_name].items() if key != "allowed"}
        self.listed = True


def assess_stream(
    rules: Rules, items: Iterable[Item], options: BatchOptions, tally: Tally, once: QuestionIdsOnce | None = None
) -> Iterator[ItemOutcome]:
    """Outcomes in the order of the items, counting each in `tally` as it goes."""
    add = tally.add
    for item in items:
        outcome = evaluate_item(rules, item, options)
        add(outcome.result)
        if outcome.question_ids_field is not None and once is not None:
            once.trim(outcome)
        yield outcome


class BatchJob:
    """What the pipeline does with each item of a batch: assess it at the batch's date. Picklable (sent to
    worker processes); the impact report (`batch.impact`) is the other job."""

    def __init__(self, options: BatchOptions):
        self.options = options

    def tally(self) -> Tally:
        return Tally()

    def summary(self, passed_through: list[str]) -> Summary:
        return Summary(passed_through)

    def assess(
        self, rules: Rules, items: list[Item], tally: Tally, once: QuestionIdsOnce | None
    ) -> Iterator[ItemOutcome]:
        return assess_stream(rules, items, self.options, tally, once)

    def summary_dict(self, rules: Rules, summary: Summary) -> dict[str, Any]:
        return summary_dict(rules, summary, self.options)


def assess_items(
    rules: Rules,
    items: Iterable[Any],
    as_of: Any = None,
    lang: Any = DEFAULT_LANGUAGE,
    detail: Any = "summary",
) -> dict[str, Any]:
    """`{"results": [...], "summary": {...}}` for JSON items (dicts) or already-read `Item`s.

    Raises `UsageError` when the batch's own `as_of`, `lang` or `detail` is invalid.
    """
    options = BatchOptions.check(rules, as_of, lang, detail)
    summary = Summary()
    with paused_garbage_collector():
        read = [item if isinstance(item, Item) else item_from_json(item, options.lang) for item in items]
        for item in read:
            summary.see_id(item.id)
        outcomes = assess_stream(rules, read, options, summary, QuestionIdsOnce())
        results = [shape_entry(outcome, options.detail) for outcome in outcomes]
    return {"results": results, "summary": summary_dict(rules, summary, options)}


@contextmanager
def paused_garbage_collector() -> Iterator[None]:
    """The engine allocates many small containers and results pile up: with the cycle collector running, it
    would scan the growing pile again and again (a fifth of a large batch's time). The engine's garbage has no
    cycles, so reference counting frees it meanwhile; the collector resumes (if it ran) at the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def summary_dict(rules: Rules, summary: Summary, options: BatchOptions) -> dict[str, Any]:
    """The counts, plus what every item shares: the batch's date, language and rules identity."""
    return {
        **summary.as_dict(),
        "as_of": options.as_of.isoformat(),
        "lang": options.lang,
        "rules": rules.identities[rules.tree.id],
    }
