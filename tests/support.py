"""What the tests of every package share: the error shape every refusal must have, reading a Content-Security-Policy,
free ports and bounded waits. (Fixtures — `app`, `client`, `make_client`, `rules` — are in tests/conftest.py.)"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Mapping
from typing import Any

from hds_api.exceptions import reason

ERROR_KEYS = {"code", "status", "message", "errors"}
# What every answer but an HTML page must carry: opened in a browser, it can run nothing.
JSON_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def assert_error_body(status: int, reason: str, body: dict, code: int | None = None) -> dict:
    """`body` has the contract's error shape (section 5) and agrees with the status line `status reason`."""
    assert set(body) == ERROR_KEYS or set(body) == ERROR_KEYS | {"more_errors"}, body
    assert body["code"] == status and body["status"] == reason, (status, reason, body)
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["errors"], dict)
    if code is not None:
        assert status == code, body
    return body


def assert_error_shape(response, code: int | None = None) -> dict:
    """A test client's response in the error shape: JSON, the security headers of a JSON answer, never a 5xx
    unless `code` says so. Returns the body."""
    assert response.mimetype == "application/json", (response.status_code, response.get_data()[:200])
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == JSON_POLICY
    if code is None:
        assert response.status_code < 500, response.get_data()[:500]
    reason = response.status.split(" ", 1)[1]
    return assert_error_body(response.status_code, reason, response.get_json(), code)


def assert_raw_error_shape(status: int, headers: Mapping[str, str], body: dict, code: int) -> dict:
    """The same, for an answer read off a socket (gunicorn, nginx): with its security headers and request id."""
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Content-Security-Policy"] == JSON_POLICY
    assert headers["X-Request-ID"]
    return assert_error_body(status, reason(status), body, code)


def csp_directives(policy: str) -> dict[str, str]:
    """`default-src 'self'; img-src 'self' data:` -> {"default-src": "'self'", "img-src": "'self' data:"}."""
    directives = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {name: value[0] if value else "" for name, *value in directives}


def policy(response) -> dict[str, str]:
    """The directives of a response's Content-Security-Policy."""
    return csp_directives(response.headers["Content-Security-Policy"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], Any], what: str, timeout: float = 30.0) -> None:
    """Until `condition()` holds: a test waits for what it needs, never for a guessed time (the machine may be slow)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {timeout} s"
        time.sleep(0.02)
