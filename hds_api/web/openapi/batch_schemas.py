"""marshmallow schemas of `POST /v1/assessments/batch`: the envelope is validated with them, the rest documented.

Items are not validated here: each is checked by the engine on its own, so that a bad item gets its own `error`
and never fails the others.
"""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ...batch import DETAILS
from ...i18n import LANGUAGES
from ...rules.render.openapi_components import ANSWERS
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

JSON, CSV = "application/json", "text/csv"
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


class BatchSummaryEntrySchema(ma.Schema):
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


class BatchFullEntrySchema(AssessmentResultSchema):
    """An item's result with `detail: full`: its id, then the whole result."""

    id = Documented(ITEM_ID, required=True, metadata={"description": "The item's id, echoed."})


class BatchErrorEntrySchema(ma.Schema):
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
    "description": 'The CSV of the contract (README, "Assess your suppliers"): a header, then one row per item. '
    "The header names an `id` column, a column per question id, and optionally `as_of`, `current_activities`, "
    "`current_referential`, `current_valid_until`, in any order, each once (the pattern shows them in one "
    "order); names are matched without case or surrounding spaces. Cells are separated by `,` or `;` (the one "
    "the header uses most) and may be quoted; UTF-8 with or without BOM; rows end with LF or CRLF. Booleans: "
    "`true/false/yes/no/oui/non/1/0`; an empty cell is unanswered. A row that cannot be used (a bad value, a "
    "quote that does not close within `HDS_CSV_MAX_ROW_CHARS`) is that row's error; the others still run. "
    "Batch parameters go in the query string.",
}
CSV_RESULTS = {
    "type": "string",
    "description": "`id` and the result columns `status, hds_certification_required, archives_approval_required, "
    "activities, certificates, certificate_activities, exemptions, flags, confidence, next_question, "
    "certification_gap, missing_activities, error`; lists joined with `;`; cells (and lines inside cells) that "
    "would start a formula prefixed with `'`; rows end with CRLF and a cell holding a line break is quoted. The "
    "`X-Batch-Summary` header carries the counts.",
}

# Documented by hand, not with `@blp.response`: the same status answers JSON or CSV.
OK_RESPONSE = {
    "description": "OK",
    "content": {JSON: {"schema": BatchResponseSchema}, CSV: {"schema": CSV_RESULTS}},
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
    },
}
