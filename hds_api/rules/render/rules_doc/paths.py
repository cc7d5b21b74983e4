"""Every root-to-outcome path of a decision tree, each as the exact set of conditions that takes it.

A path's conditions name variables: each question (its answer, as the tree's branch keys spell it), `as_of` (the
epoch of the assessment date, cut by the dates of the tree's `by_date` nodes) and `activities` (whether the six
activity questions found at least one activity). The activity questions themselves are no condition: any
answers with at least one "yes" take the same path. Pure: no Flask.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ... import Rules
from ...compiled import CONFIDENCE_LEVELS
from ...graph_check import OTHERWISE, branch_edge, node_edges, outcome_entries, question_values

AS_OF = "as_of"
ACTIVITIES = "activities"
SOME, NONE = "some", "none"

Cube = dict[str, frozenset[Any]]


@dataclass(frozen=True)
class Effect:
    """What a path concludes, apart from the flags that depend on a single answer wherever it is asked."""

    outcome: str
    confidence: str
    archives_approval: bool
    flags: frozenset[str]


@dataclass(frozen=True)
class Path:
    effect: Effect
    conditions: Cube
    # The questions asked on the path whose answer alone adds a flag (see `TreeFacts.answer_flags`).
    flag_questions: frozenset[str]


@dataclass(frozen=True)
class TreeFacts:
    """What the table needs to know of a tree besides its paths."""

    domains: dict[str, tuple[Any, ...]]  # every variable's values, in their order
    variable_order: tuple[str, ...]  # flow order, `activities` after the activity questions, `as_of` last
    epochs: tuple[tuple[date, str], ...]  # start date and legal-date name of each epoch of `as_of`
    activity_questions: tuple[str, ...]
    # question -> answer -> flags, for the questions whose answer adds the same flags at every node asking them.
    answer_flags: dict[str, dict[str, tuple[str, ...]]]


def _edge_flags(edge: dict[str, Any]) -> tuple[str, ...]:
    return tuple(edge.get("add", {}).get("flags", ()))


def _is_activity_question(node: dict[str, Any]) -> bool:
    """A question whose answers all lead to the same place and differ only in the activities they add."""
    if "ask" not in node:
        return False
    edges = [edge for _, edge in node_edges(node)]
    targets = {edge.get("next", ("outcome", edge.get("outcome"))) for edge in edges}
    plain = all(set(edge.get("add", {})) <= {"activities"} and "confidence" not in edge for edge in edges)
    return len(targets) == 1 and plain and any(edge.get("add") for edge in edges)


def tree_facts(rules: Rules, tree_id: str) -> TreeFacts:
    tree = rules.trees[tree_id].source
    questions = rules.raw.data("questions")["questions"]
    nodes = tree["nodes"].values()
    names = {tree["applies_from"]} | {
        period[bound] for node in nodes for period in node.get("by_date", ()) for bound in ("from", "until")
        if bound in period
    }  # fmt: skip
    starts: dict[date, str] = {}
    for name, day in rules.calendar.dates.items():  # two names for one date: the first in law.yaml names the epoch
        if name in names:
            starts.setdefault(day, name)
    epochs = tuple(sorted(starts.items()))
    activity_questions = tuple(dict.fromkeys(node["ask"] for node in nodes if _is_activity_question(node)))
    flags_by_node: dict[str, list[dict[str, tuple[str, ...]]]] = {}
    for node in nodes:
        if "ask" in node:
            values = question_values(questions[node["ask"]])
            by_value = {value: _edge_flags(branch_edge(node, value)) for value in values}
            flags_by_node.setdefault(node["ask"], []).append(by_value)
    answer_flags = {
        question: seen[0]
        for question, seen in flags_by_node.items()
        if all(by_value == seen[0] for by_value in seen) and any(seen[0].values())
    }
    order: list[str] = []
    for question_id in questions:
        order.append(question_id)
        if activity_questions and question_id == activity_questions[-1]:
            order.append(ACTIVITIES)
    domains: dict[str, tuple[Any, ...]] = {qid: question_values(question) for qid, question in questions.items()}
    domains[ACTIVITIES] = (SOME, NONE)
    domains[AS_OF] = tuple(range(len(epochs)))
    return TreeFacts(domains, (*order, AS_OF), epochs, activity_questions, answer_flags)


def _epochs_of(period: dict[str, Any], facts: TreeFacts, dates: dict[str, date]) -> frozenset[int]:
    start = dates[period["from"]]
    end = dates[period["until"]] if "until" in period else None
    return frozenset(
        epoch for epoch, (begins, _) in enumerate(facts.epochs) if begins >= start and (end is None or begins < end)
    )


@dataclass(frozen=True)
class _State:
    conditions: tuple[tuple[str, frozenset[Any]], ...] = ()
    confidence: int = 0
    archives: bool = False
    activity_added: bool = False  # an edge that is itself a condition added an activity
    activity_asked: bool = False  # the path went through the activity questions
    flags: frozenset[str] = frozenset()
    flag_questions: frozenset[str] = frozenset()

    def given(self, variable: str, values: frozenset[Any]) -> _State | None:
        current = dict(self.conditions)
        allowed = current.get(variable, values) & values
        if not allowed:
            return None  # e.g. two date periods that never meet
        current[variable] = allowed
        return replace(self, conditions=tuple(current.items()))


def tree_paths(rules: Rules, tree_id: str, facts: TreeFacts) -> Iterator[Path]:
    """Every path from the root to an outcome, with its conditions and what it concludes."""
    tree = rules.trees[tree_id].source
    questions = rules.raw.data("questions")["questions"]
    outcomes = outcome_entries(rules.raw.data("outcomes"))
    dates = rules.calendar.dates

    def visit(node_id: str, state: _State) -> Iterator[Path]:
        node = tree["nodes"][node_id]
        if _is_activity_question(node):
            edge = {key: value for key, value in next(node_edges(node))[1].items() if key != "add"}
            yield from follow(edge, replace(state, activity_asked=True))
            return
        for path, edge in node_edges(node):
            kind, _, key = path.partition("/")
            if kind == "branches":
                question = node["ask"]
                values = question_values(questions[question])
                chosen = [value for value in values if value not in node["branches"]] if key == OTHERWISE else [key]
                after = state.given(question, frozenset(chosen))
                if question in facts.answer_flags:
                    after = replace(after, flag_questions=after.flag_questions | {question})
                    edge = {**edge, "add": {k: v for k, v in edge.get("add", {}).items() if k != "flags"}}
            elif kind == "by_date":
                after = state.given(AS_OF, _epochs_of(node["by_date"][int(key.split("/")[0])], facts, dates))
            elif kind == "found":
                if not (state.activity_added or state.activity_asked):
                    continue
                after = state if state.activity_added else state.given(ACTIVITIES, frozenset({SOME}))
            else:
                if state.activity_added:
                    continue
                after = state.given(ACTIVITIES, frozenset({NONE})) if state.activity_asked else state
            if after is not None:
                yield from follow(edge, after)

    def follow(edge: dict[str, Any], state: _State) -> Iterator[Path]:
        added = edge.get("add", {})
        state = replace(
            state,
            confidence=max(state.confidence, CONFIDENCE_LEVELS.index(edge.get("confidence", "high"))),
            archives=state.archives or added.get("archives_approval", False),
            activity_added=state.activity_added or bool(added.get("activities")),
            flags=state.flags | set(added.get("flags", ())),
        )
        if "next" in edge:
            yield from visit(edge["next"], state)
            return
        code = edge["outcome"]
        entry = outcomes[code]
        effect = Effect(
            outcome=code,
            confidence=CONFIDENCE_LEVELS[max(state.confidence, CONFIDENCE_LEVELS.index(entry["confidence"]))],
            archives_approval=state.archives or entry.get("archives_approval_required", False),
            flags=state.flags | set(entry.get("flags", ())),
        )
        conditions = {
            variable: values
            for variable, values in state.conditions
            if values != frozenset(facts.domains[variable])  # every answer allowed: no condition
        }
        yield Path(effect, conditions, state.flag_questions)

    yield from visit(tree["root"], _State())
