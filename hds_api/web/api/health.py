"""`GET /health`: the service is up (the rules were valid, or it would not have started)."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from ..openapi.schemas import HealthSchema

blp = Blueprint("health", __name__, url_prefix="/health", description="Liveness")


@blp.route("")
class Health(MethodView):
    @blp.doc(security=[])  # open, API keys or not (hds_api.web.middleware.api_keys)
    @blp.response(200, HealthSchema, example={"status": "ok"})
    def get(self):
        """Tell that the service is up"""
        return {"status": "ok"}
