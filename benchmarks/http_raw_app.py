"""The ceiling of benchmarks/http_throughput.py: the service's work with nothing around it — a raw WSGI function
calling the assessment handler and sending its answer with the same headers (no Flask, no middleware, no log)."""

import os

from hds_api.rules import load_rules
from hds_api.web.handlers import Assess
from hds_api.web.middleware.security_headers import NON_HTML_HEADERS

assess = Assess(load_rules(), "fr", 32)


def app(environ, start_response):
    length = environ.get("CONTENT_LENGTH")
    body = environ["wsgi.input"].read(int(length)) if length else b""
    answer = assess(body, environ.get("CONTENT_TYPE"), environ.get("QUERY_STRING", ""), None)
    start_response(answer.status, [*answer.headers, *NON_HTML_HEADERS, ("X-Request-ID", os.urandom(16).hex())])
    return [answer.body]
