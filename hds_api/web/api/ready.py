"""`GET /ready`: readiness — the rules are loaded and the engine answers; else 503."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..openapi.schemas import ErrorSchema, RulesIdentitySchema
from . import RULES_EXTENSION


class ReadySchema(ma.Schema):
    status = ma.fields.String(required=True, metadata={"enum": ["ready"]})
    rules = ma.fields.Nested(RulesIdentitySchema, required=True)


blp = Blueprint("ready", __name__, url_prefix="/ready", description="Readiness")


@blp.route("")
class Ready(MethodView):
    @blp.doc(security=[])  # open, API keys or not
    @blp.response(200, ReadySchema)
    @blp.alt_response(503, schema=ErrorSchema, description="The rules are not loaded: do not send traffic.")
    def get(self):
        """Tell that the service can assess

        200 with the identity of the rules served once they are loaded and an empty assessment goes through
        the engine; 503 otherwise. `/health` only tells that the process answers.
        """
        rules = current_app.extensions.get(RULES_EXTENSION)
        try:
            rules.evaluate({}, None, None, "en")
        except Exception:  # noqa: BLE001 - whatever is wrong, the answer is "not ready", logged
            current_app.logger.exception("readiness check failed")
            abort(503)  # the error shape; a 5xx says nothing more
        return {"status": "ready", "rules": rules.identities[rules.default_tree]}
