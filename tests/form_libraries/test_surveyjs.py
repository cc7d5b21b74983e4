"""GET /v1/questionnaire?format=surveyjs, loaded in survey-core: it shows exactly the questions the engine asks."""

from __future__ import annotations

import json
import random

import pytest

from .paths import any_answers, engine_path, legal_dates, path_answer_sets, questionnaire_as

SCRIPT = "surveyjs_paths.mjs"


def definition(client, as_of, lang="fr"):
    return questionnaire_as(client, "surveyjs", as_of, lang)


def assess(client, answers, as_of):
    response = client.post("/v1/assessments", json={"answers": answers, "as_of": as_of.isoformat(), "lang": "en"})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_one_element_per_question_in_both_languages(client, rules):
    survey = definition(client, rules.tree.applies_from, lang="en")
    assert survey["locale"] == "en"
    assert survey["clearInvisibleValues"] == "onHidden"
    assert [element["name"] for element in survey["elements"]] == rules.catalogue.question_order
    questionnaires = {
        lang: {
            q["id"]: q for q in client.get(f"/v1/questionnaire?lang={lang}&as_of=2018-04-01").get_json()["questions"]
        }
        for lang in ("fr", "en")
    }
    for element in survey["elements"]:
        texts = {lang: questionnaires[lang][element["name"]] for lang in ("fr", "en")}
        assert element["title"] == {lang: texts[lang]["label"] for lang in ("fr", "en")}
        assert element["description"] == {lang: texts[lang]["help"] for lang in ("fr", "en")}
        assert element["isRequired"] is True
        if texts["en"]["type"] == "boolean":
            # SurveyJS' boolean values are JSON true/false unless valueTrue/valueFalse say otherwise.
            assert element["type"] == "boolean"
            assert "valueTrue" not in element and "valueFalse" not in element
        else:
            assert element["type"] == "radiogroup"
            assert element["choices"] == [
                {
                    "value": choice["value"],
                    "text": {lang: texts[lang]["choices"][index]["label"] for lang in ("fr", "en")},
                }
                for index, choice in enumerate(texts["en"]["choices"])
            ]
    assert "visibleIf" not in survey["elements"][0]
    assert survey["elements"][1]["visibleIf"] == "{personal_data} = true"


@pytest.mark.parametrize(
    ("lang", "title"), [("fr", "S'agit-il de données de santé ?"), ("en", "Are they health data?")]
)
def test_survey_core_reads_the_definition_in_the_requested_language(client, rules, run_node, lang, title):
    survey = definition(client, rules.tree.applies_from, lang)
    output = run_node(SCRIPT, {"definitions": [survey], "cases": [{"definition": 0, "data": {"personal_data": True}}]})
    assert output["json_errors"] == [[]]  # every property known to survey-core
    assert output["results"][0]["titles"]["health_data"] == title
    assert output["results"][0]["visible"] == ["personal_data", "health_data"]


def test_answered_one_by_one_survey_core_shows_the_engine_path_and_its_data_give_the_result(client, rules, run_node):
    """Over 200 random paths of every period and the reference scenarios' paths, answered question after question,
    whole or stopped anywhere."""
    answer_sets = path_answer_sets(rules, seed=13, walks=200)
    dates = sorted({as_of for as_of, _ in answer_sets})
    surveys = [definition(client, as_of, lang=("fr", "en")[index % 2]) for index, as_of in enumerate(dates)]
    cases = [{"definition": dates.index(as_of), "steps": steps} for as_of, steps in answer_sets]
    results = run_node(SCRIPT, {"definitions": surveys, "cases": cases})["results"]
    shown_anywhere = set()
    for (as_of, steps), result in zip(answer_sets, results, strict=True):
        answers = dict(steps)
        assert result["visible"] == engine_path(rules.evaluate(answers, as_of)), (as_of, answers)
        assert result["data"] == answers
        # JSON true/false, not 1/0 (which Python would find equal).
        assert [type(value) for value in result["data"].values()] == [type(value) for value in answers.values()]
        engine = json.loads(json.dumps(rules.evaluate(answers, as_of, lang="en")))
        assert assess(client, result["data"], as_of) == engine
        shown_anywhere.update(result["visible"])
    assert shown_anywhere == set(rules.catalogue.question_order)


def test_whatever_the_data_survey_core_shows_only_what_the_engine_asks(client, rules, run_node):
    """Data set at once (a portal restoring answers), with answers off the path: they show nothing, as the engine
    reads none of them."""
    rng = random.Random(14)
    dates = legal_dates(rules)
    surveys = [definition(client, as_of) for as_of in dates]
    cases = [{"definition": number % len(dates), "data": any_answers(rules, rng)} for number in range(60)]
    results = run_node(SCRIPT, {"definitions": surveys, "cases": cases})["results"]
    for case, result in zip(cases, results, strict=True):
        as_of = dates[case["definition"]]
        assert result["visible"] == engine_path(rules.evaluate(case["data"], as_of)), case


def test_changing_an_answer_hides_and_clears_the_questions_off_the_new_path(client, rules, run_node):
    rng = random.Random(15)
    answer_sets = [(as_of, steps) for as_of, steps in path_answer_sets(rules, seed=15, walks=40) if steps]
    dates = sorted({as_of for as_of, _ in answer_sets})
    surveys = [definition(client, as_of) for as_of in dates]
    cases, changed = [], []
    for as_of, steps in answer_sets:
        question, value = rng.choice(steps)
        other = rng.choice([v for v in rules.catalogue.question_values[question] if v != value])
        cases.append({"definition": dates.index(as_of), "steps": [*steps, [question, other]]})
        changed.append((as_of, {**dict(steps), question: other}))
    results = run_node(SCRIPT, {"definitions": surveys, "cases": cases})["results"]
    dropped = 0
    for (as_of, answers), result in zip(changed, results, strict=True):
        path = engine_path(rules.evaluate(answers, as_of))
        assert result["visible"] == path
        # What is hidden is cleared: the data are the answers of the new path, nothing off it is ever submitted.
        assert result["data"] == {question: value for question, value in answers.items() if question in path}
        dropped += len(result["data"]) < len(answers)
    assert dropped >= 20, "many changes should lead to another path"
