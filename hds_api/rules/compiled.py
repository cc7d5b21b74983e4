"""The rules compiled for evaluation: linked node objects and every served text built in advance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..i18n import LANGUAGES
from .graph_check import CERTIFICATION_REQUIRED, branch_edge, node_edges, normalise_edge, question_values
from .raw import RawRules
from .texts import At, Calendar, View, Views

CONFIDENCE_LEVELS = ("high", "medium", "low")
CONFIDENCE_RANK = {name: rank for rank, name in enumerate(CONFIDENCE_LEVELS)}  # lower is more confident


@dataclass(slots=True)
class Outcome:
    """A conclusion: certification required, or an exemption of some kind."""

    code: str
    certification_required: bool
    confidence: int
    flags: tuple[str, ...]
    archives_approval: bool
    views: Views


@dataclass(slots=True)
class Edge:
    """Where an answer (or a date, or a finding) leads, and what it adds on the way."""

    node: Node | None
    outcome: Outcome | None
    activities: tuple[int, ...]
    flags: tuple[str, ...]
    archives_approval: bool
    confidence: int
    # False for the plain edges (most of them): the walk then skips the bookkeeping.
    adds_anything: bool = False

    def __post_init__(self) -> None:
        self.adds_anything = bool(self.activities or self.flags or self.archives_approval or self.confidence)


@dataclass(slots=True)
class AskNode:
    id: str
    question: str
    edges: dict[Any, Edge] = field(default_factory=dict)
    # steps[lang][epoch][answer] -> the trace step served for that answer.
    steps: dict[str, list[dict[Any, dict[str, Any]]]] = field(default_factory=dict)
    questions_ahead: frozenset[str] = frozenset()
    asks_ahead: int = 0


@dataclass(slots=True)
class Period:
    start: date
    end: date | None
    edge: Edge
    views: Views


@dataclass(slots=True)
class DateNode:
    id: str
    periods: list[Period] = field(default_factory=list)
    questions_ahead: frozenset[str] = frozenset()
    asks_ahead: int = 0


@dataclass(slots=True)
class FoundNode:
    id: str
    found: Edge | None = None
    not_found: Edge | None = None
    questions_ahead: frozenset[str] = frozenset()
    asks_ahead: int = 0


Node = AskNode | DateNode | FoundNode


@dataclass
class Catalogue:
    """Questions and outcome catalogue, as served."""

    question_order: list[str]
    question_types: dict[str, str]
    question_values: dict[str, tuple[Any, ...]]
    # id -> the set of accepted answers (JSON booleans or choice strings), for the fast check of a request.
    accepted_answers: dict[str, frozenset[Any]]
    question_views: dict[str, Views]
    activity_numbers: dict[str, int]
    activity_views: dict[int, Views]
    certificates: list[tuple[frozenset[int], Views]]
    flag_order: dict[str, int]
    flag_views: dict[str, Views]
    outcomes: dict[str, Outcome]
    gap_rules: list[dict[str, Any]]
    gap_views: dict[str, Views]


@dataclass
class CompiledTree:
    id: str
    version: str
    title: dict[str, str]
    applies_from: date
    root: Node
    nodes: dict[str, Node]
    source: dict[str, Any]


def answer_key(question_type: str, value: str) -> Any:
    """The Python value an answer takes: booleans are `True`/`False`, choices their string."""
    return value == "true" if question_type == "boolean" else value


def compile_catalogue(raw: RawRules, calendar: Calendar) -> Catalogue:
    questions = raw.data("questions")["questions"]
    outcomes = raw.data("outcomes")

    def question_view(question_id: str, question: dict[str, Any]):
        def build(lang, at):
            return {
                "id": question_id,
                "type": question["type"],
                "label": at.text(question["label"]),
                "help": at.text(question["help"]),
                "choices": [
                    {"value": choice["value"], "label": at.text(choice["label"])}
                    for choice in question.get("choices", [])
                ],
                "references": at.cite(question["references"]),
            }

        return calendar.views(build)

    def outcome(code: str, entry: dict[str, Any], required: bool) -> Outcome:
        def build(lang, at):
            view = {"code": code, "label": at.text(entry["label"]), "references": at.cite(entry["references"])}
            if not required:
                view["kind"] = entry["kind"]
                view["kind_label"] = at.text(outcomes["exemption_kinds"][entry["kind"]])
                view["explanation"] = at.text(entry["explanation"])
                view["confidence"] = entry["confidence"]
            return view

        return Outcome(
            code=code,
            certification_required=required,
            confidence=CONFIDENCE_RANK[entry["confidence"]],
            flags=tuple(entry.get("flags", ())),
            archives_approval=entry.get("archives_approval_required", False),
            views=calendar.views(build),
        )

    compiled_outcomes = {code: outcome(code, entry, False) for code, entry in outcomes["exemptions"].items()}
    compiled_outcomes[CERTIFICATION_REQUIRED] = outcome(CERTIFICATION_REQUIRED, outcomes[CERTIFICATION_REQUIRED], True)
    return Catalogue(
        question_order=list(questions),
        question_types={qid: q["type"] for qid, q in questions.items()},
        question_values={
            qid: tuple(answer_key(q["type"], value) for value in question_values(q)) for qid, q in questions.items()
        },
        accepted_answers={
            qid: frozenset(answer_key(q["type"], value) for value in question_values(q)) for qid, q in questions.items()
        },
        question_views={qid: question_view(qid, q) for qid, q in questions.items()},
        activity_numbers={a["code"]: a["number"] for a in outcomes["activities"]},
        activity_views={
            a["number"]: calendar.views(
                lambda lang, at, a=a: {
                    "number": a["number"],
                    "code": a["code"],
                    "label": at.text(a["label"]),
                    "references": at.cite(a["references"]),
                }
            )
            for a in outcomes["activities"]
        },
        certificates=[
            (
                frozenset(c["activities"]),
                calendar.views(
                    lambda lang, at, c=c: {
                        "code": c["code"],
                        "label": at.text(c["label"]),
                        "activities": sorted(c["activities"]),
                        "references": at.cite(c["references"]),
                    }
                ),
            )
            for c in outcomes["certificates"]
        ],
        flag_order={code: index for index, code in enumerate(outcomes["flags"])},
        flag_views={
            code: calendar.views(
                lambda lang, at, code=code, f=f: {
                    "code": code,
                    "label": at.text(f["label"]),
                    "references": at.cite(f["references"]),
                }
            )
            for code, f in outcomes["flags"].items()
        },
        outcomes=compiled_outcomes,
        gap_rules=outcomes["certification_gap"],
        gap_views={
            rule["status"]: calendar.views(
                lambda lang, at, rule=rule: {
                    "label": at.text(rule["label"]),
                    "references": at.cite(rule.get("references", [])),
                }
            )
            for rule in outcomes["certification_gap"]
        },
    )


def compile_tree(tree_data: dict[str, Any], raw: RawRules, catalogue: Catalogue, calendar: Calendar) -> CompiledTree:
    """Link the nodes of one (validated) tree and build its trace steps."""
    questions = raw.data("questions")["questions"]
    law = raw.data("law")
    nodes: dict[str, Node] = {}
    for node_id, node in tree_data["nodes"].items():
        if "ask" in node:
            nodes[node_id] = AskNode(node_id, node["ask"])
        elif "by_date" in node:
            nodes[node_id] = DateNode(node_id)
        else:
            nodes[node_id] = FoundNode(node_id)

    def edge(spec: dict[str, Any]) -> Edge:
        findings = spec.get("add", {})
        return Edge(
            node=nodes[spec["next"]] if "next" in spec else None,
            outcome=catalogue.outcomes[spec["outcome"]] if "outcome" in spec else None,
            activities=tuple(catalogue.activity_numbers[code] for code in findings.get("activities", ())),
            flags=tuple(findings.get("flags", ())),
            archives_approval=findings.get("archives_approval", False),
            confidence=CONFIDENCE_RANK[spec.get("confidence", "high")],
        )

    for node_id, node in tree_data["nodes"].items():
        compiled = nodes[node_id]
        if isinstance(compiled, AskNode):
            question = questions[node["ask"]]
            values = question_values(question)
            for value in values:
                compiled.edges[answer_key(question["type"], value)] = edge(branch_edge(node, value))
            compiled.steps = _trace_steps(node_id, node["ask"], question, values, calendar)
        elif isinstance(compiled, DateNode):
            for period in node["by_date"]:
                compiled.periods.append(_period(node_id, period, edge(normalise_edge(period["then"])), law, calendar))
            compiled.periods.sort(key=lambda period: period.start)
        else:
            compiled.found = edge(normalise_edge(node["found"]))
            compiled.not_found = edge(normalise_edge(node["not_found"]))
    _note_what_lies_ahead(tree_data, nodes)
    return CompiledTree(
        id=tree_data["id"],
        version=str(tree_data["version"]),
        title={lang: calendar.text(tree_data["title"], lang, 0) for lang in LANGUAGES},
        applies_from=calendar.dates[tree_data["applies_from"]],
        root=nodes[tree_data["root"]],
        nodes=nodes,
        source=tree_data,
    )


YES_NO = {"fr": {True: "Oui", False: "Non"}, "en": {True: "Yes", False: "No"}}


def _trace_steps(node_id: str, question_id: str, question: dict[str, Any], values, calendar: Calendar) -> Views:
    """The trace step of each answer, per language and epoch."""
    choice_labels = {choice["value"]: choice["label"] for choice in question.get("choices", [])}

    def build(lang: str, at: At) -> View:
        label = at.text(question["label"])
        references = at.cite(question["references"])
        by_answer = {}
        for value in values:
            answer = answer_key(question["type"], value)
            answer_label = YES_NO[lang][answer] if question["type"] == "boolean" else at.text(choice_labels[value])
            by_answer[answer] = {
                "node": node_id,
                "question": question_id,
                "answer": answer,
                "label": label,
                "answer_label": answer_label,
                "references": references,
            }
        return by_answer

    return calendar.views(build)


def _period(node_id: str, period: dict[str, Any], edge: Edge, law: dict[str, Any], calendar: Calendar) -> Period:
    start = calendar.dates[period["from"]]
    end = calendar.dates[period["until"]] if "until" in period else None
    start_references = law["legal_dates"][period["from"]]["references"]
    views = calendar.views(
        lambda lang, at: {
            "node": node_id,
            "from": start.isoformat(),
            "until": end.isoformat() if end else None,
            "label": at.text(period["label"]),
            "references": at.cite(start_references),
        }
    )
    return Period(start, end, edge, views)


def _note_what_lies_ahead(tree_data: dict[str, Any], nodes: dict[str, Node]) -> None:
    """For each node: the questions that may still be asked from it, and the most it may still ask."""
    done: set[str] = set()

    def visit(node_id: str) -> None:
        if node_id in done:
            return
        node = tree_data["nodes"][node_id]
        targets = [edge["next"] for _, edge in node_edges(node) if "next" in edge]
        for target in targets:
            visit(target)
        ahead = {node["ask"]} if "ask" in node else set()
        asks = 0
        for target in targets:
            ahead |= nodes[target].questions_ahead
            asks = max(asks, nodes[target].asks_ahead)
        compiled = nodes[node_id]
        compiled.questions_ahead = frozenset(ahead)
        compiled.asks_ahead = asks + (1 if "ask" in node else 0)
        done.add(node_id)

    visit(tree_data["root"])
