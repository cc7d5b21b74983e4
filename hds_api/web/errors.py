"""Flask's side of the one error shape: an `HdsError` raised in a view, and every HTTP error raised by Flask,
werkzeug, webargs or a view (`abort`), answered as `hds_api.exceptions.error_body` says.

The HTTP errors reach `handle_http_exception` through flask-smorest's documented hook (`HdsApi` overrides
`Api.handle_http_exception`, which flask-smorest registers for `HTTPException`); Flask turns an uncaught exception
into an `InternalServerError`, logged first, so that covers it too.
"""

from __future__ import annotations

import re
from typing import Any

import marshmallow as ma
from flask import Flask, Response
from werkzeug.exceptions import HTTPException

from ..exceptions import HdsError, error_body, reason
from ..i18n import HTTP, VALIDATION, message
from .answers import error_answer, json_answer
from .api.responses import answer_response
from .language import message_language

# Headers of an HTTPException's own response worth keeping (Allow on 405, Retry-After on 429/503…).
DROPPED_HEADERS = {"content-type", "content-length"}
# werkzeug's descriptions carry bits of HTML (`<code>Content-Length</code>`); a JSON message is plain text.
HTML_TAG = re.compile(r"<[^>]+>")
# Errors whose message is the service's own, in the request's language; the others keep werkzeug's description.
OWN_MESSAGES = {404: "not_found", 405: "method_not_allowed", 500: "internal", 503: "not_ready"}


def validation_errors(messages: Any, schema: ma.Schema | None = None, prefix: str = "") -> dict[str, dict[str, Any]]:
    """Flatten marshmallow/webargs messages into the engine's `{"a.b": {"message", "allowed"?}}` form.

    webargs nests messages under the request location (`json`, `query`); the location is dropped so that
    field names read the same as the engine's.
    """
    if isinstance(messages, dict) and prefix == "" and messages.keys() <= {"json", "query", "view_args"}:
        merged: dict[str, Any] = {}
        for location_messages in messages.values():
            merged.update(location_messages if isinstance(location_messages, dict) else {"_schema": location_messages})
        messages = merged
    flat: dict[str, dict[str, Any]] = {}
    for name, value in messages.items() if isinstance(messages, dict) else [("_schema", messages)]:
        path = prefix if name == "_schema" else f"{prefix}.{name}" if prefix else str(name)
        field = schema.fields.get(name) if schema is not None and isinstance(name, str) else None
        if isinstance(value, dict):
            nested = getattr(field, "schema", None)
            flat.update(validation_errors(value, nested, path))
            continue
        entry: dict[str, Any] = {"message": " ".join(str(text) for text in value) if isinstance(value, list) else value}
        if schema is not None and field is None and name != "_schema":
            entry["allowed"] = sorted(known.data_key or key for key, known in schema.fields.items())
        for validator in getattr(field, "validators", ()):
            if isinstance(validator, ma.validate.OneOf):
                entry["allowed"] = list(validator.choices)
        flat[path or "body"] = entry
    return flat


def localised_invalid_message(count: int, lang: str) -> str:
    return message(VALIDATION, lang, "invalid", count=count)


def handle_http_exception(error: HTTPException) -> Response:
    """Every HTTP error in the one shape; a 5xx says nothing of what went wrong inside."""
    if error.code is None:  # a bare HTTPException carrying its own response: nothing to reshape
        return error.get_response()
    code = error.code
    data = getattr(error, "data", None) or {}
    errors = data.get("errors")
    more = data.get("more_errors", 0)
    text = data.get("message")
    if errors is None and "messages" in data:
        errors = validation_errors(data["messages"], data.get("schema"))
        if code == 422:
            text = localised_invalid_message(len(errors) + more, message_language())
        elif errors and text is None:  # e.g. webargs' 400: its own words say more than werkzeug's
            text = next(iter(errors.values()))["message"]
    key = OWN_MESSAGES.get(code)
    if code >= 500:  # nothing of what went wrong inside
        text = message(HTTP, message_language(), key) if key else reason(code)
        errors, more = {}, 0
    elif text is None:
        text = message(HTTP, message_language(), key) if key else HTML_TAG.sub("", error.description or "")
    headers = [(key, value) for key, value in error.get_headers() if key.lower() not in DROPPED_HEADERS]
    headers += list((data.get("headers") or {}).items())
    return answer_response(json_answer(code, error_body(code, text, errors, more), headers))


def handle_hds_error(error: HdsError) -> Response:
    return answer_response(error_answer(error))


def init_app(app: Flask) -> None:
    app.register_error_handler(HdsError, handle_hds_error)
