"""gunicorn's sync worker, answering the errors gunicorn answers itself in the contract's JSON error shape.

A request line or headers gunicorn cannot parse (400), a request line over `limit_request_line` (414), too many
or too long header fields (431) never reach the app: gunicorn writes a small HTML page. This worker lets
gunicorn classify and log the error as it always does, keeps its status but not its page, and sends the error
shape instead, with the security headers, an `X-Request-ID` and a line in the access log.

`gunicorn.conf.py` names it as `worker_class`.
"""

from __future__ import annotations

import os
import time

from gunicorn import util
from gunicorn.http.errors import ParseException
from gunicorn.workers.sync import SyncWorker

from ..exceptions import error_body, reason
from ..i18n import SERVER, default_language
from .answers import json_answer
from .middleware.access_log import HEADER, AccessLog
from .middleware.security_headers import NON_HTML_HEADERS


class _Page:
    """Stands for the client's socket while gunicorn writes its HTML error page: keeps it, sends nothing."""

    def __init__(self) -> None:
        self.data = b""

    def gettimeout(self) -> float:
        return 0.0

    def setblocking(self, flag: bool) -> None:
        pass

    def sendall(self, data: bytes) -> None:
        self.data += data

    def status(self, error: BaseException) -> int:
        """The status gunicorn chose (`HTTP/1.1 414 URI Too Long`); if it wrote nothing, a safe guess."""
        parts = self.data.split(b" ", 2)
        if len(parts) == 3 and parts[1].isdigit():
            return int(parts[1])
        return 400 if isinstance(error, ParseException) else 500


class JsonErrorsWorker(SyncWorker):
    def init_process(self) -> None:
        """gunicorn's hook, in the new worker: the language of its messages is the default (there is no request to
        negotiate with), read once."""
        self.message_lang = default_language()
        super().init_process()

    def handle_error(self, req, client, addr, exc) -> None:
        page = _Page()
        started = time.perf_counter()
        super().handle_error(req, page, addr, exc)  # classified and logged by gunicorn; its page stays here
        code = page.status(exc)
        texts = SERVER[self.message_lang]
        message = texts[str(code)].format(cfg=self.cfg) if str(code) in texts else reason(code)
        detail = {"request": {"message": str(exc)[:200]}} if code < 500 and str(exc) else {}
        rid = os.urandom(16).hex()
        extra = [("Connection", "close"), *NON_HTML_HEADERS, (HEADER, rid)]
        answer = json_answer(code, error_body(code, message, detail), extra)  # the app's own JSON answer
        head = "".join(f"{name}: {value}\r\n" for name, value in answer.headers)
        try:
            util.write_nonblock(client, f"HTTP/1.1 {answer.status}\r\n{head}\r\n".encode("latin-1") + answer.body)
        except OSError:
            self.log.debug("Failed to send error message.")
        self._log(req, rid, started, answer.status, answer.headers)

    def _log(self, req, rid: str, started: float, status: str, headers: list) -> None:
        """The access log line the app would have written, had the request reached it."""
        access = getattr(self.wsgi, "wsgi_app", None)
        if isinstance(access, AccessLog) and access.sink is not None:
            environ = {"REQUEST_METHOD": getattr(req, "method", None), "PATH_INFO": getattr(req, "path", None) or ""}
            access.log(environ, rid, started, status, headers)
