"""The contract's error shape, for one bad item, and the error that stops a whole batch before it starts."""

from __future__ import annotations

from typing import Any

from .messages import message

STATUS_TEXT = {413: "Payload Too Large", 422: "Unprocessable Entity"}


def error_body(message_text: str, errors: dict[str, Any] | None = None, code: int = 422) -> dict[str, Any]:
    """`{"code", "status", "message", "errors"}`: the one error shape of CONTRACT.md section 5."""
    return {"code": code, "status": STATUS_TEXT[code], "message": message_text, "errors": errors or {}}


def invalid_item(errors: dict[str, Any], lang: str) -> dict[str, Any]:
    return error_body(message(lang, "invalid_item", count=len(errors)), errors)


class UsageError(ValueError):
    """The batch as a whole cannot run (bad header, unknown column, bad option): nothing is assessed.

    `errors` names each offending field in the contract's shape; `code` is the HTTP status it maps to.
    """

    def __init__(self, message_text: str, errors: dict[str, Any] | None = None, code: int = 422):
        super().__init__(message_text)
        self.message = message_text
        self.errors = errors or {}
        self.code = code

    def body(self) -> dict[str, Any]:
        return error_body(self.message, self.errors, self.code)

    def __str__(self) -> str:
        details = [f"{field}: {detail.get('message', '')}" for field, detail in self.errors.items()]
        return "\n".join([self.message, *details])
