"""When the engine asks each question: a condition on the answers, derived from the decision tree at one legal date.

The walk of `trees/engine.py` goes from the root along the edge of the answer given (an ask node), of the period
in force at `as_of` (a date node), or of whether an activity was found on the way (a found node). So a node is
reached exactly when one of its parents is reached and the walk takes the edge from that parent to it. An answer
off the path never counts, since the walk never reads it; an unanswered question makes every atom on it false, so
the questions whose condition holds are those answered on the path plus the next one.

Written out in full, conditions repeat the long way to the nodes where paths merge (`storage_medium`, ...), so a
merge point's condition is named once (`definitions`) and referred to (`Reached`) by the conditions after it.
"""

from __future__ import annotations

from datetime import date

from ...compiled import AskNode, CompiledTree, DateNode, Edge, FoundNode, Node
from ...graph_check import topological_order
from .formula import TRUE, Algebra, Formula, Reached

EdgesTo = list[tuple[object, Edge]]


def period_in_force(node: DateNode, as_of: date) -> Edge:
    """The edge of the period covering `as_of`, chosen as the engine's walk chooses it."""
    for period in node.periods:
        if period.end is None or as_of < period.end:
            return period.edge
    return node.periods[-1].edge


class Flow:
    """The tree at one date, as conditions.

    `asked[question]`: when the engine asks the question (absent: never, at this date); `definitions[node]`: when
    the walk reaches a node worth a name, for the `Reached(node)` the other conditions refer to (in flow order).
    """

    def __init__(self, tree: CompiledTree, algebra: Algebra, as_of: date):
        self.tree = tree
        self.algebra = algebra
        self.children = {node.id: _edges(node, as_of) for node in tree.nodes.values()}
        self.order = topological_order(tree.root.id, self.children)  # the nodes reachable at this date
        self.parents: dict[str, list[str]] = {node_id: [] for node_id in self.order}
        for node_id in self.order:
            for child in self.children[node_id]:
                self.parents[child].append(node_id)
        self.below = self._descendants()
        self.dominators = self._dominators()
        self.named = frozenset(node_id for node_id in self.order if self._worth_a_name(node_id))
        self.conditions: dict[str, Formula] = {}
        for node_id in self.order:
            self.conditions[node_id] = self._condition(node_id)
        self.definitions = {node_id: self.conditions[node_id] for node_id in self.order if node_id in self.named}
        self.asked: dict[str, Formula] = {}
        for node_id in self.order:
            node = tree.nodes[node_id]
            if isinstance(node, AskNode):
                previous = self.asked.get(node.question)
                here = self._mention(node_id)
                self.asked[node.question] = here if previous is None else algebra.any(previous, here)

    def _condition(self, node_id: str) -> Formula:
        """When the walk reaches `node_id`: from one of its parents, by the edge to it."""
        if not self.parents[node_id]:
            return TRUE
        return self.algebra.any(
            *(
                self.algebra.all(self._mention(parent), self._guard(parent, self.children[parent][node_id]))
                for parent in self.parents[node_id]
            )
        )

    def _worth_a_name(self, node_id: str) -> bool:
        """Merge points, and date or found nodes leading on to several nodes: written in full, their conditions
        would be repeated by every condition after them."""
        if len(self.parents[node_id]) > 1:
            return True
        return not isinstance(self.tree.nodes[node_id], AskNode) and len(self.children[node_id]) > 1

    def _mention(self, node_id: str) -> Formula:
        """How another condition says "the walk reaches `node_id`": by name when it has one, else in full."""
        return Reached(node_id) if node_id in self.named else self.conditions[node_id]

    def _guard(self, node_id: str, edges: EdgesTo) -> Formula:
        """The condition for the walk, at `node_id`, to take one of `edges` (all to one child)."""
        node = self.tree.nodes[node_id]
        if isinstance(node, AskNode):
            return self.algebra.answered(node.question, [answer for answer, _ in edges])
        if isinstance(node, FoundNode):
            found = self._activity_found_before(node_id)
            not_found = self.algebra.negate(found, self._answered_before(node_id))
            return self.algebra.any(*(found if key == "found" else not_found for key, _ in edges))
        return TRUE  # a date node keeps only the edge in force

    def _activity_found_before(self, node_id: str) -> Formula:
        """Some edge adding an activity was taken on the way to `node_id`, given that `node_id` is reached."""
        taken = []
        for source in self.order:
            for child, edges in self.children[source].items():
                adding = [(key, edge) for key, edge in edges if edge.activities]
                if adding and node_id in self.below[child]:
                    # A node every path goes through is reached whenever `node_id` is: its condition is implied.
                    before = TRUE if source in self.dominators[node_id] else self._mention(source)
                    taken.append(self.algebra.all(before, self._guard(source, adding)))
        return self.algebra.any(*taken)

    def _answered_before(self, node_id: str) -> frozenset[str]:
        """Questions certainly answered when `node_id` is reached: those of the ask nodes dominating it."""
        return frozenset(
            node.question
            for dominator in self.dominators[node_id] - {node_id}
            if isinstance(node := self.tree.nodes[dominator], AskNode)
        )

    def _descendants(self) -> dict[str, frozenset[str]]:
        """For each node, the nodes the walk may go on to from it (itself included)."""
        below: dict[str, frozenset[str]] = {}
        for node_id in reversed(self.order):
            below[node_id] = frozenset({node_id}).union(*(below[child] for child in self.children[node_id]))
        return below

    def _dominators(self) -> dict[str, frozenset[str]]:
        """For each node, the nodes every path from the root to it goes through (itself included)."""
        dominators: dict[str, frozenset[str]] = {}
        for node_id in self.order:
            inherited = [dominators[parent] for parent in self.parents[node_id]]
            dominators[node_id] = (frozenset.intersection(*inherited) if inherited else frozenset()) | {node_id}
        return dominators


def _edges(node: Node, as_of: date) -> dict[str, EdgesTo]:
    """A node's edges to other nodes at `as_of` (outcomes end the walk), grouped by the node they lead to."""
    if isinstance(node, AskNode):
        keyed: EdgesTo = list(node.edges.items())
    elif isinstance(node, DateNode):
        keyed = [("period", period_in_force(node, as_of))]
    else:
        keyed = [("found", node.found), ("not_found", node.not_found)]
    grouped: dict[str, EdgesTo] = {}
    for key, edge in keyed:
        if edge is not None and edge.node is not None:
            grouped.setdefault(edge.node.id, []).append((key, edge))
    return grouped
