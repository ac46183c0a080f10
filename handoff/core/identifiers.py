"""Belgian identifiers and contact details, parsed the way workers type them.

Sheets come from many hands: national numbers as ``85.07.30-033.28``, with
spaces, or as an Excel number that lost its leading zero; phone numbers as
``+32 470 12 34 56``, ``0032…`` or ``0470/12.34.56``. Each parser returns the
normalised value, or ``None`` when the value is not valid, and never raises:
the caller names the cell, never the value (a finding must not carry personal
data). The national register / BIS / INSZ checksum comes from python-stdnum
(``stdnum.be.ssn`` covers both, including the post-2000 rule and the BIS month
offsets +20/+40): never hand-rolled.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from stdnum.be import bis, nn, ssn
from stdnum.exceptions import ValidationError

NATIONAL_NUMBER_DIGITS = 11

_PHONE_SEPARATORS = re.compile(r"[\s./()\-]")
# BIS months are the birth month + 20 or + 40 (stdnum.be.bis): tens digit 2-5.
_BIS_MONTH_TENS = frozenset("2345")
# Belgian numbers after the trunk 0: mobiles 4xx + 6 digits (9 digits),
# landlines 1-2 digit zone + 6-7 digits (8 digits; 045-049 are mobile prefixes).
_BE_MOBILE = re.compile(r"^4[5-9]\d{7}$")
_BE_LANDLINE = re.compile(r"^(?!4[5-9])[1-9]\d{7}$")
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$"
)
_DATE_TEXT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

YES_WORDS = frozenset({"ja", "j", "yes", "y", "oui"})
NO_WORDS = frozenset({"nee", "n", "no", "neen", "non"})


def _integral_text(value: object) -> str | None:
    """The digits of an Excel number cell (85073003328.0), None for other floats."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def national_number(value: object) -> str | None:
    """The 11-digit INSZ (national register or BIS number), or None if invalid.

    A number cell lost its leading zeros (a person born in 2001 has a number
    starting with 0): pad it back to 11 digits before the checksum test.
    Exactly one stdnum validator runs per compact value (about 10 us each,
    the largest cost of a 100,000-row sheet): the month digits say which.
    """
    if value.__class__ is str:
        if len(value) == NATIONAL_NUMBER_DIGITS and value.isascii() and value.isdigit():
            return _validate_compact(value)  # the common case: no clean-up needed
        return _validate_typed(value.strip())
    if isinstance(value, str):
        return _validate_typed(value.strip())
    digits = _integral_text(value)
    return None if digits is None else _validate_compact(digits.zfill(NATIONAL_NUMBER_DIGITS))


def _validate_compact(digits: str) -> str | None:
    """11 ASCII digits through the one stdnum validator their month allows.

    stdnum's nn.validate accepts months 0-12 only, bis.validate 20-32 and
    40-52 only (birth month + 20 or + 40), so no number passes both: asking
    the one the month's tens digit points to gives the same answer as trying
    both (what stdnum's ssn.validate does), at half the cost for BIS numbers.
    """
    validator = bis if digits[2] in _BIS_MONTH_TENS else nn
    try:
        return validator.validate(digits)
    except ValidationError:
        return None


def _validate_typed(text: str) -> str | None:
    """Any other notation (dots, dashes, spaces...): stdnum cleans it up itself."""
    try:
        return nn.validate(text)
    except ValidationError:
        pass
    try:
        return bis.validate(text)
    except ValidationError:
        return None


def national_number_kind(value: str) -> str:
    """'nn' (national register) or 'bis' for a valid number: for statistics only."""
    return ssn.guess_type(value) or "nn"


def phone(value: object) -> str | None:
    """A phone number in international form (+32… for Belgian ones), or None.

    Accepts +32…, 0032…, 0… and a number cell that lost its trunk 0. A foreign
    number needs its country code with a plus (+31 6…): without one, 0… is read
    as Belgian and 00… is refused, as "00470…" is more often a Belgian number
    with a zero too many (issue 13 item 5). Foreign numbers are checked for shape
    only (E.164: a country code and at most 15 digits).
    """
    digits = _integral_text(value)
    if digits is not None:
        text = "0" + digits if len(digits) in (8, 9) else digits
    elif isinstance(value, str):
        text = _PHONE_SEPARATORS.sub("", value.strip())
    else:
        return None
    foreign = _foreign(text)
    if foreign is not None:
        return foreign
    if text.startswith("+32"):
        national = text[3:]
    elif text.startswith("0032"):
        national = text[4:]
    elif text.startswith("0") and not text.startswith("00"):
        national = text[1:]
    else:
        return None
    national = national.removeprefix("0")  # "+32 (0)470…"
    if _BE_MOBILE.match(national) or _BE_LANDLINE.match(national):
        return "+32" + national
    return None


_E164 = re.compile(r"^[1-9][0-9]{7,14}$")


def _foreign(text: str) -> str | None:
    """+CC… outside Belgium in E.164 form, or None."""
    digits = text[1:]
    if not text.startswith("+") or digits.startswith("32") or not _E164.match(digits):
        return None
    return "+" + digits


def is_mobile(normalised: str) -> bool:
    """True for a Belgian mobile number (only mobiles receive an SMS)."""
    return normalised.startswith("+324")


def email(value: object) -> str | None:
    """The trimmed e-mail address, or None when it is not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text if _EMAIL.match(text) else None


def yes_no(value: object) -> bool | None:
    """True for ja/yes/j, False for nee/no/n; None when it is neither."""
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    word = value.strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None


def a_date(value: object) -> date | None:
    """A real Excel date, or text dd/mm/yyyy (also d-m-yyyy, yyyy-mm-dd)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _DATE_TEXT.match(text)
    parts: tuple[str, ...] | None = (
        (match.group(3), match.group(2), match.group(1)) if match else None
    )
    if parts is None and (iso := _ISO_DATE.match(text)):
        parts = iso.groups()
    if parts is None:
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
