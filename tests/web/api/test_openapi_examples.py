"""Every request body and response of the OpenAPI document has an example; each fits its schema, and each one
the service can be asked for is what it answers."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from openpyxl import load_workbook

from hds_api import create_app
from hds_api.web.openapi.example_files import URL as EXAMPLE_FILES
from hds_api.web.openapi.examples import CSV, JSON, QUESTIONNAIRE_DATE, TEXT, XLSX

from ...support import assert_error_shape

ENGLISH = {"Accept-Language": "en"}
BAD_ANSWERS = {"personal_data": "yes", "hosting": True}  # those of the 422 example


@pytest.fixture(scope="module")
def spec(app) -> dict[str, Any]:
    return app.test_client().get("/openapi.json").get_json()


def resolved(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, section, name = node["$ref"].split("/")
        node = spec["components"][section][name]
    return node


def documented_media(spec: dict[str, Any]):
    """(where, media type object) of every request body and response content."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            bodies = [("request", operation["requestBody"])] if "requestBody" in operation else []
            for key, body in [*bodies, *operation["responses"].items()]:
                for media_type, media in resolved(spec, body).get("content", {}).items():
                    yield f"{method.upper()} {path} {key} {media_type}", media


def examples_of(spec: dict[str, Any], media: dict[str, Any]) -> dict[str, Any]:
    if "example" in media:
        return {"example": media["example"]}
    return {name: resolved(spec, example)["value"] for name, example in media.get("examples", {}).items()}


def example(spec: dict[str, Any], name: str) -> Any:
    return spec["components"]["examples"][name]["value"]


def test_every_body_and_response_has_examples_that_fit_its_schema(spec):
    seen = 0
    for where, media in documented_media(spec):
        if media["schema"].get("format") == "binary":  # a workbook: its examples are files the service serves
            linked = [resolved(spec, named) for named in media.get("examples", {}).values()]
            assert linked and all(named["externalValue"].startswith(EXAMPLE_FILES) for named in linked), where
            continue
        examples = examples_of(spec, media)
        assert examples, f"{where}: no example"
        validator = OAS30Validator({**media["schema"], "components": spec["components"]})
        for name, value in examples.items():
            problems = [error.message for error in validator.iter_errors(value)]
            assert not problems, (where, name, problems[:3])
            seen += 1
    assert seen > 40


def test_read_only_examples_are_what_the_service_answers(spec, rules, client):
    assert client.get("/ready").get_json() == example(spec, "ready")
    asked = client.get(f"/v1/questionnaire?lang=en&as_of={QUESTIONNAIRE_DATE}")
    assert asked.get_json() == example(spec, "questionnaire")
    assert client.get("/v1/decision-trees?lang=en").get_json() == example(spec, "decision-trees")
    tree = f"/v1/decision-trees/{rules.default_tree}"
    assert client.get(tree).get_json() == example(spec, "decision-tree")
    assert client.get(f"{tree}/diagram?lang=en").get_data(as_text=True) == example(spec, "decision-tree-diagram")


def test_batch_examples_are_what_the_service_answers(spec, client):
    answered = client.post("/v1/assessments/batch", json=example(spec, "batch-request"))
    assert answered.get_json() == example(spec, "batch-result")
    assert answered.get_json()["summary"]["errors"] == 1  # the example shows an item's own error
    answered = client.post(
        "/v1/assessments/batch?lang=en&as_of=2026-11-25",
        data=example(spec, "batch-csv-request").encode(),
        headers={"Content-Type": CSV, "Accept": CSV},
    )
    assert answered.status_code == 200
    assert answered.get_data(as_text=True) == example(spec, "batch-csv-result")


def workbook_rows(data: bytes) -> list[tuple[Any, ...]]:
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def external(spec: dict[str, Any], client, name: str) -> bytes:
    url = spec["components"]["examples"][name]["externalValue"]
    served = client.get(url)
    assert served.status_code == 200 and served.content_type == XLSX, url
    return served.data


@pytest.mark.parametrize(
    ("path", "query", "result"),
    [
        ("batch", "lang=en&as_of=2026-11-25", "batch-xlsx-result"),
        ("impact", "lang=en&from=2026-05-01&to=2026-11-25", "impact-xlsx-result"),
    ],
)
def test_workbook_examples_are_what_the_service_answers(spec, client, path, query, result):
    request = external(spec, client, "batch-xlsx-request")
    rows = workbook_rows(request)
    assert rows[0][0] == "id" and True in rows[1] and len(rows) == 6  # typed cells, as people type them
    answered = client.post(
        f"/v1/assessments/{path}?{query}", data=request, headers={"Content-Type": XLSX, "Accept": XLSX}
    )
    assert answered.status_code == 200
    assert workbook_rows(answered.data) == workbook_rows(external(spec, client, result))


def test_the_example_workbooks_are_as_open_as_the_document():
    keyed = create_app({"TESTING": True, "API_KEYS": ("a-key-of-twenty-chars",)}).test_client()
    spec = keyed.get("/openapi.json").get_json()
    assert workbook_rows(external(spec, keyed, "batch-xlsx-result"))[0][:2] == ("id", "conclusion")
    assert_error_shape(keyed.get(EXAMPLE_FILES + "other.xlsx"), 404)


def test_error_examples_are_what_the_service_answers(spec, client):
    answers = {
        400: client.post("/v1/assessments", data="{", headers={**ENGLISH, "Content-Type": JSON}),
        404: client.get("/v1/decision-trees/hds", headers=ENGLISH),
        413: client.post("/v1/assessments", data=b" " * (1 << 21), headers={**ENGLISH, "Content-Type": JSON}),
        415: client.post("/v1/assessments", data="x", headers={**ENGLISH, "Content-Type": TEXT}),
        422: client.post("/v1/assessments", json={"answers": BAD_ANSWERS, "as_of": "2017-01-01", "lang": "en"}),
    }
    keyed = create_app({"TESTING": True, "API_KEYS": ("a-key-of-twenty-chars",)}).test_client()
    answers[401] = keyed.post("/v1/assessments", json={"answers": {}}, headers=ENGLISH)
    unready = create_app({"TESTING": True, "ACCESS_LOG": "off"}).test_client()
    unready.application.extensions.pop("hds_rules")
    answers[503] = unready.get("/ready", headers=ENGLISH)
    for status, answer in answers.items():
        assert answer.status_code == status
        assert answer.get_json() == example(spec, f"error-{status}"), status
