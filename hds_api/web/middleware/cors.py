"""CORS for the configured origins only (the other response headers are `hds_api.web.middleware.security_headers`').

Origins are exact (`hds_api.origins`): `*` and wildcards stop start-up. A request without `Origin` gets no CORS
header (it is not a cross-origin call); a page allowed to call can read `X-Request-ID` and `X-Batch-Summary`;
and every answer of the CORS paths says `Vary: Origin`, since whether it carries a grant depends on it.
"""

from __future__ import annotations

import re

from flask import Flask, Response, request
from flask_cors import CORS

from ...origins import parse_origins
from ...settings import SettingsError

PATHS = re.compile(r"^/v1/|^/openapi\.json$")
EXPOSED = ["X-Request-ID", "X-Batch-Summary"]


def _vary_on_origin(response: Response) -> Response:
    if PATHS.match(request.path):
        response.vary.add("Origin")
    return response


def init_app(app: Flask) -> None:
    try:
        origins = list(parse_origins(app.config["CORS_ORIGINS"]))
    except ValueError as error:
        raise SettingsError(f"HDS_CORS_ORIGINS: {error}") from None
    if not origins:  # no origin configured: no CORS header at all, browsers keep the same-origin policy
        return
    resource = {"origins": origins, "expose_headers": EXPOSED, "always_send": False}
    CORS(app, resources={PATHS.pattern: resource})
    app.after_request(_vary_on_origin)
