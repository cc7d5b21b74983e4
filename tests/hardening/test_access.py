"""API keys (optional, constant-time, 401 in the error shape), the open paths, and CORS for configured origins only."""

from __future__ import annotations

import hmac
import logging

import pytest

from hds_api.settings import SettingsError, from_environment
from hds_api.web.middleware import api_keys

from ..support import assert_error_shape

KEY, OTHER_KEY = "k3y-0123456789abcdef", "another-key-fedcba9876543210"
URL = "/v1/assessments"
ORIGIN = "https://intake.example.org"


@pytest.fixture(scope="module")
def keyed(make_client):
    return make_client(API_KEYS=(KEY, OTHER_KEY), CORS_ORIGINS=[ORIGIN])


def test_no_key_configured_means_an_open_api(client):
    assert client.post(URL, json={"answers": {}}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-key-0123456789"}, {"X-API-Key": "wrong"}, {"Authorization": f"Basic {KEY}"},
     {"Authorization": "Bearer"}, {"Authorization": f"Bearer {KEY}x"}, {"X-API-Key": KEY[:-1]}],
)  # fmt: skip
def test_without_a_good_key_a_401_in_the_error_shape(keyed, headers):
    response = keyed.post(URL, json={"answers": {}}, headers=headers)
    error = assert_error_shape(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Authorization" in error["errors"]
    assert KEY not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": f"Bearer {KEY}"}, {"Authorization": f"bearer  {OTHER_KEY} "}, {"X-API-Key": KEY}],
)
def test_a_configured_key_in_either_header_is_let_in(keyed, headers):
    response = keyed.post(URL, json={"answers": {"personal_data": False}}, headers=headers)
    assert response.status_code == 200 and response.get_json()["exemptions"][0]["code"] == "not_personal_data"


@pytest.mark.parametrize(
    "path",
    ["/health", "/ready", "/form", "/form?lang=en", "/form/static/form.css", "/favicon.ico", "/docs",
     "/docs/assets/swagger-ui.css", "/openapi.json"],
)  # fmt: skip
def test_probes_form_and_docs_stay_open(keyed, path):
    with keyed.get(path) as response:  # static files: closed with the response
        assert response.status_code == 200


@pytest.mark.parametrize("path", ["/v1/questionnaire", "/v1/decision-trees", "/v1/assessments/batch", "/nope"])
def test_everything_else_needs_a_key(keyed, path):
    assert_error_shape(keyed.get(path), 401)


def test_a_preflight_needs_no_key_and_the_real_request_does(keyed):
    preflight = keyed.options(
        URL,
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "Content-Type, Authorization"},
    )  # fmt: skip
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    refused = keyed.post(URL, json={"answers": {}}, headers={"Origin": ORIGIN})
    assert refused.status_code == 401
    assert refused.headers["Access-Control-Allow-Origin"] == ORIGIN  # so the page can read why


def test_cors_preflight_from_another_origin_gets_no_grant(keyed):
    preflight = keyed.options(URL, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_every_key_is_compared_in_constant_time(keyed, monkeypatch):
    calls = []
    compare = hmac.compare_digest

    def spy(a, b):
        calls.append((len(a), len(b)))
        return compare(a, b)

    monkeypatch.setattr(api_keys.hmac, "compare_digest", spy)
    keyed.post(URL, json={"answers": {}}, headers={"X-API-Key": KEY})
    # Digests of equal length, and every key compared even though the first one matched.
    assert calls == [(32, 32), (32, 32)]


def test_keys_from_a_file_and_the_list_together(tmp_path, make_client):
    keys_file = tmp_path / "keys"
    keys_file.write_text(f"# rotated 2026-11\n\n{OTHER_KEY}\n", encoding="utf-8")
    config = from_environment({"HDS_API_KEYS": KEY, "HDS_API_KEYS_FILE": str(keys_file)})
    client = make_client(API_KEYS=config["API_KEYS"], API_KEYS_FILE=config["API_KEYS_FILE"])
    for key in (KEY, OTHER_KEY):
        assert client.get("/v1/questionnaire", headers={"X-API-Key": key}).status_code == 200
    assert client.get("/v1/questionnaire", headers={"X-API-Key": "# rotated 2026-11"}).status_code == 401


@pytest.mark.parametrize(
    ("variable", "value"), [("HDS_API_KEYS", "short"), ("HDS_API_KEYS", f"{KEY},tiny"), ("HDS_API_KEYS_FILE", "/nope")]
)
def test_weak_keys_or_an_unreadable_file_stop_start_up_without_showing_a_key(variable, value):
    with pytest.raises(SettingsError, match=variable) as raised:
        from_environment({variable: value})
    assert "tiny" not in str(raised.value) and "short" not in str(raised.value).replace("shorter", "")


def test_the_log_names_a_key_by_fingerprint_never_by_value(keyed, caplog):
    with caplog.at_level(logging.INFO, logger="hds_api.access"):
        keyed.post(URL, json={"answers": {}}, headers={"Authorization": f"Bearer {KEY}"})
    (line,) = [record.getMessage() for record in caplog.records if record.name == "hds_api.access"]
    assert KEY not in line and api_keys.fingerprint(KEY) in line
