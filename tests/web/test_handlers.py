"""The assessment handler on its own — bytes and strings in, an answer out, no framework — and the language it
answers in: negotiated only when the request asks for it."""

from __future__ import annotations

import json

import pytest

from hds_api import i18n
from hds_api.web.handlers import Assess

from ..answers import MANAGED_SERVICES_REQUIRED

BODY = json.dumps({"answers": MANAGED_SERVICES_REQUIRED, "as_of": "2026-11-25"}).encode()
JSON = "application/json"


@pytest.fixture(scope="module")
def assess(rules) -> Assess:
    return Assess(rules, "fr", 32)


def test_an_answer_is_a_status_line_headers_and_bytes(assess, rules):
    answer = assess(BODY, JSON, "", None)
    assert answer.status == "200 OK"
    assert answer.headers == [("Content-Type", JSON), ("Content-Length", str(len(answer.body))), VARY]
    result = json.loads(answer.body)
    assert result == json.loads(json.dumps(rules.evaluate(MANAGED_SERVICES_REQUIRED, "2026-11-25", None, "fr")))
    assert answer.lang == "fr"


VARY = ("Vary", "Accept-Language")


@pytest.mark.parametrize(
    ("body", "query", "accept_language", "lang", "varies"),
    [
        ({"lang": "en"}, "", "fr", "en", False),  # the body names it
        ({}, "lang=en", "fr", "en", False),  # the query does
        ({"lang": "en"}, "lang=fr", None, "en", False),  # the body wins
        ({}, "", "en-GB,en;q=0.9,fr;q=0.5", "en", True),  # negotiated
        ({}, "", "de", "fr", True),  # nothing served: the default
        ({}, "", None, "fr", True),  # nothing asked: the default, which a header would have changed
        ({}, "as_of=x&lang=en&lang=fr", None, "en", False),  # the first `lang`
    ],
)
def test_the_language_and_what_the_answer_varies_on(assess, body, query, accept_language, lang, varies):
    request = json.dumps({"answers": {}, **body}).encode()
    answer = assess(request, JSON, query, accept_language)
    assert answer.status == "200 OK" and json.loads(answer.body)["lang"] == lang == answer.lang
    assert (VARY in answer.headers) is varies


def test_accept_language_is_parsed_only_when_the_request_names_no_language(assess, monkeypatch):
    def forbidden(value):
        raise AssertionError(f"Accept-Language parsed: {value}")

    monkeypatch.setattr(i18n, "preferred_language", forbidden)
    for body, query in (({"lang": "en"}, ""), ({}, "lang=en")):
        answer = assess(json.dumps({"answers": {}, **body}).encode(), JSON, query, "fr, en;q=0.5")
        assert answer.status == "200 OK"
    with pytest.raises(AssertionError, match="Accept-Language parsed"):
        assess(b'{"answers": {}}', JSON, "", "en")


def test_the_default_language_is_the_handlers(rules):
    answer = Assess(rules, "en", 32)(b'{"answers": {}}', JSON, "", None)
    assert json.loads(answer.body)["lang"] == "en" and VARY in answer.headers


def test_a_body_lang_not_served_is_named_in_the_language_negotiated_instead(assess):
    answer = assess(b'{"answers": {}, "lang": "de"}', JSON, "", "en")
    error = json.loads(answer.body)
    assert answer.status == "422 Unprocessable Entity" and answer.lang == "en" and VARY in answer.headers
    assert error["message"] == "The request has 1 invalid field(s)."
    assert error["errors"]["lang"] == {"message": "Unsupported language.", "allowed": ["fr", "en"]}


def test_a_query_lang_not_served_is_a_422_alone(assess):
    answer = assess(b'{"answers": {"personal_data": "maybe"}, "lang": "en"}', JSON, "lang=xx", None)
    error = json.loads(answer.body)
    assert answer.status == "422 Unprocessable Entity" and list(error["errors"]) == ["lang"]
    assert error["message"] == "La requête contient 1 champ(s) invalide(s)."  # the default: nothing else is served


@pytest.mark.parametrize(
    ("body", "content_type", "status", "field"),
    [
        (b'{"answers": {}}', "text/plain", "415 Unsupported Media Type", "Content-Type"),
        (b'{"answers": {}}', None, "415 Unsupported Media Type", "Content-Type"),
        (b"{", JSON, "400 Bad Request", "body"),
        (
            b'{"answers": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}',
            JSON,
            "400 Bad Request",
            "body",
        ),
        (b"[]", JSON, "422 Unprocessable Entity", "body"),
        (b'{"answer": {}}', JSON, "422 Unprocessable Entity", "answer"),
    ],
)
def test_refusals_name_what_is_wrong(assess, body, content_type, status, field):
    answer = assess(body, content_type, "", "en")
    error = json.loads(answer.body)
    assert answer.status == status and error["code"] == int(status[:3]) and field in error["errors"]
    assert answer.headers[:2] == [("Content-Type", JSON), ("Content-Length", str(len(answer.body)))]


def test_an_envelope_and_its_answers_are_checked_at_once(assess):
    answer = assess(b'{"answer": {}, "as_of": "2026-13-01"}', JSON, "lang=en", None)
    errors = json.loads(answer.body)["errors"]
    assert errors["answer"] == {"message": "Unknown field.", "allowed": ["answers", "as_of", "current_certification",
                                                                         "lang"]}  # fmt: skip
    assert errors["answers"] == {"message": "Required field."}
    assert errors["as_of"]["message"] == "Must be a date YYYY-MM-DD."
