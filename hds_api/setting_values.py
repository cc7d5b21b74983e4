"""What each setting's value may be: parsers that return the value or raise `ValueError` saying why (the caller,
`hds_api.settings`, adds the variable's name)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .i18n import LANGUAGES
from .origins import parse_origins, split

MAX_PARSER_DEPTH = 1024  # orjson's own nesting limit
MIN_KEY_LENGTH = 16


def text(value: str) -> str:
    return value.strip()


def whole(minimum: int, maximum: int | None = None, why: str = "") -> Callable[[str], int]:
    """A parser of whole numbers in [minimum, maximum]; `why` says what a value outside would break."""

    def parse(value: str) -> int:
        try:
            number = int(value.strip())
        except ValueError:
            number = None
        if number is None or number < minimum or (maximum is not None and number > maximum):
            bounds = f"at least {minimum}" + (f" and at most {maximum}" if maximum is not None else "")
            raise ValueError(f"must be a whole number of {bounds}{why}, not {value.strip()!r}")
        return number

    return parse


# The smallest limits at which the shortest complete assessment, `{"answers": {"personal_data": false}}`, still
# passes on every endpoint (35 bytes alone, 56 as a batch; as CSV the line `id,personal_data`): below them no
# valid request would. The depth floor takes every shape of the contract (a batch item's
# `current_certification.activities` is 5 deep). tests/hardening/test_settings.py checks each floor.
BODY_BYTES = whole(64, why=" (a smaller body cannot hold even the shortest complete assessment)")
JSON_DEPTH = whole(5, MAX_PARSER_DEPTH, why=" (a valid batch request nests 5 deep; orjson stops at 1024)")
CSV_CHARS = whole(16, why=" (a smaller line or cell cannot hold even the shortest complete assessment)")
COUNT = whole(1)


def origins(value: str | Iterable[str] | None) -> list[str]:
    return list(parse_origins(value))


# A CSP source for frame-ancestors: an origin, possibly with a `*.` host wildcard, or a keyword.
FRAME_SOURCE = re.compile(r"^(https?://(\*\.)?[A-Za-z0-9.-]+(:([0-9]{1,5}|\*))?|'self'|'none')$")


def frame_sources(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """CSP frame-ancestors sources; empty: none given (the form then takes its own origin and the allowed ones)."""
    sources = split(value)
    bad = [source for source in sources if not FRAME_SOURCE.match(source)]
    if bad:
        raise ValueError(f"not a frame-ancestors source: {', '.join(bad)}")
    if "'none'" in sources and len(sources) > 1:
        raise ValueError("'none' cannot be combined with other sources")
    return tuple(dict.fromkeys(sources))


def language(value: str) -> str:
    value = value.strip()
    if value not in LANGUAGES:
        raise ValueError(f"must be one of {', '.join(LANGUAGES)}, not {value!r}")
    return value


def access_log(value: str) -> str:
    """`-` (standard output), `off`, or a file the service can append to (created if missing)."""
    value = value.strip()
    if value.lower() in ("-", "off"):
        return value.lower()
    try:
        os.close(os.open(value, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, 0o640))
    except OSError as error:
        reason = f"{value!r}: {error.strerror}"
        raise ValueError(f"must be - (standard output), off, or a file to append to; {reason}") from None
    return value


def _keys(values: list[str], origin: str) -> tuple[str, ...]:
    if not values:  # set, yet no key: running open would be the opposite of what was asked
        raise ValueError(f"is set but {origin} holds no key; unset it to run without API keys")
    short = [index for index, key in enumerate(values, 1) if len(key) < MIN_KEY_LENGTH]
    if short:  # named by position: a key never appears in a message
        raise ValueError(f"key(s) {', '.join(map(str, short))} of {origin} shorter than {MIN_KEY_LENGTH} characters")
    return tuple(values)


def api_keys(value: str) -> tuple[str, ...]:
    return _keys([key.strip() for key in value.split(",") if key.strip()], "the list")


def api_keys_file(value: str) -> tuple[str, ...]:
    """One key a line; blank lines and `#` comments ignored. Read at start-up (and on `kill -HUP`)."""
    if not value.strip():
        raise ValueError("is set but names no file; unset it to run without API keys")
    try:
        content = Path(value.strip()).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read {value.strip()!r}: {getattr(error, 'strerror', None) or error}") from None
    lines = [line.strip() for line in content.splitlines()]
    return _keys([line for line in lines if line and not line.startswith("#")], "the file")


def bind(value: str) -> str:
    """gunicorn's address: `HOST:PORT`, `[IPv6]:PORT` or `unix:PATH`."""
    address = value.strip()
    if address.startswith("unix:") and len(address) > len("unix:"):
        return address
    host, _, port = address.rpartition(":")
    if not host.strip("[]") or not port.isdigit() or int(port) > 65535 or any(c in host for c in "/@?#, "):
        raise ValueError(f"{address!r} is not HOST:PORT, [IPv6]:PORT or unix:PATH")
    return address
