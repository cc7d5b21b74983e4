"""Exact web origins from a setting (`HDS_CORS_ORIGINS`, `HDS_FORM_ALLOWED_ORIGINS`): one parser for both.

An origin is `scheme://host[:port]`, compared with what a browser sends as a string: it is kept as a browser
serialises it (lower case, no trailing slash, no default port). `*` and host wildcards are refused: both
settings name who may read results, and "anyone" is never what a deployment means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ORIGIN = re.compile(r"^(?P<scheme>https?)://[a-z0-9.-]+(:(?P<port>[0-9]{1,5}))?$")
DEFAULT_PORTS = {"http": ":80", "https": ":443"}


def split(value: str | Iterable[str] | None) -> list[str]:
    """The items of a comma- or space-separated setting (or of a list), without a trailing slash."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    return [item.strip().rstrip("/") for item in value if item.strip()]


def _serialised(origin: str) -> str:
    scheme = origin.partition("://")[0]
    return origin.removesuffix(DEFAULT_PORTS[scheme])


def _problem(item: str) -> str | None:
    if "*" in item:
        return f"{item!r}: wildcards are refused, list each origin exactly"
    match = ORIGIN.match(item.lower())
    if not match or (match["port"] is not None and not 0 < int(match["port"]) < 65536):
        return f"{item!r} is not an origin (scheme://host[:port], e.g. https://portal.example.org)"
    return None


def parse_origins(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The distinct origins of `value`, serialised; raises `ValueError` naming every bad item (without the
    setting's name, which the caller adds)."""
    items = split(value)
    problems = [problem for problem in map(_problem, items) if problem]
    if problems:
        raise ValueError("; ".join(problems))
    return tuple(dict.fromkeys(_serialised(item.lower()) for item in items))
