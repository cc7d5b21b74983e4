"""The conditions under which the engine asks each question, derived from the tree (rules/render/form_libraries)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hds_api.rules import default_rules
from hds_api.rules.render.form_libraries.flow import Flow
from hds_api.rules.render.form_libraries.formula import FALSE, TRUE, Algebra, All, Any_, Is, Not, Reached
from hds_api.rules.render.form_libraries.questions import algebra_of

from ..conftest import ROOT
from .paths import Walker, engine_path, legal_dates

RULES = default_rules()
DATES = legal_dates(RULES)
FLOWS = {as_of: Flow(RULES.tree, algebra_of(RULES), as_of) for as_of in DATES}
VALUES = RULES.catalogue.question_values


def holds(condition, answers, definitions) -> bool:
    """A condition evaluated in Python, as the form libraries evaluate their rendering of it."""
    if isinstance(condition, Is):
        return condition.question in answers and answers[condition.question] in condition.values
    if isinstance(condition, Reached):
        return holds(definitions[condition.node], answers, definitions)
    if isinstance(condition, Not):
        return not holds(condition.item, answers, definitions)
    if isinstance(condition, All):
        return all(holds(item, answers, definitions) for item in condition.items)
    return any(holds(item, answers, definitions) for item in condition.items)


def asked(flow: Flow, answers) -> list[str]:
    return [q for q in RULES.catalogue.question_order if holds(flow.asked.get(q, FALSE), answers, flow.definitions)]


any_answers = st.dictionaries(st.sampled_from(RULES.catalogue.question_order), st.none(), max_size=len(VALUES)).flatmap(
    lambda chosen: st.fixed_dictionaries({q: st.sampled_from(VALUES[q]) for q in chosen})
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DATES), any_answers)
def test_the_conditions_hold_for_exactly_the_questions_the_engine_asks(as_of, answers):
    assert asked(FLOWS[as_of], answers) == engine_path(RULES.evaluate(answers, as_of))


def test_along_walked_paths_every_prefix_asks_what_the_engine_asks():
    walker = Walker(RULES, seed=21)
    for number in range(150):
        as_of = DATES[number % len(DATES)]
        steps = walker.path(as_of)
        for stop in range(len(steps) + 1):
            answers = dict(steps[:stop])
            assert asked(FLOWS[as_of], answers) == engine_path(RULES.evaluate(answers, as_of))


def test_the_first_question_is_always_asked_and_dates_change_the_flow():
    early, late = FLOWS[DATES[0]], FLOWS[DATES[-1]]
    assert early.asked["personal_data"] == TRUE
    # Referential v2 (2024-11-16) brings the EEA questions; before it they are never asked.
    assert "storage_location" not in early.asked
    assert "storage_location" in late.asked


ALGEBRA = Algebra(["a", "b", "c"], {"a": (True, False), "b": ("x", "y", "z"), "c": (True, False)})
A, NOT_A = Is("a", (True,)), Is("a", (False,))
BX, BY, BZ = Is("b", ("x",)), Is("b", ("y",)), Is("b", ("z",))
C = Is("c", (True,))


@pytest.mark.parametrize(
    ("built", "expected"),
    [
        (ALGEBRA.any(BX, BY), Is("b", ("x", "y"))),  # atoms on one question merge, in catalogue order
        (ALGEBRA.any(BZ, BX), Is("b", ("x", "z"))),
        (ALGEBRA.all(Is("b", ("x", "y")), Is("b", ("y", "z"))), BY),
        (ALGEBRA.all(BX, BY), FALSE),
        (ALGEBRA.all(A, TRUE), A),
        (ALGEBRA.any(A, FALSE), A),
        (ALGEBRA.any(A, TRUE), TRUE),
        (ALGEBRA.all(A, FALSE), FALSE),
        (ALGEBRA.any(A, ALGEBRA.all(A, C)), A),  # absorption
        (ALGEBRA.any(ALGEBRA.all(A, BX), ALGEBRA.all(A, BY)), ALGEBRA.all(A, Is("b", ("x", "y")))),  # factoring
        (ALGEBRA.any(ALGEBRA.all(A, BX, C), ALGEBRA.all(NOT_A, BX, C)), ALGEBRA.all(BX, C, Is("a", (True, False)))),
        (ALGEBRA.negate(ALGEBRA.any(A, BX), frozenset({"a"})), ALGEBRA.all(NOT_A, Not(BX))),
        (ALGEBRA.negate(Is("b", ("x",)), frozenset({"b"})), Is("b", ("y", "z"))),
    ],
)
def test_the_algebra_simplifies_without_changing_the_meaning(built, expected):
    assert built == expected


def test_a_disjunction_reads_in_flow_order():
    assert ALGEBRA.any(C, A) == Any_((A, C))
    assert ALGEBRA.all(C, BX, A) == All((A, BX, C))


def test_dates_before_a_period_take_the_first_one():
    flow = Flow(RULES.tree, algebra_of(RULES), date(2000, 1, 1))
    assert flow.asked == FLOWS[DATES[0]].asked


def test_every_process_writes_the_same_definitions(tmp_path):
    """Sets iterate in a per-process order (hash seeds): the formats must not depend on it (gunicorn workers)."""
    script = (
        "import json, datetime; from hds_api.rules import default_rules;"
        "from hds_api.rules.render.form_libraries import *;"
        "rules, day = default_rules(), datetime.date(2026, 12, 1);"
        "print(json.dumps([surveyjs_definition(rules, 'fr', day), answers_json_schema(rules, 'en', day)]))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT,
            capture_output=True, text=True, check=True, timeout=120,
        ).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(outputs) == 1
