"""`Vary`: the request headers an answer depended on, so that a shared cache never gives one caller's answer
to another.

Whatever reads `request.accept_languages` (language negotiation) or `request.accept_mimetypes` (the batch's
JSON or CSV) marks the answer as depending on that header, and it is named in `Vary` once the view has
answered: no view has to remember it. CORS adds `Origin` itself (`hds_api.web.middleware.cors`).
"""

from __future__ import annotations

from flask import Flask, Request, Response, request

KEY = "hds_api.web.middleware.vary"


class NegotiatingRequest(Request):
    """A request that remembers which negotiation headers were read."""

    def _read(self, header: str) -> None:
        self.environ.setdefault(KEY, set()).add(header)

    @property
    def accept_languages(self):
        self._read("Accept-Language")
        return super().accept_languages

    @property
    def accept_mimetypes(self):
        self._read("Accept")
        return super().accept_mimetypes


def vary_on(*headers: str) -> None:
    """Mark this request's answer as depending on `headers` too."""
    request.environ.setdefault(KEY, set()).update(headers)


def add_vary(response: Response) -> Response:
    read = request.environ.get(KEY)
    if read:
        for header in sorted(read):
            response.vary.add(header)
    return response


def init_app(app: Flask) -> None:
    app.request_class = NegotiatingRequest
    app.after_request(add_vary)
