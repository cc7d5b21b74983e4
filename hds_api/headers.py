"""Response headers: `nosniff` everywhere; CORS only for the configured origins."""

from __future__ import annotations

from flask import Flask, Response
from flask_cors import CORS


def _nosniff(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def init_app(app: Flask) -> None:
    app.after_request(_nosniff)
    origins = app.config["CORS_ORIGINS"]
    if origins:  # no origin configured: no CORS header at all, browsers keep the same-origin policy
        CORS(app, resources={r"/v1/*": {"origins": origins}, r"/openapi.json": {"origins": origins}})
