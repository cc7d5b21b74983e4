"""The hot route and the Flask view answer `POST /v1/assessments` byte for byte alike — status line, every header
in order, body — for every shared scenario in both languages (named in the body, the query or Accept-Language)
and for bodies of every kind of wrong. Both apps run the same middleware stack, the X-Request-ID is fixed so that
its echo matches, and a Flask hook proves which route answered."""

from __future__ import annotations

import json

import pytest
from flask import Flask

from hds_api import create_app
from hds_api.i18n import LANGUAGES

from ..scenario_files import as_of_text, shared_scenarios
from ..support import assert_error_shape

URL = "/v1/assessments"
REQUEST_ID = "differential-test-0001"
SMALL_LIMITS = {"MAX_JSON_DEPTH": 8, "MAX_CONTENT_LENGTH": 4096}


def counting_flask(hot_route: bool) -> Flask:
    """An app with small limits (to reach them cheaply), counting the requests Flask itself dispatched."""
    app = create_app({"TESTING": True, "HOT_ROUTE": hot_route, **SMALL_LIMITS})
    app.config["DISPATCHED"] = 0

    @app.before_request
    def count() -> None:
        app.config["DISPATCHED"] += 1

    return app


@pytest.fixture(scope="module")
def routes() -> dict[str, Flask]:
    return {"hot": counting_flask(True), "flask": counting_flask(False)}


def exchange(app: Flask, data: bytes, content_type: str | None, query: str = "", headers: dict | None = None):
    all_headers = {"X-Request-ID": REQUEST_ID, **(headers or {})}
    if content_type is not None:
        all_headers["Content-Type"] = content_type
    response = app.test_client().post(URL + query, data=data, headers=all_headers)
    return response.status, list(response.headers.items()), response.get_data()


def assert_same_answer(routes, data: bytes, content_type: str | None = "application/json", **kwargs) -> tuple:
    before = {name: app.config["DISPATCHED"] for name, app in routes.items()}
    hot = exchange(routes["hot"], data, content_type, **kwargs)
    flask = exchange(routes["flask"], data, content_type, **kwargs)
    assert hot == flask
    if hot[0].startswith("413"):  # refused by the body limit, in front of both
        assert [app.config["DISPATCHED"] for app in routes.values()] == list(before.values())
        return hot
    assert routes["flask"].config["DISPATCHED"] == before["flask"] + 1  # Flask answered one...
    json_body = (content_type or "").split(";")[0].strip().lower() == "application/json"
    assert routes["hot"].config["DISPATCHED"] == before["hot"] + (0 if json_body else 1)  # ...the hot route the other
    return hot


def scenario_body(scenario: dict) -> dict:
    body = {"answers": scenario["answers"], "as_of": as_of_text(scenario["as_of"])}
    if "current_certification" in scenario:
        body["current_certification"] = scenario["current_certification"]
    return body


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scenario", shared_scenarios(), ids=lambda scenario: scenario["id"])
def test_every_shared_scenario_is_answered_alike(routes, scenario, lang):
    body = scenario_body(scenario)
    named = assert_same_answer(routes, json.dumps({**body, "lang": lang}).encode())
    assert named[0] == "200 OK" and json.loads(named[2])["lang"] == lang
    assert_same_answer(routes, json.dumps(body).encode(), query=f"?lang={lang}")
    negotiated = assert_same_answer(routes, json.dumps(body).encode(), headers={"Accept-Language": f"{lang};q=0.8"})
    assert ("Vary", "Accept-Language") in negotiated[1] and json.loads(negotiated[2])["lang"] == lang


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


INVALID = {  # body, content type, query string, expected status
    "malformed JSON": (b'{"answers": {"personal_data": tru', "application/json", "", 400),
    "not UTF-8": (b'{"answers": {"personal_data": "\xff"}}', "application/json", "", 400),
    "empty body": (b"", "application/json", "", 400),
    "a list, not an object": (b"[1, 2]", "application/json", "", 422),
    "answers not an object": (b'{"answers": ["personal_data"]}', "application/json", "", 422),
    "answers missing": (b'{"as_of": "2026-11-25"}', "application/json", "", 422),
    "unknown question id": (b'{"answers": {"hosting": true}}', "application/json", "", 422),
    "bad value": (b'{"answers": {"personal_data": "yes", "storage_medium": "cloud"}}', "application/json", "", 422),
    "too deep": (json.dumps({"answers": {"personal_data": nested(9)}}).encode(), "application/json", "", 400),
    "too large": (b'{"answers": {}, "pad": "' + b"x" * 5000 + b'"}', "application/json", "", 413),
    "wrong content type": (b'{"answers": {}}', "text/plain", "", 415),
    "no content type": (b'{"answers": {}}', None, "", 415),
    "unknown field": (b'{"answers": {}, "answer": {}}', "application/json", "", 422),
    "bad as_of": (b'{"answers": {}, "as_of": "2017-02-30"}', "application/json", "", 422),
    "as_of before the regime": (b'{"answers": {}, "as_of": "2017-01-01"}', "application/json", "", 422),
    "bad lang in the body": (b'{"answers": {}, "lang": "de"}', "application/json", "", 422),
    "bad lang in the query": (b'{"answers": {}}', "application/json", "?lang=de", 422),
    "bad certification": (
        b'{"answers": {}, "current_certification": {"activities": [9]}}',
        "application/json",
        "",
        422,
    ),
    "JSON with parameters": (b'{"answers": {}}', "Application/JSON; charset=utf-8", "", 200),
}


@pytest.mark.parametrize("accept_language", ["fr", "en"])
@pytest.mark.parametrize(("data", "content_type", "query", "code"), INVALID.values(), ids=INVALID.keys())
def test_every_kind_of_bad_request_is_answered_alike(routes, data, content_type, query, code, accept_language):
    status, headers, body = assert_same_answer(
        routes, data, content_type, query=query, headers={"Accept-Language": accept_language}
    )
    assert int(status[:3]) == code, body
    if code >= 400:
        error = json.loads(body)
        assert error["code"] == code and error["message"]
        assert ("Vary", "Accept-Language") in headers  # the language of the message came from the header


def test_both_routes_share_the_middleware(routes):
    """What the middleware adds (request id, security headers) is on both: the hot route is no way around it."""
    for app in routes.values():
        response = app.test_client().post(URL, data=b"{", content_type="application/json")
        assert_error_shape(response, 400)
        assert response.headers["X-Request-ID"] and response.headers["Referrer-Policy"] == "no-referrer"
