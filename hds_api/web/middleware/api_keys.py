"""Optional API keys: with `HDS_API_KEYS` or `HDS_API_KEYS_FILE` set, every request but the open paths needs one.

A key comes as `Authorization: Bearer <key>` or `X-API-Key: <key>`. Keys are kept as SHA-256 digests and the
digest of the key presented is compared with each in constant time (`hmac.compare_digest`), every key every
time: neither the content nor the length of a key leaks through timing. Without keys the API is open (and this
middleware is not in the stack at all).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
from collections.abc import Callable, Iterable
from typing import Any

from ...exceptions import Unauthorized
from ...i18n import HTTP, message
from ..answers import error_answer, send
from ..negotiation import environ_language
from .access_log import CLIENT_KEY

# Liveness, readiness, the form and its assets, the docs and the spec they show: nothing there is a result,
# and a probe or a browser has no key to give. CORS preflights carry no credentials by design.
OPEN_PATHS = frozenset({"/health", "/ready", "/form", "/favicon.ico", "/docs", "/openapi.json"})
OPEN_PREFIXES = ("/form/static/", "/docs/assets/", "/openapi/examples/")  # the spec's example workbooks
CHALLENGE = 'Bearer realm="hds-scope"'


def digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def presented_key(environ: dict) -> str | None:
    scheme, _, credentials = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return environ.get("HTTP_X_API_KEY") or None


def fingerprint(key: str) -> str:
    """What the access log names a client by: enough to tell keys apart, useless to guess one."""
    return "key:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


class ApiKeys:
    def __init__(self, wsgi_app: Callable, keys: Iterable[str], default_lang: str):
        self.wsgi_app = wsgi_app
        self.digests = tuple(digest(key) for key in keys)
        self.default_lang = default_lang

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "OPTIONS" or is_open(environ.get("PATH_INFO", "")):
            return self.wsgi_app(environ, start_response)
        key = presented_key(environ)
        if key is not None:
            given = digest(key)
            matched = False
            for known in self.digests:  # no early exit: the time taken does not tell which key matched
                matched |= hmac.compare_digest(given, known)
            if matched:
                environ[CLIENT_KEY] = fingerprint(key)  # for the access log line
                return self.wsgi_app(environ, start_response)
        lang, vary = environ_language(environ, self.default_lang)
        detail = message(HTTP, lang, "no_key" if key is None else "unknown_key")
        refusal = Unauthorized(
            message(HTTP, lang, "key_required"),
            {"Authorization": {"message": detail}},
            headers=[("WWW-Authenticate", CHALLENGE)],
        )
        return send(error_answer(refusal, vary, lang), environ, start_response)


# How the spec describes the keys (Swagger UI then offers to "Authorize"); open operations say `security: []`.
SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer", "description": "`Authorization: Bearer <key>`"},
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
}


def configured_keys(config: dict[str, Any]) -> tuple[str, ...]:
    return (*config.get("API_KEYS", ()), *config.get("API_KEYS_FILE", ()))


def describe(config: dict[str, Any]) -> None:
    """Before the Api is built: with keys, the spec's options gain the security schemes."""
    if not configured_keys(config):
        return
    options = copy.deepcopy(config.get("API_SPEC_OPTIONS", {}))
    options.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    options["security"] = [{"bearer": []}, {"apiKey": []}]
    config["API_SPEC_OPTIONS"] = options


def wrap(wsgi_app: Callable, config: dict[str, Any]) -> Callable:
    keys = configured_keys(config)
    return ApiKeys(wsgi_app, keys, config["DEFAULT_LANG"]) if keys else wsgi_app
