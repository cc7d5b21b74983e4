"""The work of the endpoints, framework-free (as OpenFisca's web API keeps its handlers): the raw body, query string
and headers in, an `Answer` (status, headers, encoded body) out. The Flask view calls them, and so does the WSGI
hot route (`hds_api.web.hot_route`): either way the answer is the same, byte for byte.
"""

from __future__ import annotations

from ..exceptions import InvalidRequest, UnsupportedMediaType
from ..i18n import HTTP, LANGUAGES, VALIDATION, message
from ..rules import Rules
from .answers import JSON, Answer, error_answer, json_answer
from .json_body import UnreadableBody, parse_json
from .negotiation import NO_HEADERS, answer_language, mimetype, query_lang


def unsupported_media_type(content_type: str | None, allowed: tuple[str, ...], lang: str) -> UnsupportedMediaType:
    """415, naming the types a body may be sent as."""
    names = ", ".join(allowed)
    return UnsupportedMediaType(
        message(HTTP, lang, "media_type", allowed=names),
        {
            "Content-Type": {
                "message": message(HTTP, lang, "media_type_given", given=mimetype(content_type) or "(none)"),
                "allowed": list(allowed),
            }
        },
    )


class Assess:
    """`POST /v1/assessments`: 415 unless the body is sent as JSON, 400 unless it parses (within the nesting
    limit), 422 naming every bad field (an unsupported query `lang` first), else the result.

    The language is the body's `lang`, else the query's, else `Accept-Language` (parsed only when sent), else the
    default; messages about a `lang` that is not served, or about a body that could not be read, are in the
    language the rest of the request negotiates.
    """

    def __init__(self, rules: Rules, default_lang: str, max_json_depth: int):
        self.rules = rules
        self.default_lang = default_lang
        self.max_json_depth = max_json_depth

    def __call__(self, body: bytes, content_type: str | None, query: str, accept_language: str | None) -> Answer:
        asked = query_lang(query) if query else None
        if mimetype(content_type) != JSON:
            lang, vary = answer_language(asked, accept_language, self.default_lang)
            return error_answer(unsupported_media_type(content_type, (JSON,), lang), vary, lang)
        try:
            request = parse_json(body, self.max_json_depth)
        except UnreadableBody as unreadable:
            lang, vary = answer_language(asked, accept_language, self.default_lang)
            return error_answer(unreadable.error(lang), vary, lang)
        if asked is not None and asked not in LANGUAGES:
            return self._unsupported_query_language(accept_language)
        vary = NO_HEADERS
        if type(request) is dict and "lang" in request:
            lang = request["lang"]
        elif asked is not None:
            lang = asked
        else:
            lang, vary = answer_language(None, accept_language, self.default_lang)
        message_lang = None
        if lang not in LANGUAGES:  # the body's own `lang`: its error is in the language negotiated instead
            message_lang, vary = answer_language(asked, accept_language, self.default_lang)
        try:
            result = self.rules.assess(request, lang, message_lang)
        except InvalidRequest as invalid:
            return error_answer(invalid, vary, invalid.lang)
        return json_answer(200, result, vary, lang)

    def _unsupported_query_language(self, accept_language: str | None) -> Answer:
        lang, vary = answer_language(None, accept_language, self.default_lang)
        entry = {"message": message(VALIDATION, lang, "bad_language"), "allowed": list(LANGUAGES)}
        return error_answer(InvalidRequest({"lang": entry}, lang), vary, lang)
