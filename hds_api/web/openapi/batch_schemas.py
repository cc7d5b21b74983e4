"""marshmallow schemas of `POST /v1/assessments/batch`: the envelope is validated with them, the rest documented.

Items are not validated here: each is checked by the engine on its own, so that a bad item gets its own `error`
and never fails the others.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ...batch import DETAILS
from ...batch.formats import MEDIA_TYPES, XLSX
from ...i18n import LANGUAGES
from ...rules.render.openapi_components import ANSWERS, or_null, ref
from .schemas import (
    COMPONENTS,
    DATE,
    LANGUAGE,
    Alternatives,
    AsOfField,
    AssessmentResultSchema,
    CurrentCertificationSchema,
    Documented,
    ErrorSchema,
    RulesIdentitySchema,
)

JSON, CSV, NDJSON = MEDIA_TYPES["json"], MEDIA_TYPES["csv"], MEDIA_TYPES["jsonl"]
ITEM_ID = "ItemId"
COMPONENTS = {
    **COMPONENTS,
    ITEM_ID: {"oneOf": [{"type": "string", "minLength": 1}, {"type": "integer"}], "description": "The caller's id."},
}
DETAIL = {
    "enum": list(DETAILS),
    "description": "`summary` (default): codes only, no labels or trace. `full`: whole results, as from "
    "`POST /v1/assessments`.",
}
AS_OF = {**DATE, "description": "Legal date of the items that carry none (default: today in Paris, fixed once)."}


class BatchItemSchema(ma.Schema):
    id = Documented(ITEM_ID, required=True)
    answers = Documented(ANSWERS)
    as_of = AsOfField(allow_none=True, metadata={**DATE, "description": "This item's date (default: the batch's)."})
    current_certification = Documented(CurrentCertificationSchema, allow_none=True)


ANY_OTHER_ITEM = {"description": "Anything else is not refused with the batch: it gets its own `error` entry."}


class BatchRequestSchema(ma.Schema):
    items = fields.List(
        Alternatives(BatchItemSchema, ANY_OTHER_ITEM, keyword="anyOf"),
        required=True,
        metadata={"description": "The hosting services to assess; each should be a `BatchItem`."},
    )
    as_of = AsOfField(allow_none=True, metadata=AS_OF)
    lang = Documented(LANGUAGE, metadata={"description": "Language of messages (and labels)."})
    detail = fields.String(metadata=DETAIL)


class UncheckedList(fields.Raw):
    """A JSON array whose elements are left as they are: `fields.List` would spend a tenth of a large batch's
    time on per-element work that the engine does anyway, item by item."""

    default_error_messages = {"invalid": "Not a valid list."}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, list):
            raise self.make_error("invalid")
        return value


class BatchEnvelopeSchema(BatchRequestSchema):
    """What is checked for the batch as a whole; the items are the engine's, one by one."""

    items = UncheckedList(required=True)
    as_of = fields.Raw(allow_none=True)
    lang = fields.Raw()  # checked with the engine's message, which names the allowed languages
    detail = fields.Raw()


class BatchQuerySchema(ma.Schema):
    """For a `text/csv` body, which has no envelope."""

    as_of = AsOfField(metadata=AS_OF)
    lang = fields.String(metadata={"enum": list(LANGUAGES)})
    detail = fields.String(metadata=DETAIL)


# --- (batchx) What an entry repeats of a table input: identifiers and the columns passed through. ------------
IDENTIFIER = {"description": "As typed in the input; checked (length, département, check digit): a bad one is the "
              "row's error, naming the column."}  # fmt: skip


class EchoSchema(ma.Schema):
    """Present only when the input (a CSV or a spreadsheet) has these columns."""

    supplier_siren = fields.String(metadata=IDENTIFIER)
    supplier_siret = fields.String(metadata=IDENTIFIER)
    client_finess = fields.String(metadata=IDENTIFIER)
    passed_through = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        metadata={"description": "The input's columns the batch does not know, header -> cell, unchanged."},
    )


# --- end (batchx) ------------------------------------------------------------------------------------------------


