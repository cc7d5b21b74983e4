"""Every setting is checked with its name at start-up: API keys fail closed, limits have floors below which no
valid request would pass, misspelt names are caught, and every problem is named in one message."""

from __future__ import annotations

import json

import pytest

from hds_api import create_app
from hds_api.settings import SERVER_SETTINGS, SettingsError, from_environment, server_settings

SHORTEST = {"personal_data": False}  # the contract's first step: a complete assessment on its own
FLOORS = {
    "HDS_MAX_BODY_BYTES": 64,
    "HDS_BATCH_MAX_BODY_BYTES": 64,
    "HDS_BATCH_MAX_ITEMS": 1,
    "HDS_MAX_JSON_DEPTH": 5,
    "HDS_CSV_MAX_ROW_CHARS": 16,
    "HDS_CSV_MAX_CELL_CHARS": 16,
}
KEY = "k3y-0123456789abcdef"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("HDS_API_KEYS", ",,,"), ("HDS_API_KEYS", " , "), ("HDS_API_KEYS", ""), ("HDS_API_KEYS_FILE", "")],
)
def test_api_keys_set_but_holding_no_key_stop_start_up(variable, value):
    with pytest.raises(SettingsError, match=f"^{variable}: .*no (key|file)"):
        from_environment({variable: value})


@pytest.mark.parametrize("content", ["", "\n\n", "# rotated 2026-11\n#   another comment\n\n"])
def test_a_keys_file_holding_no_key_stops_start_up(tmp_path, content):
    keys = tmp_path / "keys"
    keys.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match="^HDS_API_KEYS_FILE: is set but the file holds no key"):
        from_environment({"HDS_API_KEYS_FILE": str(keys)})


def test_an_empty_keys_file_does_not_hide_behind_good_keys_in_the_list(tmp_path):
    keys = tmp_path / "keys"
    keys.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="HDS_API_KEYS_FILE"):
        from_environment({"HDS_API_KEYS": KEY, "HDS_API_KEYS_FILE": str(keys)})


def test_an_app_built_with_keys_from_the_environment_refuses_a_request_without_one(monkeypatch):
    monkeypatch.setenv("HDS_API_KEYS", f" {KEY} ,")
    client = create_app({"TESTING": True, "ACCESS_LOG": "off"}).test_client()
    assert client.get("/v1/questionnaire").status_code == 401
    assert client.get("/v1/questionnaire", headers={"X-API-Key": KEY}).status_code == 200


@pytest.mark.parametrize(("variable", "floor"), FLOORS.items())
def test_a_limit_below_its_floor_stops_start_up_naming_it(variable, floor):
    assert from_environment({variable: str(floor)})  # the floor itself is accepted
    with pytest.raises(SettingsError, match=f"^{variable}: must be a whole number of at least {floor}"):
        from_environment({variable: str(floor - 1)})


def test_at_the_floors_the_shortest_complete_assessment_passes_on_every_endpoint():
    config = from_environment({variable: str(floor) for variable, floor in FLOORS.items()})
    client = create_app({"TESTING": True, "ACCESS_LOG": "off", **config}).test_client()
    assert client.post("/v1/assessments", json={"answers": SHORTEST}).get_json()["status"] == "complete"
    batch = json.dumps({"items": [{"id": "a", "answers": SHORTEST}]}, separators=(",", ":"))
    for body, content_type in ((batch, "application/json"), ("id,personal_data\na,false\n", "text/csv")):
        response = client.post("/v1/assessments/batch", data=body, content_type=content_type)
        assert response.status_code == 200 and response.get_json()["results"][0]["status"] == "complete", body


