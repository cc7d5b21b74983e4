"""Access log: one JSON line per request, with a request id; never a body, never an answer.

The id is the caller's `X-Request-ID` when it is sane (1-128 characters from a safe set, so it cannot forge log
lines or headers), else a new one; either way it is echoed in the response's `X-Request-ID`. A line holds the
time, id, method, path (no query string), status, duration, response size, language and, with API keys, the
key's fingerprint: enough to operate the service, nothing about what was assessed.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

import orjson
from flask import Flask, Response, current_app, g, request

from .language import negotiated_language

LOGGER = "hds_api.access"
HEADER = "X-Request-ID"
SANE_ID = re.compile(r"^[A-Za-z0-9._:=+/-]{1,128}$")


class _Stdout(logging.StreamHandler):
    """Writes to whatever `sys.stdout` is now (tests and servers swap it), not what it was at start-up."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, value) -> None:
        pass


def request_id() -> str:
    """This request's id (for other modules' log lines)."""
    return g.get("request_id") or "-"


def _start() -> None:
    given = request.headers.get(HEADER, "")
    g.request_id = given if SANE_ID.match(given) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers[HEADER] = request_id()
    logger = logging.getLogger(LOGGER)
    if current_app.config.get("ACCESS_LOG", "-") == "off" or not logger.isEnabledFor(logging.INFO):
        return response
    started = g.get("started")
    entry = {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "request_id": request_id(),
        "method": request.method,
        "path": request.path[:256],
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
        "bytes": response.calculate_content_length(),
        "lang": negotiated_language(),
        "client": g.get("client"),
    }
    logger.info(orjson.dumps(entry).decode())
    return response


def init_app(app: Flask) -> None:
    """Register first: the id exists before any other hook can refuse the request."""
    logger = logging.getLogger(LOGGER)
    if not logger.handlers:  # once per process, however many apps (tests build many)
        handler = _Stdout()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    app.before_request(_start)
    app.after_request(_finish)
