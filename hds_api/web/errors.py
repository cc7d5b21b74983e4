"""The one JSON error shape — `{"code", "status", "message", "errors"}` — and the handlers that produce it."""

from __future__ import annotations

import re
from typing import Any

import marshmallow as ma
from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from ..exceptions import InvalidRequest, listed_errors
from ..i18n import VALIDATION as VALIDATION_MESSAGES
from .language import negotiated_language

# Shown for every 500: whatever went wrong inside stays in the log, never in the response.
INTERNAL_ERROR_MESSAGE = "The server met an unexpected error; it has been logged."
# Headers of an HTTPException's own response worth keeping (Allow on 405, Retry-After on 429/503…).
DROPPED_HEADERS = {"content-type", "content-length"}
# werkzeug's descriptions carry bits of HTML (`<code>Content-Length</code>`); a JSON message is plain text.
HTML_TAG = re.compile(r"<[^>]+>")


def error_body(
    code: int, message: str | None = None, errors: dict[str, Any] | None = None, more_errors: int = 0
) -> dict[str, Any]:
    """The error shape of CONTRACT.md section 5; past `MAX_LISTED_ERRORS` fields, `more_errors` counts the rest."""
    status = HTTP_STATUS_CODES.get(code, "Unknown Error")
    listed, more = listed_errors(errors or {}, more_errors)
    body = {"code": code, "status": status, "message": message or status, "errors": listed}
    if more:
        body["more_errors"] = more
    return body


def error_response(
    code: int,
    message: str | None = None,
    errors: dict[str, Any] | None = None,
    headers: Any = None,
    more_errors: int = 0,
) -> Response:
    response = jsonify(error_body(code, message, errors, more_errors))
    response.status_code = code
    if headers:
        response.headers.extend(headers)
    return response


def invalid_request_body(error: InvalidRequest) -> dict[str, Any]:
    """A 422 body for an engine `InvalidRequest` (also what a batch item's `error` holds)."""
    return error_body(422, error.message, error.errors, error.more)


def invalid_request_response(error: InvalidRequest) -> Response:
    return error_response(422, error.message, error.errors, more_errors=error.more)


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
    return VALIDATION_MESSAGES[lang]["invalid"].format(count=count)


def handle_http_exception(error: HTTPException) -> Response:
    """Every HTTP error, raised by Flask, werkzeug, webargs or a view, in the one shape."""
    if error.code is None:  # a bare HTTPException carrying its own response: nothing to reshape
        return error.get_response()
    code = error.code
    data = getattr(error, "data", None) or {}
    message = data.get("message") or HTML_TAG.sub("", error.description or "")
    errors = data.get("errors")
    more = data.get("more_errors", 0)
    if errors is None and "messages" in data:
        errors = validation_errors(data["messages"], data.get("schema"))
        if code == 422:
            message = localised_invalid_message(len(errors) + more, negotiated_language())
        elif errors:  # e.g. webargs' 400 for a body that is not JSON: its own words say more than werkzeug's
            message = next(iter(errors.values()))["message"]
    if code >= 500:
        message = INTERNAL_ERROR_MESSAGE if code == 500 else HTTP_STATUS_CODES.get(code, "Server Error")
        errors, more = {}, 0
    headers = [(key, value) for key, value in error.get_headers() if key.lower() not in DROPPED_HEADERS]
    headers += list((data.get("headers") or {}).items())
    return error_response(code, message, errors, headers, more)


def handle_invalid_request(error: InvalidRequest) -> Response:
    return invalid_request_response(error)


def init_app(app: Flask) -> None:
    """Flask turns an uncaught exception into an `InternalServerError` (logged first), so the
    `HTTPException` handler covers it too."""
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InvalidRequest, handle_invalid_request)
