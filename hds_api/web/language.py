"""Negotiation for the Flask views: the language of an answer (`hds_api.i18n.negotiate` on the request's own
parts, as the handlers do) and the media types of the batch, each recorded for `Vary` and the access log."""

from __future__ import annotations

from typing import Any

from flask import Request, current_app, request

from ..i18n import LANGUAGES, negotiate
from .answers import LANG_KEY
from .middleware.vary import vary_on
from .negotiation import environ_language, query_lang

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


def response_language(explicit: Any = None) -> Any:
    """The language of this request's answer: `explicit` (a body's `lang`, or the query's once validated), else
    the query's `lang`, else the best of Accept-Language, else the configured default.

    A `lang` given is returned as it is, even unsupported, so that validation names it.
    """
    environ = request.environ
    lang = query_lang(environ.get("QUERY_STRING", "")) if explicit is None else explicit
    if lang is None:
        lang = negotiate(None, environ.get("HTTP_ACCEPT_LANGUAGE"), current_app.config["DEFAULT_LANG"])
        vary_on(environ, "Accept-Language")
    if lang in LANGUAGES:
        environ[LANG_KEY] = lang
    return lang


def message_language() -> str:
    """A served language for a message: the query's `lang` if served, else negotiated; never fails."""
    environ = request.environ
    lang, vary = environ_language(environ, current_app.config["DEFAULT_LANG"])
    if vary:
        vary_on(environ, "Accept-Language")
    environ[LANG_KEY] = lang
    return lang


class NegotiatingRequest(Request):
    """Flask's request (`Flask.request_class`), recording for `Vary` that a view chose by `Accept` (the batch's JSON
    or CSV)."""

    @property
    def accept_mimetypes(self):
        vary_on(self.environ, "Accept")
        return super().accept_mimetypes
