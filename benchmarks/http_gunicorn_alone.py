"""gunicorn's own cost in benchmarks/http_throughput.py: a WSGI function that reads the body and answers a constant
small JSON, so its worker CPU per request is what gunicorn spends on any request (accept, parse, write, close)."""

BODY = b'{"status":"ok"}'
HEADERS = [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))]


def app(environ, start_response):
    length = environ.get("CONTENT_LENGTH")
    if length:
        environ["wsgi.input"].read(int(length))
    start_response("200 OK", list(HEADERS))
    return [BODY]
