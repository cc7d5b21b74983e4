"""How the review document writes conditions, flags and citations in one language."""

from __future__ import annotations

from typing import Any

from ... import Rules
from ...graph_check import OTHERWISE
from .decision_table import Row
from .paths import ACTIVITIES, AS_OF, SOME, TreeFacts
from .words import TERMS


class Notation:
    def __init__(self, rules: Rules, facts: TreeFacts, lang: str):
        self.rules = rules
        self.lang = lang
        self.terms = TERMS[lang]
        self.facts = facts
        self.law = rules.raw.data("law")
        self.questions = rules.raw.data("questions")["questions"]

    # Answers and conditions
    def answer(self, question_id: str, value: str) -> str:
        if value in ("true", "false") and self.questions[question_id]["type"] == "boolean":
            return self.terms[value]
        choice = next(choice for choice in self.questions[question_id]["choices"] if choice["value"] == value)
        return self.rules.calendar.document(choice["label"], self.lang)

    def listed(self, items: list[str], word: str = "or") -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + self.terms[word] + items[-1]

    def condition(self, variable: str, values: frozenset[Any]) -> str:
        if variable == AS_OF:
            return f"`{AS_OF}` " + self.period(sorted(values))
        if variable == ACTIVITIES:
            questions = self.facts.activity_questions
            key = "some_activity" if SOME in values else "no_activity"
            return self.terms[key].format(count=len(questions), first=f"`{questions[0]}`", last=f"`{questions[-1]}`")
        domain = self.facts.domains[variable]
        allowed = [value for value in domain if value in values]
        link = f"[`{variable}`](#{variable})"
        if len(domain) > 3 and len(allowed) > len(domain) / 2:
            excluded = [self.answer(variable, value) for value in domain if value not in values]
            return (
                self.terms["any_but"]
                .format(question=variable, values=self.listed(excluded, "and"))
                .replace(f"`{variable}`", link, 1)
            )
        return f"{link} = " + self.listed([self.answer(variable, value) for value in allowed])

    def period(self, epochs: list[int]) -> str:
        """Epochs of the assessment date as date spans, the contiguous ones joined."""
        spans: list[list[int]] = []
        for epoch in epochs:
            if spans and spans[-1][-1] == epoch - 1:
                spans[-1].append(epoch)
            else:
                spans.append([epoch])
        texts = []
        for span in spans:
            start, end = span[0], span[-1] + 1
            if end == len(self.facts.epochs):
                texts.append(self.terms["from"].format(date=self.epoch_date(start)))
            elif start == 0:
                texts.append(self.terms["before"].format(date=self.epoch_date(end)))
            else:
                texts.append(self.terms["between"].format(start=self.epoch_date(start), end=self.epoch_date(end)))
        return self.listed(texts)

    def epoch_date(self, epoch: int) -> str:
        start, name = self.facts.epochs[epoch]
        return f"{start.isoformat()} (`{name}`)"

    def date_named(self, name: str) -> str:
        return f"{self.law['legal_dates'][name]['date']} (`{name}`)"

    def ordered(self, conditions: dict[str, frozenset[Any]]) -> list[str]:
        return [
            self.condition(variable, conditions[variable])
            for variable in self.facts.variable_order
            if variable in conditions
        ]

    def row_conditions(self, row: Row, common: set[str]) -> list[str]:
        texts = self.ordered({name: values for name, values in row.conditions.items() if name not in common})
        if row.any_of:
            either = [self.condition(variable, values) for variable, values in row.any_of]
            texts.append(self.terms["any_of"].format(conditions=self.terms["separator"].join(either)))
        return texts

    # What a row gives
    def confidence(self, level: str) -> str:
        return self.terms[level]

    def effects(self, row: Row, archives_label: str) -> list[str]:
        """The archives approval, the flags the row always gives, then those a single answer adds."""
        texts = [archives_label] if row.effect.archives_approval else []
        always = set(row.effect.flags)
        sometimes: dict[tuple[str, ...], list[str]] = {}  # flags -> the answers that add them
        for question in self.facts.variable_order:
            if question not in row.flag_questions:
                continue
            allowed = row.conditions.get(question, frozenset(self.facts.domains[question]))
            for value, flags in self.facts.answer_flags[question].items():
                if not flags or value not in allowed:
                    continue
                if allowed == {value} and question not in dict(row.any_of):
                    always.update(flags)
                else:
                    sometimes.setdefault(tuple(flags), []).append(self.condition(question, frozenset({value})))
        texts.extend(f"`{flag}`" for flag in sorted(always))
        return texts + [
            self.terms["if"].format(flags=self.flags(flags), condition=self.listed(conditions))
            for flags, conditions in sometimes.items()
        ]

    def flags(self, flags) -> str:
        return ", ".join(f"`{flag}`" for flag in flags)

    # Citations
    def cite(self, references: list[Any]) -> str:
        """Citations as Markdown links where the law file has a URL, with the dates they apply from or until."""
        cites = []
        for reference in references:
            entry = {"ref": reference} if isinstance(reference, str) else reference
            law = self.law["references"][entry["ref"]]
            text = self.rules.calendar.cite(entry["ref"], self.lang)
            text = f"[{text}]({law['url']})" if "url" in law else text
            for bound, words in (("from", "from"), ("until", "before")):
                if bound in entry:
                    text += " (" + self.terms[words].format(date=self.law["legal_dates"][entry[bound]]["date"]) + ")"
            cites.append(text)
        return self.terms["separator"].join(cites)

    def edge_condition(self, node: dict[str, Any], path: str) -> str:
        """What takes one edge of a node: an answer, a date period, or whether an activity was found."""
        kind, _, key = path.partition("/")
        if kind == "branches":
            question = node["ask"]
            values = self.facts.domains[question]
            chosen = [value for value in values if value not in node["branches"]] if key == OTHERWISE else [key]
            return self.condition(question, frozenset(chosen))
        if kind == "by_date":
            period = node["by_date"][int(key.split("/")[0])]
            start = self.date_named(period["from"])
            if "until" not in period:
                return f"`{AS_OF}` " + self.terms["from"].format(date=start)
            return f"`{AS_OF}` " + self.terms["between"].format(start=start, end=self.date_named(period["until"]))
        return self.terms[kind]
