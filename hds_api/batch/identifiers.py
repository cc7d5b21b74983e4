"""Identifiers a supplier list may carry, checked so that a typo is caught where it was typed: the supplier's
SIREN (9 digits) and SIRET (14 digits), the client establishment's FINESS number (9 characters). Each is valid
when its check digit is (the Luhn key), with the exceptions the registers themselves make."""

from __future__ import annotations

import re

SPACES = re.compile(r"[\s.\u00a0\u202f-]")  # as people group the digits: spaces (non-breaking too), dots, dashes
# La Poste's establishments outnumbered the 5-digit NIC: past the first, their SIRETs (SIREN 356000000) are
# numbered so that the sum of their 14 digits is a multiple of 5, not with a Luhn key (INSEE).
LA_POSTE_SIREN = "356000000"
# FINESS numbers start with the département: 01 to 95 (no 20), 2A and 2B for Corsica, 97 then a digit overseas.
FINESS = re.compile(r"(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97\d)[0-9]{6,7}")


def luhn_valid(digits: str) -> bool:
    """The Luhn check: every second digit from the right doubled (less 9 past 9), the sum a multiple of 10."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def compact(text: str) -> str:
    return SPACES.sub("", text)


def siren_problem(text: str) -> str | None:
    """None when valid, else the message key of what is wrong."""
    digits = compact(text)
    if len(digits) != 9 or not (digits.isascii() and digits.isdigit()):
        return "bad_siren"
    return None if luhn_valid(digits) else "bad_check_digit"


def siret_problem(text: str) -> str | None:
    digits = compact(text)
    if len(digits) != 14 or not (digits.isascii() and digits.isdigit()):
        return "bad_siret"
    if luhn_valid(digits):
        return None
    if digits.startswith(LA_POSTE_SIREN) and sum(map(int, digits)) % 5 == 0:
        return None
    return "bad_check_digit"


def finess_problem(text: str) -> str | None:
    """9 characters: the département, then digits, the last one a Luhn key over all nine (Corsica's A and B
    counting as 0, as in the département's old number 20)."""
    number = compact(text).upper()
    if len(number) != 9 or not FINESS.fullmatch(number):
        return "bad_finess"
    return None if luhn_valid(number.replace("A", "0").replace("B", "0")) else "bad_check_digit"


# The identifier columns a table may have, each with its check.
CHECKS = {"supplier_siren": siren_problem, "supplier_siret": siret_problem, "client_finess": finess_problem}


def same_company(siren: str, siret: str) -> bool:
    """Whether a SIRET is one of the SIREN's establishments (its first nine digits)."""
    return compact(siret).startswith(compact(siren))
