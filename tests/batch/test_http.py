"""POST /v1/assessments/batch: JSON and CSV in and out, bad items isolated, limits, and the spec it answers to."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource

from hds_api import create_app
from hds_api.batch.formats.table_output import OUTPUT_COLUMNS
from hds_api.cli.main import main
from hds_api.settings import from_environment

from ..conftest import ROOT
from ..support import assert_error_shape as assert_error
from .conftest import AS_OF, REQUIRED, SELF_HOSTING

URL = "/v1/assessments/batch"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def spec(app):
    return app.test_client().get("/openapi.json").get_json()


def validator_for(spec, schema):
    registry = Registry().with_resource("urn:spec", Resource.opaque(spec))
    return OAS30Validator({**schema, "components": spec["components"]}, registry=registry)


def assert_matches_spec(spec, body):
    schema = spec["paths"][URL]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    errors = list(validator_for(spec, schema).iter_errors(body))
    assert errors == []


def csv_rows(text: str) -> list[dict]:
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_json_batch_in_order_with_summary(client, spec):
    items = [
        {"id": "a", "answers": REQUIRED},
        {"id": "b", "answers": {**REQUIRED, "storage_location": "France"}},
        {"id": "c", "answers": SELF_HOSTING, "as_of": "2024-01-01"},
        {"id": "a", "answers": {"personal_data": True}},
    ]
    response = client.post(URL, json={"items": items, "as_of": AS_OF, "lang": "en"})
    assert response.status_code == 200
    body = response.get_json()
    assert [entry["id"] for entry in body["results"]] == ["a", "b", "c", "a"]
    assert body["results"][0]["certificates"] == ["managed_services_host"]
    assert body["results"][1]["error"]["errors"]["answers.storage_location"]["allowed"] == [
        "eea_only", "outside_eea", "unknown",
    ]  # fmt: skip
    assert body["results"][2]["as_of"] == "2024-01-01"
    summary = body["summary"]
    assert (summary["required"], summary["not_required"], summary["incomplete"], summary["errors"]) == (1, 1, 1, 1)
    assert summary["by_exemption"] == {"self_hosting": 1} and summary["duplicate_ids"] == ["a"]
    assert_matches_spec(spec, body)


def test_full_detail_matches_single_assessments(client, spec):
    items = [{"id": 1, "answers": REQUIRED}, {"id": 2, "answers": "oops"}]
    body = client.post(URL, json={"items": items, "as_of": AS_OF, "detail": "full", "lang": "en"}).get_json()
    single = client.post("/v1/assessments", json={"answers": REQUIRED, "as_of": AS_OF, "lang": "en"}).get_json()
    assert body["results"][0] == {"id": 1, **single}
    assert list(body["results"][1]["error"]["errors"]) == ["answers"]
    assert_matches_spec(spec, body)


def test_csv_in_json_out(client, spec):
    text = "\ufeffid;personal_data;health_data;data_originator\ns1;OUI;non;\ns2;oui;oui;clinique\n"
    response = client.post(f"{URL}?as_of={AS_OF}&lang=en", data=text.encode(), content_type=CSV)
    body = response.get_json()
    assert body["results"][0]["exemptions"] == ["not_health_data"]
    assert body["results"][1]["error"]["errors"]["answers.data_originator"]["value"] == "clinique"
    assert body["summary"]["lang"] == "en"
    assert_matches_spec(spec, body)


def test_csv_in_csv_out_keeps_the_delimiter_and_neutralises_formulas(client):
    text = 'id;personal_data\n=HYPERLINK("http://evil");non\n+33;peut-être\n'
    response = client.post(URL, data=text.encode(), content_type=CSV, headers={"Accept": CSV})
    assert response.status_code == 200 and response.mimetype == CSV
    rows = csv_rows(response.get_data(as_text=True))
    assert list(rows[0]) == list(OUTPUT_COLUMNS)
    assert rows[0]["id"] == '\'=HYPERLINK("http://evil")' and rows[0]["exemptions"] == "not_personal_data"
    assert rows[1]["id"] == "'+33" and rows[1]["error"].startswith("personal_data: ")
    assert response.headers["X-Batch-Summary"] == (
        "total=2, required=0, not_required=1, incomplete=0, errors=1, duplicate_ids=0"
    )


def test_json_in_csv_out_with_the_gap_columns(client):
    held = {"activities": [4, 5], "referential": "v2", "valid_until": "2027-01-01"}
    items = [{"id": "gap", "answers": REQUIRED, "current_certification": held}]
    response = client.post(URL, json={"items": items, "as_of": AS_OF, "detail": "full"}, headers={"Accept": CSV})
    (row,) = csv_rows(response.get_data(as_text=True))
    assert (row["activities"], row["certification_gap"], row["missing_activities"]) == ("4;5;6", "gap", "6")


def test_json_is_the_default_answer(client):
    response = client.post(URL, json={"items": []}, headers={"Accept": "text/csv;q=0.5, application/json"})
    assert response.mimetype == "application/json" and response.get_json()["results"] == []


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"items"}),
        ({"items": {"id": "a"}}, {"items"}),
        ({"items": [], "verbose": True}, {"verbose"}),
        ({"items": [], "detail": "everything"}, {"detail"}),
        ({"items": [], "lang": "de", "as_of": "2017-12-31"}, {"lang", "as_of"}),
        ([], {"body"}),
    ],
)
def test_an_invalid_batch_is_a_422_naming_the_fields(client, body, fields):
    errors = assert_error(client.post(URL, json=body), 422)["errors"]
    assert set(errors) == fields
    if "detail" in fields:
        assert errors["detail"]["allowed"] == ["summary", "full"]


@pytest.mark.parametrize("query", ["lang=de", "detail=all", "as_of=2017-01-01"])
def test_query_parameters_are_checked_even_when_the_body_overrides_them(client, query):
    body = {"items": [], "lang": "en", "detail": "full", "as_of": AS_OF}
    errors = assert_error(client.post(f"{URL}?{query}", json=body), 422)["errors"]
    assert list(errors) == [query.split("=")[0]]


def test_a_misspelt_csv_column_is_a_422_naming_the_one_it_resembles(client, columns):
    response = client.post(URL, data=b"id,fournisseur,health_dta\n", content_type=CSV)
    errors = assert_error(response, 422)["errors"]
    assert list(errors) == ["health_dta"] and errors["health_dta"]["resembles"] == "health_data"
    assert errors["health_dta"]["message"].startswith("Colonne inconnue proche de « health_data »")
    assert errors["health_dta"]["allowed"][: len(columns)] == columns


def test_a_workbook_sent_as_csv_is_told_so_not_called_undecodable(client, tmp_path):
    assert main(["batch", str(ROOT / "examples" / "fournisseurs.csv"), "-o", str(tmp_path / "f.xlsx"), "-q"]) == 1
    for path in (URL, "/v1/assessments/impact"):
        response = client.post(path, data=(tmp_path / "f.xlsx").read_bytes(), content_type=CSV)
        errors = assert_error(response, 422)["errors"]
        assert (
            errors["body"]["message"]
            == f"Ce corps est un classeur (.xlsx), pas un CSV : envoyez-le avec Content-Type: {XLSX}."
        )


def test_malformed_bodies(client):
    english = {"Accept-Language": "en"}
    assert assert_error(client.post(URL, data=b"{not json", content_type="application/json", headers=english), 400)[
        "errors"
    ] == {"body": {"message": "Invalid JSON body."}}
    assert_error(client.post(URL, data="id\né\n".encode("latin-1"), content_type=CSV), 400)
    assert assert_error(client.post(URL, data=b"id\n", content_type="text/plain"), 415)["errors"]["Content-Type"][
        "allowed"
    ] == ["application/json", CSV, XLSX]


@pytest.fixture(scope="module")
def small_app():
    return create_app({"TESTING": True, "BATCH_MAX_ITEMS": 3, "BATCH_MAX_BODY_BYTES": 2000, "MAX_CONTENT_LENGTH": 500})


def test_too_many_items_is_a_413(small_app):
    client = small_app.test_client()
    items = [{"id": str(n), "answers": {}} for n in range(4)]
    body = assert_error(client.post(URL, json={"items": items}), 413)
    assert body["errors"]["items"]["limit"] == 3
    assert client.post(URL, json={"items": items[:3]}).status_code == 200
    csv_body = "id\n" + "".join(f"{n}\n" for n in range(4))
    assert_error(client.post(URL, data=csv_body.encode(), content_type=CSV), 413)


def test_body_size_has_its_own_bound_for_batches(small_app):
    client = small_app.test_client()
    medium = {"items": [{"id": "x" * 300, "answers": {"personal_data": False}}] * 2}  # over 500, under 2000 bytes
    assert client.post(URL, json=medium).status_code == 200
    assert_error(client.post("/v1/assessments", json={"answers": {}, "as_of": " " * 600}), 413)
    large = {"items": [{"id": "x" * 3000, "answers": {}}]}
    body = assert_error(client.post(URL, json=large, headers={"Accept-Language": "en"}), 413)
    assert body["errors"]["body"]["limit"] == 2000 and body["message"] == "Request body too large: 2000 bytes at most."
    assert_error(client.post(URL, data=b"id\n" + b"x" * 3000, content_type=CSV), 413)
    for path in (URL, "/v1/assessments/impact"):  # the impact report takes a batch's bodies, and its bound
        assert client.post(path, json=medium).status_code == 200
        body = assert_error(client.post(path, json=large, headers={"Accept-Language": "en"}), 413)
        assert body["errors"]["body"]["limit"] == 2000


def test_limits_come_from_the_environment():
    config = from_environment({"HDS_BATCH_MAX_ITEMS": "50", "HDS_BATCH_MAX_BODY_BYTES": "1000000"})
    assert (config["BATCH_MAX_ITEMS"], config["BATCH_MAX_BODY_BYTES"]) == (50, 1_000_000)


def test_spec_documents_json_and_csv(spec):
    operation = spec["paths"][URL]["post"]
    assert set(operation["requestBody"]["content"]) == {"application/json", CSV, XLSX}
    assert set(operation["responses"]["200"]["content"]) == {"application/json", CSV, XLSX, "application/x-ndjson"}
    assert {"400", "413", "415", "422"} <= set(operation["responses"])
    schemas = spec["components"]["schemas"]
    assert schemas["BatchItem"]["properties"]["answers"] == {"$ref": "#/components/schemas/Answers"}
    assert schemas["StorageLocation"]["enum"] == ["eea_only", "outside_eea", "unknown"]


def test_spec_rejects_what_is_not_a_result(spec):
    bad = {"results": [{"id": "a", "status": "complete"}], "summary": {}}
    schema = spec["paths"][URL]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert list(validator_for(spec, schema).iter_errors(json.loads(json.dumps(bad))))
