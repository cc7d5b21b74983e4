"""The decision table of a tree: for each outcome, one row per distinct set of conditions that reaches it.

Paths (see `paths.py`) that conclude alike are merged while the merge stays exact: two rows that differ in one
variable only become one row allowing both values (a variable allowing every value is no condition), and rows
that differ only in a few variables whose failing any one of them leads alike ("any GHT condition not met")
become one row with an `any_of` condition. Every assessment therefore matches exactly one row, and any answers
meeting a row's conditions give its conclusion: the tests check both. Pure: no Flask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations, product
from typing import Any

from ... import Rules
from ...compiled import answer_key
from .paths import ACTIVITIES, AS_OF, NONE, SOME, Cube, Effect, TreeFacts, tree_facts, tree_paths

# A disjunction is sought over at most this many variables (beyond it, separate rows read better).
MAX_ANY_OF = 4


@dataclass(frozen=True)
class Row:
    effect: Effect
    conditions: Cube
    any_of: tuple[tuple[str, frozenset[Any]], ...] = ()  # at least one of these holds
    flag_questions: frozenset[str] = field(default=frozenset())

    def matches(self, point: dict[str, Any]) -> bool:
        """Whether a full assignment of the variables (see `DecisionTable.point`) meets the row."""
        if any(point[variable] not in values for variable, values in self.conditions.items()):
            return False
        return not self.any_of or any(point[variable] in values for variable, values in self.any_of)


@dataclass(frozen=True)
class DecisionTable:
    facts: TreeFacts
    rows: dict[str, list[Row]]  # outcome code -> its rows

    def point(self, answers: dict[str, Any], as_of: date) -> dict[str, Any]:
        """Answers (as a request gives them: every question answered) as a full assignment of the variables."""
        point = {qid: _key(answer) for qid, answer in answers.items()}
        activity = any(answers.get(question) for question in self.facts.activity_questions)
        point[ACTIVITIES] = SOME if activity else NONE
        point[AS_OF] = max(epoch for epoch, (start, _) in enumerate(self.facts.epochs) if start <= as_of)
        return point

    def sample(self, row: Row, last: bool = False) -> tuple[dict[str, Any], date]:
        """Answers to every question, and a date, that meet the row: the first allowed value of each variable,
        or the last one."""
        allowed = {variable: list(values) for variable, values in self.facts.domains.items()}
        for variable, values in self.conditions_to_meet(row, last).items():
            allowed[variable] = [value for value in allowed[variable] if value in values]
        chosen = {variable: values[-1 if last else 0] for variable, values in allowed.items()}
        answers = {qid: answer_key(_type(values), chosen[qid]) for qid, values in self.facts.domains.items()
                   if qid not in (ACTIVITIES, AS_OF)}  # fmt: skip
        for index, question in enumerate(self.facts.activity_questions):
            answers[question] = chosen[ACTIVITIES] == SOME and (last or index == 0)
        return answers, self._date(chosen[AS_OF], last)

    @staticmethod
    def conditions_to_meet(row: Row, last: bool) -> Cube:
        conditions = dict(row.conditions)
        if row.any_of:
            variable, values = row.any_of[-1 if last else 0]
            conditions[variable] = values
        return conditions

    def _date(self, epoch: int, last: bool) -> date:
        if not last:
            return self.facts.epochs[epoch][0]
        if epoch + 1 < len(self.facts.epochs):
            return self.facts.epochs[epoch + 1][0] - timedelta(days=1)
        return self.facts.epochs[epoch][0] + timedelta(days=3 * 365)


def _key(answer: Any) -> Any:
    return ("true" if answer else "false") if isinstance(answer, bool) else answer


def _type(values: tuple[Any, ...]) -> str:
    return "boolean" if values == ("true", "false") else "choice"


def decision_table(rules: Rules, tree_id: str) -> DecisionTable:
    facts = tree_facts(rules, tree_id)
    by_effect: dict[Effect, list[Row]] = {}
    for path in tree_paths(rules, tree_id, facts):
        by_effect.setdefault(path.effect, []).append(Row(path.effect, path.conditions, (), path.flag_questions))
    outcomes = [*rules.catalogue.outcomes]
    rows: dict[str, list[Row]] = {code: [] for code in sorted(outcomes, key=_outcome_order(rules))}
    for effect, paths in by_effect.items():
        merged = _merge_one_variable(paths, facts)
        merged = _merge_one_variable(_merge_any_of(merged, facts), facts)
        rows[effect.outcome].extend(merged)
    for outcome_rows in rows.values():
        outcome_rows.sort(key=lambda row: _row_order(row, facts))
    return DecisionTable(facts, {code: outcome_rows for code, outcome_rows in rows.items() if outcome_rows})


def _outcome_order(rules: Rules):
    exemptions = list(rules.raw.data("outcomes")["exemptions"])
    return lambda code: -1 if code not in exemptions else exemptions.index(code)


def _row_order(row: Row, facts: TreeFacts) -> tuple:
    """Rows in the order of the flow: by the first answer each variable allows, then by conclusion."""
    key = []
    for variable in facts.variable_order:
        values = row.conditions.get(variable)
        key.append(-1 if values is None else min(facts.domains[variable].index(value) for value in values))
    effect = row.effect
    return (*key, effect.confidence, effect.archives_approval, sorted(effect.flags), len(row.any_of))


def _merge_one_variable(rows: list[Row], facts: TreeFacts) -> list[Row]:
    """Merge rows that differ in the values of one variable only, until no two do."""
    rows = list(rows)
    merged = True
    while merged:
        merged = False
        for first, second in combinations(range(len(rows)), 2):
            one, other = rows[first], rows[second]
            if one.any_of != other.any_of or one.conditions.keys() != other.conditions.keys():
                continue
            differing = [name for name in one.conditions if one.conditions[name] != other.conditions[name]]
            if len(differing) != 1:
                continue
            variable = differing[0]
            conditions = dict(one.conditions)
            conditions[variable] = one.conditions[variable] | other.conditions[variable]
            if conditions[variable] == frozenset(facts.domains[variable]):
                del conditions[variable]
            rows[first] = Row(one.effect, conditions, one.any_of, one.flag_questions | other.flag_questions)
            del rows[second]
            merged = True
            break
    return rows


def _merge_any_of(rows: list[Row], facts: TreeFacts) -> list[Row]:
    """Merge rows that agree outside a few variables and together mean "at least one of these answers", the
    largest such group first."""
    rows = list(rows)
    while True:
        best: tuple[int, int, list[Row], Row] | None = None
        for one, other in combinations([row for row in rows if not row.any_of], 2):
            variables = _differing(one, other)
            if not 2 <= len(variables) <= MAX_ANY_OF:
                continue
            group = [row for row in rows if not row.any_of and _differing(row, one) <= variables]
            if best is not None and (len(group), -len(variables)) <= best[:2]:
                continue
            any_of = _as_any_of(group, variables, facts)
            if any_of is not None:
                common = {name: values for name, values in one.conditions.items() if name not in variables}
                flag_questions = frozenset().union(*(row.flag_questions for row in group))
                best = (len(group), -len(variables), group, Row(one.effect, common, any_of, flag_questions))
        if best is None:
            return rows
        group, merged = best[2], best[3]
        rows = [row for row in rows if row not in group] + [merged]


def _differing(one: Row, other: Row) -> set[str]:
    names = one.conditions.keys() | other.conditions.keys()
    return {name for name in names if one.conditions.get(name) != other.conditions.get(name)}


def _as_any_of(group: list[Row], variables: set[str], facts: TreeFacts) -> tuple[tuple[str, frozenset], ...] | None:
    """The group's assignments of `variables`, when they are exactly "one of these single answers" (None if not)."""
    names = sorted(variables, key=facts.variable_order.index)
    domains = [facts.domains[name] for name in names]
    covered = {
        assignment
        for row in group
        for assignment in product(*(sorted(row.conditions.get(name, domain), key=domain.index)
                                    for name, domain in zip(names, domains, strict=True)))
    }  # fmt: skip
    literals = []
    for position, (name, domain) in enumerate(zip(names, domains, strict=True)):
        values = frozenset(
            value
            for value in domain
            if all(assignment in covered for assignment in product(*domains) if assignment[position] == value)
        )
        if values:
            literals.append((position, name, values))
    union = {
        assignment
        for assignment in product(*domains)
        if any(assignment[position] in values for position, _, values in literals)
    }
    if union != covered or len(literals) < 2:
        return None
    return tuple((name, values) for _, name, values in literals)
