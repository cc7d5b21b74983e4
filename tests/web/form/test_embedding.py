"""Framed by a portal: the result is posted to the parent when its origin is allowed, and only then."""

from __future__ import annotations

from urllib.parse import quote

from .driver import answer, settle

WAIT_MS = 500


def embed(page, portal, form_url):
    page.goto(f"{portal.origin}/?src={quote(form_url(as_of='2026-11-25'), safe='')}")


def framed(page, portal, form_url):
    embed(page, portal, form_url)
    frame = page.frame_locator("iframe")
    frame.locator("[data-question-id]").wait_for()
    return next(f for f in page.frames if f.url.startswith(form_url()))


def test_allowed_origin_receives_the_result(watched, servers, form_url):
    frame = framed(watched.page, servers.portal, form_url)
    settle(frame)
    assert answer(frame, "personal_data", False) == "complete"
    watched.page.wait_for_function("() => window.received.length > 0")
    [message] = watched.page.evaluate("() => window.received")
    assert message["origin"] == servers.form.origin
    assert message["data"]["type"] == "hds-scope:result"
    assert message["data"]["result"]["status"] == "complete"
    assert message["data"]["result"]["exemptions"][0]["code"] == "not_personal_data"
    assert watched.errors == []
    assert watched.foreign_requests(servers.form.origin, servers.portal.origin) == []


def test_other_origin_receives_nothing(watched, servers, form_url):
    frame = framed(watched.page, servers.stranger, form_url)
    settle(frame)
    assert answer(frame, "personal_data", False) == "complete"
    watched.page.wait_for_timeout(WAIT_MS)
    assert watched.page.evaluate("() => window.received") == []
    assert watched.errors == []


def test_unframed_page_posts_nothing(page, form_url):
    page.goto(form_url())
    page.evaluate("() => { window.received = []; addEventListener('message', (e) => window.received.push(e.data)); }")
    settle(page)
    answer(page, "personal_data", False)
    page.wait_for_timeout(WAIT_MS)
    assert page.evaluate("() => window.received") == []


def test_page_not_in_frame_ancestors_cannot_frame_the_form(watched, servers, form_url):
    embed(watched.page, servers.outsider, form_url)
    watched.page.wait_for_timeout(WAIT_MS)
    frame = watched.page.frames[1]
    assert frame.locator("#hds-form").count() == 0
    assert any("frame-ancestors" in error for error in watched.errors)
