"""Reading a JSON request body — the one way every endpoint reads one: orjson, then the nesting limit (a deep
document is refused before anything walks it recursively). Framework-free.
"""

from __future__ import annotations

from typing import Any

import orjson

from ..exceptions import BadRequestBody
from ..i18n import HTTP, message


class UnreadableBody(ValueError):
    """A body that is not JSON, or nests too deep; `reason` is its message's key in `hds_api.i18n.HTTP`. The
    caller picks the language (`error`): the body could not say which."""

    def __init__(self, reason: str, **details: Any):
        super().__init__(reason)
        self.reason = reason
        self.details = details

    def error(self, lang: str) -> BadRequestBody:
        text = message(HTTP, lang, self.reason, **self.details)
        return BadRequestBody(text, {"body": {"message": text, **self.details}})


def too_deep(value: Any, limit: int) -> bool:
    """Whether `value` nests objects and arrays deeper than `limit` (the top level is 1). Iterative, so that
    no document can exhaust the stack, and it stops at the first node too deep. The stack holds one iterator a
    level, never the children themselves: a list of millions of small objects costs no copy."""
    if not isinstance(value, (dict, list)):
        return False
    if limit < 1:
        return True
    stack = [iter(value.values() if isinstance(value, dict) else value)]
    while stack:
        for child in stack[-1]:
            if isinstance(child, (dict, list)):
                if len(stack) >= limit:
                    return True
                stack.append(iter(child.values() if isinstance(child, dict) else child))
                break
        else:
            stack.pop()
    return False


def parse_json(raw: bytes, max_depth: int) -> Any:
    """The parsed body; `UnreadableBody` when it is not JSON (orjson's own depth bound included) or when it nests
    deeper than `max_depth` (`HDS_MAX_JSON_DEPTH`). A body with fewer brackets than the limit cannot be too deep:
    two `bytes.count`, no walk (the usual case)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise UnreadableBody("invalid_json") from None
    if raw.count(b"{") + raw.count(b"[") > max_depth and too_deep(data, max_depth):
        raise UnreadableBody("too_deep", limit=max_depth)
    return data