def test_the_depth_floor_lets_every_shape_of_the_contract_through():
    client = create_app({"TESTING": True, "ACCESS_LOG": "off", "MAX_JSON_DEPTH": FLOORS["HDS_MAX_JSON_DEPTH"]})
    certificate = {"activities": [1], "referential": "v2", "valid_until": "2030-01-01"}
    item = {"id": "a", "answers": SHORTEST, "current_certification": certificate}
    response = client.test_client().post("/v1/assessments/batch", json={"items": [item]})
    assert response.status_code == 200 and response.get_json()["results"][0]["certification_gap"] is not None


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("HDS_WORKERS", "0", "at least 1"),
        ("HDS_WORKERS", "abc", "at least 1"),
        ("HDS_TIMEOUT", "0", "at least 1"),
        ("HDS_TIMEOUT", "abc", "at least 1"),
        ("HDS_GRACEFUL_TIMEOUT", "-1", "at least 0"),
        ("HDS_MAX_REQUESTS", "lots", "at least 0"),
        ("HDS_MAX_REQUESTS_JITTER", "-5", "at least 0"),
        ("HDS_BIND", "nowhere", "HOST:PORT"),
        ("HDS_BIND", "127.0.0.1:99999", "HOST:PORT"),
        ("HDS_BIND", "http://127.0.0.1:8000", "HOST:PORT"),
        ("HDS_BIND", "unix:", "HOST:PORT"),
        ("HDS_BIND", "127.0.0.1:8000,127.0.0.1:8001", "HOST:PORT"),
    ],
)
def test_bad_server_settings_are_named(variable, value, says):
    with pytest.raises(SettingsError, match=f"^{variable}: .*{says}"):
        server_settings({variable: value})


def test_server_settings_defaults_and_values():
    defaults = server_settings({})
    assert defaults["bind"] == "127.0.0.1:8000" and defaults["workers"] >= 2 and defaults["timeout"] == 30
    for address in ("0.0.0.0:80", "[::1]:9000", "unix:/run/hds.sock", "localhost:0"):
        assert server_settings({"HDS_BIND": f" {address} "})["bind"] == address
    assert server_settings({"HDS_MAX_REQUESTS": "0"})["max_requests"] == 0
    assert {setting.key for setting in SERVER_SETTINGS.values()} == set(defaults)


@pytest.mark.parametrize(
    ("misspelt", "meant"),
    [
        ("HDS_API_KEY", "HDS_API_KEYS"),
        ("HDS_APIKEYS_FILE", "HDS_API_KEYS_FILE"),
        ("HDS_CORS_ORIGIN", "HDS_CORS_ORIGINS"),
    ],
)
def test_a_misspelt_setting_is_refused_with_the_name_it_resembles(misspelt, meant):
    for read in (from_environment, server_settings):
        with pytest.raises(SettingsError, match=f"{misspelt}: not a setting; did you mean {meant}\\?"):
            read({misspelt: KEY})


def test_other_tools_hds_variables_are_left_alone():
    assert from_environment({"HDS_CHROMIUM": "/usr/bin/chromium"})["API_KEYS"] == ()


def test_every_bad_setting_is_named_in_one_line():
    with pytest.raises(SettingsError) as raised:
        from_environment({"HDS_MAX_BODY_BYTES": "1", "HDS_DEFAULT_LANG": "de", "HDS_API_KEYS": ",,,"})
    message = str(raised.value)
    assert "\n" not in message
    for variable in ("HDS_MAX_BODY_BYTES", "HDS_DEFAULT_LANG", "HDS_API_KEYS"):
        assert f"{variable}: " in message


@pytest.mark.parametrize("where", ["nonexistent-dir/access.log", "."])
def test_an_access_log_file_that_cannot_be_appended_to_stops_start_up(tmp_path, where):
    target = str(tmp_path / where)
    with pytest.raises(SettingsError, match="^HDS_ACCESS_LOG: .*(No such file|Is a directory)"):
        from_environment({"HDS_ACCESS_LOG": target})


def test_an_access_log_file_is_created_at_start_up(tmp_path):
    target = tmp_path / "access.log"
    assert from_environment({"HDS_ACCESS_LOG": f" {target} "})["ACCESS_LOG"] == str(target) and target.exists()
