"""marshmallow schemas of the HTTP API: requests are validated with them; responses are documented by them.

The engine returns plain, already-shaped dicts, so responses are sent as they are (see `api/responses.py`); the
response schemas here exist for the OpenAPI spec and are checked against real responses in the tests.
"""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from ...i18n import LANGUAGES
from ...rules.render.openapi_components import ANSWERS

DATE = {"type": "string", "format": "date", "example": "2026-11-25"}
LANGUAGE = "Language"
# Components of their own (the rules define the others): registered by `hds_api.web.openapi.spec.describe`.
COMPONENTS = {
    LANGUAGE: {"type": "string", "enum": list(LANGUAGES), "description": "A language of labels and messages."}
}


class Documented(fields.Raw):
    """A field loaded as it is — the engine checks it and names what is wrong, in the request's language — but
    described in the spec as `target`: a marshmallow schema, or a component the rules define (an enum of question
    ids, outcome codes..., or `Answers`: `hds_api.rules.render.openapi_components`). With `allow_none`, the
    description is "`target` or null" (see `hds_api.web.openapi.spec`)."""

    def __init__(self, target: str | type[ma.Schema], **kwargs):
        super().__init__(**kwargs)
        self.target = target


class Alternatives(fields.Raw):
    """Documentation only: a value of one of `alternatives` (marshmallow schemas or schema dicts)."""

    def __init__(self, *alternatives: type[ma.Schema] | dict, keyword: str = "oneOf", **kwargs):
        super().__init__(**kwargs)
        self.alternatives = alternatives
        self.keyword = keyword


class AsOfField(fields.Raw):
    """`as_of`: checked by the engine; the spec's pattern holds the first legal date of the loaded rules."""


class CurrentCertificationSchema(ma.Schema):
    """The certificate the provider holds, for a gap analysis (`certification_gap` in the result)."""

    activities = fields.List(
        Documented("ActivityNumber"),
        required=True,
        metadata={"uniqueItems": True, "description": "Activity numbers (CSP R.1111-9) the certificate covers."},
    )
    referential = Documented("Referential", required=True)
    valid_until = fields.Date(required=True, metadata={"example": "2027-12-19"})


# Requests


class LangQuerySchema(ma.Schema):
    lang = fields.String(
        validate=validate.OneOf(LANGUAGES),
        metadata={"description": "Language of labels and messages (default: Accept-Language, else French)."},
    )


class QuestionnaireQuerySchema(LangQuerySchema):
    format = fields.String(
        validate=validate.OneOf(["questions", "jsonschema", "surveyjs"]),
        metadata={
            "description": (
                "`questions` (default): the questions in flow order. `jsonschema`: a JSON Schema (draft-07) of the "
                "`answers` object for form libraries (RJSF): nothing pre-filled, each question under the condition "
                "that the engine asks it (`if`/`then`). `surveyjs`: a SurveyJS definition, texts in both languages "
                "(`locale` from `lang`), each question `visibleIf` the engine asks it; its `data` is an `answers` "
                "object. Both follow the tree at `as_of`: post the same `as_of` to `POST /v1/assessments`."
            )
        },
    )
    as_of = fields.Date(
        metadata={"description": "Legal date of the citations and of the flow (default: today in Paris)."}
    )


class AssessmentRequestSchema(ma.Schema):
    """The request body as the spec describes it; never loaded: the engine checks the body (it names the allowed
    ids and values, in the request's language, as the CLI and batch get them)."""

    answers = Documented(ANSWERS, required=True)
    as_of = AsOfField(
        allow_none=True,
        metadata={**DATE, "description": "Legal date of the assessment, from 2018-04-01 (default: today in Paris)."},
    )
    lang = Documented(LANGUAGE, metadata={"description": "Language of the result's labels."})
    current_certification = Documented(CurrentCertificationSchema, allow_none=True)


# Responses


