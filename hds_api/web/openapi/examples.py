"""The examples of the OpenAPI document: real scenarios, and what the loaded rules answer to them.

Request examples are shared reference scenarios (`examples.yaml`, a test keeps the copy current); every response
example is computed from the loaded rules as the service computes it (a test compares each with a real answer),
and errors are shown as the service writes them.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ...batch import BatchOptions, assess_items
from ...batch.formats import XLSX, make_writer
from ...batch.formats.csv_format import read_csv, text_lines
from ...batch.formats.json_format import read_json_items
from ...batch.formats.table import input_columns
from ...batch.impact import ImpactJob, ImpactShape, impact_options
from ...batch.pipeline import run
from ...exceptions import InvalidRequest, error_body
from ...i18n import DEFAULT_LANGUAGE, HTTP, message
from ...rules import Rules
from ...rules.render.mermaid import flowchart
from .batch_schemas import CSV, JSON, NDJSON

EXAMPLES_FILE = Path(__file__).with_name("examples.yaml")
LANG = "en"  # the document is in English; so are the examples' labels and messages
QUESTIONNAIRE_DATE = date(2026, 11, 25)
TEXT = "text/plain"


def load_examples() -> list[dict[str, Any]]:
    """Scenarios copied from the shared reference scenarios (a test keeps the copy current)."""
    return yaml.safe_load(EXAMPLES_FILE.read_text(encoding="utf-8"))["examples"]


def example_ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/examples/{name}"}


def example_refs(kind: str) -> dict[str, dict[str, str]]:
    """References to the `kind` (`request` or `result`) example components, by scenario id."""
    return {ex["id"]: example_ref(f"{kind}-{ex['id']}") for ex in load_examples()}


def example_request(example: dict[str, Any]) -> dict[str, Any]:
    return {key: example[key] for key in ("answers", "as_of", "lang", "current_certification") if key in example}


def _http(key: str, **details: Any) -> str:
    return message(HTTP, LANG, key, **details)


TOO_LARGE = _http("too_large", limit=1048576, setting="HDS_MAX_BODY_BYTES")
# Errors as the service writes them, by status (English messages; French is the default language).
ERRORS = {
    400: (_http("invalid_json"), {"body": {"message": _http("invalid_json")}}),
    401: (_http("key_required"), {"Authorization": {"message": _http("no_key")}}),
    404: (_http("unknown_tree", tree_id="hds"), {"tree_id": {"message": _http("unknown_tree_field"), "allowed": []}}),
    413: (TOO_LARGE, {"body": {"message": TOO_LARGE, "limit": 1048576}}),
    415: (
        _http("media_type", allowed=JSON),
        {"Content-Type": {"message": _http("media_type_given", given="text/plain"), "allowed": [JSON]}},
    ),
    500: (_http("internal"), {}),
    503: (_http("not_ready"), {}),
}


def error_example(status: int, rules: Rules) -> dict[str, Any]:
    text, errors = ERRORS.get(status, (None, {}))
    if status == 404:
        errors = {"tree_id": {**errors["tree_id"], "allowed": sorted(rules.trees)}}
    return error_body(status, text, errors)


def assessment_error(rules: Rules) -> dict[str, Any]:
    """The engine's 422 for bad answers: each offending field, with the allowed ids or values."""
    try:
        rules.evaluate({"personal_data": "yes", "hosting": True}, "2017-01-01", None, LANG)
    except InvalidRequest as invalid:
        return invalid.body()
    raise AssertionError("these answers are invalid")  # pragma: no cover


def batch_items() -> list[dict[str, Any]]:
    items = [{"id": example["id"], **example_request(example)} for example in load_examples()]
    for item in items:
        item.pop("lang", None)
    return [*items, {"id": "unsure", "answers": {"personal_data": "maybe"}}]


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(number) for number in value)
    return "" if value is None else str(value)


def batch_csv(rules: Rules) -> str:
    """The JSON batch example's items as CSV (`,`-separated: lists inside cells use `;`)."""
    columns = input_columns(rules.catalogue)
    lines = [",".join(columns)]
    for item in batch_items():
        certificate = item.get("current_certification") or {}
        cells = {"id": item["id"], "as_of": item.get("as_of"), **item["answers"]}
        cells.update({f"current_{key}": value for key, value in certificate.items()})
        lines.append(",".join(_csv_cell(cells.get(column)) for column in columns))
    return "\r\n".join(lines) + "\r\n"


