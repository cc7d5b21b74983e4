"""Properties of the engine over random answers that follow the tree's own paths."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hds_api.rules import default_rules

from ..answers import DEFAULTS
from .paths import ACTIVITY_QUESTIONS, codes, expected_gap_status

RULES = default_rules()
CATALOGUE = RULES.catalogue
ALL_QUESTIONS = CATALOGUE.question_order
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any day of the regime, and often a legal date or the day before it (where the rules change).
FIRST_DAY, LAST_DAY = RULES.calendar.dates["regime_start"], date(2032, 12, 31)
BOUNDARIES = sorted(
    {day + timedelta(days=shift) for day in RULES.calendar.dates.values() for shift in (-1, 0)}
    - {FIRST_DAY - timedelta(days=1)}
)
as_of_dates = st.one_of(st.sampled_from(BOUNDARIES), st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
languages = st.sampled_from(["fr", "en"])
held_certificates = st.fixed_dictionaries({
    "activities": st.lists(st.sampled_from(sorted(CATALOGUE.activity_views)), unique=True),
    "referential": st.sampled_from(["v1", "v2"]),
    "valid_until": as_of_dates.map(date.isoformat),
})  # fmt: skip


@st.composite
def walked_paths(draw, deep: bool = False):
    """(as_of, lang, the answers of one full path in asking order): each answer drawn for the next question.
    One path in eight performs no activity (the reseller branch); `deep` paths lean on the answer builder's
    defaults half the time, so that most of them go as far as a certificate."""
    as_of, lang = draw(as_of_dates), draw(languages)
    no_activity = draw(st.integers(0, 7)) == 0
    answers: dict = {}
    while True:
        result = RULES.evaluate(answers, as_of, lang=lang)
        if result["status"] == "complete":
            return as_of, lang, answers
        question = result["next_question"]["id"]
        values = st.sampled_from(CATALOGUE.question_values[question])
        if no_activity and question in ACTIVITY_QUESTIONS:
            values = st.just(False)
        elif deep and draw(st.integers(0, 3)) != 0:
            values = st.just(DEFAULTS[question])
        answers[question] = draw(values)


def outcome(result: dict) -> dict:
    """Everything but the bookkeeping of which answers were unused."""
    return {key: value for key, value in result.items() if key != "unused_answers"}


@PROPERTY_SETTINGS
@given(walked_paths())
def test_evaluation_is_deterministic(path):
    as_of, lang, answers = path
    assert RULES.evaluate(dict(answers), as_of, lang=lang) == RULES.evaluate(dict(answers), as_of, lang=lang)


@PROPERTY_SETTINGS
@given(walked_paths(), st.data())
def test_complete_exactly_when_every_question_on_the_path_is_answered(path, data):
    as_of, lang, answers = path
    asked = list(answers)
    full = RULES.evaluate(answers, as_of, lang=lang)
    assert full["status"] == "complete"
    assert [step["question"] for step in full["trace"]] == asked
    missing = data.draw(st.sampled_from(asked))
    partial = {question: value for question, value in answers.items() if question != missing}
    result = RULES.evaluate(partial, as_of, lang=lang)
    assert result["status"] == "incomplete"
    assert result["hds_certification_required"] is None
    assert result["next_question"]["id"] == missing


@PROPERTY_SETTINGS
@given(walked_paths())
def test_certificates_follow_from_activities(path):
    as_of, lang, answers = path
    result = RULES.evaluate(answers, as_of, lang=lang)
    numbers = {activity["number"] for activity in result["activities"]}
    expected = [
        views[lang][0]["code"]
        for covers, views in CATALOGUE.certificates
        if result["hds_certification_required"] and covers & numbers
    ]
    assert [certificate["code"] for certificate in result["certificates"]] == expected
    if result["hds_certification_required"]:
        assert numbers, "a certificate is never required without an activity"
        assert "controller_must_verify_certificate" in {flag["code"] for flag in result["flags"]}


@PROPERTY_SETTINGS
@given(walked_paths())
def test_an_exemption_means_no_certificate(path):
    as_of, lang, answers = path
    result = RULES.evaluate(answers, as_of, lang=lang)
    assert (len(result["exemptions"]) == 1) is (result["hds_certification_required"] is False)
    if result["exemptions"]:
        assert result["certificates"] == []
        assert result["exemptions"][0]["kind"] in {"out_of_scope", "exclusion", "exemption", "other_regime"}


@PROPERTY_SETTINGS
@given(walked_paths(), st.data())
def test_an_off_path_answer_never_changes_the_outcome(path, data):
    as_of, lang, answers = path
    off_path = [question for question in ALL_QUESTIONS if question not in answers]
    extra_ids = data.draw(st.lists(st.sampled_from(off_path), unique=True)) if off_path else []
    extra = {question: data.draw(st.sampled_from(CATALOGUE.question_values[question])) for question in extra_ids}
    plain = RULES.evaluate(answers, as_of, lang=lang)
    padded = RULES.evaluate({**answers, **extra}, as_of, lang=lang)
    assert outcome(padded) == outcome(plain)
    assert padded["unused_answers"] == sorted(extra)


@PROPERTY_SETTINGS
@given(walked_paths(), st.data())
def test_next_question_is_never_already_answered(path, data):
    as_of, lang, answers = path
    kept = data.draw(st.lists(st.sampled_from(list(answers)), unique=True))
    partial = {question: answers[question] for question in kept}
    result = RULES.evaluate(partial, as_of, lang=lang)
    if result["status"] == "incomplete":
        assert result["next_question"]["id"] not in partial
        assert result["progress"]["remaining_at_most"] >= 1
    assert set(result["unused_answers"]) <= set(partial)


@PROPERTY_SETTINGS
@given(walked_paths())
def test_confidence_is_the_lowest_on_the_path(path):
    as_of, lang, answers = path
    result = RULES.evaluate(answers, as_of, lang=lang)
    levels = ["high", "medium", "low"]
    assert result["confidence"] in levels
    if result["exemptions"]:
        assert levels.index(result["confidence"]) >= levels.index(result["exemptions"][0]["confidence"])


@PROPERTY_SETTINGS
@given(walked_paths(deep=True))
def test_each_certificate_carries_the_activities_it_must_cover(path):
    as_of, lang, answers = path
    result = RULES.evaluate(answers, as_of, lang=lang)
    numbers = [activity["number"] for activity in result["activities"]]
    covered = []
    for certificate in result["certificates"]:
        required = certificate["required_activities"]
        assert required and required == sorted(required)
        assert set(required) <= set(certificate["activities"]) and set(required) <= set(numbers)
        covered += required
    assert sorted(covered) == (numbers if result["hds_certification_required"] else [])


@PROPERTY_SETTINGS
@given(walked_paths(deep=True), held_certificates, st.booleans())
def test_the_gap_status_is_the_first_that_applies(path, held, covering):
    as_of, lang, answers = path
    if covering:  # half the certificates hold at least every activity performed
        performed = [activity["number"] for activity in RULES.evaluate(answers, as_of)["activities"]]
        held = {**held, "activities": sorted({*held["activities"], *performed})}
    result = RULES.evaluate(answers, as_of, held, lang)
    gap = result["certification_gap"]
    assert gap["status"] == expected_gap_status(result, held, as_of, RULES.calendar.dates)
    if gap["status"] == "non_compliant":
        assert "storage_outside_eea" in codes(result["flags"])
        assert gap["compliance_issues"] and set(gap["compliance_issues"]) <= set(codes(result["flags"]))
    else:
        assert gap["compliance_issues"] == []
    required = (
        {activity["number"] for activity in result["activities"]} if result["hds_certification_required"] else set()
    )
    assert gap["missing_activities"] == sorted(required - set(held["activities"]))
    assert RULES.evaluate(answers, as_of, None, lang)["certification_gap"] is None
