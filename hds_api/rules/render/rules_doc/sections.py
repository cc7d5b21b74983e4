"""The review document's reference sections: gap rules, legal dates and their uses, contested readings,
questions, flags, activities and certificates, citations."""

from __future__ import annotations

from ...gap import TESTS
from ...graph_check import node_edges, outcome_entries
from .legal_dates import DateUse, date_uses
from .writer import Writer

# What each test of the gap-rule vocabulary (hds_api/rules/gap.py) checks.
GAP_TESTS = {
    "fr": {
        "certification_not_required": "l'évaluation conclut qu'aucun certificat n'est requis",
        "valid_until_before_as_of": "le `valid_until` du certificat est antérieur à la date de l'évaluation",
        "referential_lapsed": (
            "le certificat relève du référentiel {referential} et l'évaluation est postérieure au {date}"
        ),
        "activities_missing": "une activité requise manque au certificat (`missing_activities` les liste)",
        "compliance_breach": (
            "un signal du résultat est un manquement à une règle en vigueur pour ce certificat "
            "(`compliance_issues` les liste) : {breaches}"
        ),
        "always": "sinon",
        "breach_referentials": "{flag} pour un certificat du référentiel {referentials}",
        "breach_from": "{flag} pour tout certificat à partir du {date}",
    },
    "en": {
        "certification_not_required": "the assessment concludes that no certificate is required",
        "valid_until_before_as_of": "the certificate's `valid_until` is before the assessment date",
        "referential_lapsed": "the certificate is of referential {referential} and the assessment date is after {date}",
        "activities_missing": "a required activity is missing from the certificate (`missing_activities` lists them)",
        "compliance_breach": (
            "a flag of the result breaches a rule in force for this certificate (`compliance_issues` lists them): "
            "{breaches}"
        ),
        "always": "otherwise",
        "breach_referentials": "{flag} for a certificate of referential {referentials}",
        "breach_from": "{flag} for every certificate from {date}",
    },
}
assert all(set(TESTS) <= set(texts) for texts in GAP_TESTS.values()), "every gap test needs its explanation"

USES = {
    "fr": {
        "applies_from": "arbre `{tree}` : aucune évaluation avant",
        "period": "nœud `{node}` : période « {label} » ({bound})",
        "citation": "citation « {cite} » ({bound}), dans `{file}` {where}",
        "gap_rule": "règle d'écart `{status}` ({bound})",
        "gap_breach": "règle d'écart `{status}` : `{flag}` est un manquement à partir de cette date",
        "contested_reading": "lecture contestée {link}",
        "text": "texte `{file}` {where}",
        "other": "`{file}` {where}",
        "from": "début",
        "until": "fin, exclue",
        "after": "après",
    },
    "en": {
        "applies_from": "tree `{tree}`: no assessment before",
        "period": "node `{node}`: period “{label}” ({bound})",
        "citation": "citation “{cite}” ({bound}), in `{file}` {where}",
        "gap_rule": "gap rule `{status}` ({bound})",
        "gap_breach": "gap rule `{status}`: `{flag}` is a breach from this date",
        "contested_reading": "contested reading {link}",
        "text": "text `{file}` {where}",
        "other": "`{file}` {where}",
        "from": "start",
        "until": "end, excluded",
        "after": "after",
    },
}


def gap_section(doc: Writer) -> None:
    tests = GAP_TESTS[doc.lang]
    notation = doc.notation
    doc.heading(2, doc.words["gap"])
    doc.add(doc.words["gap_text"], "")
    for number, rule in enumerate(doc.rules.raw.data("outcomes")["certification_gap"], 1):
        breaches = []
        references = list(rule.get("references", ()))
        for breach in rule.get("breaches", ()):
            flag = f"`{breach['flag']}`"
            if "referentials" in breach:
                referentials = notation.listed(breach["referentials"])
                breaches.append(tests["breach_referentials"].format(flag=flag, referentials=referentials))
            if "from" in breach:
                breaches.append(tests["breach_from"].format(flag=flag, date=notation.date_named(breach["from"])))
            references += [reference for reference in breach["references"] if reference not in references]
        test = tests[rule["test"]].format(
            referential=rule.get("referential"),
            date=notation.date_named(rule["after"]) if "after" in rule else "",
            breaches=notation.terms["separator"].join(breaches),
        )
        line = f"{number}. `{rule['status']}` — {doc.rule_text(rule['label'])}. {doc.words['test']}{test}."
        if references:
            line += " " + doc.words["references"].format(cites=notation.cite(references))
        doc.add(line)
    doc.add("")


def legal_dates_section(doc: Writer) -> None:
    law = doc.rules.raw.data("law")
    doc.heading(2, doc.words["legal_dates"])
    doc.add(doc.words["legal_dates_text"], "", doc.words["legal_dates_header"], "|---|---|---|---|---|")
    for name, uses in date_uses(doc.rules).items():
        entry = law["legal_dates"][name]
        described = [_use(doc, use) for use in uses]
        cites = doc.notation.cite(entry["references"]) if entry["references"] else "—"
        row = [f"`{name}`", entry["date"], doc.rule_text(entry["label"]), cites, doc.cell(described) or "—"]
        doc.add("| " + " | ".join(row) + " |")
    doc.add("")


