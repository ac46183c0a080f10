"""Type checks per column: each cell becomes its clean value or a finding code.

The clean value is what the cleaned copy holds: national numbers as their 11
digits in a text cell (so Excel cannot drop a leading zero again), phone
numbers in +32 form, yes/no as 'ja'/'nee', dates as real dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time

from handoff.core import identifiers
from handoff.core.protocols import Column

CellValue = str | date | None
HAS_DIGIT = re.compile(r"\d")


def is_empty(value: object) -> bool:
    """Calamine gives '' for an empty cell; a cell of spaces is empty too."""
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: object) -> str:
    """A plain-text rendering: 12.0 -> '12', a date -> dd/mm/yyyy."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()


def _national_number(value: object, column: Column) -> tuple[CellValue, str | None]:
    number = identifiers.national_number(value)
    return (number, None) if number else (None, "invalid_national_number")


def _phone(value: object, column: Column) -> tuple[CellValue, str | None]:
    number = identifiers.phone(value)
    return (number, None) if number else (None, "invalid_phone")


def _email(value: object, column: Column) -> tuple[CellValue, str | None]:
    address = identifiers.email(value)
    return (address, None) if address else (None, "invalid_email")


def _yes_no(value: object, column: Column) -> tuple[CellValue, str | None]:
    answer = identifiers.yes_no(value)
    return (None, "invalid_yes_no") if answer is None else ("ja" if answer else "nee", None)


def _date(value: object, column: Column) -> tuple[CellValue, str | None]:
    day = identifiers.a_date(value)
    return (day, None) if day else (None, "invalid_date")


def _choice(value: object, column: Column) -> tuple[CellValue, str | None]:
    text = as_text(value)
    for choice in column.choices:
        if text.casefold() == choice.casefold():
            return choice, None
    return None, "invalid_choice"


def _address(value: object, column: Column) -> tuple[CellValue, str | None]:
    text = as_text(value)
    # Seed 000 punt 3 a iv: "Adres (straat en huisnummer)"; a warning only.
    return text, (None if HAS_DIGIT.search(text) else "address_without_number")


def _text(value: object, column: Column) -> tuple[CellValue, str | None]:
    return as_text(value), None


CHECKS: dict[str, Callable[[object, Column], tuple[CellValue, str | None]]] = {
    "national_number": _national_number,
    "phone": _phone,
    "email": _email,
    "yes_no": _yes_no,
    "date": _date,
    "choice": _choice,
    "address": _address,
    "text": _text,
}


def check_value(value: object, column: Column) -> tuple[CellValue, str | None]:
    """(clean value, None) or (clean value or None, finding code) for one non-empty cell."""
    return CHECKS[column.type](value, column)
