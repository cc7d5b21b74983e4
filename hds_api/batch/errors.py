"""The contract's error shape, for one bad item, and the error that stops a whole batch before it starts."""

from __future__ import annotations

from typing import Any

from .messages import message

UNPROCESSABLE = 422


def error_body(message_text: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    """`{"code", "status", "message", "errors"}`: the one error shape of CONTRACT.md section 5 (here, 422)."""
    return {"code": UNPROCESSABLE, "status": "Unprocessable Entity", "message": message_text, "errors": errors or {}}


def invalid_item(errors: dict[str, Any], lang: str) -> dict[str, Any]:
    return error_body(message(lang, "invalid_item", count=len(errors)), errors)


class UsageError(ValueError):
    """The batch as a whole cannot run (bad header, unknown column, bad option): nothing is assessed.

    `errors` names each offending field as in the contract's error shape (HTTP answers it with a 422).
    """

    def __init__(self, message_text: str, errors: dict[str, Any] | None = None):
        super().__init__(message_text)
        self.message = message_text
        self.errors = errors or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.message, self.errors)
