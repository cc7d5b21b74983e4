"""Which language to answer in: `lang` when given, else the best of Accept-Language, else the default."""

from __future__ import annotations

from typing import Any

from flask import current_app, request

from .config import LANGUAGES


def response_language(explicit: Any = None) -> Any:
    """The language of this request's answer.

    An explicit `lang` (query or body) is returned as given, even unsupported, so that validation names it.
    """
    if explicit is not None:
        return explicit
    return negotiated_language()


def negotiated_language() -> str:
    """A supported language from the query, Accept-Language or the configured default; never fails."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES) or current_app.config["DEFAULT_LANG"]
