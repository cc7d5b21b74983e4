"""Answer sets for the form-library tests: paths walked through the engine, and answers drawn at random."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

from hds_api.rules import Rules

from ..scenario_files import as_of_text, own_scenarios, shared_scenarios


def legal_dates(rules: Rules) -> list[date]:
    """Every date at which some rule starts to apply, and the day before: each period of each date node."""
    start = rules.tree.applies_from
    days = {start}
    for day in rules.calendar.dates.values():
        days |= {moment for moment in (day - timedelta(days=1), day) if moment >= start}
    return sorted(days)


class Walker:
    """Draws full paths through the engine so that a few hundred take every branch, rare ones included: at each
    next question, mostly an answer that does not end the assessment, and the one given least often so far."""

    def __init__(self, rules: Rules, seed: int):
        self.rules = rules
        self.rng = random.Random(seed)
        self.given: Counter[tuple[str, Any]] = Counter()

    def path(self, as_of: date) -> list[tuple[str, Any]]:
        """The answers of one full path at `as_of`, in asking order."""
        answers: dict[str, Any] = {}
        while True:
            result = self.rules.evaluate(answers, as_of)
            if result["status"] == "complete":
                return list(answers.items())
            question = result["next_question"]["id"]
            values = self.rules.catalogue.question_values[question]
            going_on = [
                v for v in values if self.rules.evaluate({**answers, question: v}, as_of)["status"] != "complete"
            ]
            if going_on and self.rng.random() < 0.75:
                values = tuple(going_on)
            fewest = min(self.given[question, value] for value in values)
            answer = self.rng.choice([value for value in values if self.given[question, value] == fewest])
            self.given[question, answer] += 1
            answers[question] = answer


def reference_paths(rules: Rules) -> list[tuple[date, list[tuple[str, Any]]]]:
    """The path of each reference scenario (shared and our own): between them, they ask every question."""
    paths = []
    for scenario in shared_scenarios() + own_scenarios():
        as_of = date.fromisoformat(as_of_text(scenario["as_of"]))
        trace = rules.evaluate(scenario["answers"], as_of)["trace"]
        paths.append((as_of, [(step["question"], step["answer"]) for step in trace]))
    return paths


def path_answer_sets(rules: Rules, seed: int, walks: int) -> list[tuple[date, list[tuple[str, Any]]]]:
    """Answers that follow the engine's path, in asking order: `walks` random paths over every period, then every
    reference scenario's; every other one stopped at a random question."""
    walker = Walker(rules, seed)
    dates = legal_dates(rules)
    paths = [(dates[number % len(dates)], walker.path(dates[number % len(dates)])) for number in range(walks)]
    paths += reference_paths(rules)
    return [
        (as_of, steps[: walker.rng.randrange(len(steps))] if number % 2 else steps)
        for number, (as_of, steps) in enumerate(paths)
    ]


def any_answers(rules: Rules, rng: random.Random) -> dict[str, Any]:
    """Answers to a random half of the questions, on the path or not."""
    values = rules.catalogue.question_values
    return {question: rng.choice(values[question]) for question in values if rng.random() < 0.5}


def engine_path(result: dict[str, Any]) -> list[str]:
    """The questions the engine asks for these answers: those answered on the path, then the next one."""
    asked = [step["question"] for step in result["trace"]]
    return asked + ([result["next_question"]["id"]] if result["next_question"] else [])


def questionnaire_as(client: Any, library_format: str, as_of: date, lang: str = "fr") -> dict[str, Any]:
    """The questionnaire as a form library takes it (`jsonschema`, `surveyjs`), at a date, in a language."""
    response = client.get(f"/v1/questionnaire?format={library_format}&as_of={as_of.isoformat()}&lang={lang}")
    assert response.status_code == 200
    return response.get_json()
