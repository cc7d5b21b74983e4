"""Security headers on every response: `X-Content-Type-Options: nosniff`, a referrer policy and a
Content-Security-Policy.

HTML pages get a strict policy: the form sets its own (`hds_api.web.form.headers`); the docs page (flask-smorest's
Swagger UI template, assets served by the service) runs one inline script, allowed by its hash and nothing else —
the one kind of answer this middleware reads before sending. Every other response (JSON, text, assets) gets
`default-src 'none'`: opened in a browser, it can run nothing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
NOSNIFF = ("X-Content-Type-Options", "nosniff")
NO_REFERRER = ("Referrer-Policy", "no-referrer")
NON_HTML_CSP = ("Content-Security-Policy", NON_HTML_POLICY)
# What a JSON answer carries; also sent by `hds_api.web.gunicorn_worker` on the errors gunicorn answers itself.
NON_HTML_HEADERS = (NOSNIFF, NO_REFERRER, NON_HTML_CSP)
# Swagger UI: its own scripts and styles, and the icons its stylesheet embeds as data: URIs (an image cannot run
# script). tests/web/form/test_docs_page.py opens the page in Chromium and fails on any violation.
HTML_POLICY = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
)
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)


@lru_cache(maxsize=8)
def html_policy(page: bytes) -> str:
    """The policy of an HTML page allowing exactly its inline scripts (the docs page is the same each time)."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in INLINE_SCRIPT.findall(page)
    )
    return "; ".join(HTML_POLICY).format(hashes=hashes).replace("'self' ;", "'self';")


def _missing(headers: list[tuple[str, str]]) -> tuple[bool, bool, bool]:
    """Whether the answer still lacks a referrer policy and a CSP, and whether it is an HTML page; drops any
    `X-Content-Type-Options` (replaced by nosniff). One pass: this runs on every request."""
    referrer = policy = True
    html = False
    for index in range(len(headers) - 1, -1, -1):
        name, value = headers[index]
        name = name.lower()
        if name == "content-type":
            html = value.startswith("text/html")
        elif name == "referrer-policy":
            referrer = False
        elif name == "content-security-policy":
            policy = False
        elif name == "x-content-type-options":
            del headers[index]
    return referrer, policy, html


class SecurityHeaders:
    def __init__(self, wsgi_app: Callable):
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        held: list[Any] = []

        def start(status: str, headers: list, exc_info: Any = None) -> Callable:
            referrer, policy, html = _missing(headers)
            headers.append(NOSNIFF)
            if referrer:
                headers.append(NO_REFERRER)
            if policy and html:  # its policy depends on its body: held until the body is read
                held[:] = [status, headers, exc_info]
                return _unused_write
            if policy:
                headers.append(NON_HTML_CSP)
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, start)
        if not held:
            return body
        try:
            page = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        status, headers, exc_info = held
        headers.append(("Content-Security-Policy", html_policy(page)))
        start_response(status, headers, exc_info)
        return [page]


def _unused_write(data: bytes) -> None:
    raise RuntimeError("the WSGI write() callable is not supported for HTML pages")


def wrap(wsgi_app: Callable, config: dict[str, Any]) -> SecurityHeaders:
    return SecurityHeaders(wsgi_app)
