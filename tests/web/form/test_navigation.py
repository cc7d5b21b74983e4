"""Going back, starting over, and the progress shown on the way."""

from __future__ import annotations

from .driver import answer, settle

BACK = '[data-action="back"]'
RESTART = '[data-action="restart"]'


def test_back_brings_the_previous_question_with_its_answer_marked(page, form_url):
    page.goto(form_url())
    assert settle(page) == "personal_data"
    assert page.locator(BACK).is_disabled()
    answer(page, "personal_data", True)
    assert answer(page, "health_data", True) == "data_originator"

    page.locator(BACK).click()
    assert settle(page, "data_originator") == "health_data"
    assert page.locator('[data-answer="true"]').get_attribute("class") == "answer previous"
    page.locator(BACK).click()
    assert settle(page, "health_data") == "personal_data"
    assert page.locator(BACK).is_disabled()

    # A different answer this time: the path follows it.
    assert answer(page, "personal_data", False) == "complete"
    assert page.locator('[data-exemption="not_personal_data"]').count() == 1


def test_back_from_the_result_and_another_answer(page, form_url):
    page.goto(form_url())
    answer(page, "personal_data", True)
    assert answer(page, "health_data", False) == "complete"
    assert page.locator('[data-exemption="not_health_data"]').count() == 1

    page.locator(BACK).click()
    assert settle(page, "complete") == "health_data"
    assert page.locator('[data-status="complete"]').count() == 0
    assert answer(page, "health_data", True) == "data_originator"


def test_restart_from_a_question_and_from_the_result(page, form_url):
    page.goto(form_url())
    answer(page, "personal_data", True)
    answer(page, "health_data", True)
    page.locator(RESTART).click()
    assert settle(page, "data_originator") == "personal_data"
    assert page.locator("#progress-bar").evaluate("bar => bar.value") == 0

    assert answer(page, "personal_data", False) == "complete"
    page.locator(RESTART).click()
    assert settle(page, "complete") == "personal_data"
    assert page.locator(BACK).is_disabled()


def test_progress_follows_the_answers(page, form_url):
    page.goto(form_url())
    settle(page)
    first = page.locator("#progress-text").inner_text()
    answer(page, "personal_data", True)
    assert page.locator("#progress-bar").evaluate("bar => bar.value") == 1
    assert page.locator("#progress-text").inner_text() != first
    assert page.locator("#progress-text").inner_text().startswith("Question 2 ")
