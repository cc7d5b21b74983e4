"""GET /v1/questionnaire: the questions in flow order, and the JSON Schema of the answers."""

from __future__ import annotations

import jsonschema
import pytest

from ...answers import MANAGED_SERVICES_REQUIRED


def test_questions_in_flow_order_with_choices_help_and_references(client, rules):
    body = client.get("/v1/questionnaire?lang=en").get_json()
    ids = [question["id"] for question in body["questions"]]
    assert ids == rules.catalogue.question_order
    assert ids[:3] == ["personal_data", "health_data", "data_originator"]
    originator = body["questions"][2]
    assert originator["type"] == "choice"
    assert {"value": "patient", "label": "The patient"} in originator["choices"]
    assert all(question["help"] and question["references"] for question in body["questions"])
    assert body["lang"] == "en"
    assert body["rules"] == rules.identities["hds_scope"]


@pytest.mark.parametrize(
    ("query", "headers", "label"),
    [
        ("", {}, "S'agit-il de données de santé ?"),
        ("?lang=en", {}, "Are they health data?"),
        ("", {"Accept-Language": "en-US"}, "Are they health data?"),
        ("?lang=fr", {"Accept-Language": "en-US"}, "S'agit-il de données de santé ?"),
    ],
)
def test_language(client, query, headers, label):
    body = client.get(f"/v1/questionnaire{query}", headers=headers).get_json()
    assert body["questions"][1]["label"] == label


def test_references_follow_as_of(client):
    before = client.get("/v1/questionnaire?lang=en&as_of=2024-01-01").get_json()
    after = client.get("/v1/questionnaire?lang=en&as_of=2026-11-25").get_json()
    assert before["as_of"] == "2024-01-01"
    location = {q["id"]: q for q in after["questions"]}["storage_location"]["references"]
    location_before = {q["id"]: q for q in before["questions"]}["storage_location"]["references"]
    assert location != location_before


def test_bad_query_values_are_named(client):
    response = client.get("/v1/questionnaire?lang=de&format=xml")
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert errors["lang"]["allowed"] == ["fr", "en"]
    assert errors["format"]["allowed"] == ["questions", "jsonschema", "surveyjs"]


def json_schema_properties(schema):
    """Every question of the schema: the first at the top, the others under the condition that they are asked."""
    found = dict(schema["properties"])
    for block in schema["allOf"]:
        found.update(block["then"]["properties"])
    return found


def test_json_schema_of_the_answers_validates_real_answers(client, rules):
    schema = client.get("/v1/questionnaire?format=jsonschema&lang=en&as_of=2026-11-25").get_json()
    jsonschema.Draft7Validator.check_schema(schema)
    assert list(json_schema_properties(schema)) == rules.catalogue.question_order
    medium = json_schema_properties(schema)["storage_medium"]
    assert medium["title"] == "On what medium are the data hosted?"
    assert medium["type"] == ["string", "null"]
    assert [option["enum"] for option in medium["oneOf"]] == [["digital"], ["paper"], ["electronic_archiving"], [None]]
    question = {q["id"]: q for q in client.get("/v1/questionnaire?lang=en").get_json()["questions"]}["storage_medium"]
    assert [option["title"] for option in medium["oneOf"][:-1]] == [choice["label"] for choice in question["choices"]]
    validator = jsonschema.Draft7Validator(schema)
    assert validator.is_valid(MANAGED_SERVICES_REQUIRED)
    assert validator.is_valid({"personal_data": True, "storage_medium": "paper"})
    assert validator.is_valid({"personal_data": None, "data_originator": None})
    assert not validator.is_valid({"personal_data": "yes"})
    assert not validator.is_valid({**MANAGED_SERVICES_REQUIRED, "storage_medium": "cloud"})
    assert not validator.is_valid({"storage_medium": "cloud"})  # off the path too, as the API
    assert not validator.is_valid({"unknown_question": True})


def test_json_schema_pre_fills_nothing(client):
    """No `default` and no `const`, which form libraries take as a value to fill in."""
    text = client.get("/v1/questionnaire?format=jsonschema").get_data(as_text=True)
    assert '"default"' not in text and '"const"' not in text


def test_json_schema_titles_are_localised(client):
    schema = client.get("/v1/questionnaire?format=jsonschema", headers={"Accept-Language": "fr"}).get_json()
    assert json_schema_properties(schema)["health_data"]["title"] == "S'agit-il de données de santé ?"


def test_surveyjs_definition_in_the_requested_language(client):
    survey = client.get("/v1/questionnaire?format=surveyjs&lang=en").get_json()
    assert survey["locale"] == "en"
    health = survey["elements"][1]
    assert health["title"] == {"fr": "S'agit-il de données de santé ?", "en": "Are they health data?"}
    assert health["visibleIf"] == "{personal_data} = true"


@pytest.mark.parametrize("format_", ["questions", "jsonschema", "surveyjs"])
def test_each_format_is_documented_and_matches_its_response_schema(client, format_):
    spec = client.get("/openapi.json").get_json()
    operation = spec["paths"]["/v1/questionnaire"]["get"]
    parameter = next(parameter for parameter in operation["parameters"] if parameter["name"] == "format")
    assert parameter["schema"]["enum"] == ["questions", "jsonschema", "surveyjs"]
    assert f"`{format_}`" in parameter["description"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    body = client.get(f"/v1/questionnaire?format={format_}").get_json()
    jsonschema.validate(body, {**schema, "components": spec["components"]})  # `oneOf`: exactly one matches


@pytest.mark.parametrize(("lang", "cite"), [("fr", "RGPD art. 26 (responsables conjoints du traitement)"),
                                            ("en", "GDPR art. 26 (joint controllers)")])  # fmt: skip
def test_sources_say_where_each_reference_can_be_read(client, rules, lang, cite):
    body = client.get(f"/v1/questionnaire?lang={lang}&as_of=2026-11-25").get_json()
    sources = body["sources"]
    assert sources == rules.sources[lang]
    assert sources[cite] == "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
    cited = {reference for question in body["questions"] for reference in question["references"]}
    assert cited <= sources.keys()
    assert all(url.startswith("https://") for url in sources.values())
