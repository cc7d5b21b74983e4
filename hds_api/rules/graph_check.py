"""Cross-file and graph checks: every name resolves, every node is reachable, no cycle, no dead end,
every answer handled, date periods that tile the calendar."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from ..i18n import LANGUAGES
from .problems import Problem
from .raw import RawRules

CERTIFICATION_REQUIRED = "certification_required"
BOOLEAN_VALUES = ("true", "false")
OTHERWISE = "otherwise"


def normalise_edge(edge: str | dict[str, Any]) -> dict[str, Any]:
    """An edge written as a bare node id means `{next: id}`."""
    return {"next": edge} if isinstance(edge, str) else edge


def node_edges(node: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each edge of a node with the path that names it inside the node."""
    if "ask" in node:
        for value, edge in node["branches"].items():
            yield f"branches/{value}", normalise_edge(edge)
    elif "by_date" in node:
        for index, period in enumerate(node["by_date"]):
            yield f"by_date/{index}/then", normalise_edge(period["then"])
    else:
        yield "found", normalise_edge(node["found"])
        yield "not_found", normalise_edge(node["not_found"])


def branch_edge(node: dict[str, Any], value: str) -> dict[str, Any]:
    """The edge an ask node takes for an answer value: its own branch, else `otherwise`."""
    branches = node["branches"]
    return normalise_edge(branches.get(value, branches.get(OTHERWISE)))


