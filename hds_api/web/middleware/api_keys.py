"""Optional API keys: with `HDS_API_KEYS` or `HDS_API_KEYS_FILE` set, every request but the open paths needs one.

A key comes as `Authorization: Bearer <key>` or `X-API-Key: <key>`. Keys are kept as SHA-256 digests and the
digest of the key presented is compared with each in constant time (`hmac.compare_digest`), every key every
time: neither the content nor the length of a key leaks through timing. Without keys the API is open.
"""

from __future__ import annotations

import copy
import hashlib
import hmac

from flask import Flask, current_app, request

from ..errors import error_response
from .access_log import CLIENT_KEY

EXTENSION = "hds_api_keys"
# Liveness, readiness, the form and its assets, the docs and the spec they show: nothing there is a result,
# and a probe or a browser has no key to give. CORS preflights carry no credentials by design.
OPEN_PATHS = frozenset({"/health", "/ready", "/form", "/favicon.ico", "/docs", "/openapi.json"})
OPEN_PREFIXES = ("/form/static/", "/docs/assets/")
CHALLENGE = 'Bearer realm="hds-scope"'


def digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def presented_key() -> str | None:
    authorization = request.headers.get("Authorization", "")
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return request.headers.get("X-API-Key") or None


def fingerprint(key: str) -> str:
    """What the access log names a client by: enough to tell keys apart, useless to guess one."""
    return "key:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


def _require_key():
    digests = current_app.extensions[EXTENSION]
    if request.method == "OPTIONS" or is_open(request.path):
        return None
    key = presented_key()
    if key is not None:
        given = digest(key)
        matched = False
        for known in digests:  # no early exit: the time taken does not tell which key matched
            matched |= hmac.compare_digest(given, known)
        if matched:
            request.environ[CLIENT_KEY] = fingerprint(key)  # for the access log line
            return None
    message = "An API key is required: send it as `Authorization: Bearer <key>` or `X-API-Key: <key>`."
    detail = "No API key given." if key is None else "Unknown API key."
    return error_response(401, message, {"Authorization": {"message": detail}}, {"WWW-Authenticate": CHALLENGE})


# How the spec describes the keys (Swagger UI then offers to "Authorize"); open operations say `security: []`.
SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer", "description": "`Authorization: Bearer <key>`"},
    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
}


def init_app(app: Flask) -> None:
    """Before the Api is built: with keys, the spec's options gain the security schemes."""
    keys = (*app.config.get("API_KEYS", ()), *app.config.get("API_KEYS_FILE", ()))
    app.extensions[EXTENSION] = tuple(digest(key) for key in keys)
    if not keys:  # no key configured: no hook at all, the API is open
        return
    app.before_request(_require_key)
    options = copy.deepcopy(app.config.get("API_SPEC_OPTIONS", {}))
    options.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    options["security"] = [{"bearer": []}, {"apiKey": []}]
    app.config["API_SPEC_OPTIONS"] = options
