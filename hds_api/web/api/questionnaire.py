"""`GET /v1/questionnaire`: every question in flow order, or a JSON Schema of the answers for form libraries."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ...rules import today_in_paris
from ...rules.render.form_libraries import answers_json_schema, surveyjs_definition
from ..language import ACCEPT_LANGUAGE, response_language
from ..openapi.schemas import QuestionnaireQuerySchema, QuestionnaireSchema
from . import current_rules
from .responses import json_response

blp = Blueprint("questionnaire", __name__, url_prefix="/v1/questionnaire", description="The questions")

QUESTIONNAIRE_OR_JSON_SCHEMA = {
    "oneOf": [
        QuestionnaireSchema,
        {
            "type": "object",
            "description": "With `format=jsonschema`: a JSON Schema (draft-07) of the `answers` object.",
            "properties": {"$schema": {"type": "string"}, "properties": {"type": "object"}},
            "required": ["$schema", "properties"],
        },
        {
            "type": "object",
            "description": "With `format=surveyjs`: a SurveyJS definition of the questionnaire.",
            "properties": {"elements": {"type": "array", "items": {"type": "object"}}, "locale": {"type": "string"}},
            "required": ["elements", "locale"],
        },
    ]
}


@blp.route("", parameters=[ACCEPT_LANGUAGE])
class Questionnaire(MethodView):
    @blp.arguments(QuestionnaireQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, QUESTIONNAIRE_OR_JSON_SCHEMA)
    def get(self, lang=None, format="questions", as_of=None):  # `format`: the query parameter's public name
        """List the questions in flow order

        Each question has its id, type (`boolean` or `choice`), label, help, choices and legal references,
        in the requested language; `sources` gives the address where each reference (of the questions, and of
        assessment results) can be read. The first question of the flow comes first; which question comes next
        for given answers is what `POST /v1/assessments` tells (`next_question`).
        """
        rules = current_rules()
        lang = response_language(lang)
        as_of = as_of or today_in_paris()
        if format == "jsonschema":
            return json_response(answers_json_schema(rules, lang, as_of))
        if format == "surveyjs":
            return json_response(surveyjs_definition(rules, lang, as_of))
        return json_response(
            {
                "questions": rules.questionnaire(lang, as_of),
                "lang": lang,
                "as_of": as_of.isoformat(),
                "rules": rules.identities[rules.default_tree],
                "sources": rules.sources[lang],
            }
        )
