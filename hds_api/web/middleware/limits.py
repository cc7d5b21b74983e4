"""Body size limits: a request body is read here, whole and bounded, before anything else sees it; beyond the
limit of its path (`HDS_MAX_BODY_BYTES`, or `HDS_BATCH_MAX_BODY_BYTES` for the batch), 413 in the error shape
naming the limit.

A body announced larger than the limit is refused unread. One sent without `Content-Length` (chunked) is read up
to one byte past the limit, never cut short: a cut body could pass for a whole one (a CSV batch missing its last
rows). What passes is handed on as a complete body of known length. The JSON nesting limit is
`hds_api.web.json_body`'s; CSV line and cell sizes `hds_api.batch.formats.lines`'.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ...batch.messages import message as batch_message
from ...exceptions import PayloadTooLarge
from ...i18n import HTTP, message
from ..answers import error_answer, send
from ..negotiation import environ_language

BODY_KEY = "hds_api.body"
TABLE_PATHS = ("/v1/assessments/batch", "/v1/assessments/impact")  # bodies bounded as a batch's


class Limit(NamedTuple):
    size: int  # bytes
    setting: str
    text: Callable[[str, int, str], str]  # (lang, size, setting) -> message


def _http_text(lang: str, size: int, setting: str) -> str:
    return message(HTTP, lang, "too_large", limit=size, setting=setting)


def _batch_text(lang: str, size: int, setting: str) -> str:
    return batch_message(lang, "too_large", limit=size)


def request_body(environ: dict) -> bytes:
    """The body this middleware read (or, without it, `Content-Length` bytes of the input)."""
    body = environ.get(BODY_KEY)
    if body is None:
        length = environ.get("CONTENT_LENGTH")
        body = environ["wsgi.input"].read(int(length)) if length else b""
    return body


def _announced(environ: dict) -> int | None:
    try:
        return int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


class BodyLimits:
    def __init__(self, wsgi_app: Callable, limit: Limit, per_path: dict[str, Limit], default_lang: str):
        self.wsgi_app = wsgi_app
        self.limit = limit
        self.per_path = per_path
        self.default_lang = default_lang

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        announced = _announced(environ)
        chunked = announced is None and environ.get("wsgi.input_terminated", False)
        if not announced and not chunked:
            return self.wsgi_app(environ, start_response)
        limit = self.per_path.get(environ.get("PATH_INFO", ""), self.limit)
        if announced is not None and announced > limit.size:
            return self._too_large(environ, start_response, limit)
        body = environ["wsgi.input"].read(limit.size + 1 if chunked else announced)
        if len(body) > limit.size:
            return self._too_large(environ, start_response, limit)
        environ[BODY_KEY] = body
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.wsgi_app(environ, start_response)

    def _too_large(self, environ: dict, start_response: Callable, limit: Limit) -> Iterable[bytes]:
        lang, vary = environ_language(environ, self.default_lang)
        text = limit.text(lang, limit.size, limit.setting)
        refusal = PayloadTooLarge(text, {"body": {"message": text, "limit": limit.size}})
        return send(error_answer(refusal, vary, lang), environ, start_response)


def wrap(wsgi_app: Callable, config: dict[str, Any]) -> BodyLimits:
    batch = Limit(config["BATCH_MAX_BODY_BYTES"], "HDS_BATCH_MAX_BODY_BYTES", _batch_text)
    return BodyLimits(
        wsgi_app,
        Limit(config["MAX_CONTENT_LENGTH"], "HDS_MAX_BODY_BYTES", _http_text),
        dict.fromkeys(TABLE_PATHS, batch),
        config["DEFAULT_LANG"],
    )
