"""Security headers on every response: `X-Content-Type-Options: nosniff`, a referrer policy and a
Content-Security-Policy.

HTML pages get a strict policy: the form sets its own (`hds_api.form.headers`); the docs page (flask-smorest's
Swagger UI template, assets served by the service) runs one inline script, allowed by its hash and nothing else.
Every other response (JSON, text, assets) gets `default-src 'none'`: opened in a browser, it can run nothing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

from flask import Flask, Response

NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# What a JSON answer carries; also sent by `hds_api.web.gunicorn_worker` on the errors gunicorn answers itself.
NON_HTML_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy", NON_HTML_POLICY),
)
# Swagger UI: its own scripts and styles, and the icons its stylesheet embeds as data: URIs (an image cannot run
# script). tests/form/test_docs_page.py opens the page in Chromium and fails on any violation.
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


def add_security_headers(response: Response) -> Response:
    """Sets `nosniff`, and adds what is not already there (the form sets its own policy)."""
    headers = response.headers
    headers["X-Content-Type-Options"] = "nosniff"
    present = {key.lower() for key, _ in headers.items()}  # one pass: this runs on every request
    if "referrer-policy" not in present:
        headers.add("Referrer-Policy", "no-referrer")
    if "content-security-policy" not in present:
        html = response.mimetype == "text/html" and not response.direct_passthrough
        headers.add("Content-Security-Policy", html_policy(response.get_data()) if html else NON_HTML_POLICY)
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
