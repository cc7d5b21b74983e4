"""Which language to answer in: `lang` when given, else the best of Accept-Language, else the default."""

from __future__ import annotations

from typing import Any

from flask import current_app, request

from ..exceptions import InvalidRequest
from ..i18n import LANGUAGES
from ..i18n import VALIDATION as MESSAGES

ACCEPT_LANGUAGE = {
    "in": "header",
    "name": "Accept-Language",
    "required": False,
    "schema": {"type": "string"},
    "description": "Used when `lang` is not given (e.g. `en-GB,en;q=0.9`): the best of `fr` and `en`, else French.",
}


LANG_QUERY = {
    "in": "query",
    "name": "lang",
    "required": False,
    "schema": {"type": "string", "enum": list(LANGUAGES)},
    "description": "Language of labels and messages, when the body names none.",
}


def checked_query_language() -> str | None:
    """The query string's `lang`, if any; an unsupported one is a 422 naming the languages."""
    if not request.query_string:  # the usual case; parsing an empty query string still costs a few µs
        return None
    lang = request.args.get("lang")
    if lang is not None and lang not in LANGUAGES:
        message_lang = negotiated_language()
        entry = {"message": MESSAGES[message_lang]["bad_language"], "allowed": list(LANGUAGES)}
        raise InvalidRequest({"lang": entry}, message_lang)
    return lang


def response_language(explicit: Any = None) -> Any:
    """The language of this request's answer: `explicit` (the body's `lang`), else the query's `lang`, else
    the best of Accept-Language, else the configured default.

    A `lang` given is returned as it is, even unsupported, so that validation names it.
    """
    if explicit is not None:
        return explicit
    if "lang" in request.args:
        return request.args["lang"]
    return request.accept_languages.best_match(LANGUAGES) or current_app.config["DEFAULT_LANG"]


def negotiated_language() -> str:
    """A supported language from the query, Accept-Language or the configured default; never fails."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES) or current_app.config["DEFAULT_LANG"]
