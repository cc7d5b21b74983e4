"""Driving the form as a user would, through the stable DOM hooks of CONTRACT section 7 only."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Frame, Page

# The page has settled once it is not busy and shows something other than what it showed before.
SETTLED = """(previous) => {
  const root = document.getElementById("hds-form");
  if (!root || root.getAttribute("aria-busy") !== "false") return false;
  if (document.querySelector('#alert:not([hidden])')) return true;
  if (document.querySelector('[data-status="complete"]')) return previous !== "complete";
  const question = document.querySelector("[data-question-id]");
  return question !== null && question.dataset.questionId !== previous;
}"""

MAX_STEPS = 40


def screen(target: Page | Frame) -> str:
    """What is on screen: a question id, "complete", or "error"."""
    if target.locator("#alert:not([hidden])").count():
        return "error"
    if target.locator('[data-status="complete"]').count():
        return "complete"
    return target.locator("[data-question-id]").get_attribute("data-question-id")


def settle(target: Page | Frame, previous: str | None = None) -> str:
    target.wait_for_function(SETTLED, arg=previous)
    return screen(target)


def answer_value(value: Any) -> str:
    """An answer as the `data-answer` hook spells it: booleans as true/false, choices as their value."""
    return json.dumps(value) if isinstance(value, bool) else str(value)


def answer(target: Page | Frame, question: str, value: Any) -> str:
    """Click the answer to the question on screen; returns what comes next."""
    target.locator(f'[data-question-id="{question}"] [data-answer="{answer_value(value)}"]').click()
    return settle(target, question)


def complete(target: Page | Frame, answers: dict[str, Any]) -> list[str]:
    """Answer each question shown from `answers` until the result; returns the question ids asked."""
    asked = []
    current = settle(target)
    while current != "complete":
        assert current != "error", target.locator("#alert").inner_text()
        assert len(asked) < MAX_STEPS, asked
        asked.append(current)
        current = answer(target, current, answers[current])
    return asked


def shown_result(target: Page | Frame) -> dict[str, Any]:
    """The result on screen, in the terms of a scenario's `expect`."""
    result = target.locator('[data-status="complete"]')

    def hooks(name: str) -> list[str]:
        return [element.get_attribute(f"data-{name}") for element in result.locator(f"[data-{name}]").all()]

    return {
        "status": "complete",
        "hds_certification_required": json.loads(hooks("certification-required")[0]),
        "activities": [int(number) for number in hooks("activity")],
        "certificates": hooks("certificate"),
        "exemptions": hooks("exemption"),
        "flags": hooks("flag"),
    }
