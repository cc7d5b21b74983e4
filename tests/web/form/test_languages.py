"""French by default, English complete with ?lang=en: page, questions and result."""

from __future__ import annotations

from ...answers import complete_answers
from .driver import answer, complete, settle

ANSWERS = complete_answers(uses_subcontractors=True)


def test_french_is_the_default(page, form_url):
    page.goto(form_url())
    settle(page)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator('[data-answer="true"]').inner_text() == "Oui"
    assert "identifiables" in page.locator("[data-question-id] legend").inner_text()


def test_english_page_questions_and_result(page, form_url):
    page.goto(form_url(lang="en", as_of="2026-11-25"))
    settle(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Is an HDS certificate required?"
    assert page.locator('[data-answer="false"]').inner_text() == "No"
    assert "identifiable" in page.locator("[data-question-id] legend").inner_text()
    answer(page, "personal_data", True)
    answer(page, "health_data", True)
    assert page.locator('[data-answer="health_professional"]').inner_text().startswith("Health professional")

    page.locator('[data-action="restart"]').click()
    settle(page, "data_originator")
    complete(page, ANSWERS)
    result = page.locator('[data-status="complete"]')
    assert result.locator(".verdict").inner_text() == "The HDS certificate is required."
    assert "Step-by-step explanation" in result.inner_text()
    assert result.locator('[data-activity="4"]').inner_text().startswith("Activity 4")
    assert "subcontractor" in result.locator('[data-flag="subcontractor_coverage_required"]').inner_text()


def test_language_link_keeps_the_assessment_date(page, form_url):
    page.goto(form_url(as_of="2026-11-25"))
    settle(page)
    page.locator("a.language").click()
    page.wait_for_url("**/form?lang=en&as_of=2026-11-25")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "en"
