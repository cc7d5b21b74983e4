"""A broken rule file of each kind gives its own message, naming the file and the node; nothing is served."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from hds_api.rules import DEFAULT_RULES_DIR, RulesError, load_rules
from hds_api.rules.files import _StrictLoader

TREE = "hds_scope.yaml"


def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "decision_trees"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def edit(directory: Path, file: str, change: Callable[[dict], None]) -> None:
    path = directory / file
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 - safe loader
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems_after(tmp_path: Path, file: str, change: Callable[[dict], None]) -> list[str]:
    directory = rules_copy(tmp_path)
    edit(directory, file, change)
    with pytest.raises(RulesError) as caught:
        load_rules(directory)
    return [str(problem) for problem in caught.value.problems]


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


def nodes(data: dict) -> dict:
    return data["nodes"]


def ask_stores_data_again(data: dict) -> None:
    ends = {"outcome": "no_storage"}
    nodes(data)["stores_data_again"] = {"ask": "stores_data", "branches": {"true": ends, "false": ends}}
    nodes(data)["uses_subcontractors"]["branches"]["false"] = "stores_data_again"


def test_the_shipped_rules_load():
    assert load_rules().summary()["questions"] == 25


def test_every_schema_error_is_reported_at_once_with_its_path(tmp_path):
    def change(data):
        del data["questions"]["health_data"]["label"]["en"]
        data["questions"]["care_context"]["type"] = "number"

    problems = problems_after(tmp_path, "questions.yaml", change)
    assert len(problems) == 2
    assert any("questions.yaml: questions/health_data/label: 'en' is a required property" in p for p in problems)
    assert any("questions.yaml: questions/care_context/type: 'number' is not one of" in p for p in problems)


def test_a_malformed_node_names_the_node_path(tmp_path):
    problems = problems_after(tmp_path, TREE, lambda data: nodes(data)["stores_data"].update(branches="x"))
    assert "hds_scope.yaml: nodes/stores_data/branches: 'x' is not of type 'object'" in only(problems)


def test_invalid_yaml_names_the_line(tmp_path):
    directory = rules_copy(tmp_path)
    (directory / TREE).write_text("kind: tree\nnodes: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(directory)
    assert "hds_scope.yaml: line 3: invalid YAML" in str(caught.value)


def test_a_node_defined_twice_is_refused(tmp_path):
    directory = rules_copy(tmp_path)
    path = directory / TREE
    path.write_text(path.read_text() + "  stores_data:\n    ask: stores_data\n", encoding="utf-8")
    with pytest.raises(RulesError, match="hds_scope.yaml: line [0-9]+: invalid YAML: duplicate key 'stores_data'"):
        load_rules(directory)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda data: nodes(data)["stores_data"].update(ask="stores_anything"),
            "node 'stores_data': asks unknown question 'stores_anything'",
        ),
        (
            lambda data: nodes(data)["stores_data"]["branches"].update(true="nowhere"),
            "node 'stores_data' branches/true: goes to unknown node 'nowhere' (a dead end)",
        ),
        (
            lambda data: nodes(data)["stores_data"]["branches"].update(false={"outcome": "no_idea"}),
            "node 'stores_data' branches/false: ends in unknown outcome 'no_idea'",
        ),
        (
            lambda data: nodes(data)["activity_backup"]["branches"].update(
                true={"next": "any_activity", "add": {"activities": ["cooking"]}}
            ),
            "node 'activity_backup' branches/true: adds unknown activity 'cooking'",
        ),
        (
            lambda data: nodes(data)["non_eea_access"]["branches"].update(
                true={"next": "third_country_law_exposure", "add": {"flags": ["no_such_flag"]}}
            ),
            "node 'non_eea_access' branches/true: unknown flag 'no_such_flag'",
        ),
        (
            lambda data: nodes(data)["storage_medium"]["branches"].pop("paper"),
            "node 'storage_medium': answer(s) paper of 'storage_medium' are not handled",
        ),
        (
            lambda data: nodes(data)["stores_data"]["branches"].pop("false"),
            "node 'stores_data': answer(s) false of 'stores_data' are not handled",
        ),
        (
            lambda data: nodes(data)["storage_medium"]["branches"].update(papyrus="stores_data"),
            "node 'storage_medium': branch 'papyrus' is not an answer of 'storage_medium'",
        ),
        (
            lambda data: nodes(data)["storage_medium"]["branches"].update(otherwise="stores_data"),
            "node 'storage_medium': 'otherwise' can never be taken: every value has a branch",
        ),
        (
            lambda data: nodes(data)["stores_data"]["branches"].update(otherwise="stores_data"),
            "node 'stores_data': 'otherwise' is not allowed on a boolean question",
        ),
        (
            lambda data: nodes(data)["uses_subcontractors"]["branches"].update(false="storage_location"),
            "cycle: uses_subcontractors -> storage_location -> non_eea_access -> third_country_law_exposure "
            "-> uses_subcontractors",
        ),
        (
            lambda data: nodes(data)["short_term_processing_only"]["branches"].update(false="stores_data"),
            "node 'short_term_processing_only'",
        ),
        (
            lambda data: nodes(data)["health_data"]["branches"].update(true="hosting_relationship"),
            "node 'data_originator': is not reachable from the root",
        ),
        (
            ask_stores_data_again,
            "node 'stores_data_again': asks 'stores_data' again on a path that asked it",
        ),
        (
            lambda data: data.update(root="nothing"),
            "hds_scope.yaml: root: root node 'nothing' does not exist",
        ),
        (
            lambda data: nodes(data)["resells_hosting"]["branches"].pop("true"),
            "node 'resells_hosting': answer(s) true of 'resells_hosting' are not handled",
        ),
        (
            lambda data: nodes(data)["self_hosting_providers"]["branches"].update(
                true={"outcome": "self_hosting", "add": {"flags": ["outside_help"]}}
            ),
            "node 'self_hosting_providers' branches/true: unknown flag 'outside_help'",
        ),
    ],
    ids=[
        "unknown-question",
        "dead-end",
        "unknown-outcome",
        "unknown-activity",
        "unknown-flag",
        "unhandled-choice",
        "unhandled-boolean",
        "not-an-answer",
        "useless-otherwise",
        "otherwise-on-boolean",
        "cycle",
        "self-cycle",
        "unreachable",
        "asked-twice",
        "unknown-root",
        "unhandled-reseller",
        "unknown-self-hosting-flag",
    ],
)
def test_each_graph_problem_has_its_message(tmp_path, change, expected):
    problems = problems_after(tmp_path, TREE, change)
    assert any(expected in problem and problem.startswith("decision_trees/hds_scope.yaml") for problem in problems), (
        problems
    )


def periods(data: dict) -> list[dict]:
    return nodes(data)["compliance_period"]["by_date"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda data: periods(data)[0].update(until="sren_electronic_archiving"), "overlap"),
        (lambda data: periods(data)[1].update({"from": "sren_electronic_archiving"}), "no period covers 2024-11-16"),
        (lambda data: periods(data).pop(0), "no period covers 2018-04-01 to 2024-11-16"),
        (lambda data: periods(data)[1].update(until="csp_eea_storage"), "no period covers the dates from 2026-09-26"),
        (lambda data: periods(data)[0].update(until="regime_start"), "the period ends before it starts"),
        (lambda data: periods(data)[0].update(until="the_day_after"), "unknown legal date 'the_day_after'"),
    ],
    ids=["overlap", "gap", "late-start", "bounded-end", "backwards", "unknown-date"],
)
def test_date_periods_tile_the_calendar(tmp_path, change, expected):
    problem = only(problems_after(tmp_path, TREE, change))
    assert problem.startswith("decision_trees/hds_scope.yaml: node 'compliance_period'")
    assert expected in problem


def test_unknown_reference_and_date_in_a_citation(tmp_path):
    def change(data):
        data["questions"]["stores_data"]["references"] = ["csp_article_zero", {"ref": "csp_l1111_8_i", "from": "x"}]

    problems = problems_after(tmp_path, "questions.yaml", change)
    assert "questions/stores_data/references/0: unknown reference 'csp_article_zero'" in problems[0]
    assert "questions/stores_data/references/1: unknown legal date 'x'" in problems[1]


def test_a_reference_without_an_address_is_refused(tmp_path):
    problems = problems_after(tmp_path, "law.yaml", lambda data: data["references"]["csp_r1111_9"].pop("url"))
    assert "law.yaml: references/csp_r1111_9: 'url' is a required property" in only(problems)


def test_a_reference_address_must_be_https(tmp_path):
    def change(data):
        data["references"]["csp_l1115_1"]["url"] = "http://www.legifrance.gouv.fr/"

    assert "law.yaml: references/csp_l1115_1/url: 'http://www.legifrance.gouv.fr/' does not match" in only(
        problems_after(tmp_path, "law.yaml", change)
    )


def test_two_references_with_one_cite_are_refused(tmp_path):
    # A result names a reference by its cite: two references sharing one would leave a reader two addresses.
    problems = problems_after(
        tmp_path, "law.yaml", lambda data: data["references"]["csp_r1111_16"].update(cite="CSP art. R.1111-9")
    )
    assert sorted(problems) == [
        "decision_trees/law.yaml: references/csp_r1111_16/cite: same en cite as 'csp_r1111_9'",
        "decision_trees/law.yaml: references/csp_r1111_16/cite: same fr cite as 'csp_r1111_9'",
    ]


def test_catalogue_entries_nobody_uses_are_refused(tmp_path):
    def change(data):
        data["questions"]["favourite_colour"] = dict(data["questions"]["stores_data"])

    problem = only(problems_after(tmp_path, "questions.yaml", change))
    assert problem == "decision_trees/questions.yaml: questions/favourite_colour: is never asked by any tree"


def test_gap_rules_must_end_with_always(tmp_path):
    problems = problems_after(tmp_path, "outcomes.yaml", lambda data: data["certification_gap"].pop())
    assert any("certification_gap/4: the last status must test 'always'" in p for p in problems)


def gap_rule(data: dict, status: str) -> dict:
    return next(rule for rule in data["certification_gap"] if rule["status"] == status)


def breaches(data: dict) -> list[dict]:
    return gap_rule(data, "non_compliant")["breaches"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda data: breaches(data)[0].update(flag="storage_on_the_moon"),
            "certification_gap/4/breaches/0: unknown flag 'storage_on_the_moon'",
        ),
        (
            lambda data: breaches(data)[1].update({"from": "the_day_after"}),
            "certification_gap/4/breaches/1: unknown legal date 'the_day_after'",
        ),
        (
            lambda data: breaches(data)[0].update(references=["hds_v9_req_1"]),
            "certification_gap/4/breaches/0/references/0: unknown reference 'hds_v9_req_1'",
        ),
        (lambda data: gap_rule(data, "non_compliant").pop("breaches"), "'breaches' is a required property"),
        (lambda data: breaches(data).clear(), "certification_gap/4/breaches: [] should be non-empty"),
        (lambda data: breaches(data)[0].update(referentials=["v3"]), "'v3' is not one of ['v1', 'v2']"),
        # A breach binds some referentials, or every certificate from a legal date: one of the two is needed.
        (lambda data: breaches(data)[0].pop("referentials"), ("breaches/0: {", "does not have enough properties")),
        (
            lambda data: gap_rule(data, "gap").update(breaches=breaches(data)),
            "should not be valid under {'required': ['breaches']}",
        ),
    ],
    ids=[
        "unknown-flag",
        "unknown-date",
        "unknown-reference",
        "missing-breaches",
        "no-breach",
        "unknown-referential",
        "unbound-breach",
        "breaches-on-another-test",
    ],
)
def test_each_compliance_breach_problem_is_named(tmp_path, change, expected):
    problem = only(problems_after(tmp_path, "outcomes.yaml", change))
    assert problem.startswith("decision_trees/outcomes.yaml: certification_gap/"), problem
    assert all(part in problem for part in ([expected] if isinstance(expected, str) else expected)), problem


def test_the_research_care_step_takes_a_known_confidence(tmp_path):
    def change(data):
        nodes(data)["care_context_research"]["branches"]["true"]["confidence"] = "certain"

    problem = only(problems_after(tmp_path, TREE, change))
    assert "nodes/care_context_research/branches/true/confidence: 'certain' is not one of" in problem


def test_a_flag_no_path_adds_is_refused(tmp_path):
    def change(data):
        nodes(data)["resells_hosting"]["branches"]["true"]["add"]["flags"] = ["subcontractor_coverage_required"]

    problem = only(problems_after(tmp_path, TREE, change))
    assert (
        problem
        == "decision_trees/outcomes.yaml: flags/offered_activities_reading: is never added by any tree or outcome"
    )


def test_certificates_must_cover_each_activity_once(tmp_path):
    def change(data):
        data["certificates"][0]["activities"] = [1]

    problem = only(problems_after(tmp_path, "outcomes.yaml", change))
    assert "every activity must be covered by exactly one certificate" in problem


def test_a_missing_kind_and_a_missing_schema_are_named(tmp_path):
    directory = rules_copy(tmp_path)
    (directory / "law.yaml").unlink()
    with pytest.raises(RulesError, match="decision_trees: no rule file of kind 'law'"):
        load_rules(directory)
    shutil.rmtree(directory / "schema")
    with pytest.raises(RulesError, match="decision_trees/schema/rules.schema.json: cannot be read"):
        load_rules(directory)


def test_a_missing_directory_is_named(tmp_path):
    with pytest.raises(RulesError, match="the decision trees directory does not exist"):
        load_rules(tmp_path / "nowhere")


def readings(data: dict) -> dict:
    return data["contested_readings"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda data: readings(data)["offered_activities"]["references"].append("ans_rumour"),
            "contested_readings/offered_activities/references/3: unknown reference 'ans_rumour'",
        ),
        (
            lambda data: readings(data)["offered_activities"]["applies_to"]["outcomes"].append("no_idea"),
            "contested_readings/offered_activities/applies_to/outcomes: unknown outcome 'no_idea'",
        ),
        (
            lambda data: readings(data)["ght_co_responsibility"]["applies_to"]["flags"].append("no_flag"),
            "contested_readings/ght_co_responsibility/applies_to/flags: unknown flag 'no_flag'",
        ),
        (
            lambda data: readings(data)["research_on_care_data"]["applies_to"]["questions"].append("why"),
            "contested_readings/research_on_care_data/applies_to/questions: unknown question 'why'",
        ),
        (
            lambda data: readings(data)["dates_set_by_decree"]["applies_to"]["legal_dates"].append("someday"),
            "contested_readings/dates_set_by_decree/applies_to/legal_dates: unknown legal date 'someday'",
        ),
        (
            lambda data: readings(data)["offered_activities"]["text"].pop("en"),
            "contested_readings/offered_activities/text: 'en' is a required property",
        ),
        (
            lambda data: readings(data)["offered_activities"].update(applies_to={}),
            "contested_readings/offered_activities/applies_to: {} should be non-empty",
        ),
        (
            lambda data: readings(data)["offered_activities"]["applies_to"].update(verdicts=["x"]),
            "contested_readings/offered_activities/applies_to: Additional properties are not allowed",
        ),
    ],
    ids=[
        "reference",
        "outcome",
        "flag",
        "question",
        "legal-date",
        "one-language",
        "applies-to-nothing",
        "unknown-kind",
    ],
)
def test_contested_readings_are_validated(tmp_path, change, expected):
    problem = only(problems_after(tmp_path, "law.yaml", change))
    assert problem.startswith("decision_trees/law.yaml: ") and expected in problem


def test_the_contested_readings_cover_the_domain_list():
    applies = {
        rid: reading["applies_to"] for rid, reading in load_rules().raw.data("law")["contested_readings"].items()
    }
    covered = {
        "no_hosting_activity": ("outcomes", "offered_activities"),  # resellers and offered activities
        "activity_administration_operation": ("questions", "administration_by_saas_editors"),  # activity 5, SaaS
        "health_research_organisation": ("outcomes", "research_on_care_data"),  # research reusing care data
        "ght_co_responsibility": ("outcomes", "ght_co_responsibility"),  # GHT: an interpretation (GCS included)
        "sren_electronic_archiving": ("legal_dates", "dates_set_by_decree"),  # "at the latest"
        "csp_eea_storage": ("legal_dates", "dates_set_by_decree"),  # décret 2026-209 dates
    }
    for name, (kind, reading_id) in covered.items():
        assert name in applies[reading_id][kind], (reading_id, kind, name)
