"""The README's portal snippets ("In a portal"), run as they are in Chromium from a page on another loopback
origin: `fetch` gets a result through CORS, and the framed form's `postMessage` brings the portal the result."""

from __future__ import annotations

import re

import pytest

from hds_api import create_app

from ...conftest import ROOT
from .driver import complete
from .servers import LiveServer

README_ORIGIN = "https://hds-scope.example.org"
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A portal</title><link rel="icon" href="data:,"></head>
<body>
{snippet}
</body></html>
"""
# The answers of the fetch snippet, and those given in the framed form.
FETCHED = {"personal_data": True, "health_data": False}
FORM_ANSWERS = {"personal_data": True, "health_data": True, "data_originator": "other", "care_context": False}
# Recorded by the test, beside the snippet's own listener: everything the portal window receives.
RECORD_MESSAGES = (
    "window.received = []; addEventListener('message', (e) => received.push({origin: e.origin, data: e.data}));"
)


def readme_snippet(name: str) -> str:
    """The code block between `<!-- snippet: name -->` and `<!-- /snippet -->` in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- snippet: {name} -->\n```html\n(.*?)```\n<!-- /snippet -->", readme, re.DOTALL)
    assert found, f"README.md has no snippet {name!r}"
    return found.group(1)


class Pages:
    """Portal pages by path, filled once the service's address is known."""

    def __init__(self):
        self.pages: dict[str, bytes] = {}

    def __call__(self, environ, start_response):
        body = self.pages.get(environ["PATH_INFO"])
        if body is None:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]


@pytest.fixture(scope="module")
def portals():
    """The service, a portal it allows (CORS, results, framing) and a portal it does not know."""
    pages = Pages()
    portal, stranger = LiveServer(pages), LiveServer(pages)
    app = create_app(
        {
            "CORS_ORIGINS": portal.origin,
            "FORM_ALLOWED_ORIGINS": portal.origin,
            "FORM_FRAME_ANCESTORS": f"'self' {portal.origin}",
        }
    )
    service = LiveServer(app)
    for name in ("portal-fetch", "portal-iframe"):
        snippet = readme_snippet(name).replace(README_ORIGIN, service.origin)
        pages.pages[f"/{name}"] = PAGE.format(snippet=snippet).encode()
    yield service, portal, stranger
    for server in (service, portal, stranger):
        server.stop()


def verdict(page) -> str:
    page.wait_for_function("() => document.querySelector('#hds-verdict').textContent !== ''")
    return page.locator("#hds-verdict").inner_text()


def test_the_fetch_snippet_gets_a_result_through_cors(watched, portals, rules):
    service, portal, _ = portals
    page = watched.page
    url = f"{service.origin}/v1/assessments"
    with page.expect_response(lambda answer: answer.url == url and answer.request.method == "POST") as answered:
        page.goto(f"{portal.origin}/portal-fetch")
    result = answered.value.json()
    assert answered.value.headers["access-control-allow-origin"] == portal.origin
    assert result == rules.evaluate(FETCHED, result["as_of"], None, "fr")
    assert verdict(page) == "Certificate required: false"
    assert watched.errors == []


def test_the_fetch_snippet_is_refused_on_an_origin_not_allowed(watched, portals):
    _, _, stranger = portals
    page = watched.page
    with page.expect_event("pageerror") as failure:
        page.goto(f"{stranger.origin}/portal-fetch")
    assert "Failed to fetch" in str(failure.value)
    assert page.locator("#hds-verdict").inner_text() == ""
    assert any("CORS policy" in error for error in watched.errors), watched.errors


def test_the_iframe_snippet_receives_the_result(watched, portals, rules):
    service, portal, _ = portals
    page = watched.page
    page.add_init_script(RECORD_MESSAGES)
    page.goto(f"{portal.origin}/portal-iframe")
    page.frame_locator("iframe").locator("[data-question-id]").wait_for()
    frame = next(frame for frame in page.frames if frame.url.startswith(f"{service.origin}/form"))
    asked = complete(frame, FORM_ANSWERS)
    assert verdict(page) == "Certificate required: false"
    messages = [message for message in page.evaluate("() => window.received") if message["data"]]
    [message] = [message for message in messages if message["origin"] == service.origin]
    assert message["data"]["type"] == "hds-scope:result"
    result = message["data"]["result"]
    given = {question: FORM_ANSWERS[question] for question in asked}
    assert result == rules.evaluate(given, result["as_of"], None, "fr")
    assert result["exemptions"][0]["code"] == "not_care_context"
    assert watched.errors == []