def example_components(rules: Rules) -> dict[str, dict[str, Any]]:
    """Every example component of the document, by name."""
    components: dict[str, dict[str, Any]] = {}
    for example in load_examples():
        request = example_request(example)
        summary = example["title"]
        components[f"request-{example['id']}"] = {"summary": summary, "value": request}
        result = rules.evaluate(
            request["answers"],
            request["as_of"],
            request.get("current_certification"),
            request.get("lang", DEFAULT_LANGUAGE),
        )
        components[f"result-{example['id']}"] = {"summary": summary, "value": result}
    components["error-422"] = {"summary": "Bad answers", "value": assessment_error(rules)}
    for status in ERRORS:
        components[f"error-{status}"] = {"value": error_example(status, rules)}

    identity = rules.identities[rules.default_tree]
    components["ready"] = {"value": {"status": "ready", "rules": identity}}
    components["questionnaire"] = {
        "summary": f"The questions at {QUESTIONNAIRE_DATE} (`?lang=en&as_of={QUESTIONNAIRE_DATE}`)",
        "value": {
            "questions": rules.questionnaire(LANG, QUESTIONNAIRE_DATE),
            "lang": LANG,
            "as_of": QUESTIONNAIRE_DATE.isoformat(),
            "rules": identity,
            "sources": rules.sources[LANG],
        },
    }
    components["decision-trees"] = {"summary": "`?lang=en`", "value": {"trees": rules.tree_list(LANG), "lang": LANG}}
    tree = rules.tree
    source = {key: value for key, value in tree.source.items() if key != "kind"}
    components["decision-tree"] = {"value": {**source, "rules": identity}}
    components["decision-tree-diagram"] = {"summary": "`?lang=en`", "value": flowchart(rules, tree.id, LANG)}

    items = batch_items()
    components["batch-request"] = {
        "summary": "Scenarios, and an item with a bad answer (it gets its own error)",
        "value": {"as_of": "2026-11-25", "lang": LANG, "items": items},
    }
    components["batch-result"] = {"value": assess_items(rules, items, as_of="2026-11-25", lang=LANG)}
    csv_text = batch_csv(rules)
    components["batch-csv-request"] = {"summary": "`?lang=en&as_of=2026-11-25`", "value": csv_text}
    # As the service answers it: the query names a language, so the table has its readable columns too.
    source = read_csv(text_lines(csv_text), rules.catalogue, LANG)
    options = BatchOptions.check(rules, "2026-11-25", LANG, readable=True)
    out = io.BytesIO()
    run(rules, source, make_writer("csv", out, source, options), options, ids_once=True)
    components["batch-csv-result"] = {"value": out.getvalue().decode()}
    # The JSON request's items answered as JSON lines (`Accept: application/x-ndjson`), one entry per line.
    source = read_json_items(items, LANG)
    options = BatchOptions.check(rules, "2026-11-25", LANG)
    out = io.BytesIO()
    run(rules, source, make_writer("jsonl", out, source, options), options, ids_once=True)
    components["batch-jsonl-result"] = {"summary": "`Accept: application/x-ndjson`", "value": out.getvalue().decode()}
    components.update(impact_examples(rules, items))
    return components


def impact_examples(rules: Rules, items: list[Any]) -> dict[str, dict[str, Any]]:
    """The batch's items from before the end of v1 certificates to after the EEA storage rule: the request, and
    the report as JSON, CSV and JSON lines, written by the same job and writers as the service's."""
    request = {"from": "2026-05-01", "to": "2026-11-25", "lang": LANG, "items": items}
    examples: dict[str, dict[str, Any]] = {"impact-request": {"summary": "Across two legal dates", "value": request}}
    report = impact_options(rules, request["from"], request["to"], LANG, False, readable=True)
    for output_format in ("json", "csv", "jsonl"):
        source = read_json_items(items, LANG)
        out = io.BytesIO()
        run(
            rules,
            source,
            make_writer(output_format, out, source, ImpactShape(report)),
            ImpactJob(report),
            ids_once=True,
        )
        text = out.getvalue().decode()
        examples[f"impact-{output_format}-result"] = {"value": json.loads(text) if output_format == "json" else text}
    return examples


# Which examples each operation's request and responses show: (operationId, "request" or status, media type).
# Error statuses not listed show `error-<status>`. (`assess` names its own, by scenario id: `example_refs`.)
SHOWN = {
    ("getReadiness", "200", JSON): ["ready"],
    ("getQuestionnaire", "200", JSON): ["questionnaire"],
    ("listDecisionTrees", "200", JSON): ["decision-trees"],
    ("getDecisionTree", "200", JSON): ["decision-tree"],
    ("getDecisionTreeDiagram", "200", TEXT): ["decision-tree-diagram"],
    ("assessBatch", "request", JSON): ["batch-request"],
    ("assessBatch", "request", CSV): ["batch-csv-request"],
    ("assessBatch", "200", JSON): ["batch-result"],
    ("assessBatch", "200", CSV): ["batch-csv-result"],
    ("assessBatch", "200", NDJSON): ["batch-jsonl-result"],
    ("assessImpact", "request", JSON): ["impact-request"],
    ("assessImpact", "request", CSV): ["batch-csv-request"],
    ("assessImpact", "200", JSON): ["impact-json-result"],
    ("assessImpact", "200", CSV): ["impact-csv-result"],
    ("assessImpact", "200", NDJSON): ["impact-jsonl-result"],
    ("assessBatch", "request", XLSX): ["batch-xlsx-request"],
    ("assessBatch", "200", XLSX): ["batch-xlsx-result"],
    ("assessImpact", "request", XLSX): ["batch-xlsx-request"],
    ("assessImpact", "200", XLSX): ["impact-xlsx-result"],
}
