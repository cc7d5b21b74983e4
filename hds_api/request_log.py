"""Access log: one JSON line per request, with a request id; never a body, never an answer.

The id is the caller's `X-Request-ID` when it is sane (1-128 characters from a safe set, so it cannot forge log
lines or headers), else a new one; either way it is echoed in the response's `X-Request-ID`. A line holds the
time, id, method, path (no query string), status, duration, response size, language and, with API keys, the
key's fingerprint: enough to operate the service, nothing about what was assessed.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from datetime import UTC, datetime

import orjson
from flask import Flask, Response, current_app, g, request

from .language import negotiated_language

LOGGER = logging.getLogger("hds_api.access")
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
    g.request_id = given if SANE_ID.match(given) else os.urandom(16).hex()  # 128 random bits, like a uuid4
    g.started = time.perf_counter()


def _language(environ: dict, default: str) -> str:
    """The request's language as `negotiated_language` tells it, without its cost when nothing names one."""
    if "lang=" in environ.get("QUERY_STRING", "") or environ.get("HTTP_ACCEPT_LANGUAGE"):
        return negotiated_language()
    return default


def _echo_id(response: Response) -> Response:
    response.headers.add(HEADER, request_id())
    return response


def _log(response: Response) -> Response:
    """The id echoed, and the line written; the hook runs on every request, so it reads each proxy once."""
    state, environ = g._get_current_object(), request.environ
    request_id = getattr(state, "request_id", None) or "-"
    response.headers.add(HEADER, request_id)
    if not LOGGER.isEnabledFor(logging.INFO):
        return response
    started = getattr(state, "started", None)
    entry = {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "request_id": request_id,
        "method": environ.get("REQUEST_METHOD"),
        "path": request.path[:256],
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
        "bytes": response.calculate_content_length(),
        "lang": _language(environ, current_app.config["DEFAULT_LANG"]),
        "client": getattr(state, "client", None),
    }
    # A record made directly: `logger.info` would also walk the stack to find its caller, for nothing.
    LOGGER.handle(LOGGER.makeRecord(LOGGER.name, logging.INFO, __file__, 0, orjson.dumps(entry).decode(), (), None))
    return response


def init_app(app: Flask) -> None:
    """Register first: the id exists before any other hook can refuse the request."""
    if not LOGGER.handlers:  # once per process, however many apps (tests build many)
        handler = _Stdout()
        handler.setFormatter(logging.Formatter("%(message)s"))
        LOGGER.addHandler(handler)
        LOGGER.setLevel(logging.INFO)
    app.before_request(_start)
    app.after_request(_echo_id if app.config.get("ACCESS_LOG", "-") == "off" else _log)
