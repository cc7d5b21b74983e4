"""A decision tree drawn as a Mermaid flowchart, with labels in one language. Pure: no Flask."""

from __future__ import annotations

from .. import Rules
from ..graph_check import CERTIFICATION_REQUIRED, OTHERWISE, node_edges, outcome_entries

TEXTS = {
    "fr": {
        "true": "Oui",
        "false": "Non",
        OTHERWISE: "Autre réponse",
        "found": "Oui",
        "not_found": "Non",
        "any_activity": "Au moins une activité retenue ?",
        "assessment_date": "Date de l'évaluation ?",
        "from": "à partir du {date}",
        "until": "avant le {date}",
        "activity": "activité {numbers}",
        "flag": "signal {code}",
        "archives": "agrément des archives",
        "confidence": "confiance {level}",
    },
    "en": {
        "true": "Yes",
        "false": "No",
        OTHERWISE: "Other answer",
        "found": "Yes",
        "not_found": "No",
        "any_activity": "Any activity found?",
        "assessment_date": "Assessment date?",
        "from": "from {date}",
        "until": "before {date}",
        "activity": "activity {numbers}",
        "flag": "flag {code}",
        "archives": "archives approval",
        "confidence": "{level} confidence",
    },
}


def quoted(text: str) -> str:
    """A Mermaid string: double quotes inside a label are written as the `#quot;` entity."""
    return '"' + text.replace('"', "#quot;") + '"'


def outcome_node(code: str) -> str:
    return f"outcome_{code}"


def flowchart(rules: Rules, tree_id: str, lang: str) -> str:
    """Mermaid `flowchart TD` text: questions as diamonds, dated choices as hexagons, outcomes as stadiums."""
    tree = rules.trees[tree_id].source
    texts = TEXTS[lang]
    questions = rules.raw.data("questions")["questions"]
    outcomes = outcome_entries(rules.raw.data("outcomes"))
    dates = {name: entry["date"] for name, entry in rules.raw.data("law")["legal_dates"].items()}
    lines = ["flowchart TD"]
    reached: list[str] = []
    for node_id, node in tree["nodes"].items():
        if "ask" in node:
            lines.append(f"    {node_id}{{{quoted(rules.calendar.document(questions[node['ask']]['label'], lang))}}}")
        elif "by_date" in node:
            lines.append(f"    {node_id}{{{{{quoted(texts['assessment_date'])}}}}}")
        else:
            lines.append(f"    {node_id}{{{quoted(texts['any_activity'])}}}")
        for path, edge in node_edges(node):
            label = _edge_label(rules, node, path, edge, lang, questions, dates)
            target = edge["next"] if "next" in edge else outcome_node(edge["outcome"])
            if "outcome" in edge and edge["outcome"] not in reached:
                reached.append(edge["outcome"])
            lines.append(f"    {node_id} -->|{quoted(label)}| {target}")
    for code in reached:
        lines.append(f"    {outcome_node(code)}([{quoted(rules.calendar.document(outcomes[code]['label'], lang))}])")
    lines.append("    classDef required fill:#fde2e1,stroke:#b42318")
    lines.append("    classDef exempt fill:#e3f4e8,stroke:#1b7a3d")
    exempt = [outcome_node(code) for code in reached if code != CERTIFICATION_REQUIRED]
    if CERTIFICATION_REQUIRED in reached:
        lines.append(f"    class {outcome_node(CERTIFICATION_REQUIRED)} required")
    if exempt:
        lines.append(f"    class {','.join(exempt)} exempt")
    return "\n".join(lines) + "\n"


def _edge_label(rules, node, path, edge, lang, questions, dates) -> str:
    """The answer, date span or finding that takes the edge, then what it adds on the way."""
    texts = TEXTS[lang]
    kind, _, key = path.partition("/")
    if kind == "branches":
        question = questions[node["ask"]]
        if key in ("true", "false", OTHERWISE):
            parts = [texts[key]]
        else:
            label = next(c["label"] for c in question["choices"] if c["value"] == key)
            parts = [rules.calendar.document(label, lang)]
    elif kind == "by_date":
        period = node["by_date"][int(key.split("/")[0])]
        parts = [texts["until"].format(date=dates[period["until"]])] if "until" in period else []
        parts = parts or [texts["from"].format(date=dates[period["from"]])]
    else:
        parts = [texts[kind]]
    findings = edge.get("add", {})
    if findings.get("activities"):
        numbers = rules.catalogue.activity_numbers
        parts.append(
            "+ " + texts["activity"].format(numbers=", ".join(str(numbers[c]) for c in findings["activities"]))
        )
    for code in findings.get("flags", []):
        parts.append("+ " + texts["flag"].format(code=code))
    if findings.get("archives_approval"):
        parts.append("+ " + texts["archives"])
    if "confidence" in edge:
        parts.append(texts["confidence"].format(level=edge["confidence"]))
    return " · ".join(parts)
