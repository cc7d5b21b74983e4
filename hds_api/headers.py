"""CORS only for the configured origins (the other response headers are `hds_api.security_headers`')."""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS


def init_app(app: Flask) -> None:
    origins = app.config["CORS_ORIGINS"]
    if origins:  # no origin configured: no CORS header at all, browsers keep the same-origin policy
        CORS(app, resources={r"/v1/*": {"origins": origins}, r"/openapi.json": {"origins": origins}})