class BatchSummaryEntrySchema(EchoSchema):
    """An item's result with `detail: summary`: the columns of the CSV, as JSON."""

    id = Documented(ITEM_ID, required=True, metadata={"description": "The item's id, echoed."})
    status = fields.String(required=True, validate=validate.OneOf(["complete", "incomplete"]))
    hds_certification_required = fields.Boolean(required=True, allow_none=True)
    archives_approval_required = fields.Boolean(required=True, allow_none=True)
    activities = fields.List(Documented("ActivityNumber"), required=True)
    certificates = fields.List(Documented("CertificateCode"), required=True)
    certificate_activities = fields.Dict(
        keys=fields.String(),
        values=fields.List(Documented("ActivityNumber")),
        required=True,
        metadata={"description": "For each certificate, the activities of this assessment it must cover."},
    )
    exemptions = fields.List(Documented("ExemptionCode"), required=True)
    flags = fields.List(Documented("FlagCode"), required=True)
    confidence = Documented("Confidence", required=True, allow_none=True)
    next_question = Documented("QuestionId", required=True, allow_none=True)
    certification_gap = Documented("GapStatus", required=True, allow_none=True)
    missing_activities = fields.List(Documented("ActivityNumber"), required=True)
    unused_answers = fields.List(Documented("QuestionId"), required=True)
    as_of = fields.Date(required=True)


class BatchFullEntrySchema(AssessmentResultSchema, EchoSchema):
    """An item's result with `detail: full`: its id, then the whole result."""

    id = Documented(ITEM_ID, required=True, metadata={"description": "The item's id, echoed."})


class BatchErrorEntrySchema(EchoSchema):
    """An item that could not be assessed: its id (null if it had none usable) and the error."""

    id = Documented(ITEM_ID, required=True, allow_none=True)
    error = fields.Nested(ErrorSchema, required=True)


class BatchSummarySchema(ma.Schema):
    total = fields.Integer(required=True)
    required = fields.Integer(required=True, metadata={"description": "Complete, certificate required."})
    not_required = fields.Integer(required=True, metadata={"description": "Complete, no certificate required."})
    by_exemption = fields.Dict(
        keys=fields.String(), values=fields.Integer(), required=True,
        metadata={"description": "Items not required, by exemption code."},
    )  # fmt: skip
    incomplete = fields.Integer(required=True)
    errors = fields.Integer(required=True)
    certification_gaps = fields.Dict(
        keys=fields.String(), values=fields.Integer(), required=True,
        metadata={"description": "Items with a `current_certification`, by gap status."},
    )  # fmt: skip
    duplicate_ids = fields.List(
        Documented(ITEM_ID),
        required=True,
        metadata={"description": "Ids given more than once (each item still assessed)."},
    )
    as_of = fields.Date(required=True, metadata={"description": "The batch's date (items may carry their own)."})
    lang = Documented(LANGUAGE, required=True)
    rules = fields.Nested(RulesIdentitySchema, required=True)
    # (batchx) Columns of a table input that the rules do not know, carried through to the output unchanged.
    passed_through = fields.List(
        fields.String(), required=True, metadata={"description": "Input columns carried through unchanged."}
    )


class BatchResponseSchema(ma.Schema):
    results = fields.List(
        Alternatives(BatchSummaryEntrySchema, BatchFullEntrySchema, BatchErrorEntrySchema),
        required=True,
        metadata={"description": "One entry per item, in order."},
    )
    summary = fields.Nested(BatchSummarySchema, required=True)


