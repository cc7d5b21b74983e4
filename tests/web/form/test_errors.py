"""When the API refuses a request, the page says why, in the API's words, and offers to try again."""

from __future__ import annotations

from .driver import settle


def test_refused_assessment_date_is_explained(watched, form_url):
    page = watched.page
    page.goto(form_url(lang="en", as_of="2010-01-01"))
    assert settle(page) == "error"
    alert = page.locator("#alert")
    assert "The service could not answer" in alert.inner_text()
    assert "as_of: " in alert.inner_text() and "2018-04-01" in alert.inner_text()
    assert page.locator("[data-question-id]").count() == 0
    # The browser reports the refused request (422) itself; nothing else goes wrong.
    assert [error for error in watched.errors if "422" not in error] == []

    # On arrival focus is left alone; trying again (refused again) brings it to the alert.
    assert page.evaluate("() => document.activeElement.closest('#alert') === null")
    page.locator("#alert button").click()
    page.wait_for_function("() => document.activeElement.closest('#alert') !== null")
    assert "2018-04-01" in alert.inner_text()
