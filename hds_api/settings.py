"""Settings from the environment, with safe defaults; `create_app(config)` can override any of them.

Every `HDS_*` value is checked at start-up and every bad one is named in one message: a service that starts is a
service that answers. `SETTINGS` are the app's; `SERVER_SETTINGS` gunicorn's (read by `gunicorn.conf.py`).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from . import setting_values as values
from .i18n import DEFAULT_LANGUAGE
from .setting_values import MAX_PARSER_DEPTH

__all__ = ["MAX_PARSER_DEPTH", "SettingsError", "from_environment", "parse_value", "server_settings", "setting"]


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot run with."""


class Setting(NamedTuple):
    key: str  # where the value goes: a Flask config key, or a gunicorn setting's name
    parse: Callable[[str], Any]
    default: Any
    empty_is_unset: bool = True  # False: an empty value is parsed (and refused) like any other


# Environment variable -> Setting. The README lists the same table.
SETTINGS: dict[str, Setting] = {
    # Decision trees directory; unset: the `decision_trees/` shipped with the code.
    "HDS_RULES_DIR": Setting("RULES_DIR", values.text, None),
    # Largest request body accepted, in bytes; Flask answers 413 beyond it.
    "HDS_MAX_BODY_BYTES": Setting("MAX_CONTENT_LENGTH", values.BODY_BYTES, 1024 * 1024),
    # Exact origins allowed to call the API from a browser (`hds_api.web.middleware.cors`); none by default.
    "HDS_CORS_ORIGINS": Setting("CORS_ORIGINS", values.origins, []),
    # POST /v1/assessments/batch: most items per request, and largest body in bytes (replaces HDS_MAX_BODY_BYTES
    # there); beyond either, 413.
    "HDS_BATCH_MAX_ITEMS": Setting("BATCH_MAX_ITEMS", values.COUNT, 10_000),
    "HDS_BATCH_MAX_BODY_BYTES": Setting("BATCH_MAX_BODY_BYTES", values.BODY_BYTES, 16 * 1024 * 1024),
    # Deepest JSON nesting accepted in a request body (`{"answers": {...}}` is 2); beyond it, 400.
    "HDS_MAX_JSON_DEPTH": Setting("MAX_JSON_DEPTH", values.JSON_DEPTH, 32),
    # Batch CSV (HTTP and command line): longest line and longest cell, in characters; beyond either, that row's
    # error (a header beyond the line limit: the batch's).
    "HDS_CSV_MAX_ROW_CHARS": Setting("CSV_MAX_ROW_CHARS", values.CSV_CHARS, 64 * 1024),
    "HDS_CSV_MAX_CELL_CHARS": Setting("CSV_MAX_CELL_CHARS", values.CSV_CHARS, 4096),
    # API keys (`web.middleware.api_keys`): comma-separated, and/or a file of one key a line; unset: the API is open.
    # Set but empty, or holding no key, is refused: the API never runs open by mistake.
    "HDS_API_KEYS": Setting("API_KEYS", values.api_keys, (), empty_is_unset=False),
    "HDS_API_KEYS_FILE": Setting("API_KEYS_FILE", values.api_keys_file, (), empty_is_unset=False),
    # JSON access log, one line a request (`web.middleware.access_log`): `-` for stdout, `off` for none, or a file.
    "HDS_ACCESS_LOG": Setting("ACCESS_LOG", values.access_log, "-"),
    # The embeddable form (`hds_api.web.form`): exact origins its finished result is posted to (none by default),
    # and who may frame it (CSP frame-ancestors; unset: the form's own origin and those allowed origins).
    "HDS_FORM_ALLOWED_ORIGINS": Setting("FORM_ALLOWED_ORIGINS", values.origins, []),
    "HDS_FORM_FRAME_ANCESTORS": Setting("FORM_FRAME_ANCESTORS", values.frame_sources, ()),
    # Language when neither `lang` nor Accept-Language names a supported one.
    "HDS_DEFAULT_LANG": Setting("DEFAULT_LANG", values.language, DEFAULT_LANGUAGE),
}

# gunicorn's (gunicorn.conf.py explains each choice).
SERVER_SETTINGS: dict[str, Setting] = {
    "HDS_BIND": Setting("bind", values.bind, "127.0.0.1:8000"),
    "HDS_WORKERS": Setting("workers", values.COUNT, max(2, os.cpu_count() or 1)),
    "HDS_TIMEOUT": Setting("timeout", values.whole(1, why=" (seconds)"), 30),
    "HDS_GRACEFUL_TIMEOUT": Setting("graceful_timeout", values.whole(0, why=" (seconds)"), 25),
    "HDS_MAX_REQUESTS": Setting("max_requests", values.whole(0, why=" (0: never recycle)"), 10_000),
    "HDS_MAX_REQUESTS_JITTER": Setting("max_requests_jitter", values.whole(0), 1_000),
}

KNOWN_NAMES = (*SETTINGS, *SERVER_SETTINGS)


def setting(variable: str, environ: Mapping[str, str] | None = None) -> Any:
    """One setting's value (for the command line, which has no Flask config)."""
    value = (os.environ if environ is None else environ).get(variable)
    subset = {} if value is None else {variable: value}
    return _read(subset, {variable: SETTINGS[variable]})[SETTINGS[variable].key]


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The Flask config values named by `SETTINGS`, read from `environ` (default: `os.environ`)."""
    return _read(os.environ if environ is None else environ, SETTINGS)


def server_settings(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """gunicorn's settings named by `SERVER_SETTINGS`, read from `environ` (default: `os.environ`)."""
    return _read(os.environ if environ is None else environ, SERVER_SETTINGS)


def parse_value(variable: str, value: Any) -> Any:
    """`value` parsed as the setting `variable` is, for a config value that a `create_app` override may have
    left raw; else `SettingsError` naming the variable."""
    try:
        return SETTINGS[variable].parse(value)
    except ValueError as error:
        raise SettingsError(f"{variable}: {error}") from None


def _read(environ: Mapping[str, str], settings: dict[str, Setting]) -> dict[str, Any]:
    """Every setting parsed; else `SettingsError` naming every bad one (and every misspelt `HDS_` name) at once."""
    config, problems = {}, _misspelt(environ)
    for variable, (key, parse, default, empty_is_unset) in settings.items():
        raw = environ.get(variable)
        if raw is None or (empty_is_unset and raw.strip() == ""):
            config[key] = default
            continue
        try:
            config[key] = parse(raw)
        except ValueError as error:
            problems.append(f"{variable}: {error}")
    if problems:
        raise SettingsError("; ".join(problems))
    return config


def _misspelt(environ: Mapping[str, str]) -> list[str]:
    """`HDS_API_KEY` for `HDS_API_KEYS` would run the API open without a word: a name close to a setting's but
    not one is refused. Other `HDS_` names (another tool's) are left alone."""
    problems = []
    for name in sorted(name for name in environ if name.startswith("HDS_") and name not in KNOWN_NAMES):
        close = difflib.get_close_matches(name, KNOWN_NAMES, n=1, cutoff=0.85)
        if close:
            problems.append(f"{name}: not a setting; did you mean {close[0]}?")
    return problems
