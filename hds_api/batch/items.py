"""One item of a batch: the request it carries, or what is wrong with it before the engine even looks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import DEFAULT_LANGUAGE
from ..rules.request_check import MAX_LISTED_ERRORS
from .messages import message

ITEM_FIELDS = ("id", "answers", "as_of", "current_certification")
KNOWN_FIELDS = frozenset(ITEM_FIELDS)


@dataclass(slots=True)
class Item:
    """`id` is echoed in the item's entry (None when missing or unusable); `errors` are found while reading the
    item (the engine adds its own)."""

    id: Any
    answers: Any = field(default_factory=dict)
    as_of: Any = None  # None: the batch's date
    current_certification: Any = None
    errors: dict[str, dict[str, Any]] = field(default_factory=dict)
    more_errors: int = 0  # errors past `MAX_LISTED_ERRORS`, counted only
    # The text as typed for a field (CSV cells), so that an error can show what was wrong.
    given: dict[str, str] = field(default_factory=dict)
    # What the entry repeats after the id: identifiers, the columns passed through (tables); None: nothing.
    echo: dict[str, Any] | None = None

    def error(self, field_name: str, lang: str, key: str, allowed: list | None = None, **text_args: Any) -> None:
        if len(self.errors) >= MAX_LISTED_ERRORS and field_name not in self.errors:
            self.more_errors += 1
            return
        self.errors[field_name] = {"message": message(lang, key, **text_args)}
        if allowed is not None:
            self.errors[field_name]["allowed"] = allowed


def valid_id(value: Any) -> bool:
    """Ids must be usable as keys by the caller: a non-empty string or an integer (not a boolean)."""
    return (isinstance(value, str) and value.strip() != "") or (type(value) is int)


def item_from_json(obj: Any, lang: str = DEFAULT_LANGUAGE) -> Item:
    """An item of a JSON batch or a JSON line: `{"id", "answers"?, "as_of"?, "current_certification"?}`."""
    if not isinstance(obj, dict):
        item = Item(id=None)
        item.error("item", lang, "not_object")
        return item
    item = Item(
        id=obj.get("id"),
        answers=obj.get("answers", {}),
        as_of=obj.get("as_of"),
        current_certification=obj.get("current_certification"),
    )
    if not valid_id(item.id):
        item.error("id", lang, "id_required")
        item.id = None  # echoed as null: an unusable id is no key to match results with
    if not obj.keys() <= KNOWN_FIELDS:
        for name in obj:  # in the order sent: the ones listed, if there are too many, are always the same
            if name not in KNOWN_FIELDS:
                item.error(name, lang, "unknown_field", allowed=list(ITEM_FIELDS))
    return item
