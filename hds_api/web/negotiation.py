"""What a request asks for, read from its raw parts (no framework): its media type, the `lang` of its query string,
and the language of an answer that names none.

An answer whose language came from `Accept-Language` or the default says `Vary: Accept-Language` (it would differ
with another header); one whose language the request named does not. The header is parsed only when present.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from ..i18n import LANGUAGES, negotiate

VARY_ON_LANGUAGE = (("Vary", "Accept-Language"),)
NO_HEADERS: tuple[tuple[str, str], ...] = ()


def mimetype(content_type: str | None) -> str:
    """`application/json` of `Application/JSON; charset=utf-8`; empty when there is none."""
    return (content_type or "").partition(";")[0].strip().lower()


def query_lang(query: str) -> str | None:
    """The query string's first `lang`, as sent (even unsupported), or None."""
    if "lang" not in query:  # the usual case: no parsing at all
        return None
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == "lang":
            return value
    return None


def answer_language(
    asked: str | None, accept_language: str | None, default: str
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The language of an answer when the body names none: the query's `lang` if served, else negotiated; and the
    headers that say what it depended on."""
    if asked in LANGUAGES:
        return asked, NO_HEADERS
    return negotiate(None, accept_language, default), VARY_ON_LANGUAGE


def environ_language(environ: dict, default: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """`answer_language` of a WSGI request (for the answers middleware gives before any view)."""
    return answer_language(query_lang(environ.get("QUERY_STRING", "")), environ.get("HTTP_ACCEPT_LANGUAGE"), default)
