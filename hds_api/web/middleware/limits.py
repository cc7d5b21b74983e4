"""The JSON nesting limit: a deep document is refused before anything walks it recursively.

Body size (`HDS_MAX_BODY_BYTES`, `HDS_BATCH_MAX_BODY_BYTES`) is werkzeug's to enforce and item count the batch's;
CSV line and cell sizes are `hds_api.batch.formats.lines`'.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, request
from flask_smorest import abort
from werkzeug.exceptions import RequestEntityTooLarge

from ..errors import error_response, handle_http_exception


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


def check_json_depth(value: Any, raw: bytes) -> None:
    """400 in the error shape, naming the limit, when the parsed body `value` nests deeper than `MAX_JSON_DEPTH`.

    A body with fewer brackets than the limit cannot be too deep: one `bytes.count` each, no walk (the usual case).
    """
    limit = current_app.config["MAX_JSON_DEPTH"]
    if raw.count(b"{") + raw.count(b"[") <= limit or not isinstance(value, (dict, list)):
        return
    if too_deep(value, limit):
        text = f"The JSON body nests deeper than {limit} levels (HDS_MAX_JSON_DEPTH)."
        abort(400, message=text, errors={"body": {"message": text, "limit": limit}})


def request_body() -> bytes:
    """The request body, `request.get_data()`, but never cut short: werkzeug stops reading a body sent without
    Content-Length (chunked) at the limit and returns what it read, which could pass for a whole body (a CSV
    batch missing its last rows). One more byte read from the server's stream tells; if there is one: 413."""
    data = request.get_data()
    limit = request.max_content_length
    if limit is not None and len(data) >= limit and request.content_length is None:
        if request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()
    return data


def _body_too_large(error: RequestEntityTooLarge) -> Response:
    """werkzeug's 413 says only "too large": name the limit and its setting (the batch names its own)."""
    if getattr(error, "data", None):  # raised with its own message (the batch endpoint's)
        return handle_http_exception(error)
    limit = request.max_content_length
    setting = "HDS_MAX_BODY_BYTES" if limit == current_app.config["MAX_CONTENT_LENGTH"] else "HDS_BATCH_MAX_BODY_BYTES"
    text = f"The request body is larger than {limit} bytes ({setting})."
    return error_response(413, text, {"body": {"message": text, "limit": limit}})


def init_app(app: Flask) -> None:
    app.register_error_handler(RequestEntityTooLarge, _body_too_large)
