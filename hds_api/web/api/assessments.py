"""`POST /v1/assessments`: assess one hosting service."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..language import ACCEPT_LANGUAGE, LANG_QUERY, checked_query_language, response_language
from ..openapi.schemas import AssessmentRequestSchema, AssessmentResultSchema, ErrorSchema
from ..openapi.spec import example_refs
from . import current_rules
from .body import json_body
from .responses import json_response

blp = Blueprint("assessments", __name__, url_prefix="/v1/assessments", description="Assessments")


@blp.route("", parameters=[LANG_QUERY, ACCEPT_LANGUAGE])
class Assessments(MethodView):
    init_every_request = False  # the view keeps no state: one instance serves every request

    @json_body(blp, AssessmentRequestSchema(), examples=example_refs("request"))
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
    def post(self, body):
        """Assess one hosting service

        Complete answers give the conclusion (`status: complete`); partial answers give `status: incomplete`
        and the `next_question` to ask. Unknown question ids, wrong types and values outside the choices are
        a 422 whose `errors` name each of them with the allowed ids or values. The language is `lang`, else
        Accept-Language, else French.
        """
        result = current_rules().evaluate(
            body["answers"],
            body.get("as_of"),
            body.get("current_certification"),
            # The query's `lang` is checked by hand: a second webargs parse would cost ~15% of the request.
            response_language(body.get("lang", checked_query_language())),
        )
        return json_response(result)
