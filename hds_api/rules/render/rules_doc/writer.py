"""The Markdown being written for one language, with what every section needs."""

from __future__ import annotations

from ... import Rules
from .decision_table import DecisionTable
from .notation import Notation
from .words import WORDS


class Writer:
    def __init__(self, rules: Rules, table: DecisionTable, lang: str):
        self.rules = rules
        self.table = table
        self.lang = lang
        self.words = WORDS[lang]
        self.notation = Notation(rules, table.facts, lang)
        self.readings = rules.raw.data("law").get("contested_readings", {})
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def rule_text(self, text) -> str:
        """A rule text in this language, its named dates spelled out (each period of a dated text introduced by
        its dates)."""
        return self.rules.calendar.document(text, self.lang)

    def heading(self, level: int, text: str) -> None:
        self.add("#" * level + " " + text, "")

    @staticmethod
    def cell(items: list[str]) -> str:
        """Items in one table cell, one per line."""
        return "<br>".join(item.replace("|", "\\|") for item in items)

    def reading_link(self, reading_id: str) -> str:
        title = self.rule_text(self.readings[reading_id]["title"])
        anchor = f"{self.words['reading'].lower()}-{reading_id}"
        return f"[{title}](#{anchor})"

    def readings_about(self, kind: str, name: str) -> str:
        """Links to the contested readings that apply to an outcome, flag, question or legal date."""
        ids = [rid for rid, reading in self.readings.items() if name in reading["applies_to"].get(kind, ())]
        return self.notation.terms["separator"].join(self.reading_link(rid) for rid in ids)

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"
