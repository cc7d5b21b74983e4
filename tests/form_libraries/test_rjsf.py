"""GET /v1/questionnaire?format=jsonschema in react-jsonschema-form (RJSF), default settings: an untouched form
answers nothing, and the form shows exactly the questions the engine asks."""

from __future__ import annotations

import random

from .paths import any_answers, engine_path, legal_dates, path_answer_sets, questionnaire_as

SCRIPT = "rjsf_form_state.mjs"


def json_schema(client, as_of, lang="fr"):
    return questionnaire_as(client, "jsonschema", as_of, lang)


def test_an_untouched_form_answers_nothing(client, rules, run_node):
    schemas = [json_schema(client, as_of, ("fr", "en")[index % 2]) for index, as_of in enumerate(legal_dates(rules))]
    cases = [{"schema": index, "formData": None} for index in range(len(schemas))]
    for result in run_node(SCRIPT, {"schemas": schemas, "cases": cases})["results"]:
        assert result == {"state": {}, "shown": ["personal_data"], "errors": []}


def test_answering_adds_no_default_and_shows_the_engine_path(client, rules, run_node):
    """Over 120 random paths of every period and the reference scenarios' paths, whole or stopped anywhere: each
    question that appears stays unanswered until answered."""
    answer_sets = path_answer_sets(rules, seed=16, walks=120)
    dates = sorted({as_of for as_of, _ in answer_sets})
    schemas = [json_schema(client, as_of, lang=("fr", "en")[index % 2]) for index, as_of in enumerate(dates)]
    cases = [{"schema": dates.index(as_of), "formData": dict(steps)} for as_of, steps in answer_sets]
    results = run_node(SCRIPT, {"schemas": schemas, "cases": cases})["results"]
    shown_anywhere = set()
    for (as_of, steps), result in zip(answer_sets, results, strict=True):
        answers = dict(steps)
        assert result["state"] == answers
        assert result["shown"] == engine_path(rules.evaluate(answers, as_of)), (as_of, answers)
        assert result["errors"] == []
        shown_anywhere.update(result["shown"])
    assert shown_anywhere == set(rules.catalogue.question_order)


def test_answers_off_the_path_are_kept_but_not_shown(client, rules, run_node):
    """RJSF keeps the answers of questions it no longer shows (the API lists them in `unused_answers`)."""
    rng = random.Random(17)
    dates = legal_dates(rules)
    schemas = [json_schema(client, as_of) for as_of in dates]
    cases = [{"schema": number % len(dates), "formData": any_answers(rules, rng)} for number in range(60)]
    results = run_node(SCRIPT, {"schemas": schemas, "cases": cases})["results"]
    for case, result in zip(cases, results, strict=True):
        assert result["state"] == case["formData"]
        assert result["shown"] == engine_path(rules.evaluate(case["formData"], dates[case["schema"]])), case
        assert result["errors"] == []


def test_rjsf_validation_rejects_what_the_api_rejects(client, rules, run_node):
    schema = json_schema(client, rules.tree.applies_from, "en")
    cases = [
        {"schema": 0, "formData": {"personal_data": None, "storage_medium": None}},
        {"schema": 0, "formData": {"personal_data": "yes"}},
        {"schema": 0, "formData": {"personal_data": True, "health_data": True, "data_originator": "hospital"}},
        {"schema": 0, "formData": {"storage_medium": "cloud"}},  # off the path: the API still rejects it
        {"schema": 0, "formData": {"unknown_question": True}},
    ]
    accepted, *rejected = run_node(SCRIPT, {"schemas": [schema], "cases": cases})["results"]
    assert accepted["errors"] == []
    assert all(result["errors"] for result in rejected)


def test_the_check_would_see_a_pre_filled_choice(client, rules, run_node):
    """Written as `oneOf` of `const` (what the schema was), RJSF pre-fills choices: the checks above would fail."""
    schema = json_schema(client, rules.tree.applies_from, "en")
    for block in schema["allOf"]:
        for prop in block["then"]["properties"].values():
            for option in prop.get("oneOf", []):
                option["const"] = option.pop("enum")[0]
    case = {"schema": 0, "formData": {"personal_data": True, "health_data": True}}
    (result,) = run_node(SCRIPT, {"schemas": [schema], "cases": [case]})["results"]
    assert result["state"]["data_originator"] == "health_professional"
