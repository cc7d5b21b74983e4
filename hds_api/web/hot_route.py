"""A thin WSGI route in front of Flask: a JSON `POST /v1/assessments` goes straight to its handler, everything else
to Flask. The Flask view calls the same handler, and the middleware stack wraps both alike, so the answer is the
same either way (tests/web/test_hot_route.py compares them byte for byte); this way only skips Flask's request
machinery, which costs more than the assessment itself. `HOT_ROUTE=False` turns it off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .answers import JSON, send
from .handlers import Assess
from .middleware.limits import request_body
from .negotiation import mimetype

PATH = "/v1/assessments"


class HotRoute:
    def __init__(self, wsgi_app: Callable, assess: Assess):
        self.wsgi_app = wsgi_app
        self.assess = assess

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if (
            environ.get("PATH_INFO") == PATH
            and environ.get("REQUEST_METHOD") == "POST"
            and mimetype(environ.get("CONTENT_TYPE")) == JSON
        ):
            answer = self.assess(
                request_body(environ),
                environ.get("CONTENT_TYPE"),
                environ.get("QUERY_STRING", ""),
                environ.get("HTTP_ACCEPT_LANGUAGE"),
            )
            return send(answer, environ, start_response)
        return self.wsgi_app(environ, start_response)
