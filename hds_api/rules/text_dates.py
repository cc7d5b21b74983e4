"""Dates in rule texts: the `{date:NAME}` placeholder, a date spelled in each language, and the literal dates
that `check` refuses (a date written in a sentence drifts from law.yaml)."""

from __future__ import annotations

import re
from datetime import date

# `{date:csp_eea_storage}` in any text: the legal date of that name, spelled in the text's language.
PLACEHOLDER = re.compile(r"\{date:([a-z][a-z0-9_]*)\}")
# Anything between braces: a placeholder, or a mistake `check` names.
BRACED = re.compile(r"\{[^{}]*\}")

MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def spell_date(day: date, lang: str) -> str:
    """`1er juillet 2025`, `26 septembre 2026`; `1 July 2025`, `26 September 2026`."""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {MONTHS[lang][day.month - 1]} {day.year}"


def fill_dates(text: str, lang: str, dates: dict[str, date]) -> str:
    """The text with each `{date:NAME}` spelled out (names are checked when the rules load)."""
    if "{" not in text:
        return text
    return PLACEHOLDER.sub(lambda match: spell_date(dates[match[1]], lang), text)


def bad_placeholders(text: str, date_names) -> list[str]:
    """What `check` says about the braces of a text: unknown date names, malformed placeholders."""
    problems = []
    for braced in BRACED.findall(text):
        match = PLACEHOLDER.fullmatch(braced)
        if match is None:
            problems.append(f"'{braced}' is not a placeholder: write {{date:NAME}} with a legal date of law.yaml")
        elif match[1] not in date_names:
            problems.append(f"'{braced}' names no legal date of law.yaml")
    return problems


_MONTH_NUMBER = {
    **{name.lower(): number for names in MONTHS.values() for number, name in enumerate(names, 1)},
    "fevrier": 2, "aout": 8, "decembre": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
# French months are written in lower case (capitalised at the start of a sentence), English ones capitalised:
# "the host may 2…" is not a date.
_FRENCH = {*(name.lower() for name in MONTHS["fr"]), "fevrier", "aout", "decembre"}
_MONTH_FORMS = sorted(
    {form for name in _FRENCH for form in (name, name.capitalize())}
    | {name.capitalize() for name in _MONTH_NUMBER if name not in _FRENCH},
    key=len,
    reverse=True,
)
_MONTH = "(?P<month>" + "|".join(_MONTH_FORMS) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A date a reader would recognise, with or without its year: ISO, numeric, "1er juillet 2025", "1 July 2025",
# "July 1, 2025", "September 2026". A year alone ("FAQ 2018") or a decree number ("2016-524") is not a date.
_LITERAL_DATES = [
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.]{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),
]


def literal_dates(text: str) -> list[tuple[str, date | None]]:
    """Each date written out in a text, with the calendar date when it names a whole one."""
    found: list[tuple[int, int, str, date | None]] = []
    text = PLACEHOLDER.sub(" ", text)
    for pattern in _LITERAL_DATES:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end, _, _ in found):
                continue
            found.append((match.start(), match.end(), match[0], _as_date(match.groupdict())))
    return [(written, day) for _, _, written, day in sorted(found)]


def _as_date(parts: dict[str, str | None]) -> date | None:
    month = parts["month"]
    number = int(month) if month.isdigit() else _MONTH_NUMBER[month.lower()]
    try:
        return date(int(parts["year"]), number, int(parts["day"])) if parts.get("year") and parts.get("day") else None
    except ValueError:
        return None
