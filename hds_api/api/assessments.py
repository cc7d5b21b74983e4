"""`POST /v1/assessments`: assess one hosting service."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..language import ACCEPT_LANGUAGE, response_language
from ..openapi import example_refs
from ..schemas import AssessmentRequestSchema, AssessmentResultSchema, ErrorSchema, LangQuerySchema
from . import current_rules
from .responses import JSON, accepts, json_response

blp = Blueprint("assessments", __name__, url_prefix="/v1/assessments", description="Assessments")


@blp.route("", parameters=[ACCEPT_LANGUAGE])
class Assessments(MethodView):
    @accepts(JSON)
    @blp.arguments(LangQuerySchema(), location="query", as_kwargs=True)
    @blp.arguments(AssessmentRequestSchema(), examples=example_refs("request"))
    @blp.response(200, AssessmentResultSchema, examples=example_refs("result"))
    @blp.alt_response(400, schema=ErrorSchema, description="The body is not valid JSON.")
    @blp.alt_response(413, schema=ErrorSchema, description="The body is larger than the configured limit.")
    @blp.alt_response(415, schema=ErrorSchema, description="The body is not sent as application/json.")
    @blp.alt_response(
        422,
        schema=ErrorSchema,
        description="Invalid request.",
        examples={"error-422": {"$ref": "#/components/examples/error-422"}},
    )
    def post(self, request, lang=None):
        """Assess one hosting service

        Complete answers give the conclusion (`status: complete`); partial answers give `status: incomplete`
        and the `next_question` to ask. Unknown question ids, wrong types and values outside the choices are
        a 422 whose `errors` name each of them with the allowed ids or values. The language is `lang`, else
        Accept-Language, else French.
        """
        result = current_rules().evaluate(
            request["answers"],
            request.get("as_of"),
            request.get("current_certification"),
            response_language(request.get("lang", lang)),
        )
        return json_response(result)
