"""Live HTTP servers for the browser tests: the service itself, and embedding pages on other origins."""

from __future__ import annotations

import html
import threading
from urllib.parse import parse_qs

from werkzeug.serving import make_server


class LiveServer:
    """A WSGI app served on 127.0.0.1 on a free port, in a thread, until `stop()`."""

    def __init__(self, app):
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.origin = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


EMBEDDING_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A portal embedding hds-scope</title><link rel="icon" href="data:,"></head>
<body>
<script>
  window.received = [];
  window.addEventListener("message", (event) => window.received.push({origin: event.origin, data: event.data}));
</script>
<iframe src="{src}" title="HDS" width="420" height="800"></iframe>
</body>
</html>
"""


def embedding_app(environ, start_response):
    """A portal page that frames `?src=` and records every message it receives in `window.received`."""
    src = parse_qs(environ.get("QUERY_STRING", "")).get("src", ["about:blank"])[0]
    body = EMBEDDING_PAGE.replace("{src}", html.escape(src)).encode()
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
