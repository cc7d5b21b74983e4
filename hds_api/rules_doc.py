"""docs/RULES.md, generated from the decision trees: questions, outcomes with the conditions that reach them,
flags, legal dates and citations, and the flowchart. Pure: no Flask."""

from __future__ import annotations

from collections import deque
from typing import Any

from .mermaid import flowchart
from .trees import Rules
from .trees.graph_check import CERTIFICATION_REQUIRED, OTHERWISE, node_edges, question_values

LANG = "en"


class _Doc:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.law = rules.raw.data("law")
        self.questions = rules.raw.data("questions")["questions"]
        self.outcomes = rules.raw.data("outcomes")
        self.lines: list[str] = []

    def text(self, text: Any, lang: str = LANG) -> str:
        """A rule text with its dates spelled out, each period of a dated text introduced by its dates."""
        return self.rules.calendar.document(text, lang)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def cite(self, references: list[Any]) -> str:
        """Citations as Markdown links where the law file has a URL, with the dates they apply from/until."""
        cites = []
        for reference in references:
            entry = {"ref": reference} if isinstance(reference, str) else reference
            law = self.law["references"][entry["ref"]]
            text = self.rules.calendar.cite(entry["ref"], LANG)
            text = f"[{text}]({law['url']})" if "url" in law else text
            for bound, word in (("from", "from"), ("until", "until")):
                if bound in entry:
                    text += f" ({word} {self.law['legal_dates'][entry[bound]]['date']})"
            cites.append(text)
        return "; ".join(cites)

    def outcome_entry(self, code: str) -> dict[str, Any]:
        if code == CERTIFICATION_REQUIRED:
            return self.outcomes[CERTIFICATION_REQUIRED]
        return self.outcomes["exemptions"][code]


def _condition(node: dict[str, Any], path: str, questions: dict[str, Any], dates: dict[str, str]) -> str:
    kind, _, key = path.partition("/")
    if kind == "branches":
        question = node["ask"]
        if key == OTHERWISE:
            others = [v for v in question_values(questions[question]) if v not in node["branches"]]
            return f"`{question}` is one of " + ", ".join(f"`{value}`" for value in others)
        return f"`{question}` = `{key}`"
    if kind == "by_date":
        period = node["by_date"][int(key.split("/")[0])]
        span = f"from {dates[period['from']]}"
        return f"assessment date {span}" + (f" until {dates[period['until']]} (excluded)" if "until" in period else "")
    return "at least one activity found" if kind == "found" else "no activity found"


def outcome_conditions(rules: Rules, tree_id: str) -> dict[str, list[list[str]]]:
    """For each outcome, one shortest consistent path of conditions per edge that ends in it."""
    tree = rules.trees[tree_id].source
    questions = rules.raw.data("questions")["questions"]
    dates = {name: entry["date"] for name, entry in rules.raw.data("law")["legal_dates"].items()}
    found: dict[str, list[list[str]]] = {}
    seen_edges: set[tuple[str, str, bool]] = set()
    queue = deque([(tree["root"], False, [])])
    visited = {(tree["root"], False)}
    while queue:
        node_id, any_activity, conditions = queue.popleft()
        node = tree["nodes"][node_id]
        for path, edge in node_edges(node):
            if "if_found" in node and (path == "found") != any_activity:
                continue  # the path so far decides which side an if_found node takes
            step = [*conditions, _condition(node, path, questions, dates)]
            with_activity = any_activity or bool(edge.get("add", {}).get("activities"))
            if "outcome" in edge:
                if (node_id, path, any_activity) not in seen_edges:
                    seen_edges.add((node_id, path, any_activity))
                    paths = found.setdefault(edge["outcome"], [])
                    if step not in paths:
                        paths.append(step)
            elif (edge["next"], with_activity) not in visited:
                visited.add((edge["next"], with_activity))
                queue.append((edge["next"], with_activity, step))
    return {code: _merge_last_step(paths) for code, paths in found.items()}


def _merge_last_step(paths: list[list[str]]) -> list[list[str]]:
    """Paths that differ only in the value of their last question read as one: "`q` = `a` or `b`"."""
    merged: list[list[str]] = []
    for path in paths:
        last = path[-1]
        twin = next(
            (
                other
                for other in merged
                if other[:-1] == path[:-1] and " = " in last and other[-1].split(" = ")[0] == last.split(" = ")[0]
            ),
            None,
        )
        if twin is None:
            merged.append(list(path))
        else:
            twin[-1] += " or " + last.split(" = ", 1)[1]
    return merged


