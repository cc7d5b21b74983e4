"""Varied request bodies for the HTTP benchmarks: distinct complete assessments, each a path the rules really take.

A seeded random walk through the engine answers each question it asks with one of its values until the result is
complete; walks that end before `min_answers` (an early exemption) are dropped, so every body costs a full
assessment: scope, activities and compliance. Half the bodies name their language, a third carry a certificate for
the gap analysis. Nothing can win by caching one answer: the bodies differ, and so do their results.
"""

from __future__ import annotations

import random
from typing import Any

from hds_api.rules import Rules, default_rules

AS_OF = "2026-11-25"
HELD = ({"activities": [1, 2, 3, 4], "referential": "v2", "valid_until": "2027-12-31"},
        {"activities": [3, 4, 5, 6], "referential": "v1", "valid_until": "2026-12-31"})  # fmt: skip


def _walk(rules: Rules, chooser: random.Random) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for _ in range(len(rules.catalogue.question_order) + 1):
        result = rules.evaluate(answers, AS_OF, None, "en")
        if result["status"] == "complete":
            return answers
        question = result["next_question"]
        values = [True, False] if question["type"] == "boolean" else [choice["value"] for choice in question["choices"]]
        answers[question["id"]] = chooser.choice(values)
    raise AssertionError("the path never ends")


def complete_bodies(count: int = 64, min_answers: int = 14, seed: int = 12) -> list[dict[str, Any]]:
    """`count` distinct request bodies, each a complete assessment of at least `min_answers` answers."""
    rules = default_rules()
    chooser = random.Random(seed)
    seen: set[str] = set()
    bodies: list[dict[str, Any]] = []
    for _ in range(count * 500):  # bounded: fails loudly rather than loop if the rules allow too few paths
        answers = _walk(rules, chooser)
        key = repr(sorted(answers.items()))
        if len(answers) < min_answers or key in seen:
            continue
        seen.add(key)
        body: dict[str, Any] = {"answers": answers, "as_of": AS_OF}
        if len(bodies) % 2 == 0:
            body["lang"] = ("fr", "en")[len(bodies) % 4 // 2]
        if len(bodies) % 3 == 0:
            body["current_certification"] = HELD[len(bodies) % 2]
        bodies.append(body)
        if len(bodies) == count:
            return bodies
    raise AssertionError(f"only {len(bodies)} distinct complete paths of {min_answers}+ answers found")