class HealthSchema(ma.Schema):
    status = fields.String(required=True, metadata={"enum": ["ok"]})


class RulesIdentitySchema(ma.Schema):
    tree = Documented("TreeId", required=True)
    version = fields.String(required=True)
    digest = fields.String(required=True, metadata={"pattern": "^sha256:[0-9a-f]{64}$"})


class ChoiceSchema(ma.Schema):
    value = fields.String(required=True)
    label = fields.String(required=True)


class QuestionSchema(ma.Schema):
    id = Documented("QuestionId", required=True)
    type = fields.String(required=True, validate=validate.OneOf(["boolean", "choice"]))
    label = fields.String(required=True)
    help = fields.String(required=True)
    choices = fields.List(fields.Nested(ChoiceSchema), required=True)
    references = fields.List(fields.String(), required=True)


class QuestionnaireSchema(ma.Schema):
    questions = fields.List(fields.Nested(QuestionSchema), required=True)
    lang = Documented(LANGUAGE, required=True)
    as_of = fields.Date(required=True)
    rules = fields.Nested(RulesIdentitySchema, required=True)
    sources = fields.Dict(
        keys=fields.String(),
        values=fields.String(metadata={"format": "uri", "pattern": "^https://"}),
        required=True,
        metadata={
            "description": "Where each legal reference can be read: every cite of the rules, in the requested "
            "language, mapped to its address (Légifrance, ANS, EUR-Lex…). The `references` of questions and "
            "of assessment results are these cites.",
            "example": {"CSP art. R.1111-9": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000053720790"},
        },
    )


class CitedSchema(ma.Schema):
    code = fields.String(required=True)
    label = fields.String(required=True)
    references = fields.List(fields.String(), required=True)


class ActivitySchema(CitedSchema):
    number = Documented("ActivityNumber", required=True)
    code = Documented("ActivityCode", required=True)


class CertificateSchema(CitedSchema):
    code = Documented("CertificateCode", required=True)
    activities = fields.List(
        Documented("ActivityNumber"), required=True, metadata={"description": "The family it can cover."}
    )
    required_activities = fields.List(
        Documented("ActivityNumber"),
        required=True,
        metadata={"description": "The activities of this assessment it must cover."},
    )


class ExemptionSchema(CitedSchema):
    code = Documented("ExemptionCode", required=True)
    kind = Documented("ExemptionKind", required=True)
    kind_label = fields.String(required=True)
    explanation = fields.String(required=True)
    confidence = Documented("Confidence", required=True)


class FlagSchema(CitedSchema):
    code = Documented("FlagCode", required=True)


class ConclusionSchema(CitedSchema):
    """The outcome reached: `certification_required` or an exemption (then with its kind and explanation)."""

    code = Documented("ConclusionCode", required=True)
    kind = Documented("ExemptionKind")
    kind_label = fields.String()
    explanation = fields.String()
    confidence = Documented("Confidence")


class TraceStepSchema(ma.Schema):
    node = fields.String(required=True)
    question = Documented("QuestionId", required=True)
    answer = fields.Raw(required=True, metadata={"oneOf": [{"type": "boolean"}, {"type": "string"}]})
    label = fields.String(required=True)
    answer_label = fields.String(required=True)
    references = fields.List(fields.String(), required=True)


class PeriodSchema(ma.Schema):
    node = fields.String(required=True)
    from_ = fields.Date(required=True, data_key="from")
    until = fields.Date(required=True, allow_none=True)
    label = fields.String(required=True)
    references = fields.List(fields.String(), required=True)


class ProgressSchema(ma.Schema):
    answered = fields.Integer(required=True)
    remaining_at_most = fields.Integer(required=True)


class CertificationGapSchema(ma.Schema):
    status = Documented("GapStatus", required=True)
    label = fields.String(required=True)
    references = fields.List(fields.String(), required=True)
    missing_activities = fields.List(Documented("ActivityNumber"), required=True)
    compliance_issues = fields.List(
        Documented("FlagCode"),
        required=True,
        metadata={"description": "`non_compliant`: the flags that breach a rule in force for this certificate."},
    )
    held_activities = fields.List(Documented("ActivityNumber"), required=True)
    referential = Documented("Referential", required=True)
    valid_until = fields.Date(required=True)


class AssessmentResultSchema(ma.Schema):
    status = fields.String(required=True, validate=validate.OneOf(["complete", "incomplete"]))
    hds_certification_required = fields.Boolean(required=True, allow_none=True)
    archives_approval_required = fields.Boolean(required=True, allow_none=True)
    activities = fields.List(fields.Nested(ActivitySchema), required=True)
    certificates = fields.List(fields.Nested(CertificateSchema), required=True)
    exemptions = fields.List(fields.Nested(ExemptionSchema), required=True)
    flags = fields.List(fields.Nested(FlagSchema), required=True)
    confidence = Documented("Confidence", required=True, allow_none=True)
    conclusion = fields.Nested(ConclusionSchema, required=True, allow_none=True)
    trace = fields.List(fields.Nested(TraceStepSchema), required=True)
    periods = fields.List(fields.Nested(PeriodSchema), required=True)
    next_question = fields.Nested(QuestionSchema, required=True, allow_none=True)
    progress = fields.Nested(ProgressSchema, required=True)
    unused_answers = fields.List(Documented("QuestionId"), required=True)
    certification_gap = fields.Nested(CertificationGapSchema, required=True, allow_none=True)
    as_of = fields.Date(required=True)
    lang = Documented(LANGUAGE, required=True)
    rules = fields.Nested(RulesIdentitySchema, required=True)


class TreeSummarySchema(ma.Schema):
    id = Documented("TreeId", required=True)
    version = fields.String(required=True)
    title = fields.String(required=True)
    default = fields.Boolean(required=True, metadata={"description": "The tree assessments are evaluated with."})
    digest = fields.String(required=True)


class TreeListSchema(ma.Schema):
    trees = fields.List(fields.Nested(TreeSummarySchema), required=True)
    lang = fields.String(required=True)


class TreeSchema(ma.Schema):
    """A decision tree as data, exactly as written in `decision_trees/` (see README, "How it decides")."""

    id = Documented("TreeId", required=True)
    version = fields.String(required=True)
    title = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    applies_from = fields.String(required=True, metadata={"description": "Name of a legal date of law.yaml."})
    root = fields.String(required=True)
    nodes = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(),
        required=True,
        metadata={"description": "Nodes by id: `ask` with `branches`, `by_date` periods, or `if_found`."},
    )
    rules = fields.Nested(RulesIdentitySchema, required=True)


class ErrorSchema(ma.Schema):
    """Every error response, whatever its status."""

    code = fields.Integer(required=True, metadata={"description": "The HTTP status code.", "example": 422})
    status = fields.String(
        required=True, metadata={"description": "Its reason phrase.", "example": "Unprocessable Entity"}
    )
    message = fields.String(required=True, metadata={"description": "What went wrong, for a person."})
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(),
        required=True,
        metadata={
            "description": "Each offending field (`answers.<id>`, `as_of`, `current_certification.<field>`…) with "
            "its `message` and, where it applies, the `allowed` ids or values — the first 20 fields; `more_errors` "
            "counts the others. The allowed question ids are listed once per response, with the first unknown "
            "question id (in a batch, the first in the whole response); other unknown ids have the message only.",
            "additionalProperties": {
                "type": "object",
                "properties": {"message": {"type": "string"}, "allowed": {"type": "array", "items": {}}},
                "required": ["message"],
            },
        },
    )
    more_errors = fields.Integer(
        metadata={"description": "Offending fields beyond the 20 listed in `errors`, counted only (present only "
                  "then).", "minimum": 1}
    )  # fmt: skip
