"""Swagger UI at `/docs`, its assets served from the pinned `swagger-ui-bundle` package: no CDN, so the
docs work on a machine with no internet."""

from __future__ import annotations

from flask import Blueprint, Flask, send_from_directory
from swagger_ui_bundle import swagger_ui_path

ASSETS_URL = "/docs/assets/"

blp = Blueprint("docs_assets", __name__, url_prefix=ASSETS_URL.rstrip("/"))


@blp.get("/<path:filename>")
def asset(filename: str):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)


def init_app(app: Flask) -> None:
    app.register_blueprint(blp)
