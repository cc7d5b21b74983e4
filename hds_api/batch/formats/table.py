"""Tables (CSV and spreadsheets) read: the header's columns checked, then each row's cells made into an item.

Forgiving where a spreadsheet user expects it (spaces, case, boolean spellings, empty cells), strict where a
mistake could change a legal outcome (an unknown value is the row's error, never a guess).
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Any

from ...rules.compiled import Catalogue
from ...rules.request_check import MAX_LISTED_ERRORS
from ..errors import UsageError
from ..identifiers import CHECKS, same_company
from ..items import Item
from ..messages import message
from .cells import BOOLEAN_SPELLINGS, BOOLEAN_WORDS, parse_numbers
from .lines import RowLimits, UnreadableRow
from .table_output import RESULTS_SIGNATURE, WRITTEN_COLUMNS

GAP_COLUMNS = {
    "current_activities": "activities",
    "current_referential": "referential",
    "current_valid_until": "valid_until",
}
# A header within this similarity (difflib's ratio) of a known column is taken for a typo of it, not passed
# through: `storage_locaton`, `personal data`, `asof`. Names shorter than 4 characters (`id`) are matched exactly.
NEAR_MISS = 0.8
SHORTEST_NEAR_MISS = 4
# Columns passed through, at most: each row carries them to the output (a spreadsheet's own columns are far
# fewer; a header of thousands is refused before any is compared with the known ones).
MAX_PASSED_THROUGH = 200


def input_columns(catalogue: Catalogue) -> list[str]:
    return ["id", *catalogue.question_order, "as_of", *GAP_COLUMNS]


def known_columns(catalogue: Catalogue) -> list[str]:
    """Every column the batch reads: `input_columns`, then the identifiers it checks."""
    return [*input_columns(catalogue), *CHECKS]


def near_miss(name: str, known: list[str]) -> str | None:
    """The known column that `name` most likely misspells, if any."""
    for column, short in GAP_COLUMNS.items():  # `valid_until` for `current_valid_until`: it would do nothing
        if name == short:
            return column
    # Only a column that would change an outcome: an identifier's look-alike (`supplier_id`) is the user's own.
    candidates = [column for column in known if len(column) >= SHORTEST_NEAR_MISS and column not in CHECKS]
    found = difflib.get_close_matches(name, candidates, n=1, cutoff=NEAR_MISS)
    return found[0] if found else None


class RowDecoder:
    """Turns the cells of one row into an item, for one header; small and picklable (sent to workers).

    `headers` are the header's cells as given (a column carried through keeps its name, case and all)."""

    def __init__(
        self,
        columns: list[str],
        question_types: dict[str, str],
        lang: str,
        limits: RowLimits = RowLimits(),  # noqa: B008 - frozen, so sharing the default is safe
        headers: list[str] | None = None,
        passed: frozenset[str] = frozenset(),
    ):
        self.columns = columns
        self.question_types = question_types
        self.lang = lang
        self.limits = limits
        self.headers = headers if headers is not None else list(columns)
        # What each column holds, worked out once: the per-row loop is the batch's hot path.
        self.kinds = [
            (column, kind, _field(column, kind))
            for column, kind in ((c, _kind(c, question_types, passed)) for c in columns)
        ]
        # The columns an entry repeats (identifiers, passed through), by position: None when there are none.
        self.echoed = [
            (index, kind, column if kind == "identifier" else header)
            for index, ((column, kind, _), header) in enumerate(zip(self.kinds, self.headers, strict=True))
            if kind in ("identifier", "passed")
        ] or None
        self.checks_company = "supplier_siren" in columns and "supplier_siret" in columns

    @property
    def carried(self) -> list[tuple[str, str]]:
        """The input's columns that a table output repeats, in their order: `(header as given, key)`, the key
        `id`, an identifier, or `passed` for a column passed through."""
        return [
            (header, "id" if kind == "id" else column if kind == "identifier" else "passed")
            for (column, kind, _), header in zip(self.kinds, self.headers, strict=True)
            if kind in ("id", "identifier", "passed")
        ]

    @property
    def passed_through(self) -> list[str]:
        return [header for (_, kind, _), header in zip(self.kinds, self.headers, strict=True) if kind == "passed"]

    @classmethod
    def from_header(
        cls,
        cells: list[Any],
        catalogue: Catalogue,
        lang: str,
        limits: RowLimits = RowLimits(),  # noqa: B008 - frozen
    ) -> RowDecoder:
        """Check the header's cells: a column the batch does not know is passed through unchanged, unless it
        looks like a misspelt known one (`UsageError` naming the one it resembles); duplicate columns and a
        missing `id` column are refused too."""
        headers = ["" if cell is None else str(cell) for cell in cells]
        columns = [header.strip().lower() for header in headers]
        known_list = known_columns(catalogue)
        known = set(known_list)
        unknown = list(dict.fromkeys(column for column in columns if column and column not in known))
        if len(unknown) > MAX_PASSED_THROUGH:
            text = message(lang, "too_many_columns", count=len(unknown), limit=MAX_PASSED_THROUGH)
            raise UsageError(text, {"header": {"message": text, "limit": MAX_PASSED_THROUGH}})
        passed, misspelt = set(), {}
        written = [column for column in unknown if column in WRITTEN_COLUMNS]
        if written and not RESULTS_SIGNATURE <= set(written):
            # The user's own column named like one of ours (`Status`, `Flags`): neither dropped nor guessed at.
            named = [header for header, column in zip(headers, columns, strict=True) if column in written]
            text = message(lang, "result_columns", columns=_names(named), example=named[0].strip())
            errors = {name: {"message": message(lang, "result_column")} for name in named[:MAX_LISTED_ERRORS]}
            raise UsageError(text, errors, len(named) - len(errors))
        for column in unknown:
            if column in WRITTEN_COLUMNS:
                continue  # a result file fed back: its result columns are replaced by this run's, not repeated
            resembles = near_miss(column, known_list)
            if resembles is None:
                passed.add(column)
            else:
                misspelt[column] = resembles
        if misspelt:
            names = list(misspelt)
            errors = {
                name: {"message": message(lang, "looks_like", column=misspelt[name]), "resembles": misspelt[name]}
                for name in names[:MAX_LISTED_ERRORS]
            }
            errors[names[0]]["allowed"] = known_list
            text = message(lang, "near_miss_columns", columns=_names(names))
            raise UsageError(text, errors, len(names) - len(errors))
        duplicates = duplicated(columns)
        if duplicates:
            text = message(lang, "duplicate_columns", columns=_names(duplicates))
            errors = {column: {"message": text} for column in duplicates[:MAX_LISTED_ERRORS]}
            raise UsageError(text, errors, len(duplicates) - len(errors))
        if "id" not in columns:
            text = message(lang, "missing_id_column")
            raise UsageError(text, {"id": {"message": text}})
        return cls(columns, dict(catalogue.question_types), lang, limits, headers, frozenset(passed))

    def item(self, cells: list[str] | UnreadableRow, values: list[Any] | None = None) -> Item:
        """One row as an item; cells that cannot be read become the item's errors. `values`: the cells as the
        input typed them (a spreadsheet's numbers and dates), when they are not text: what is echoed."""
        item = Item(id=None, answers={})
        lang = self.lang
        if isinstance(cells, UnreadableRow):
            limit = self.limits.row_chars
            item.error("row", lang, cells.key, line=cells.line, limit=limit, detail=cells.detail, last=cells.last)
            return item
        held: dict[str, Any] = {}
        if len(cells) > len(self.columns):
            item.error("row", lang, "extra_cells")
        answers, given, cell_chars = item.answers, item.given, self.limits.cell_chars
        # The batch's hot loop: names and kinds worked out once (`self.kinds`), locals only.
        for (column, kind, field_name), cell in zip(self.kinds, cells, strict=False):
            text = cell.strip()
            if not text:
                continue  # empty = unanswered
            if len(text) > cell_chars:
                item.error(field_name, lang, "cell_too_long", limit=cell_chars)
            elif kind == "boolean":
                value = BOOLEAN_WORDS.get(text)
                if value is None:
                    value = BOOLEAN_WORDS.get(text.lower())
                if value is None:
                    item.error(field_name, lang, "not_boolean", allowed=BOOLEAN_SPELLINGS)
                    given[field_name] = text
                else:
                    answers[column] = value
            elif kind == "choice":  # the engine checks the value against the choices and names them
                answers[column] = text.lower()
                given[field_name] = text
            elif kind == "id":
                item.id = text
            elif kind == "as_of":
                item.as_of = text
                given["as_of"] = text
            elif kind == "gap":
                self._gap_cell(item, held, GAP_COLUMNS[column], text)
            elif kind == "identifier":
                problem = CHECKS[column](text)
                if problem is not None:
                    item.error(column, lang, problem)
                    given[column] = text
            elif kind == "unnamed":
                item.error("row", lang, "unnamed_cell")
        if item.id is None and "id" not in item.errors:
            item.error("id", lang, "id_required")
        if self.echoed is not None:
            self._echo(item, cells if values is None else values)
        if held:  # a partial certificate is reported by the engine, field by field
            item.current_certification = {"activities": None, "referential": None, "valid_until": None, **held}
        return item

    def _echo(self, item: Item, values: list[Any]) -> None:
        """What the entry repeats: the identifiers (as typed), then the columns passed through (unchanged)."""
        echo: dict[str, Any] = {}
        passed: dict[str, Any] = {}
        count = len(values)
        for index, kind, name in self.echoed:
            value = values[index] if index < count else ""
            if kind == "identifier":
                echo[name] = "" if value is None else str(value)
            else:
                passed[name] = "" if value is None else value
        if self.checks_company and "supplier_siret" not in item.errors and "supplier_siren" not in item.errors:
            siren, siret = echo["supplier_siren"].strip(), echo["supplier_siret"].strip()
            if siren and siret and not same_company(siren, siret):
                item.error("supplier_siret", self.lang, "siret_not_of_siren")
                item.given["supplier_siret"] = siret
        if passed:
            echo["passed_through"] = passed
        item.echo = echo

    def _gap_cell(self, item: Item, held: dict[str, Any], key: str, text: str) -> None:
        field_name = f"current_certification.{key}"
        item.given[field_name] = text
        if key == "activities":
            numbers = parse_numbers(text)
            if numbers is None:
                item.error(field_name, self.lang, "not_activities")
            held[key] = numbers
        else:
            held[key] = text.lower() if key == "referential" else text


