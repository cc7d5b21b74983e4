"""The review document's outcome sections: each outcome with its decision table, and the confidence rule."""

from __future__ import annotations

from typing import Any

from ...graph_check import CERTIFICATION_REQUIRED, node_edges, outcome_entries
from .decision_table import Row
from .writer import Writer


def outcome_sections(doc: Writer) -> None:
    outcomes = doc.rules.raw.data("outcomes")
    entries = outcome_entries(outcomes)
    doc.heading(2, doc.words["outcomes"])
    doc.add(doc.words["outcomes_text"], "")
    for code, rows in doc.table.rows.items():
        entry = entries[code]
        doc.heading(3, f"`{code}`")
        doc.add(f"**{doc.rule_text(entry['label'])}**", "")
        confidence = doc.notation.confidence(entry["confidence"])
        if code == CERTIFICATION_REQUIRED:
            doc.add(doc.words["required_text"].format(confidence=confidence), "")
        else:
            kind = doc.rule_text(outcomes["exemption_kinds"][entry["kind"]])
            doc.add(doc.words["kind"].format(kind=entry["kind"], label=kind, confidence=confidence), "")
            doc.add(doc.rule_text(entry["explanation"]), "")
        if entry.get("flags"):
            doc.add(doc.words["outcome_flags"].format(flags=doc.notation.flags(entry["flags"])), "")
        readings = doc.readings_about("outcomes", code)
        if readings:
            doc.add(doc.words["contested_here"].format(readings=readings), "")
        doc.add(doc.words["references"].format(cites=doc.notation.cite(entry["references"])), "")
        _rows(doc, rows)


def _common(rows: list[Row]) -> dict[str, Any]:
    """The conditions every row shares (none when there is a single row: its conditions are the table)."""
    if len(rows) < 2:
        return {}
    shared = dict(rows[0].conditions)
    for row in rows[1:]:
        shared = {name: values for name, values in shared.items() if row.conditions.get(name) == values}
    return shared


def _rows(doc: Writer, rows: list[Row]) -> None:
    common = _common(rows)
    effects = [doc.notation.effects(row, doc.words["archives"]) for row in rows]
    shared = [item for item in effects[0] if all(item in others for others in effects[1:])] if len(rows) > 1 else []
    separator = doc.notation.terms["separator"]
    if common:
        doc.add(doc.words["common"].format(conditions=separator.join(doc.notation.ordered(common))), "")
    if shared:
        doc.add(doc.words["common_effects"].format(effects=separator.join(shared)), "")
    doc.add(doc.words["row_header"], "|---|---|---|---|")
    for number, (row, gives) in enumerate(zip(rows, effects, strict=True), 1):
        conditions = doc.notation.row_conditions(row, set(common)) or [doc.words["no_condition"]]
        own = [item for item in gives if item not in shared] or ["—"]
        confidence = doc.notation.confidence(row.effect.confidence)
        doc.add(f"| {number} | {doc.cell(conditions)} | {confidence} | {doc.cell(own)} |")
    doc.add("")


def confidence_section(doc: Writer) -> None:
    """The lowest-confidence rule, with every step of the trees that lowers the confidence."""
    levels = doc.rules.raw.data("outcomes")["confidence_levels"]
    doc.heading(2, doc.words["confidence_rule"])
    text = doc.words["confidence_rule_text"].format(levels=", ".join(map(doc.notation.confidence, levels)))
    doc.add(text, "", doc.words["confidence_header"], "|---|---|---|---|")
    for tree in doc.rules.raw.trees:
        for node_id, node in tree.data["nodes"].items():
            for path, edge in node_edges(node):
                if "confidence" not in edge:
                    continue
                adds = doc.notation.flags(edge.get("add", {}).get("flags", ())) or "—"
                when = doc.notation.edge_condition(node, path)
                doc.add(f"| `{node_id}` | {when} | {doc.notation.confidence(edge['confidence'])} | {adds} |")
    own = outcome_entries(doc.rules.raw.data("outcomes"))
    listed = [f"`{code}` {doc.notation.confidence(entry['confidence'])}" for code, entry in own.items()]
    doc.add("", doc.words["confidence_outcomes"].format(outcomes=", ".join(listed)), "")