def _use(doc: Writer, use: DateUse) -> str:
    words = USES[doc.lang]
    detail = use.detail
    where = "/".join(str(part) for part in (detail.get("where") or use.path))
    bound = words.get(detail.get("bound", ""), "")
    if use.kind == "period":
        return words["period"].format(node=detail["node"], label=doc.rule_text(detail["label"]), bound=bound)
    if use.kind == "citation":
        cite = doc.rules.calendar.cite(detail["ref"], doc.lang)
        return words["citation"].format(cite=cite, bound=bound, file=use.file, where=where)
    if use.kind == "gap_rule" and detail["flag"]:
        return words["gap_breach"].format(status=detail["status"], flag=detail["flag"])
    if use.kind == "contested_reading":
        return words["contested_reading"].format(link=doc.reading_link(detail["reading"]))
    if use.kind == "gap_rule":
        return words["gap_rule"].format(status=detail["status"], bound=bound)
    if use.kind == "applies_from":
        return words["applies_from"].format(tree=detail["tree"])
    return words[use.kind].format(file=use.file, where=where)


def contested_section(doc: Writer) -> None:
    doc.heading(2, doc.words["contested"])
    doc.add(doc.words["contested_text"], "")
    terms = doc.notation.terms
    for reading_id, reading in doc.readings.items():
        doc.heading(3, f"{doc.words['reading']} `{reading_id}`")
        doc.add(f"**{doc.rule_text(reading['title'])}**", "", doc.rule_text(reading["text"]), "")
        items = []
        for kind, names in reading["applies_to"].items():
            if kind == "legal_dates":
                listed = [doc.notation.date_named(name) for name in names]
            elif kind in ("questions", "outcomes"):  # each has a section of its own
                listed = [f"[`{name}`](#{name})" for name in names]
            else:
                listed = [f"`{name}`" for name in names]
            items.append(f"{terms[kind]} {', '.join(listed)}")
        doc.add(doc.words["applies_to"].format(items=terms["separator"].join(items)), "")
        doc.add(doc.words["references"].format(cites=doc.notation.cite(reading["references"])), "")


def questions_section(doc: Writer) -> None:
    doc.heading(2, doc.words["questions"])
    doc.add(doc.words["questions_text"], "")
    for question_id, question in doc.rules.raw.data("questions")["questions"].items():
        doc.heading(3, f"`{question_id}`")
        doc.add(f"**{doc.rule_text(question['label'])}**", "", doc.rule_text(question["help"]), "")
        if question["type"] == "boolean":
            doc.add(doc.words["boolean_answer"], "")
        else:
            doc.add(doc.words["choice_header"], "|---|---|")
            for choice in question["choices"]:
                doc.add(f"| `{choice['value']}` | {doc.rule_text(choice['label'])} |")
            doc.add("")
        readings = doc.readings_about("questions", question_id)
        if readings:
            doc.add(doc.words["contested_here"].format(readings=readings), "")
        doc.add(doc.words["references"].format(cites=doc.notation.cite(question["references"])), "")


def flags_section(doc: Writer) -> None:
    outcomes = doc.rules.raw.data("outcomes")
    added_by: dict[str, list[str]] = {code: [] for code in outcomes["flags"]}
    terms = doc.notation.terms
    for tree in doc.rules.raw.trees:
        for node_id, node in tree.data["nodes"].items():
            for path, edge in node_edges(node):
                condition = doc.notation.edge_condition(node, path)
                for flag in edge.get("add", {}).get("flags", ()):
                    answer_flag = node.get("ask") in doc.notation.facts.answer_flags
                    text = terms["answer"].format(condition=condition) if answer_flag else None
                    text = text or terms["at_node"].format(node=node_id, condition=condition)
                    if text not in added_by[flag]:
                        added_by[flag].append(text)
    for code, entry in outcome_entries(outcomes).items():
        for flag in entry.get("flags", ()):
            added_by[flag].append(terms["outcome"].format(code=f"[`{code}`](#{code})"))
    doc.heading(2, doc.words["flags"])
    doc.add(doc.words["flags_header"], "|---|---|---|---|")
    for code, flag in outcomes["flags"].items():
        readings = doc.readings_about("flags", code)
        meaning = [doc.rule_text(flag["label"])] + (
            [doc.words["contested_here"].format(readings=readings)] if readings else []
        )
        cells = [f"`{code}`", doc.cell(meaning), doc.cell(added_by[code]), doc.notation.cite(flag["references"])]
        doc.add("| " + " | ".join(cells) + " |")
    doc.add("")


def activities_section(doc: Writer) -> None:
    outcomes = doc.rules.raw.data("outcomes")
    doc.heading(2, doc.words["activities"])
    doc.add(doc.words["activity_header"], "|---|---|---|")
    colon = doc.notation.terms["colon"]
    for activity in outcomes["activities"]:
        label = f"`{activity['code']}`{colon}{doc.rule_text(activity['label'])}"
        doc.add(f"| {activity['number']} | {label} | {doc.notation.cite(activity['references'])} |")
    doc.add("", doc.words["certificate_header"], "|---|---|---|")
    for certificate in outcomes["certificates"]:
        numbers = ", ".join(str(number) for number in certificate["activities"])
        label = f"`{certificate['code']}`{colon}{doc.rule_text(certificate['label'])}"
        doc.add(f"| {label} | {numbers} | {doc.notation.cite(certificate['references'])} |")
    doc.add("")


def citations_section(doc: Writer) -> None:
    doc.heading(2, doc.words["citations"])
    doc.add(doc.words["citation_header"], "|---|---|")
    for reference_id in doc.rules.raw.data("law")["references"]:
        doc.add(f"| `{reference_id}` | {doc.notation.cite([reference_id])} |")
    doc.add("")
