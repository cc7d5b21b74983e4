"""Conditions on the answers — "q is answered with one of these values", and, or, not — kept small as they are built.

Form libraries get them written in their own syntax (SurveyJS expressions, JSON Schema): the constructors below
simplify as they go (atoms on one question merged, common conjuncts factored out of a disjunction, absorption) so
that what they read stays close to what a person would write.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Is:
    """`question` is answered, with one of `values` (in catalogue order)."""

    question: str
    values: tuple[Any, ...]


@dataclass(frozen=True)
class Reached:
    """The walk passes through `node`: a named condition, defined once and referred to."""

    node: str


@dataclass(frozen=True)
class All:
    items: tuple[Formula, ...]


@dataclass(frozen=True)
class Any_:
    items: tuple[Formula, ...]


@dataclass(frozen=True)
class Not:
    item: Formula


Formula = Is | Reached | All | Any_ | Not
TRUE = All(())
FALSE = Any_(())


class Algebra:
    """Builds simplified formulas over one catalogue: it knows each question's values and the flow order."""

    def __init__(self, question_order: list[str], question_values: dict[str, tuple[Any, ...]]):
        self.position = {question: index for index, question in enumerate(question_order)}
        self.values = question_values

    def answered(self, question: str, values: Iterable[Any]) -> Formula:
        chosen = set(values)
        ordered = tuple(value for value in self.values[question] if value in chosen)
        return Is(question, ordered) if ordered else FALSE

    def all(self, *items: Formula) -> Formula:
        flat = _flatten(items, All, FALSE)
        if flat is None:
            return FALSE
        flat = self._merge_atoms(flat, operator.and_)
        if FALSE in flat:  # atoms on one question with no value in common
            return FALSE
        return self._wrap(All, flat)

    def any(self, *items: Formula) -> Formula:
        flat = _flatten(items, Any_, TRUE)
        if flat is None:
            return TRUE
        flat = _absorb(self._merge_atoms(flat, operator.or_))
        factored = self._factor(flat)
        return factored if factored is not None else self._wrap(Any_, flat)

    def negate(self, item: Formula, known_answered: frozenset[str]) -> Formula:
        """¬item; an atom on a question known to be answered becomes the atom of the other values."""
        if isinstance(item, All):
            return self.any(*(self.negate(part, known_answered) for part in item.items))
        if isinstance(item, Any_):
            return self.all(*(self.negate(part, known_answered) for part in item.items))
        if isinstance(item, Not):
            return item.item
        if isinstance(item, Reached) or item.question not in known_answered:
            return Not(item)
        return self.answered(item.question, set(self.values[item.question]) - set(item.values))

    def _merge_atoms(self, items: list[Formula], combine: Callable[[set, set], set]) -> list[Formula]:
        """Atoms on one question merge into one (values intersected in a conjunction, united in a disjunction)."""
        merged: dict[object, Formula] = {}
        for item in items:
            key = item.question if isinstance(item, Is) else item
            previous = merged.get(key)
            if isinstance(item, Is) and isinstance(previous, Is):
                item = self.answered(item.question, combine(set(previous.values), set(item.values)))
            merged[key] = item
        return list(merged.values())

    def _factor(self, items: list[Formula]) -> Formula | None:
        """(x ∧ a) ∨ (x ∧ b) ∨ c  →  (x ∧ (a ∨ b)) ∨ c, taking first the conjunct shared by most disjuncts."""
        counts = Counter(part for item in items if isinstance(item, All) for part in set(item.items))
        shared = [part for part, count in counts.items() if count > 1]
        if not shared:
            return None
        common = max(
            shared, key=lambda part: (counts[part], -self._rank(part), repr(part))
        )  # the same in every process
        with_it = [item for item in items if isinstance(item, All) and common in item.items]
        without = [item for item in items if item not in with_it]
        rests = [self.all(*(part for part in item.items if part != common)) for item in with_it]
        # Each step merges two disjuncts or more into one, so the recursion ends.
        return self.any(self.all(common, self.any(*rests)), *without)

    def _wrap(self, kind: type[All] | type[Any_], items: list[Formula]) -> Formula:
        if len(items) == 1:
            return items[0]
        return kind(tuple(sorted(set(items), key=self._rank_key)))

    def _rank(self, item: Formula) -> int:
        """The flow position of the earliest question a formula reads: formulas read in the order of the flow."""
        if isinstance(item, Is):
            return self.position[item.question]
        if isinstance(item, Reached):
            return -1  # "reached X and ..." reads best with the reference first
        if isinstance(item, Not):
            return self._rank(item.item)
        return min((self._rank(part) for part in item.items), default=-1)

    def _rank_key(self, item: Formula) -> tuple[int, bool, str]:
        return self._rank(item), isinstance(item, Any_), repr(item)


def _flatten(items: Iterable[Formula], kind: type[All] | type[Any_], absorbing: Formula) -> list[Formula] | None:
    """The operands of a `kind`, the nested ones opened (an empty one, the identity, drops out); None when one is
    the `absorbing` element."""
    flat: list[Formula] = []
    for item in items:
        if item == absorbing:
            return None
        flat.extend(item.items if isinstance(item, kind) else (item,))
    return flat


def _absorb(items: list[Formula]) -> list[Formula]:
    """x ∨ (x ∧ y) = x."""

    def parts(item: Formula) -> frozenset[Formula]:
        return frozenset(item.items) if isinstance(item, All) else frozenset((item,))

    kept = []
    for item in items:
        mine = parts(item)
        if not any(other is not item and parts(other) < mine for other in items):
            kept.append(item)
    return kept
