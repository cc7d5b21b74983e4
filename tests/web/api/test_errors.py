"""Every error response has the one JSON shape, with no internal detail."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import default_exceptions

from hds_api import create_app

from ...support import assert_error_shape

SECRET = "internal detail: /srv/secret/path line 42"


@pytest.fixture(scope="module")
def error_app():
    app = create_app({"TESTING": False})

    @app.get("/raise/<int:code>")
    def raise_http(code):
        raise default_exceptions[code]()

    @app.get("/crash")
    def crash():
        raise RuntimeError(SECRET)

    return app


@pytest.mark.parametrize("code", sorted(default_exceptions))
def test_every_http_error_werkzeug_knows_has_the_shape(error_app, code):
    response = error_app.test_client().get(f"/raise/{code}")
    body = assert_error_shape(response, code)
    assert "<" not in body["message"]  # never an HTML page, nor a fragment of one


def test_uncaught_exception_is_a_bare_500_and_is_logged(error_app, caplog):
    response = error_app.test_client().get("/crash")
    body = assert_error_shape(response, 500)
    assert SECRET not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    assert body["errors"] == {}
    assert any(SECRET in (record.exc_text or str(record.exc_info)) for record in caplog.records)


def test_405_keeps_the_allow_header(client):
    response = client.delete("/v1/questionnaire")
    assert_error_shape(response, 405)
    assert "GET" in response.headers["Allow"]


def test_404_unknown_path(client):
    assert_error_shape(client.get("/v1/nothing-here"), 404)


def test_400_malformed_json_in_the_negotiated_language(client):
    response = client.post("/v1/assessments", data=b'{"answers": {', content_type="application/json")
    body = assert_error_shape(response, 400)
    assert body["errors"]["body"]["message"] == body["message"] == "Corps JSON invalide."
    english = client.post("/v1/assessments?lang=en", data=b'{"answers": {', content_type="application/json")
    assert assert_error_shape(english, 400)["message"] == "Invalid JSON body."
    assert "Vary" not in english.headers  # the query named the language
    assert response.headers["Vary"] == "Accept-Language"


def test_400_body_not_utf8(client):
    response = client.post("/v1/assessments", data=b'{"answers": "\xff"}', content_type="application/json")
    assert_error_shape(response, 400)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_415_body_not_sent_as_json(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/assessments", data=b'{"answers": {}}', headers=headers)
    body = assert_error_shape(response, 415)
    assert body["errors"]["Content-Type"]["allowed"] == ["application/json"]


def test_413_over_the_configured_body_limit():
    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 64})
    body = b'{"answers": {}, "as_of": "2026-11-25", "lang": "fr", "padding": "' + b"x" * 100 + b'"}'
    response = app.test_client().post("/v1/assessments", data=body, content_type="application/json")
    assert_error_shape(response, 413)
    small = app.test_client().post("/v1/assessments", json={"answers": {}})
    assert small.status_code == 200


def test_422_message_follows_accept_language(client):
    response = client.post("/v1/assessments", json={"answers": {"nope": True}}, headers={"Accept-Language": "en"})
    body = assert_error_shape(response, 422)
    assert body["message"] == "The request has 1 invalid field(s)."
    response = client.post("/v1/assessments", json={"answers": {"nope": True}})
    assert assert_error_shape(response, 422)["message"] == "La requête contient 1 champ(s) invalide(s)."
