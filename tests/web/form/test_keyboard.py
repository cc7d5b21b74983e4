"""Keyboard only: focus lands on each new question, Tab reaches the answers with a visible focus, Enter or Space
answers, and the result receives focus at the end."""

from __future__ import annotations

from ...scenario_files import as_of_text, scenario_by_id
from .driver import answer_value, settle, shown_result

SCENARIO = scenario_by_id("ght-no-joint-controller-agreement")
FOCUSED_HOOKS = """() => {
  const element = document.activeElement;
  return {
    question: element.closest("[data-question-id]")?.dataset.questionId ?? null,
    answer: element.dataset.answer ?? null,
    result: element.closest('[data-status="complete"]') !== null,
    outline: getComputedStyle(element).outlineStyle,
  };
}"""


def focused(page):
    return page.evaluate(FOCUSED_HOOKS)


def test_keyboard_only_completion(page, form_url):
    page.goto(form_url(as_of=as_of_text(SCENARIO["as_of"])))
    current = settle(page)
    keys = ["Enter", "Space"]
    steps = 0
    while current != "complete":
        if steps:  # on arrival the page leaves focus alone; after each answer it moves it to the new question
            assert focused(page)["question"] == current, "focus was not moved to the new question"
        wanted = answer_value(SCENARIO["answers"][current])
        for _ in range(15):
            page.keyboard.press("Tab")
            if focused(page)["answer"] == wanted:
                break
        state = focused(page)
        assert state["answer"] == wanted
        assert state["outline"] != "none", "keyboard focus is not visible"
        page.keyboard.press(keys[steps % 2])
        steps += 1
        current = settle(page, current)
    assert focused(page)["result"], "focus was not moved to the result"
    expect = SCENARIO["expect"]
    assert shown_result(page)["certificates"] == expect["certificates"]
    assert shown_result(page)["activities"] == expect["activities"]
    assert shown_result(page)["flags"] == expect["flags"]


def test_focus_is_left_alone_on_arrival(page, form_url):
    page.goto(form_url())
    settle(page)
    assert page.evaluate("() => document.activeElement === document.body")


def test_back_and_restart_by_keyboard(page, form_url):
    page.goto(form_url())
    settle(page)
    page.keyboard.press("Tab")  # the language link
    page.keyboard.press("Tab")
    assert focused(page)["answer"] == "true"
    page.keyboard.press("Enter")
    assert settle(page, "personal_data") == "health_data"
    page.locator('[data-action="back"]').focus()
    page.keyboard.press("Enter")
    assert settle(page, "health_data") == "personal_data"
    assert focused(page)["question"] == "personal_data"
    page.locator('[data-action="restart"]').focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.activeElement.closest('[data-question-id]') !== null")
    assert focused(page)["question"] == "personal_data"
