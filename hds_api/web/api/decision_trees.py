"""`GET /v1/decision-trees[/<id>[/diagram]]`: the rules as data, and as a Mermaid flowchart."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ...exceptions import NotFound
from ...i18n import HTTP, message
from ...rules import Rules
from ...rules.render.mermaid import flowchart
from ..language import ACCEPT_LANGUAGE, message_language, response_language
from ..openapi.schemas import ErrorSchema, LangQuerySchema, TreeListSchema, TreeSchema
from . import current_rules
from .responses import json_response, text_response

blp = Blueprint("decision_trees", __name__, url_prefix="/v1/decision-trees", description="The rules")


def _tree_or_404(rules: Rules, tree_id: str):
    tree = rules.trees.get(tree_id)
    if tree is None:
        lang = message_language()
        raise NotFound(
            message(HTTP, lang, "unknown_tree", tree_id=tree_id),
            {"tree_id": {"message": message(HTTP, lang, "unknown_tree_field"), "allowed": sorted(rules.trees)}},
        )
    return tree


@blp.route("", parameters=[ACCEPT_LANGUAGE])
class DecisionTrees(MethodView):
    @blp.arguments(LangQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, TreeListSchema)
    def get(self, lang=None):
        """List the decision trees"""
        rules = current_rules()
        lang = response_language(lang)
        return json_response({"trees": rules.tree_list(lang), "lang": lang})


@blp.route("/<string:tree_id>")
class DecisionTree(MethodView):
    @blp.response(200, TreeSchema)
    @blp.alt_response(404, schema=ErrorSchema, description="No tree has this id.")
    def get(self, tree_id):
        """Get a decision tree as data

        The tree exactly as its YAML file says: `ask` nodes with `branches`, `by_date` periods, `if_found`
        nodes, and edges to the next node or to an outcome. Question and outcome texts are in
        `GET /v1/questionnaire` and in every result.
        """
        rules = current_rules()
        tree = _tree_or_404(rules, tree_id)
        data = {key: value for key, value in tree.source.items() if key != "kind"}
        return json_response({**data, "rules": rules.identities[tree_id]})


@blp.route("/<string:tree_id>/diagram", parameters=[ACCEPT_LANGUAGE])
class DecisionTreeDiagram(MethodView):
    @blp.arguments(LangQuerySchema(), location="query", as_kwargs=True)
    @blp.response(200, {"type": "string"}, content_type="text/plain", description="Mermaid flowchart text.")
    @blp.alt_response(404, schema=ErrorSchema, description="No tree has this id.")
    def get(self, tree_id, lang=None):
        """Draw a decision tree as a Mermaid flowchart

        Questions are diamonds, dated choices hexagons, outcomes rounded boxes; labels are in the requested
        language. Paste the text into any Mermaid renderer (GitHub and GitLab render it in Markdown).
        """
        rules = current_rules()
        tree = _tree_or_404(rules, tree_id)
        return text_response(flowchart(rules, tree.id, response_language(lang)))
