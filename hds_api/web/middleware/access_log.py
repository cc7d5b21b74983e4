"""Access log: one JSON line per request, with a request id; never a body, never an answer.

The id is the caller's `X-Request-ID` when it is sane (1-128 characters from a safe set, so it cannot forge log
lines or headers), else a new one; either way it is echoed in the response's `X-Request-ID`. A line holds the
time, id, method, path (no query string), status, duration, response size, language and, with API keys, the
key's fingerprint: enough to operate the service, nothing about what was assessed.

It is the outermost WSGI middleware (`hds_api.web.app` lists the stack): it sees every response, refusals
included, the hot route's as Flask's. Lines go to a `hds_api.web.log_sink.Sink` (`HDS_ACCESS_LOG`), which drops
what a failing destination cannot take rather than fail or hold up the request.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

import orjson

from ..answers import LANG_KEY
from ..log_sink import Sink, open_sink

LOGGER = logging.getLogger("hds_api.access")
HEADER = "X-Request-ID"
SANE_ID = re.compile(r"^[A-Za-z0-9._:=+/-]{1,128}$")
# Where the middleware leaves the id, and where `api_keys` leaves the key's fingerprint, for the line; whatever
# answers leaves the language it answered in at `LANG_KEY`.
ID_KEY = "hds_api.request_id"
CLIENT_KEY = "hds_api.client"


class _Clock:
    """The line's time, ISO 8601 to the millisecond in UTC (`2026-12-01T22:23:17.141+00:00`): the date and time
    formatted once a second, not once a request (`datetime.isoformat` cost a tenth of the line)."""

    def __init__(self) -> None:
        self.second = -1
        self.prefix = ""

    def now(self) -> str:
        now = time.time()
        second = int(now)
        if second != self.second:
            self.second, self.prefix = second, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
        return f"{self.prefix}.{int((now - second) * 1000):03d}+00:00"


def _emit(sink: Sink, line: bytes) -> None:
    """Write one line (newline included) to the sink, and hand it to `logging` too when anything listens to the
    `hds_api.access` logger (an operator's handler, a test's log capture). A `logging` record costs about 25 µs a
    request (a tenth of an assessment): nothing makes one while nothing listens."""
    sink.write_line(line)
    if LOGGER.hasHandlers():
        # A record made directly: `logger.info` would also walk the stack to find its caller, for nothing.
        text = line[:-1].decode()
        LOGGER.handle(LOGGER.makeRecord(LOGGER.name, logging.INFO, __file__, 0, text, (), None))


class AccessLog:
    """WSGI middleware: gives each request its id, echoes it, and logs one line once the app has answered."""

    def __init__(self, wsgi_app: Callable, sink: Sink | None):
        self.wsgi_app = wsgi_app
        self.sink = sink  # None: the log is off
        self.clock = _Clock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        given = environ.get("HTTP_X_REQUEST_ID", "")
        rid = environ[ID_KEY] = given if given and SANE_ID.match(given) else os.urandom(16).hex()  # 128 random bits
        started = time.perf_counter()
        answered: list = []

        def start(status: str, headers: list, exc_info=None):
            headers.append((HEADER, rid))
            answered[:] = [status, headers]
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, start)
        if self.sink is not None and LOGGER.isEnabledFor(logging.INFO):
            self.log(environ, rid, started, *answered)
        return body

    def log(self, environ: dict, rid: str, started: float, status: str = "500", headers: list = ()) -> None:
        size = None
        for name, value in headers:
            if name == "Content-Length":
                size = int(value)
                break
        entry = {
            "time": self.clock.now(),
            "request_id": rid,
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO", "")[:256],
            "status": int(status[:3]),
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "bytes": size,
            "lang": environ.get(LANG_KEY),
            "client": environ.get(CLIENT_KEY),
        }
        _emit(self.sink, orjson.dumps(entry, option=orjson.OPT_APPEND_NEWLINE))


def wrap(wsgi_app: Callable, config: dict[str, Any]) -> AccessLog:
    """Outermost: the id exists before anything can refuse the request, and every answer is seen."""
    LOGGER.setLevel(logging.INFO)
    return AccessLog(wsgi_app, open_sink(config.get("ACCESS_LOG", "-")))
