"""`Vary`: the request headers an answer depended on, so that a shared cache never gives one caller's answer to
another.

Whatever negotiates records the header it read in the environ (`vary_on`: the views' language and the batch's
JSON-or-CSV, `hds_api.web.language`), and this middleware names it once the app has answered: no view has to
remember it. The handlers (`hds_api.web.handlers`) put it in their own headers; CORS adds `Origin` itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

KEY = "hds_api.vary"


def vary_on(environ: dict, *headers: str) -> None:
    """Mark this request's answer as depending on `headers` too."""
    environ.setdefault(KEY, set()).update(headers)


def add_vary(headers: list[tuple[str, str]], names: Iterable[str]) -> None:
    """Add `names` to the `Vary` header of `headers` (in place), each once."""
    for index, (header, value) in enumerate(headers):
        if header.lower() == "vary":
            present = {item.strip().lower() for item in value.split(",")}
            extra = [name for name in names if name.lower() not in present]
            if extra:
                headers[index] = (header, ", ".join([value, *extra]))
            return
    headers.append(("Vary", ", ".join(names)))


class Vary:
    def __init__(self, wsgi_app: Callable):
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        def start(status: str, headers: list, exc_info: Any = None) -> Callable:
            recorded = environ.get(KEY)
            if recorded:
                add_vary(headers, sorted(recorded))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)


def wrap(wsgi_app: Callable, config: dict[str, Any]) -> Vary:
    return Vary(wsgi_app)