CSV_BODY_COMPONENT = "BatchCsv"  # registered with its pattern, which names the columns of the loaded rules
CSV_BODY = {
    "type": "string",
    "description": 'The CSV of the contract (README, "Assess your suppliers"): an `id` column, one column per '
    "question id, optional `as_of`, `current_activities`, `current_referential`, `current_valid_until`, "
    "`supplier_siren`, `supplier_siret`, `client_finess` (checked); any other column is carried through "
    "unchanged, unless it looks like a misspelt known one (422 naming it). `,` or `;`; UTF-8 with or without BOM, "
    "or `charset=windows-1252` (an undecodable byte: 400 naming its line). Batch parameters go in the query "
    "string. A quoted cell may span "
    "lines within `HDS_CSV_MAX_ROW_CHARS`; a quote that does not close properly is its row's error, and the "
    "lines it would have taken in are read as rows of their own.",
}
CSV_RESULTS = {
    "type": "string",
    "description": "The input's own columns (`id`, identifiers, columns carried through) in their order, then "
    "`status, hds_certification_required, archives_approval_required, activities, certificates, "
    "certificate_activities, exemptions, flags, confidence, next_question, certification_gap (not_assessed: no "
    "certificate given; not_required: none needed), missing_activities, unused_answers, error`; with a language "
    "asked (`lang`, Accept-Language) also `conclusion` (a sentence, after the input's columns), `flag_labels` and "
    "`references`. Lists joined with `;`; cells (and lines inside cells) that would start a formula prefixed "
    "with `'`; rows end with CRLF and a cell holding a line break is quoted; a BOM when the input had one (or "
    "was Windows-1252). The `X-Batch-Summary` header carries the counts.",
}

# --- (batchx) Spreadsheets and JSON lines, in and out, beside JSON and CSV. -------------------------------------
XLSX_BODY = {
    "type": "string",
    "format": "binary",
    "description": "An .xlsx workbook: its first sheet is read as the CSV would be (first row the header). Columns "
    "the batch does not know are carried through to the answer unchanged; one that looks like a misspelt known "
    "column is refused (422) naming the column it resembles.",
}
XLSX_RESULTS = {
    "type": "string",
    "format": "binary",
    "description": "One sheet with the CSV answer's columns, its header row frozen and filtered.",
}
JSON_LINES_RESULTS = {"type": "string", "description": "One entry (as in `results`) per line."}
# --- end (batchx) ------------------------------------------------------------------------------------------------

# Documented by hand, not with `@blp.response`: the same status answers JSON, CSV, JSON lines or a spreadsheet.
OK_RESPONSE = {
    "description": "OK",
    "content": {
        JSON: {"schema": BatchResponseSchema},
        CSV: {"schema": CSV_RESULTS},
        NDJSON: {"schema": JSON_LINES_RESULTS},
        XLSX: {"schema": XLSX_RESULTS},
    },
    "headers": {
        "X-Batch-Summary": {
            "description": "With a CSV answer: `total=…, required=…, not_required=…, incomplete=…, errors=…, "
            "duplicate_ids=…`.",
            "schema": {"type": "string"},
        }
    },
}
REQUEST_BODY = {
    "required": True,
    "content": {
        JSON: {"schema": BatchRequestSchema},
        CSV: {"schema": {"$ref": f"#/components/schemas/{CSV_BODY_COMPONENT}"}},
        XLSX: {"schema": XLSX_BODY},
    },
}


# --- (batchx) POST /v1/assessments/impact: what changes for each supplier between two dates. -------------------
FROM_DATE = {**DATE, "description": "First date (default: today in Paris)."}
TO_DATE = {**DATE, "description": "Second date (default: the last named legal date ahead of the first)."}
ALL_ROWS = {"description": "List the rows that do not change too (by default they are only counted)."}


def json_boolean(value: Any) -> None:
    if type(value) is not bool:
        raise ma.ValidationError("Not a valid boolean (true or false).")


class ImpactRequestSchema(ma.Schema):
    items = fields.List(
        Alternatives(BatchItemSchema, ANY_OTHER_ITEM, keyword="anyOf"),
        required=True,
        metadata={"description": "The hosting services (suppliers), as in a batch; an item's own `as_of` is not used."},
    )
    from_ = AsOfField(data_key="from", metadata=FROM_DATE)
    to = AsOfField(metadata=TO_DATE)
    lang = fields.String(metadata={"enum": list(LANGUAGES), "description": "Language of labels and messages."})
    # JSON `true`/`false` only: a marshmallow Boolean would take 0, 1 or "yes" as well.
    all = fields.Raw(validate=json_boolean, metadata={"type": "boolean", **ALL_ROWS})


