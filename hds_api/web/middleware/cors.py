"""CORS for the configured origins only (`HDS_CORS_ORIGINS`; none: no CORS header at all, browsers keep the
same-origin policy). Origins are exact (`hds_api.origins`): `*` and wildcards stop start-up.

On the API paths (`/v1/...` and the spec): a request from an allowed origin gets `Access-Control-Allow-Origin`
and may read `X-Request-ID`, `X-Batch-Summary` and `X-Impact-Summary`; its preflight is answered here, before API
keys (a browser sends none with it); a request without `Origin`, or from another origin, gets no grant. Every
answer of those paths says `Vary: Origin`, since whether it carries a grant depends on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from ...settings import parse_value
from .vary import add_vary

PATHS = re.compile(r"^/v1/|^/openapi\.json$")
EXPOSED = "X-Request-ID, X-Batch-Summary, X-Impact-Summary"
# What the API's own calls use: their methods, and the request headers a page may set on them.
METHODS = "GET, POST, OPTIONS"
REQUEST_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, X-API-Key, X-Request-ID"
PREFLIGHT_MAX_AGE = "600"  # seconds a browser may reuse a preflight's answer


class Cors:
    def __init__(self, wsgi_app: Callable, origins: Iterable[str]):
        self.wsgi_app = wsgi_app
        self.origins = frozenset(origins)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if not PATHS.match(environ.get("PATH_INFO", "")):
            return self.wsgi_app(environ, start_response)
        origin = environ.get("HTTP_ORIGIN")
        granted = origin in self.origins
        if granted and environ.get("REQUEST_METHOD") == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in environ:
            start_response(
                "200 OK",
                [
                    ("Content-Length", "0"),
                    ("Access-Control-Allow-Origin", origin),
                    ("Access-Control-Allow-Methods", METHODS),
                    ("Access-Control-Allow-Headers", REQUEST_HEADERS),
                    ("Access-Control-Max-Age", PREFLIGHT_MAX_AGE),
                    ("Vary", "Origin"),
                ],
            )
            return [b""]

        def start(status: str, headers: list, exc_info: Any = None) -> Callable:
            if granted:
                headers.append(("Access-Control-Allow-Origin", origin))
                headers.append(("Access-Control-Expose-Headers", EXPOSED))
            add_vary(headers, ("Origin",))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)


def wrap(wsgi_app: Callable, config: dict[str, Any]) -> Callable:
    origins = parse_value("HDS_CORS_ORIGINS", config["CORS_ORIGINS"])
    return Cors(wsgi_app, origins) if origins else wsgi_app
