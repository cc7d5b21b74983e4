"""nosniff on every response; CORS headers only for configured, exact origins; `Vary` names what an answer
depended on."""

from __future__ import annotations

import pytest

from hds_api import create_app
from hds_api.settings import SettingsError, from_environment
from hds_api.web.form.settings import parse_allowed_origins

ALLOWED = "https://intake.example.org"


@pytest.fixture(scope="module")
def cors_client():
    return create_app({"TESTING": True, "CORS_ORIGINS": [ALLOWED]}).test_client()


@pytest.mark.parametrize("path", ["/health", "/v1/questionnaire", "/openapi.json", "/docs", "/nope"])
def test_nosniff_everywhere(client, path):
    assert client.get(path).headers["X-Content-Type-Options"] == "nosniff"


def test_no_cors_header_by_default(client):
    response = client.get("/v1/questionnaire", headers={"Origin": ALLOWED})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_configured_origin_may_call(cors_client):
    response = cors_client.post("/v1/assessments", json={"answers": {}}, headers={"Origin": ALLOWED})
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED


def test_preflight_for_a_configured_origin(cors_client):
    response = cors_client.options(
        "/v1/assessments",
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()


def test_other_origins_get_no_cors_header(cors_client):
    response = cors_client.post("/v1/assessments", json={"answers": {}}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_request_without_origin_gets_no_cors_grant(cors_client):
    for response in (cors_client.get("/v1/questionnaire"), cors_client.post("/v1/assessments", json={"answers": {}})):
        assert not [name for name in response.headers.keys() if name.lower().startswith("access-control-")]


@pytest.mark.parametrize(
    ("path", "summary"),
    [("/v1/assessments/batch", "X-Batch-Summary"), ("/v1/assessments/impact?from=2026-01-01&to=2026-12-31",
                                                   "X-Impact-Summary")],
)  # fmt: skip
def test_an_allowed_page_can_read_the_request_id_and_the_summary(cors_client, path, summary):
    response = cors_client.post(
        path, data=b"id\n1\n", content_type="text/csv", headers={"Origin": ALLOWED, "Accept": "text/csv"}
    )
    exposed = {name.strip().lower() for name in response.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"x-request-id", summary.lower()} <= exposed
    assert response.headers[summary].startswith("total=1") and response.headers["X-Request-ID"]


def vary(response) -> set[str]:
    return {name.strip().lower() for name in response.headers.get("Vary", "").split(",") if name.strip()}


@pytest.mark.parametrize("origin", [None, ALLOWED, "https://evil.example"])
def test_cors_answers_vary_on_origin_with_or_without_one(cors_client, origin):
    headers = {"Origin": origin} if origin else {}
    assert "origin" in vary(cors_client.get("/v1/questionnaire?lang=en", headers=headers))
    assert "origin" in vary(cors_client.get("/openapi.json", headers=headers))


def test_without_cors_nothing_varies_on_origin(client):
    assert "origin" not in vary(client.get("/v1/questionnaire?lang=en", headers={"Origin": ALLOWED}))


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("get", "/v1/questionnaire", {}),
        ("post", "/v1/assessments", {"json": {"answers": {}}}),
        ("post", "/v1/assessments", {"json": {"answers": {"personal_data": "maybe"}}}),  # a 422, messages localised
        ("get", "/v1/decision-trees/hds_scope/diagram", {}),
    ],
)
def test_answers_in_the_negotiated_language_vary_on_accept_language(client, method, path, kwargs):
    english = getattr(client, method)(path, headers={"Accept-Language": "en"}, **kwargs)
    french = getattr(client, method)(path, headers={"Accept-Language": "fr"}, **kwargs)
    assert english.get_data() != french.get_data()  # it does depend on the header...
    assert "accept-language" in vary(english) and "accept-language" in vary(french)  # ...and says so


def test_an_answer_that_does_not_negotiate_says_nothing_of_it(client):
    assert "accept-language" not in vary(client.get("/v1/questionnaire?lang=en", headers={"Accept-Language": "fr"}))
    assert vary(client.get("/health")) == set()


def test_the_batch_varies_on_accept(client):
    body = {"data": b"id,personal_data\na,false\n", "content_type": "text/csv"}
    as_csv = client.post("/v1/assessments/batch?lang=en", headers={"Accept": "text/csv"}, **body)
    as_json = client.post("/v1/assessments/batch?lang=en", headers={"Accept": "application/json"}, **body)
    assert as_csv.mimetype == "text/csv" and as_json.mimetype == "application/json"
    assert "accept" in vary(as_csv) and "accept" in vary(as_json)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("*", "wildcards are refused"),
        ("https://*.example.org", "wildcards are refused"),
        ("intake.example.org", "is not an origin"),
        ("https://intake.example.org/path", "is not an origin"),
        ("https://intake.example.org:99999", "is not an origin"),
        ("https://ok.example, ftp://files.example", "is not an origin"),
    ],
)
def test_a_cors_origin_must_be_exact(value, says):
    with pytest.raises(SettingsError, match=f"^HDS_CORS_ORIGINS: .*{says}"):
        from_environment({"HDS_CORS_ORIGINS": value})
    with pytest.raises(SettingsError, match=f"^HDS_CORS_ORIGINS: .*{says}"):
        create_app({"TESTING": True, "CORS_ORIGINS": [part.strip() for part in value.split(",")]})


def test_cors_origins_are_spelled_as_browsers_send_them_like_the_forms():
    value = "https://Intake.Example.org/ http://a.example:80, https://b.example:8443 https://intake.example.org:443"
    expected = ["https://intake.example.org", "http://a.example", "https://b.example:8443"]
    assert from_environment({"HDS_CORS_ORIGINS": value})["CORS_ORIGINS"] == expected
    assert list(parse_allowed_origins(value)) == expected  # one parser for both settings