class ImpactEnvelopeSchema(ImpactRequestSchema):
    """What is checked for the report as a whole; dates and language by the engine's checks."""

    items = UncheckedList(required=True)
    lang = fields.Raw()
    all = fields.Raw(validate=json_boolean)


class ImpactQuerySchema(ma.Schema):
    """For a CSV or spreadsheet body, which has no envelope."""

    from_ = AsOfField(data_key="from", metadata=FROM_DATE)
    to = AsOfField(metadata=TO_DATE)
    lang = fields.String(metadata={"enum": list(LANGUAGES)})
    all = fields.Boolean(metadata=ALL_ROWS)


CHANGE = {
    "type": "object",
    "properties": {"from": {"description": "At the first date."}, "to": {"description": "At the second date."}},
    "required": ["from", "to"],
}
IMPACT_ENTRY = {
    "type": "object",
    "description": "A row that changes (or any row, with `all`): what changes, on which dates, and its "
    "conclusions at both dates (codes, as a batch's `summary` detail); or the row's `error`.",
    "properties": {
        "id": or_null(ref(ITEM_ID), "string"),  # null: a row whose id could not be read (its `error` says why)
        "changed": {"type": "boolean"},
        "changes": {
            "type": "object",
            "description": "Fact -> its value at both dates: `status`, `hds_certification_required`, "
            "`archives_approval_required`, `activities`, `certificates` (`code:activities`), `exemptions`, "
            "`flags`, `certification_gap`, `next_question`.",
            "additionalProperties": CHANGE,
        },
        "causes": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "date": {**DATE, "description": "The first day the change applies."},
                    "legal_dates": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "Their names in the summary's `legal_dates`.",
                    },  # fmt: skip
                    "certificate_expiry": {"type": "boolean", "description": "The certificate held ends then."},
                    "changes": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "before": {"type": "object"},
        "after": {"type": "object"},
        "error": {"$ref": "#/components/schemas/Error"},
    },
    "required": ["id"],
}
IMPACT_SUMMARY = {
    "type": "object",
    "properties": {
        "total": {"type": "integer"},
        "changed": {"type": "integer"},
        "unchanged": {"type": "integer"},
        "errors": {"type": "integer"},
        "by_field": {"type": "object", "additionalProperties": {"type": "integer"}},
        "certificate_expiries": {"type": "integer"},
        "duplicate_ids": {"type": "array", "items": {}},
        "passed_through": {"type": "array", "items": {"type": "string"}},
        "from": DATE,
        "to": DATE,
        "legal_dates": {
            "type": "array",
            "description": "The named legal dates (law.yaml) between the two dates, each with the rows it changes.",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "date": DATE,
                    "label": {"type": "string"},
                    "references": {"type": "array", "items": {"type": "string"}},
                    "changed": {"type": "integer"},
                },
            },
        },
        "lang": {"type": "string", "enum": list(LANGUAGES)},
        "rules": {"type": "object"},
    },
    "required": ["total", "changed", "unchanged", "errors", "from", "to", "legal_dates"],
}
IMPACT_OK_RESPONSE = {
    "description": "OK",
    "content": {
        JSON: {
            "schema": {
                "type": "object",
                "properties": {"results": {"type": "array", "items": IMPACT_ENTRY}, "summary": IMPACT_SUMMARY},
                "required": ["results", "summary"],
            }
        },
        CSV: {
            "schema": {
                "type": "string",
                "description": "The input's own columns, then `changed, changes, "
                "legal_dates, why, references`, each fact `_before` and `_after`, `error`.",
            }
        },  # fmt: skip
        NDJSON: {"schema": JSON_LINES_RESULTS},
        XLSX: {"schema": XLSX_RESULTS},
    },
    "headers": {"X-Impact-Summary": {"description": "With a table answer: the counts.", "schema": {"type": "string"}}},
}
IMPACT_REQUEST_BODY = {
    "required": True,
    "content": {JSON: {"schema": ImpactRequestSchema}, CSV: {"schema": CSV_BODY}, XLSX: {"schema": XLSX_BODY}},
}
# --- end (batchx) ------------------------------------------------------------------------------------------------
