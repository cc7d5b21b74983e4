"""`POST /v1/assessments`: assess one hosting service. The work is `hds_api.web.handlers.Assess`'s, which the hot
route in front of Flask calls too; this view describes the operation and hands the raw request to it."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from ..answers import JSON
from ..handlers import Assess
from ..language import ACCEPT_LANGUAGE, LANG_QUERY
from ..openapi.examples import example_refs
from ..openapi.schemas import AssessmentRequestSchema, AssessmentResultSchema, ErrorSchema
from .responses import answer_response

HANDLER_EXTENSION = "hds_assess"

blp = Blueprint("assessments", __name__, url_prefix="/v1/assessments", description="Assessments")

# The request body as `@blp.arguments` would describe it; the handler reads it (one way for every JSON body).
REQUEST_BODY = {
    "required": True,
    "content": {JSON: {"schema": AssessmentRequestSchema, "examples": example_refs("request")}},
}


def current_handler() -> Assess:
    """The handler `create_app` built, which the hot route shares."""
    return current_app.extensions[HANDLER_EXTENSION]


@blp.route("", parameters=[LANG_QUERY, ACCEPT_LANGUAGE])
class Assessments(MethodView):
    init_every_request = False  # the view keeps no state: one instance serves every request

    @blp.doc(requestBody=REQUEST_BODY)
    @blp.response(200, AssessmentResultSchema, examples=example_refs("result"))
    @blp.alt_response(400, schema=ErrorSchema, description="The body is not valid JSON.")
    @blp.alt_response(413, schema=ErrorSchema, description="The body is larger than the configured limit.")
    @blp.alt_response(415, schema=ErrorSchema, description="The body is not sent as application/json.")
    @blp.alt_response(422, schema=ErrorSchema, description="Invalid request.")
    def post(self):
        """Assess one hosting service

        Complete answers give the conclusion (`status: complete`); partial answers give `status: incomplete`
        and the `next_question` to ask. Unknown question ids, wrong types and values outside the choices are
        a 422 whose `errors` name each of them with the allowed ids or values. The language is `lang`, else
        Accept-Language, else French.
        """
        environ = request.environ
        answer = current_handler()(
            request.get_data(),
            environ.get("CONTENT_TYPE"),
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_ACCEPT_LANGUAGE"),
        )
        return answer_response(answer)
