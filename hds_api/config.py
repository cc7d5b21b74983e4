"""Settings from the environment, with safe defaults; `create_app(config)` can override any of them."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

LANGUAGES = ("fr", "en")
MAX_PARSER_DEPTH = 1024  # orjson's own nesting limit


def _text(value: str) -> str:
    return value.strip()


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError(f"must be a positive integer, not {value!r}")
    return number


def _origins(value: str) -> list[str]:
    return [origin.strip() for origin in value.split(",") if origin.strip()]


def _json_depth(value: str) -> int:
    number = _positive_int(value)
    if number > MAX_PARSER_DEPTH:  # orjson refuses deeper documents itself, as malformed JSON
        raise ValueError(f"must be at most {MAX_PARSER_DEPTH}, not {value!r}")
    return number


def _language(value: str) -> str:
    value = value.strip()
    if value not in LANGUAGES:
        raise ValueError(f"must be one of {', '.join(LANGUAGES)}, not {value!r}")
    return value


def _access_log(value: str) -> str:
    value = value.strip().lower()
    if value not in ("-", "off"):
        raise ValueError(f"must be - (standard output) or off, not {value!r}")
    return value


MIN_KEY_LENGTH = 16


def _keys(values: list[str], origin: str) -> tuple[str, ...]:
    short = [index for index, key in enumerate(values, 1) if len(key) < MIN_KEY_LENGTH]
    if short:  # named by position: a key never appears in a message
        raise ValueError(f"key(s) {', '.join(map(str, short))} of {origin} shorter than {MIN_KEY_LENGTH} characters")
    return tuple(values)


def _api_keys(value: str) -> tuple[str, ...]:
    return _keys([key.strip() for key in value.split(",") if key.strip()], "the list")


def _api_keys_file(value: str) -> tuple[str, ...]:
    """One key a line; blank lines and `#` comments ignored. Read once, at start-up."""
    try:
        text = Path(value.strip()).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read {value.strip()!r}: {getattr(error, 'strerror', None) or error}") from None
    lines = [line.strip() for line in text.splitlines()]
    return _keys([line for line in lines if line and not line.startswith("#")], "the file")


# Environment variable -> (Flask config key, parser, default). The README lists the same table.
SETTINGS: dict[str, tuple[str, Callable[[str], Any], Any]] = {
    # Decision trees directory; unset: the `decision_trees/` shipped with the code.
    "HDS_RULES_DIR": ("RULES_DIR", _text, None),
    # Largest request body accepted, in bytes; Flask answers 413 beyond it.
    "HDS_MAX_BODY_BYTES": ("MAX_CONTENT_LENGTH", _positive_int, 1024 * 1024),
    # Origins allowed to call the API from a browser (comma-separated); none by default.
    "HDS_CORS_ORIGINS": ("CORS_ORIGINS", _origins, []),
    # POST /v1/assessments/batch: most items per request, and largest body in bytes (replaces HDS_MAX_BODY_BYTES
    # there); beyond either, 413.
    "HDS_BATCH_MAX_ITEMS": ("BATCH_MAX_ITEMS", _positive_int, 10_000),
    "HDS_BATCH_MAX_BODY_BYTES": ("BATCH_MAX_BODY_BYTES", _positive_int, 16 * 1024 * 1024),
    # Deepest JSON nesting accepted in a request body (`{"answers": {...}}` is 2); beyond it, 400.
    "HDS_MAX_JSON_DEPTH": ("MAX_JSON_DEPTH", _json_depth, 32),
    # Batch CSV (HTTP and command line): longest line and longest cell, in characters; beyond either, that row's
    # error (a header beyond the line limit: the batch's).
    "HDS_CSV_MAX_ROW_CHARS": ("CSV_MAX_ROW_CHARS", _positive_int, 64 * 1024),
    "HDS_CSV_MAX_CELL_CHARS": ("CSV_MAX_CELL_CHARS", _positive_int, 4096),
    # API keys (`hds_api.api_keys`): comma-separated, and/or a file of one key a line; none: the API is open.
    "HDS_API_KEYS": ("API_KEYS", _api_keys, ()),
    "HDS_API_KEYS_FILE": ("API_KEYS_FILE", _api_keys_file, ()),
    # JSON access log, one line a request (`hds_api.request_log`): `-` for stdout, `off` for none.
    "HDS_ACCESS_LOG": ("ACCESS_LOG", _access_log, "-"),
    # Language when neither `lang` nor Accept-Language names a supported one.
    "HDS_DEFAULT_LANG": ("DEFAULT_LANG", _language, "fr"),
}


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot run with."""


def setting(variable: str, environ: Mapping[str, str] | None = None) -> Any:
    """One setting's value (for the command line, which has no Flask config)."""
    key = SETTINGS[variable][0]
    subset = {variable: (os.environ if environ is None else environ).get(variable, "")}
    return _read(subset, {variable: SETTINGS[variable]})[key]


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The Flask config values named by `SETTINGS`, read from `environ` (default: `os.environ`)."""
    return _read(os.environ if environ is None else environ, SETTINGS)


def _read(environ: Mapping[str, str], settings: dict[str, tuple[str, Callable[[str], Any], Any]]) -> dict[str, Any]:
    config = {}
    for variable, (key, parse, default) in settings.items():
        raw = environ.get(variable)
        if raw is None or raw.strip() == "":
            config[key] = default
            continue
        try:
            config[key] = parse(raw)
        except ValueError as error:
            raise SettingsError(f"{variable}: {error}") from None
    return config
