"""The contract's error shape, for one bad item, and the error that stops a whole batch before it starts."""

from __future__ import annotations

from typing import Any

from ..exceptions import error_body as shaped
from ..exceptions import listed_errors
from .messages import message

UNPROCESSABLE = 422


def error_body(message_text: str, errors: dict[str, Any] | None = None, more_errors: int = 0) -> dict[str, Any]:
    """`{"code", "status", "message", "errors"}`: the one error shape of CONTRACT.md section 5 (here, 422). Past
    `MAX_LISTED_ERRORS` fields, `more_errors` counts those not listed."""
    return shaped(UNPROCESSABLE, message_text, errors, more_errors)


def invalid_item(errors: dict[str, Any], lang: str, more_errors: int = 0) -> dict[str, Any]:
    return error_body(message(lang, "invalid_item", count=len(errors) + more_errors), errors, more_errors)


class UsageError(ValueError):
    """The batch as a whole cannot run (bad header, unknown column, bad option): nothing is assessed.

    `errors` names each offending field as in the contract's error shape (HTTP answers it with a 422); past
    `MAX_LISTED_ERRORS`, `more_errors` counts the others.
    """

    def __init__(self, message_text: str, errors: dict[str, Any] | None = None, more_errors: int = 0):
        super().__init__(message_text)
        self.message = message_text
        self.errors, self.more_errors = listed_errors(errors or {}, more_errors)

    def body(self) -> dict[str, Any]:
        return error_body(self.message, self.errors, self.more_errors)
