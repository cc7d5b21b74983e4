"""A request body whose framing is broken — a bad chunk in `Transfer-Encoding: chunked`, a body that ends before
its last chunk — is the client's error: 400 in the error shape, not a 500 with a stack trace in the log.

gunicorn parses a chunked body lazily, as it is read; `limits` reads every body whole, inside this middleware, so
its parse errors surface here. (Errors in the request line and headers come before the app:
`hds_api.web.gunicorn_worker` answers those.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from gunicorn.http.errors import ChunkMissingTerminator, InvalidChunkExtension, InvalidChunkSize, NoMoreData

from ...exceptions import BadRequestBody
from ...i18n import HTTP, message
from ..answers import error_answer, send
from ..negotiation import environ_language

BROKEN_FRAMING = (InvalidChunkSize, ChunkMissingTerminator, InvalidChunkExtension, NoMoreData)


class Framing:
    def __init__(self, wsgi_app: Callable, default_lang: str):
        self.wsgi_app = wsgi_app
        self.default_lang = default_lang

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            return self.wsgi_app(environ, start_response)
        except BROKEN_FRAMING as error:
            lang, vary = environ_language(environ, self.default_lang)
            detail = str(error)[:200] or type(error).__name__
            broken = BadRequestBody(message(HTTP, lang, "broken_framing"), {"body": {"message": detail}})
            return send(error_answer(broken, vary, lang), environ, start_response)


def wrap(wsgi_app: Callable, config: dict[str, Any]) -> Framing:
    return Framing(wsgi_app, config["DEFAULT_LANG"])
