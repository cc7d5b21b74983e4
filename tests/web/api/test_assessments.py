"""POST /v1/assessments: complete and incomplete results, dates, languages, gap analysis, validation."""

from __future__ import annotations

import pytest

from ...scenario_files import as_of_text, mismatches, own_scenarios, run_scenario, shared_scenarios

SCENARIOS = shared_scenarios()
ALL_SCENARIOS = SCENARIOS + own_scenarios()


def request_of(scenario):
    body = {"answers": scenario["answers"], "as_of": as_of_text(scenario["as_of"])}
    if "current_certification" in scenario:
        body["current_certification"] = scenario["current_certification"]
    return body


@pytest.mark.parametrize("scenario", ALL_SCENARIOS, ids=[s["id"] for s in ALL_SCENARIOS])
def test_every_scenario_over_http(client, rules, scenario):
    body = request_of(scenario) | ({"lang": scenario["lang"]} if "lang" in scenario else {})
    response = client.post("/v1/assessments", json=body)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    result = response.get_json()
    assert mismatches(result, scenario["expect"]) == {}
    assert result == run_scenario(rules, scenario)  # the HTTP layer adds nothing and loses nothing


def test_complete_result_has_the_contract_fields_in_order(client, rules):
    scenario = next(s for s in SCENARIOS if s["id"] == "colocation-for-hospital")
    result = client.post("/v1/assessments", json=request_of(scenario)).get_json()
    assert list(result)[:5] == [
        "status",
        "hds_certification_required",
        "archives_approval_required",
        "activities",
        "certificates",
    ]
    assert result["status"] == "complete"
    assert result["activities"][0]["code"] == "physical_site"
    assert result["next_question"] is None
    assert result["rules"] == rules.identities[rules.default_tree]
    assert result == rules.evaluate(scenario["answers"], "2026-11-25")


def test_incomplete_result_names_the_next_question(client):
    result = client.post("/v1/assessments", json={"answers": {"personal_data": True}, "lang": "en"}).get_json()
    assert result["status"] == "incomplete"
    assert result["hds_certification_required"] is None
    assert result["next_question"]["id"] == "health_data"
    assert result["next_question"]["label"] == "Are they health data?"
    assert result["next_question"]["references"]


def test_empty_answers_start_the_questionnaire(client):
    result = client.post("/v1/assessments", json={"answers": {}}).get_json()
    assert result["next_question"]["id"] == "personal_data"
    assert result["lang"] == "fr"


@pytest.mark.parametrize(
    ("headers", "body_lang", "expected"),
    [
        ({}, None, "fr"),
        ({"Accept-Language": "en-GB,en;q=0.8"}, None, "en"),
        ({"Accept-Language": "de, en;q=0.5"}, None, "en"),
        ({"Accept-Language": "de"}, None, "fr"),
        ({"Accept-Language": "en"}, "fr", "fr"),
    ],
)
def test_language_from_body_then_accept_language_then_french(client, headers, body_lang, expected):
    body = {"answers": {"personal_data": False}}
    if body_lang:
        body["lang"] = body_lang
    result = client.post("/v1/assessments", json=body, headers=headers).get_json()
    assert result["lang"] == expected
    label = {"fr": "Données non personnelles", "en": "Not personal data"}[expected]
    assert result["exemptions"][0]["label"] == label


def test_lang_in_the_query_string_counts_too(client):
    result = client.post("/v1/assessments?lang=en", json={"answers": {"personal_data": False}}).get_json()
    assert result["lang"] == "en"


def test_null_as_of_means_today(client):
    from hds_api.rules import today_in_paris

    result = client.post("/v1/assessments", json={"answers": {}, "as_of": None}).get_json()
    assert result["as_of"] == today_in_paris().isoformat()


def test_bad_answers_name_every_field_and_the_allowed_values(client):
    body = {
        "answers": {"personal_data": "yes", "storage_medium": "cloud", "hosting": True},
        "as_of": "2017-12-31",
        "lang": "en",
        "current_certification": {"activities": [9], "referential": "v3", "valid_until": "2027-01-01"},
    }
    response = client.post("/v1/assessments", json=body)
    assert response.status_code == 422
    error = response.get_json()
    assert error["code"] == 422 and error["status"] == "Unprocessable Entity"
    assert error["message"] == "The request has 6 invalid field(s)."
    errors = error["errors"]
    assert errors["answers.personal_data"]["allowed"] == [True, False]
    assert errors["answers.storage_medium"]["allowed"] == ["digital", "paper", "electronic_archiving"]
    assert "personal_data" in errors["answers.hosting"]["allowed"]
    assert "as_of" in errors
    assert errors["current_certification.activities"]["allowed"] == [1, 2, 3, 4, 5, 6]
    assert errors["current_certification.referential"]["allowed"] == ["v1", "v2"]


def test_unsupported_lang_is_a_422_naming_the_languages(client):
    response = client.post("/v1/assessments", json={"answers": {}, "lang": "de"})
    assert response.status_code == 422
    assert response.get_json()["errors"]["lang"]["allowed"] == ["fr", "en"]


def test_unknown_and_missing_request_fields(client):
    response = client.post("/v1/assessments", json={"answer": {}}, headers={"Accept-Language": "en"})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert errors["answer"]["allowed"] == ["answers", "as_of", "current_certification", "lang"]
    assert errors["answers"]["message"] == "Required field."
    assert response.get_json()["message"] == "The request has 2 invalid field(s)."


@pytest.mark.parametrize("body", [[], "text", 3, {"answers": []}, {"answers": {}, "as_of": 20261125}])
def test_wrong_json_types_are_422(client, body):
    response = client.post("/v1/assessments", json=body)
    assert response.status_code == 422
    assert response.get_json()["errors"]


def test_unsupported_lang_in_the_query_string_is_a_422(client):
    response = client.post("/v1/assessments?lang=de", json={"answers": {}})
    assert response.status_code == 422
    assert response.get_json()["errors"]["lang"]["allowed"] == ["fr", "en"]


def test_body_lang_wins_over_the_query_string(client):
    result = client.post("/v1/assessments?lang=fr", json={"answers": {}, "lang": "en"}).get_json()
    assert result["lang"] == "en"
