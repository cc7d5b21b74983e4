"""Assessing items one by one against loaded rules: a bad item gets an `error`, never fails the others."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..trees import InvalidRequest, Rules, today_in_paris
from ..trees.texts import LANGUAGES
from .compact import compact_result
from .errors import UsageError, invalid_item
from .items import Item, item_from_json
from .messages import message
from .summary import Summary, Tally

DETAILS = ("summary", "full")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What applies to every item of a batch; the date is fixed once, so a batch never straddles midnight."""

    as_of: date
    lang: str = "fr"
    detail: str = "summary"

    @classmethod
    def check(cls, rules: Rules, as_of: Any = None, lang: Any = "fr", detail: Any = "summary") -> BatchOptions:
        """Validate the batch's own parameters with the engine's checks; `UsageError` names each bad one."""
        errors: dict[str, Any] = {}
        try:
            resolved = rules.evaluate({}, today_in_paris() if as_of is None else as_of, None, lang)
        except InvalidRequest as error:
            errors.update(error.errors)
        text_lang = lang if lang in LANGUAGES else "fr"
        if detail not in DETAILS:
            errors["detail"] = {"message": message(text_lang, "bad_detail"), "allowed": list(DETAILS)}
        if errors:
            raise UsageError(message(text_lang, "invalid_batch", count=len(errors)), errors)
        return cls(date.fromisoformat(resolved["as_of"]), lang, detail)


def evaluate_item(rules: Rules, item: Item, options: BatchOptions) -> tuple[dict[str, Any] | None, dict | None]:
    """(result, None) or (None, error in the contract's shape); every problem of the item is named at once."""
    try:
        result = rules.evaluate(
            item.answers,
            options.as_of if item.as_of is None else item.as_of,
            item.current_certification,
            options.lang,
        )
    except InvalidRequest as error:
        found = error.errors
    else:
        if not item.errors:
            return result, None
        found = {}
    errors = dict(item.errors)
    for field_name, detail in found.items():
        errors.setdefault(field_name, detail)  # what reading the item found is more precise
    for field_name, text in item.given.items():
        if field_name in errors:
            errors[field_name] = {**errors[field_name], "value": text}
    return None, invalid_item(errors, options.lang)


def shape_entry(item_id: Any, result: dict | None, error: dict | None, detail: str) -> dict[str, Any]:
    """One entry of `results`: the item's id, then the result (compact or full) or the error."""
    if error is not None:
        return {"id": item_id, "error": error}
    return {"id": item_id, **(compact_result(result) if detail == "summary" else result)}


def assess_stream(rules: Rules, items: Iterable[Item], options: BatchOptions, tally: Tally) -> Iterator[dict]:
    """Entries in the order of the items, counting each in `tally` as it goes."""
    for item in items:
        result, error = evaluate_item(rules, item, options)
        tally.add(result)
        yield shape_entry(item.id, result, error, options.detail)


def assess_items(
    rules: Rules,
    items: Iterable[Any],
    as_of: Any = None,
    lang: Any = "fr",
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
        results = list(assess_stream(rules, read, options, summary))
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