def render(rules: Rules) -> str:
    """The whole of docs/RULES.md."""
    doc = _Doc(rules)
    tree = rules.tree
    identity = rules.identities[tree.id]
    doc.add(
        "# The decision rules",
        "",
        "<!-- Generated by `python -m hds_api docs` from decision_trees/: do not edit by hand. -->",
        "",
        f"Tree `{tree.id}` version `{tree.version}` ({tree.title['en']} / {tree.title['fr']}), rules digest "
        f"`{identity['digest']}`. Every assessment names this version and digest in its `rules` field.",
        "",
        "Contents: [flowchart](#flowchart) · [questions](#questions) · [outcomes](#outcomes) · "
        "[flags](#flags) · [activities and certificates](#activities-and-certificates) · "
        "[legal dates](#legal-dates) · [citations](#citations)",
        "",
        "## Flowchart",
        "",
        "Questions are diamonds, dated choices hexagons, outcomes rounded boxes (red: certificate required).",
        "The same diagram in French: `GET /v1/decision-trees/hds_scope/diagram?lang=fr`.",
        "",
        "```mermaid",
        flowchart(rules, tree.id, LANG).rstrip("\n"),
        "```",
        "",
    )
    _questions(doc)
    _outcomes(doc, outcome_conditions(rules, tree.id))
    _flags(doc)
    _activities(doc)
    _law(doc)
    return "\n".join(doc.lines).rstrip("\n") + "\n"


DIAGRAM_START = "<!-- diagram:start (generated by `python -m hds_api docs`) -->"
DIAGRAM_END = "<!-- diagram:end -->"


def readme_with_diagram(readme: str, rules: Rules) -> str:
    """The README with the flowchart between its diagram markers replaced by the current one."""
    start = readme.index(DIAGRAM_START) + len(DIAGRAM_START)
    end = readme.index(DIAGRAM_END, start)
    block = "\n```mermaid\n" + flowchart(rules, rules.tree.id, LANG) + "```\n"
    return readme[:start] + block + readme[end:]


def _questions(doc: _Doc) -> None:
    doc.add("## Questions", "", "In flow order. Ids and values are the public API's.", "")
    for question_id, question in doc.questions.items():
        doc.add(
            f"### `{question_id}`",
            "",
            f"**{doc.text(question['label'])}**  ",
            f"*{doc.text(question['label'], 'fr')}*",
            "",
        )
        doc.add(doc.text(question["help"]), "")
        if question["type"] == "boolean":
            doc.add("Answer: `true` or `false`.", "")
        else:
            doc.add("| value | label | libellé |", "|---|---|---|")
            for choice in question["choices"]:
                doc.add(f"| `{choice['value']}` | {doc.text(choice['label'])} | {doc.text(choice['label'], 'fr')} |")
            doc.add("")
        doc.add(f"References: {doc.cite(question['references'])}", "")


def _outcomes(doc: _Doc, conditions: dict[str, list[list[str]]]) -> None:
    kinds = doc.outcomes["exemption_kinds"]
    doc.add(
        "## Outcomes",
        "",
        "Each outcome with the shortest answers that reach it, one line per rule of the tree that ends in it",
        "(other answers may lead there too: the flowchart shows every path).",
        "",
    )
    codes = [CERTIFICATION_REQUIRED, *doc.outcomes["exemptions"]]
    for code in codes:
        entry = doc.outcome_entry(code)
        doc.add(f"### `{code}`", "", f"**{doc.text(entry['label'])}**  ", f"*{doc.text(entry['label'], 'fr')}*", "")
        if code == CERTIFICATION_REQUIRED:
            doc.add("The certificate is required for the activities found; confidence: " + entry["confidence"] + ".")
        else:
            kind = doc.text(kinds[entry["kind"]])
            doc.add(f"Kind: `{entry['kind']}` ({kind}); confidence: {entry['confidence']}.", "")
            doc.add(doc.text(entry["explanation"]))
        doc.add("")
        if entry.get("flags"):
            doc.add("Adds the flags " + ", ".join(f"`{flag}`" for flag in entry["flags"]) + ".", "")
        doc.add("Reached when:", "")
        for path in conditions.get(code, []):
            doc.add("- " + "; ".join(path))
        doc.add("", f"References: {doc.cite(entry['references'])}", "")


def _flags(doc: _Doc) -> None:
    doc.add("## Flags", "", "| flag | meaning | references |", "|---|---|---|")
    for code, flag in doc.outcomes["flags"].items():
        doc.add(f"| `{code}` | {doc.text(flag['label'])} | {doc.cite(flag['references'])} |")
    doc.add("")


def _activities(doc: _Doc) -> None:
    doc.add("## Activities and certificates", "", "| # | activity | references |", "|---|---|---|")
    for activity in doc.outcomes["activities"]:
        label = f"`{activity['code']}`: {doc.text(activity['label'])}"
        doc.add(f"| {activity['number']} | {label} | {doc.cite(activity['references'])} |")
    doc.add("", "| certificate | activities | references |", "|---|---|---|")
    for certificate in doc.outcomes["certificates"]:
        numbers = ", ".join(str(number) for number in certificate["activities"])
        label = f"`{certificate['code']}`: {doc.text(certificate['label'])}"
        doc.add(f"| {label} | {numbers} | {doc.cite(certificate['references'])} |")
    doc.add("")


def _law(doc: _Doc) -> None:
    doc.add("## Legal dates", "", "| date | name | what happens | references |", "|---|---|---|---|")
    for name, entry in doc.law["legal_dates"].items():
        doc.add(f"| {entry['date']} | `{name}` | {doc.text(entry['label'])} | {doc.cite(entry['references'])} |")
    doc.add("", "## Citations", "", "| id | citation |", "|---|---|")
    for reference_id in doc.law["references"]:
        doc.add(f"| `{reference_id}` | {doc.cite([reference_id])} |")
    doc.add("")
