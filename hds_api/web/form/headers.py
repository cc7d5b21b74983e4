"""The security headers of the form: a strict Content-Security-Policy whose frame-ancestors come from configuration."""

from __future__ import annotations

from collections.abc import Iterable

# Everything from the service itself; no inline script or style, no plugin, no <base> rewriting.
BASE_POLICY = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)


def content_security_policy(frame_ancestors: Iterable[str]) -> str:
    return "; ".join([*BASE_POLICY, "frame-ancestors " + " ".join(frame_ancestors)])


def security_headers(frame_ancestors: Iterable[str]) -> dict[str, str]:
    """Headers for every response of the form, beside the nosniff every answer gets (`web.middleware.
    security_headers`). No X-Frame-Options: frame-ancestors supersedes it and may allow more."""
    return {
        "Content-Security-Policy": content_security_policy(frame_ancestors),
        "Referrer-Policy": "same-origin",
    }