def outcome_entries(outcomes: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every outcome of outcomes.yaml by code: `certification_required`, then the exemptions."""
    return {CERTIFICATION_REQUIRED: outcomes[CERTIFICATION_REQUIRED], **outcomes["exemptions"]}


def question_values(question: dict[str, Any]) -> tuple[str, ...]:
    """The answer values of a question, as the tree's branch keys spell them."""
    if question["type"] == "boolean":
        return BOOLEAN_VALUES
    return tuple(choice["value"] for choice in question["choices"])


def legal_dates(law: dict[str, Any]) -> dict[str, date | None]:
    """Each legal date of law.yaml by name; None for one that is not a calendar date (`check_law` says so)."""
    dates: dict[str, date | None] = {}
    for name, entry in law["legal_dates"].items():
        try:
            dates[name] = date.fromisoformat(entry["date"])
        except ValueError:
            dates[name] = None
    return dates


class _Checker:
    """Collects problems; each check method looks at one concern."""

    def __init__(self, raw: RawRules):
        self.raw = raw
        self.problems: list[Problem] = []
        self.law = raw.data("law")
        self.questions = raw.data("questions")["questions"]
        self.outcomes = raw.data("outcomes")
        self.activity_codes = {activity["code"] for activity in self.outcomes["activities"]}
        self.dates = legal_dates(self.law)
        self.used_questions: set[str] = set()
        self.used_outcomes: set[str] = set()
        self.used_flags: set[str] = set()

    def report(self, kind_or_name: str, where: str, message: str) -> None:
        name = self.raw.name(kind_or_name) if kind_or_name in self.raw.files else kind_or_name
        self.problems.append(Problem(name, where, message))

    # law.yaml
    def check_law(self) -> None:
        for name, entry in self.law["legal_dates"].items():
            if self.dates[name] is None:
                self.report("law", f"legal_dates/{name}", f"'{entry['date']}' is not a calendar date")
            self.check_references("law", f"legal_dates/{name}", entry["references"])
        # Results carry cite strings; readers find a cite's address by its text, so a text names one reference.
        for lang in LANGUAGES:
            seen: dict[str, str] = {}
            for reference_id, entry in self.law["references"].items():
                cite = entry["cite"] if isinstance(entry["cite"], str) else entry["cite"][lang]
                if cite in seen:
                    self.report("law", f"references/{reference_id}/cite", f"same {lang} cite as '{seen[cite]}'")
                seen.setdefault(cite, reference_id)
        for reading_id, reading in self.law.get("contested_readings", {}).items():
            self.check_contested_reading(f"contested_readings/{reading_id}", reading)

    def check_contested_reading(self, where: str, reading: dict[str, Any]) -> None:
        self.check_references("law", where, reading["references"])
        known = {
            "outcomes": {CERTIFICATION_REQUIRED, *self.outcomes["exemptions"]},
            "flags": self.outcomes["flags"],
            "questions": self.questions,
            "legal_dates": self.law["legal_dates"],
        }
        for kind, names in reading["applies_to"].items():
            for name in names:
                if name not in known[kind]:
                    self.report("law", f"{where}/applies_to/{kind}", f"unknown {kind[:-1].replace('_', ' ')} '{name}'")

    def check_references(self, kind: str, where: str, references: list[Any]) -> None:
        for index, reference in enumerate(references):
            entry = {"ref": reference} if isinstance(reference, str) else reference
            if entry["ref"] not in self.law["references"]:
                self.report(kind, f"{where}/references/{index}", f"unknown reference '{entry['ref']}'")
            for bound in ("from", "until"):
                if bound in entry and entry[bound] not in self.law["legal_dates"]:
                    self.report(kind, f"{where}/references/{index}", f"unknown legal date '{entry[bound]}'")

    # questions.yaml
    def check_questions(self) -> None:
        for question_id, question in self.questions.items():
            where = f"questions/{question_id}"
            self.check_references("questions", where, question["references"])
            values = question_values(question)
            if len(set(values)) != len(values):
                self.report("questions", where, "a choice value is listed twice")
            if OTHERWISE in values:
                self.report("questions", where, f"'{OTHERWISE}' is reserved for trees and cannot be a choice")

    # outcomes.yaml
    def check_outcomes(self) -> None:
        outcomes = self.outcomes
        numbers = [activity["number"] for activity in outcomes["activities"]]
        if sorted(numbers) != list(range(1, len(numbers) + 1)):
            self.report("outcomes", "activities", f"activity numbers must be 1..{len(numbers)}, each once")
        if len(self.activity_codes) != len(numbers):
            self.report("outcomes", "activities", "an activity code is used twice")
        covered: list[int] = []
        for index, certificate in enumerate(outcomes["certificates"]):
            covered += certificate["activities"]
            for number in set(certificate["activities"]) - set(numbers):
                self.report("outcomes", f"certificates/{index}", f"unknown activity number {number}")
            self.check_references("outcomes", f"certificates/{index}", certificate["references"])
        if sorted(covered) != sorted(numbers):
            self.report("outcomes", "certificates", "every activity must be covered by exactly one certificate")
        for index, activity in enumerate(outcomes["activities"]):
            self.check_references("outcomes", f"activities/{index}", activity["references"])
        for code, exemption in outcomes["exemptions"].items():
            if exemption["kind"] not in outcomes["exemption_kinds"]:
                self.report("outcomes", f"exemptions/{code}", f"kind '{exemption['kind']}' has no label")
            self.check_references("outcomes", f"exemptions/{code}", exemption["references"])
            self.check_flags("outcomes", f"exemptions/{code}/flags", exemption.get("flags", []))
        if CERTIFICATION_REQUIRED in outcomes["exemptions"]:
            self.report("outcomes", f"exemptions/{CERTIFICATION_REQUIRED}", "this code is reserved")
        required = outcomes[CERTIFICATION_REQUIRED]
        self.check_references("outcomes", CERTIFICATION_REQUIRED, required["references"])
        self.check_flags("outcomes", f"{CERTIFICATION_REQUIRED}/flags", required.get("flags", []))
        for code, flag in outcomes["flags"].items():
            self.check_references("outcomes", f"flags/{code}", flag["references"])
        self.check_gap_rules()

    def check_gap_rules(self) -> None:
        rules = self.outcomes["certification_gap"]
        statuses = [rule["status"] for rule in rules]
        if len(set(statuses)) != len(statuses):
            self.report("outcomes", "certification_gap", "a status is listed twice")
        for index, rule in enumerate(rules):
            where = f"certification_gap/{index}"
            if "after" in rule and rule["after"] not in self.law["legal_dates"]:
                self.report("outcomes", where, f"unknown legal date '{rule['after']}'")
            for number, breach in enumerate(rule.get("breaches", [])):
                self.check_flags("outcomes", f"{where}/breaches/{number}", [breach["flag"]])
                if "from" in breach and breach["from"] not in self.law["legal_dates"]:
                    self.report("outcomes", f"{where}/breaches/{number}", f"unknown legal date '{breach['from']}'")
                self.check_references("outcomes", f"{where}/breaches/{number}", breach["references"])
            self.check_references("outcomes", where, rule.get("references", []))
            if rule["test"] == "always" and index != len(rules) - 1:
                self.report("outcomes", where, "statuses after an 'always' test can never apply")
        if rules[-1]["test"] != "always":
            self.report("outcomes", f"certification_gap/{len(rules) - 1}", "the last status must test 'always'")

    def check_flags(self, kind: str, where: str, flags: list[str]) -> None:
        for flag in flags:
            self.used_flags.add(flag)
            if flag not in self.outcomes["flags"]:
                self.report(kind, where, f"unknown flag '{flag}'")

    # trees
    def check_tree(self, name: str, tree: dict[str, Any]) -> None:
        nodes = tree["nodes"]
        if tree["applies_from"] not in self.law["legal_dates"]:
            self.report(name, "applies_from", f"unknown legal date '{tree['applies_from']}'")
        if tree["root"] not in nodes:
            self.report(name, "root", f"root node '{tree['root']}' does not exist")
        for node_id, node in nodes.items():
            where = f"node '{node_id}'"
            if "ask" in node:
                self.check_branches(name, where, node)
            elif "by_date" in node:
                self.check_periods(name, where, node["by_date"], tree["applies_from"])
            for path, edge in node_edges(node):
                self.check_edge(name, f"{where} {path}", edge, nodes)
        self.check_shape(name, tree)

    def check_branches(self, name: str, where: str, node: dict[str, Any]) -> None:
        question = self.questions.get(node["ask"])
        if question is None:
            self.report(name, where, f"asks unknown question '{node['ask']}'")
            return
        self.used_questions.add(node["ask"])
        values = question_values(question)
        branches = node["branches"]
        for value in branches:
            if value != OTHERWISE and value not in values:
                allowed = ", ".join(values)
                self.report(name, where, f"branch '{value}' is not an answer of '{node['ask']}' ({allowed})")
        unhandled = [value for value in values if value not in branches]
        if OTHERWISE in branches:
            if question["type"] == "boolean":
                self.report(name, where, f"'{OTHERWISE}' is not allowed on a boolean question")
            elif not unhandled:
                self.report(name, where, f"'{OTHERWISE}' can never be taken: every value has a branch")
        elif unhandled:
            self.report(name, where, f"answer(s) {', '.join(unhandled)} of '{node['ask']}' are not handled")

    def check_periods(self, name: str, where: str, periods: list[dict[str, Any]], applies_from: str) -> None:
        spans = []
        for index, period in enumerate(periods):
            start, end = self.dates.get(period["from"]), None
            if start is None:
                self.report(name, f"{where} by_date/{index}", f"unknown legal date '{period['from']}'")
                return
            if "until" in period:
                end = self.dates.get(period["until"])
                if end is None:
                    self.report(name, f"{where} by_date/{index}", f"unknown legal date '{period['until']}'")
                    return
                if end <= start:
                    self.report(name, f"{where} by_date/{index}", "the period ends before it starts")
                    return
            spans.append((start, end, index))
        spans.sort(key=lambda span: span[0])
        regime_start = self.dates.get(applies_from)
        if regime_start and spans[0][0] > regime_start:
            self.report(name, where, f"no period covers {regime_start} to {spans[0][0]}")
        for (_, end, index), (next_start, _, next_index) in zip(spans, spans[1:], strict=False):
            if end is None or end > next_start:
                self.report(name, where, f"periods by_date/{index} and by_date/{next_index} overlap")
            elif end < next_start:
                self.report(name, where, f"no period covers {end} to {next_start}")
        if spans[-1][1] is not None:
            self.report(name, where, f"no period covers the dates from {spans[-1][1]} on")

    def check_edge(self, name: str, where: str, edge: dict[str, Any], nodes: dict[str, Any]) -> None:
        if "next" in edge and edge["next"] not in nodes:
            self.report(name, where, f"goes to unknown node '{edge['next']}' (a dead end)")
        if "outcome" in edge:
            outcome = edge["outcome"]
            self.used_outcomes.add(outcome)
            if outcome != CERTIFICATION_REQUIRED and outcome not in self.outcomes["exemptions"]:
                self.report(name, where, f"ends in unknown outcome '{outcome}'")
        findings = edge.get("add", {})
        for code in findings.get("activities", []):
            if code not in self.activity_codes:
                self.report(name, where, f"adds unknown activity '{code}'")
        self.check_flags(name, where, findings.get("flags", []))

    def check_shape(self, name: str, tree: dict[str, Any]) -> None:
        """Reachability, cycles, and no question asked twice on one path."""
        nodes = tree["nodes"]
        successors = {
            node_id: [edge["next"] for _, edge in node_edges(node) if edge.get("next") in nodes]
            for node_id, node in nodes.items()
        }
        state: dict[str, str] = {}
        asked_before: dict[str, set[str]] = {node_id: set() for node_id in nodes}

        def visit(node_id: str, trail: list[str]) -> None:
            state[node_id] = "open"
            for target in successors[node_id]:
                if state.get(target) == "open":
                    cycle = " -> ".join([*trail[trail.index(target) :], target])
                    self.report(name, f"node '{node_id}'", f"cycle: {cycle}")
                elif target not in state:
                    visit(target, [*trail, target])
            state[node_id] = "done"

        if tree["root"] in nodes:
            visit(tree["root"], [tree["root"]])
        for node_id in nodes:
            if node_id not in state:
                self.report(name, f"node '{node_id}'", "is not reachable from the root")
        if tree["root"] not in nodes or any("cycle" in problem.message for problem in self.problems):
            return
        for node_id in topological_order(tree["root"], successors):
            node = nodes[node_id]
            asked = asked_before[node_id] | ({node["ask"]} if "ask" in node else set())
            if "ask" in node and node["ask"] in asked_before[node_id]:
                self.report(name, f"node '{node_id}'", f"asks '{node['ask']}' again on a path that asked it")
            for target in successors[node_id]:
                asked_before[target] |= asked

    def check_usage(self) -> None:
        for question_id in self.questions.keys() - self.used_questions:
            self.report("questions", f"questions/{question_id}", "is never asked by any tree")
        for code in self.outcomes["exemptions"].keys() - self.used_outcomes:
            self.report("outcomes", f"exemptions/{code}", "is never reached by any tree")
        for code in self.outcomes["flags"].keys() - self.used_flags:
            self.report("outcomes", f"flags/{code}", "is never added by any tree or outcome")


def topological_order(root: str, successors: Mapping[str, Iterable[str]]) -> list[str]:
    """The nodes reachable from `root` (the graph has no cycle), each after every node leading to it."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(node_id: str) -> None:
        seen.add(node_id)
        for target in successors[node_id]:
            if target not in seen:
                visit(target)
        order.append(node_id)

    visit(root)
    return order[::-1]


def graph_problems(raw: RawRules) -> list[Problem]:
    """Every cross-reference and graph problem of the (schema-valid) rules."""
    checker = _Checker(raw)
    checker.check_law()
    checker.check_questions()
    checker.check_outcomes()
    for tree in raw.trees:
        checker.check_tree(tree.name, tree.data)
    checker.check_usage()
    return checker.problems
