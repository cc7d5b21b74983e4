"""GET /openapi.json: a valid OpenAPI 3 document of every endpoint, with real examples; /docs works offline."""

from __future__ import annotations

import re

from openapi_spec_validator import validate

from hds_api.web.openapi.examples import load_examples

from ...scenario_files import shared_scenarios

ENDPOINTS = {
    "/health": {"get"},
    "/ready": {"get"},
    "/v1/questionnaire": {"get"},
    "/v1/assessments": {"post"},
    "/v1/assessments/batch": {"post"},
    "/v1/assessments/impact": {"post"},
    "/v1/decision-trees": {"get"},
    "/v1/decision-trees/{tree_id}": {"get"},
    "/v1/decision-trees/{tree_id}/diagram": {"get"},
}


def test_served_spec_is_valid_openapi_3(client):
    spec = client.get("/openapi.json").get_json()
    validate(spec)
    assert spec["openapi"].startswith("3.")


def test_spec_documents_every_endpoint_and_the_error_shape(client, app):
    spec = client.get("/openapi.json").get_json()
    documented = {path: set(spec["paths"][path]) - {"parameters"} for path in spec["paths"]}
    assert documented == ENDPOINTS
    error = spec["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"code", "status", "message", "errors"}
    for path, methods in ENDPOINTS.items():
        for method in methods:
            assert "default" in spec["paths"][path][method]["responses"], (path, method)
    served = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule) for rule in app.url_map.iter_rules()}
    api_rules = {rule for rule in served if rule.startswith(("/v1", "/health", "/ready"))}
    assert api_rules == set(ENDPOINTS)


def test_one_answers_component_lists_every_question_and_value(client, rules):
    spec = client.get("/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    for request in ("AssessmentRequest", "BatchItem"):
        assert schemas[request]["properties"]["answers"] == {"$ref": "#/components/schemas/Answers"}
    answers = schemas["Answers"]
    assert list(answers["properties"]) == rules.catalogue.question_order
    assert answers["additionalProperties"] is False
    assert answers["properties"]["storage_medium"]["anyOf"][0] == {"$ref": "#/components/schemas/StorageMedium"}
    assert "paper" in schemas["StorageMedium"]["enum"]


def test_examples_are_real_scenarios_with_their_real_results(client, rules):
    spec = client.get("/openapi.json").get_json()
    examples = spec["components"]["examples"]
    shared = {s["id"]: s for s in shared_scenarios()}
    for example in load_examples():
        scenario = shared[example["id"]]
        assert {key: value for key, value in scenario.items() if key != "expect"} == example
        request = examples[f"request-{example['id']}"]["value"]
        result = examples[f"result-{example['id']}"]["value"]
        assert request["answers"] == scenario["answers"]
        assert result == client.post("/v1/assessments", json=request).get_json()
    statuses = {examples[f"result-{ex['id']}"]["value"]["status"] for ex in load_examples()}
    assert statuses == {"complete", "incomplete"}
    assert examples["error-422"]["value"]["code"] == 422


def test_docs_page_loads_its_assets_from_the_service(client):
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/docs/assets/") for url in assets)
    assert "/openapi.json" in html
    for url in assets:
        with client.get(url) as asset:  # a file response: close it
            assert asset.status_code == 200 and len(asset.data) > 1000, url
    assert "http://" not in html and "https://" not in html


def test_only_the_docs_page_assets_are_served(client):
    assert client.get("/docs/assets/index.html").status_code == 404
    assert client.get("/docs/assets/../openapi.json").status_code == 404
    with client.get("/docs/assets/swagger-ui-bundle.js") as asset:
        assert asset.status_code == 200 and asset.mimetype in ("text/javascript", "application/javascript")


def test_questionnaire_sources_are_documented(client):
    spec = client.get("/openapi.json").get_json()
    questionnaire = spec["components"]["schemas"]["Questionnaire"]
    assert "sources" in questionnaire["required"]
    sources = questionnaire["properties"]["sources"]
    assert sources["additionalProperties"] == {"type": "string", "format": "uri", "pattern": "^https://"}
    assert "where each legal reference can be read" in sources["description"].lower()
