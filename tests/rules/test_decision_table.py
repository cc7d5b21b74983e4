"""The decision table of the review document is faithful: every outcome has its rows, answers drawn from any
row give that row's conclusion, and any complete set of answers meets exactly one row, the one that concludes
as the engine does."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from hds_api.rules.render.rules_doc import decision_table
from hds_api.rules.render.rules_doc.paths import ACTIVITIES, AS_OF, NONE, SOME


@pytest.fixture(scope="module")
def table(rules):
    return decision_table(rules, "hds_scope")


def all_rows(table):
    return [row for rows in table.rows.values() for row in rows]


def outcome_of(result) -> str:
    return "certification_required" if result["hds_certification_required"] else result["exemptions"][0]["code"]


def possible_flags(table, row) -> set[str]:
    """The flags a row gives always, and those a single answer may add on its paths."""
    flags = set(row.effect.flags)
    for question in row.flag_questions:
        for added in table.facts.answer_flags[question].values():
            flags.update(added)
    return flags


def assert_concludes_as(row, result, table):
    assert outcome_of(result) == row.effect.outcome
    assert result["confidence"] == row.effect.confidence
    assert result["archives_approval_required"] is row.effect.archives_approval
    flags = {flag["code"] for flag in result["flags"]}
    assert row.effect.flags <= flags <= possible_flags(table, row)


def test_every_outcome_has_rows(rules, table):
    assert set(table.rows) == set(rules.catalogue.outcomes)
    for code in rules.raw.data("outcomes")["exemptions"]:
        assert table.rows[code], code


@pytest.mark.parametrize("last", [False, True], ids=["first values", "last values"])
def test_answers_drawn_from_each_row_give_its_conclusion(rules, table, last):
    for row in all_rows(table):
        answers, as_of = table.sample(row, last=last)
        result = rules.evaluate(answers, as_of)
        assert result["status"] == "complete"
        assert_concludes_as(row, result, table)
        assert [other for other in all_rows(table) if other.matches(table.point(answers, as_of))] == [row]


def random_answers(rules, rng: random.Random) -> dict:
    """Every question answered at random, most often past the first questions so that long paths are walked."""
    answers = {question: rng.choice(values) for question, values in rules.catalogue.question_values.items()}
    for question, value, odds in [
        ("personal_data", True, 0.9), ("health_data", True, 0.9), ("care_context", True, 0.7),
        ("stores_data", True, 0.6), ("short_term_processing_only", False, 0.6),
    ]:  # fmt: skip
        if rng.random() < odds:
            answers[question] = value
    if rng.random() < 0.3:
        answers.update(
            {question: False for question in rules.catalogue.question_order if question.startswith("activity_")}
        )
    return answers


def test_any_answers_meet_exactly_one_row_which_concludes_as_the_engine(rules, table):
    rng = random.Random(20271)
    rows = all_rows(table)
    seen = set()
    for _ in range(3000):
        answers = random_answers(rules, rng)
        as_of = date(2018, 4, 1) + timedelta(days=rng.randrange(0, 12 * 365))
        matching = [row for row in rows if row.matches(table.point(answers, as_of))]
        assert len(matching) == 1, (answers, as_of)
        assert_concludes_as(matching[0], rules.evaluate(answers, as_of), table)
        seen.add(id(matching[0]))
    assert len(seen) > len(rows) / 2  # the draw reaches most rows, not just the short paths


def test_activity_answers_collapse_to_at_least_one_or_none(table):
    required = table.rows["certification_required"]
    assert all(row.conditions[ACTIVITIES] == {SOME} for row in required)
    assert all(row.conditions[ACTIVITIES] == {NONE} for row in table.rows["no_hosting_activity"])
    named = {name for row in all_rows(table) for name in row.conditions}
    assert not named & set(table.facts.activity_questions)


def test_rows_merge_answers_that_do_not_matter(table):
    (ght,) = table.rows["ght_co_responsibility"]
    assert ght.conditions["data_originator"] == {"health_establishment", "social_medico_social_service"}
    assert AS_OF not in ght.conditions  # no date changes it
    required = table.rows["certification_required"]
    assert not any("storage_location" in row.conditions for row in required)  # it adds a flag, nothing else
    ght_not_met = [row for row in required if row.any_of]
    assert {variable for row in ght_not_met for variable, _ in row.any_of} == {
        "ght_same_convention", "ght_convention_delegates_hosting", "ght_joint_controller_agreement",
        "ght_security_measures",
    }  # fmt: skip
    resellers = [row for row in table.rows["no_hosting_activity"] if row.conditions["resells_hosting"] == {"true"}]
    assert resellers and all(row.effect.confidence == "low" for row in resellers)
