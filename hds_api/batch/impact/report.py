"""How an impact report looks: a table row per row that changes (what, on which legal date, why, from which
texts), or a JSON entry; unchanged rows are left out unless all are asked for."""

from __future__ import annotations

from typing import Any

from ..compact import compact_result
from ..formats.cells import format_cell
from ..formats.table_output import carried_values, error_text, no_gap_cell
from ..messages import message
from ..readable import JOINER
from ..runner import shape_entry
from .dates import LegalDate
from .job import CERTIFICATE_EXPIRY, COMPARED, ImpactOptions, ImpactOutcome, shown

SIDES = ("before", "after")
# The facts shown side by side, before and after (the table's columns `<fact>_before`, `<fact>_after`), and
# where each is in the compared state (`job.COMPARED`).
FACTS = ("status", "required", "activities", "certificates", "exemptions", "flags", "certification_gap",
         "next_question")  # fmt: skip
FACT_OF = {"required": "hds_certification_required"}
TEXTS_KEPT = 4096
POSITIONS = [COMPARED.index(FACT_OF.get(fact, fact)) for fact in FACTS]
GAP, REQUIRED = COMPARED.index("certification_gap"), COMPARED.index("hds_certification_required")


def _facts(state: tuple[Any, ...]) -> list[str]:
    """The facts of a compared state as table cells (a gap not given spelled out, as in a batch's table)."""
    cells = [format_cell(shown(state[position])) for position in POSITIONS]
    if state[GAP] is None:
        cells[FACTS.index("certification_gap")] = no_gap_cell(state[REQUIRED])
    return cells


def _change_text(name: str, change: dict[str, Any]) -> str:
    """`flags: + storage_outside_eea` for lists, `certification_gap: covered → outdated_referential` otherwise."""
    old, new = change["from"], change["to"]
    if isinstance(old, list):
        added = [value for value in new if value not in old]
        removed = [value for value in old if value not in new]
        parts = [f"+ {format_cell(value)}" for value in added] + [f"- {format_cell(value)}" for value in removed]
        return f"{name}: {', '.join(parts)}"
    return f"{name}: {format_cell(old) or '∅'} → {format_cell(new) or '∅'}"


class ImpactColumns:
    """The report's columns and the row of an outcome (None: an unchanged row, left out); picklable."""

    def __init__(self, options: ImpactOptions, carried: list[tuple[str, str]]):
        self.lang = options.lang
        self.all_rows = options.all_rows
        self.carried = carried
        self.legal_dates = {legal_date.name: legal_date for legal_date in options.crossed}
        lead = [header for header, _ in carried]
        self.names = [
            *lead, "changed", "changes", "legal_dates", "why", "references",
            *[f"{fact}_{side}" for fact in FACTS for side in SIDES], "error",
        ]  # fmt: skip
        first = len(lead)
        self.free_text = [*range(first), first + 3, first + 4, len(self.names) - 1]
        self.texts: dict[tuple[Any, Any], tuple[str, str, list[str]]] = {}
        self.cause_texts: dict[tuple[Any, ...], tuple[str, str, str]] = {}

    def cells(self, outcome: ImpactOutcome) -> list[Any] | None:
        if outcome.error is None and not outcome.changes and not self.all_rows:
            return None
        lead = carried_values(self.carried, outcome.item)
        if outcome.error is not None:
            return [*lead, *[""] * (len(self.names) - len(lead) - 1), error_text(outcome.error, self.lang)]
        first, last = outcome.states
        # The text of codes depends on the codes alone: worked out once per distinct pair of states, and per
        # distinct set of causes (a portfolio has few of either).
        described = self.texts.get((first, last))
        if described is None:
            if len(self.texts) >= TEXTS_KEPT:  # memory stays flat whatever the file
                self.texts.clear()
                self.cause_texts.clear()
            before, after = _facts(first), _facts(last)
            sides = [cell for pair in zip(before, after, strict=True) for cell in pair]
            changes = "; ".join(_change_text(name, change) for name, change in outcome.changes.items())
            described = self.texts[(first, last)] = ("true" if outcome.changes else "false", changes, sides)
        changed, changes, sides = described
        key = tuple((cause.date, tuple(cause.legal_dates), cause.certificate_expiry) for cause in outcome.causes)
        causes = self.cause_texts.get(key) or self.cause_texts.setdefault(key, self._causes(outcome))
        return [*lead, changed, changes, *causes, *sides, ""]

    def _causes(self, outcome: ImpactOutcome) -> tuple[str, str, str]:
        dates, why, cited = [], [], {}
        for cause in outcome.causes:
            day = cause.date.isoformat()
            for name in cause.legal_dates:
                legal_date: LegalDate = self.legal_dates[name]
                dates.append(f"{day} {name}")
                why.append(legal_date.label)
                cited.update(dict.fromkeys(legal_date.references))
            if cause.certificate_expiry:
                dates.append(f"{day} {CERTIFICATE_EXPIRY}")
                why.append(message(self.lang, "certificate_expires", date=day))
        return "; ".join(dates), JOINER.join(why), JOINER.join(cited)


class ImpactShape:
    sheet_name = "impact"

    def __init__(self, options: ImpactOptions):
        self.options = options

    def columns(self, carried: list[tuple[str, str]]) -> ImpactColumns:
        return ImpactColumns(self.options, carried)

    def entry(self, outcome: ImpactOutcome) -> dict[str, Any] | None:
        """`{"id", …, "changed", "changes", "causes", "before", "after"}`, or the error; None: left out."""
        if outcome.error is not None:
            return shape_entry(outcome, "summary")
        if not outcome.changes and not self.options.all_rows:
            return None
        item = outcome.item
        return {
            "id": item.id,
            **(item.echo or {}),
            "changed": bool(outcome.changes),
            "changes": outcome.changes,
            "causes": [
                {
                    "date": cause.date.isoformat(),
                    "legal_dates": cause.legal_dates,
                    "certificate_expiry": cause.certificate_expiry,
                    "changes": cause.fields,
                }
                for cause in outcome.causes
            ],
            "before": _compact(outcome.before, self.options.start),
            "after": _compact(outcome.after or outcome.before, self.options.end),  # None: the same codes
        }


def _compact(result: dict[str, Any], day: Any) -> dict[str, Any]:
    compact = compact_result(result, None)
    del compact["id"]
    compact["as_of"] = day.isoformat()
    return compact
