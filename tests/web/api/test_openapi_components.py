"""The OpenAPI document as client generators read it: stable operation ids, enums built from the loaded rules,
nullable references they type as `X | None`, the API-key scheme always declared, 401 documented."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
import yaml

from hds_api import create_app
from hds_api.rules import load_rules
from hds_api.rules.compiled import CONFIDENCE_LEVELS
from hds_api.web.openapi.operations import OPERATION_IDS

from ...conftest import ROOT

OPEN_OPERATIONS = {"getHealth", "getReadiness"}


@pytest.fixture(scope="module")
def spec(app) -> dict[str, Any]:
    return app.test_client().get("/openapi.json").get_json()


def operations(spec: dict[str, Any]):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield method, path, operation


def walk(node: Any, where: str = "#"):
    """Every (location, dict) of the document."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{where}/{index}")


def test_every_operation_has_its_stable_operation_id(spec):
    found = {(method, path): operation.get("operationId") for method, path, operation in operations(spec)}
    assert found == OPERATION_IDS
    assert len(set(found.values())) == len(found)


def test_enums_are_the_rules_lists(spec, rules):
    schemas = spec["components"]["schemas"]
    outcomes = rules.raw.data("outcomes")
    expected = {
        "QuestionId": rules.catalogue.question_order,
        "ActivityNumber": [activity["number"] for activity in outcomes["activities"]],
        "ActivityCode": [activity["code"] for activity in outcomes["activities"]],
        "CertificateCode": [certificate["code"] for certificate in outcomes["certificates"]],
        "ExemptionCode": list(outcomes["exemptions"]),
        "ExemptionKind": list(outcomes["exemption_kinds"]),
        "ConclusionCode": ["certification_required", *outcomes["exemptions"]],
        "FlagCode": list(outcomes["flags"]),
        "Confidence": list(outcomes["confidence_levels"]),
        "GapStatus": [rule["status"] for rule in outcomes["certification_gap"]],
        "TreeId": list(rules.trees),
        "DataOriginator": list(rules.catalogue.question_values["data_originator"]),
    }
    assert {name: schemas[name]["enum"] for name in expected} == expected
    assert list(CONFIDENCE_LEVELS) == outcomes["confidence_levels"]
    assert schemas["ActivityNumber"]["x-enum-varnames"] == [code.upper() for code in expected["ActivityCode"]]


def test_fields_holding_public_names_refer_to_their_enum(spec):
    schemas = spec["components"]["schemas"]

    def points_to(schema: dict[str, Any]) -> str:
        return next(found["$ref"].rsplit("/", 1)[1] for _, found in walk(schema) if "$ref" in found)

    result = schemas["AssessmentResult"]["properties"]
    assert points_to(result["confidence"]) == "Confidence"
    assert points_to(result["unused_answers"]) == "QuestionId"
    assert points_to(schemas["Question"]["properties"]["id"]) == "QuestionId"
    assert points_to(schemas["Flag"]["properties"]["code"]) == "FlagCode"
    assert points_to(schemas["Exemption"]["properties"]["kind"]) == "ExemptionKind"
    assert points_to(schemas["Conclusion"]["properties"]["code"]) == "ConclusionCode"
    assert points_to(schemas["Certificate"]["properties"]["required_activities"]) == "ActivityNumber"
    assert points_to(schemas["CertificationGap"]["properties"]["status"]) == "GapStatus"
    assert points_to(schemas["CertificationGap"]["properties"]["compliance_issues"]) == "FlagCode"
    assert points_to(schemas["CurrentCertification"]["properties"]["referential"]) == "Referential"
    summary = schemas["BatchSummaryEntry"]["properties"]
    assert [points_to(summary[name]) for name in ("next_question", "certification_gap", "exemptions", "flags")] == [
        "QuestionId", "GapStatus", "ExemptionCode", "FlagCode"
    ]  # fmt: skip
    tree_id = spec["paths"]["/v1/decision-trees/{tree_id}"]["parameters"][0]
    assert tree_id["name"] == "tree_id" and tree_id["schema"] == {"$ref": "#/components/schemas/TreeId"}


def test_a_code_added_to_the_rules_appears_in_the_spec(tmp_path):
    rules_dir = tmp_path / "decision_trees"
    shutil.copytree(ROOT / "decision_trees", rules_dir)
    outcomes_file = rules_dir / "outcomes.yaml"
    outcomes = yaml.safe_load(outcomes_file.read_text(encoding="utf-8"))
    outcomes["flags"]["new_flag"] = {"label": {"fr": "Nouveau", "en": "New"}, "references": ["csp_r1111_9"]}
    outcomes["exemptions"]["not_personal_data"].setdefault("flags", []).append("new_flag")
    outcomes_file.write_text(yaml.safe_dump(outcomes, allow_unicode=True), encoding="utf-8")
    load_rules(rules_dir)  # still valid rules
    app = create_app({"TESTING": True, "RULES_DIR": rules_dir})
    schemas = app.test_client().get("/openapi.json").get_json()["components"]["schemas"]
    assert "new_flag" in schemas["FlagCode"]["enum"]


def test_nullable_references_are_typed_for_generators(spec):
    """`X | None` for a generator; `null` for a strict OpenAPI 3.0.3 validator: `nullable` beside a `type`, and
    no enum with `null` among its values."""
    schemas = spec["components"]["schemas"]
    null = {"type": "object", "nullable": True, "enum": [None]}
    result = schemas["AssessmentResult"]["properties"]
    for name, component in (("next_question", "Question"), ("conclusion", "Conclusion"),
                            ("certification_gap", "CertificationGap")):  # fmt: skip
        assert result[name] == {"anyOf": [{"$ref": f"#/components/schemas/{component}"}, null]}, name
    assert result["confidence"]["anyOf"][1] == {**null, "type": "string"}
    error_id = schemas["BatchErrorEntry"]["properties"]["id"]
    assert error_id["anyOf"][0] == {"$ref": "#/components/schemas/ItemId"}
    for where, node in walk(spec):
        if "nullable" in node:
            assert "type" in node, where
        if "enum" in node and None in node["enum"]:
            assert node["enum"] == [None], where


def test_api_keys_are_always_declared_optional_without_keys(spec):
    assert set(spec["components"]["securitySchemes"]) == {"bearer", "apiKey"}
    assert spec["security"] == [{}, {"bearer": []}, {"apiKey": []}]


@pytest.mark.parametrize("keys", [(), ("a-key-of-twenty-chars",)])
def test_401_is_documented_on_every_operation_that_keys_protect(keys):
    config = {"TESTING": True, "API_KEYS": keys} if keys else {"TESTING": True}
    spec = create_app(config).test_client().get("/openapi.json").get_json()
    for _, _, operation in operations(spec):
        is_open = operation["operationId"] in OPEN_OPERATIONS
        assert (operation.get("security") == []) is is_open
        assert ("401" in operation["responses"]) is not is_open, operation["operationId"]
        if not is_open:
            assert "WWW-Authenticate" in operation["responses"]["401"]["headers"]
