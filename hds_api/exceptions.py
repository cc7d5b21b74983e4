"""The one error shape of the contract — `{"code", "status", "message", "errors"}` — and the exceptions that carry
it. No web framework here: the engine, the batch and the command line raise these; `hds_api.web` answers them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from http import HTTPStatus
from itertools import islice
from typing import Any

from .i18n import VALIDATION, message, text_language

# Errors listed for one request (or one batch item); any more are only counted (`more_errors`), so that no
# request, however many bad fields it sends, makes an answer larger than a few kilobytes per item.
MAX_LISTED_ERRORS = 20


# The phrases the contract uses (`Unprocessable Entity`), pinned: `http.HTTPStatus` renames some from Python 3.13
# on (RFC 9110: `Unprocessable Content`), and an upgrade must not change an answer.
REASONS = {
    413: "Request Entity Too Large",
    414: "Request URI Too Long",
    416: "Requested Range Not Satisfiable",
    422: "Unprocessable Entity",
}


@cache
def reason(code: int) -> str:
    """The reason phrase of `code`: the error shape's `status`, and the status line's."""
    if code in REASONS:
        return REASONS[code]
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "Unknown Error"


@cache
def status_line(code: int) -> str:
    """`422 Unprocessable Entity`, as a WSGI status."""
    return f"{code} {reason(code)}"


def listed_errors(errors: dict[str, Any], more: int = 0) -> tuple[dict[str, Any], int]:
    """The first `MAX_LISTED_ERRORS` of `errors`, and how many more there are (`more` already left out, plus
    those cut here)."""
    if len(errors) <= MAX_LISTED_ERRORS:
        return errors, more
    return dict(islice(errors.items(), MAX_LISTED_ERRORS)), more + len(errors) - MAX_LISTED_ERRORS


def error_body(
    code: int, message_text: str | None = None, errors: dict[str, Any] | None = None, more_errors: int = 0
) -> dict[str, Any]:
    """The error shape of CONTRACT.md section 5; past `MAX_LISTED_ERRORS` fields, `more_errors` counts the rest."""
    status = reason(code)
    listed, more = listed_errors(errors or {}, more_errors)
    body = {"code": code, "status": status, "message": message_text or status, "errors": listed}
    if more:
        body["more_errors"] = more
    return body


class HdsError(Exception):
    """An error answered in the error shape: `code` is its HTTP status, `errors` names each offending field
    (`{"field": {"message", "allowed"?, ...}}`), `headers` go with the answer (`WWW-Authenticate`...)."""

    code = 500

    def __init__(
        self,
        message_text: str | None = None,
        errors: dict[str, Any] | None = None,
        more_errors: int = 0,
        headers: Iterable[tuple[str, str]] = (),
    ):
        self.errors, self.more_errors = listed_errors(errors or {}, more_errors)
        self.message = message_text or reason(self.code)
        self.headers = tuple(headers)
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message, self.errors, self.more_errors)


class BadRequestBody(HdsError):
    """The body cannot be read: not JSON, nested too deep, broken framing."""

    code = 400


class Unauthorized(HdsError):
    code = 401


class NotFound(HdsError):
    code = 404


class PayloadTooLarge(HdsError):
    code = 413


class UnsupportedMediaType(HdsError):
    code = 415


class InvalidRequest(HdsError, ValueError):
    """A request that cannot be evaluated. `errors` names the offending fields, at most `MAX_LISTED_ERRORS` of
    them; `more_errors` counts the others. `question_ids_field` is the one field whose `allowed` lists the
    question ids (the first unknown question id): a batch lists them once per response, not once per item.
    The message is in `lang` (when supported; else the default language)."""

    code = 422

    def __init__(
        self,
        errors: dict[str, dict[str, Any]],
        lang: Any = None,
        more: int = 0,
        question_ids_field: str | None = None,
    ):
        self.lang = text_language(lang)
        # The count takes every error, listed or not; HdsError keeps the first `MAX_LISTED_ERRORS`.
        super().__init__(message(VALIDATION, self.lang, "invalid", count=len(errors) + more), errors, more)
        self.question_ids_field = question_ids_field if question_ids_field in self.errors else None

    @property
    def more(self) -> int:
        return self.more_errors
