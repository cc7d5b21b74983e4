"""CPU time of one WSGI call per request body, in-process (no HTTP), the bodies in turn; printed in µs.

    python benchmarks/http_in_process.py CHECKOUT MODULE:APP BODIES.json

Run by benchmarks/http_throughput.py once per app, in a process of its own, so that two versions of `hds_api`
(this checkout's and the one before a change) never meet in one interpreter. The app is imported as gunicorn
imports it, access log on: standard output is /dev/null, as the file descriptor gunicorn's workers write it to.
"""

import importlib
import io
import json
import os
import sys
import time

ENVIRON = {
    "REQUEST_METHOD": "POST",
    "PATH_INFO": "/v1/assessments",
    "QUERY_STRING": "",
    "SERVER_NAME": "127.0.0.1",
    "SERVER_PORT": "80",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "CONTENT_TYPE": "application/json",
    "wsgi.url_scheme": "http",
    "wsgi.errors": sys.stderr,
    "wsgi.multithread": False,
    "wsgi.multiprocess": True,
    "wsgi.run_once": False,
    "wsgi.version": (1, 0),
}


def main() -> None:
    checkout, app_name, bodies_file = sys.argv[1:4]
    sys.path.insert(0, checkout)
    os.chdir(checkout)
    module, name = app_name.split(":")
    bodies = [json.dumps(body).encode() for body in json.load(open(bodies_file, encoding="utf-8"))]
    environs = [{**ENVIRON, "CONTENT_LENGTH": str(len(body))} for body in bodies]
    result = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    app = getattr(importlib.import_module(module), name)

    def run(count: int) -> float:
        started = time.process_time()
        for index in range(count):
            body = bodies[index % len(bodies)]
            environ = {**environs[index % len(bodies)], "wsgi.input": io.BytesIO(body)}
            b"".join(app(environ, lambda *args: None))
        return (time.process_time() - started) / count * 1e6

    run(500)
    best = min(run(2000) for _ in range(5))
    os.write(result, f"{best:.0f}\n".encode())


if __name__ == "__main__":
    main()