def duplicated(columns: list[str]) -> list[str]:
    """The non-empty columns named more than once, sorted; in one pass, whatever the header's length."""
    counts = Counter(column for column in columns if column)
    return sorted(column for column, count in counts.items() if count > 1)


def _names(columns: list[str]) -> str:
    """Column names for a message: the first `MAX_LISTED_ERRORS`, then how many more."""
    shown = ", ".join(columns[:MAX_LISTED_ERRORS])
    return shown + (f" (+{len(columns) - MAX_LISTED_ERRORS})" if len(columns) > MAX_LISTED_ERRORS else "")


def _field(column: str, kind: str) -> str:
    """A column's field name in errors, as the engine names it (`table_output.column_of` turns it back)."""
    if kind in ("boolean", "choice"):
        return f"answers.{column}"
    if kind == "gap":
        return f"current_certification.{GAP_COLUMNS[column]}"
    return column or "row"


def _kind(column: str, question_types: dict[str, str], passed: frozenset[str] = frozenset()) -> str:
    if column in question_types:
        return question_types[column]  # "boolean" or "choice"
    if column in GAP_COLUMNS:
        return "gap"
    if column in CHECKS:
        return "identifier"
    if column in passed:
        return "passed"
    if column in WRITTEN_COLUMNS:
        return "replaced"
    return column or "unnamed"  # "id", "as_of"
