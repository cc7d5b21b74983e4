"""Settings from the environment, with safe defaults; `create_app(config)` can override any of them."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

LANGUAGES = ("fr", "en")


def _text(value: str) -> str:
    return value.strip()


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError(f"must be a positive integer, not {value!r}")
    return number


def _origins(value: str) -> list[str]:
    return [origin.strip() for origin in value.split(",") if origin.strip()]


def _language(value: str) -> str:
    value = value.strip()
    if value not in LANGUAGES:
        raise ValueError(f"must be one of {', '.join(LANGUAGES)}, not {value!r}")
    return value


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
    # Language when neither `lang` nor Accept-Language names a supported one.
    "HDS_DEFAULT_LANG": ("DEFAULT_LANG", _language, "fr"),
}


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot run with."""


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The Flask config values named by `SETTINGS`, read from `environ` (default: `os.environ`)."""
    environ = os.environ if environ is None else environ
    config = {}
    for variable, (key, parse, default) in SETTINGS.items():
        raw = environ.get(variable)
        if raw is None or raw.strip() == "":
            config[key] = default
            continue
        try:
            config[key] = parse(raw)
        except ValueError as error:
            raise SettingsError(f"{variable}: {error}") from None
    return config
