"""A request body whose framing is broken — a bad chunk in `Transfer-Encoding: chunked`, a body that ends
before its last chunk — is the client's error: 400 in the error shape, not a 500 with a stack trace in the log.

gunicorn parses a chunked body lazily, as the view reads it, so its parse errors surface inside the app. (Errors
in the request line and headers come before the app: `hds_api.web.gunicorn_worker` answers those.)
"""

from __future__ import annotations

from flask import Flask, Response
from gunicorn.http.errors import ChunkMissingTerminator, InvalidChunkExtension, InvalidChunkSize, NoMoreData

from ..errors import error_response

BROKEN_FRAMING = (InvalidChunkSize, ChunkMissingTerminator, InvalidChunkExtension, NoMoreData)
MESSAGE = "The request body is malformed: its chunked transfer encoding is broken, or it ends too early."


def _broken_body(error: Exception) -> Response:
    detail = str(error)[:200] or type(error).__name__
    return error_response(400, MESSAGE, {"body": {"message": detail}})


def init_app(app: Flask) -> None:
    for error in BROKEN_FRAMING:
        app.register_error_handler(error, _broken_body)
