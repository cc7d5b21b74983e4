"""The page on its own: nothing from other hosts, no console error, a favicon, usable at 360 px and on a desktop."""

from __future__ import annotations

from ...scenario_files import as_of_text, scenario_by_id
from .driver import complete, settle

SCENARIO = scenario_by_id("hyperscaler-us-region")


def finish(page, form_url, lang=None):
    page.goto(form_url(lang=lang, as_of=as_of_text(SCENARIO["as_of"])))
    complete(page, SCENARIO["answers"])


def test_only_the_service_is_asked_and_nothing_fails(watched, servers, form_url):
    finish(watched.page, form_url)
    watched.page.locator('[data-action="back"]').click()
    settle(watched.page, "complete")
    assert watched.foreign_requests(servers.form.origin) == []
    assert any(url.endswith("/v1/assessments") for url in watched.requests)
    assert watched.errors == []


def test_favicon_is_served(page, servers, form_url):
    page.goto(form_url())
    href = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.request.get(servers.form.origin + href).ok
    assert page.request.get(servers.form.origin + "/favicon.ico").headers["content-type"].startswith("image/svg+xml")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_narrow_screen_and_result_screenshots(page, form_url, artifacts):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(form_url(as_of="2026-11-25"))
    settle(page)
    assert no_horizontal_scroll(page)
    page.screenshot(path=artifacts / "form-question-360.png")
    finish(page, form_url)
    assert no_horizontal_scroll(page)
    page.screenshot(path=artifacts / "form-result-360.png", full_page=True)

    # The desktop view, top of the result: the one kept as docs/form.png for the README.
    page.set_viewport_size({"width": 1100, "height": 860})
    page.evaluate("() => window.scrollTo(0, 0)")
    assert no_horizontal_scroll(page)
    page.screenshot(path=artifacts / "form-result.png")
    assert (artifacts / "form-result.png").stat().st_size > 0


LINKS = """(links) => links.map((a) => ({text: a.textContent, href: a.href, target: a.target, rel: a.rel}))"""


def test_references_link_to_where_they_can_be_read(page, form_url, rules):
    sources = rules.sources["fr"]
    page.goto(form_url(as_of=as_of_text(SCENARIO["as_of"])))
    settle(page)
    on_question = page.eval_on_selector_all("[data-question-id] .references a", LINKS)
    finish(page, form_url)
    in_result = page.eval_on_selector_all('[data-status="complete"] .citations a', LINKS)
    assert on_question and len(in_result) > len(on_question)
    for link in on_question + in_result:
        assert link == {"text": link["text"], "href": sources[link["text"]], "target": "_blank",
                        "rel": "noopener noreferrer"}  # fmt: skip
