"""Belgian identifiers and contact details, parsed the way workers type them.

Sheets come from many hands: national numbers as ``85.07.30-033.28``, with
spaces, or as an Excel number that lost its leading zero; phone numbers as
``+32 470 12 34 56``, ``0032…`` or ``0470/12.34.56``. Each parser returns the
normalised value, or ``None`` when the value is not valid, and never raises:
the caller names the cell, never the value (a finding must not carry personal
data). The national register / BIS / INSZ check is written on the digits
(a 100,000-row column costs milliseconds instead of a second), with exactly
python-stdnum's rules (``stdnum.be.nn`` and ``stdnum.be.bis``: the post-2000
rule and the BIS month offsets +20/+40); tests/test_national_number.py
proves the two equal on more than a million numbers and on random text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

NATIONAL_NUMBER_DIGITS = 11

_PHONE_SEPARATORS = re.compile(r"[\s./()\-]")
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
    starting with 0): pad it back to 11 digits before the checksum test. A
    negative number cell is no identifier anyone typed: None.
    """
    if value.__class__ is str:
        if len(value) == NATIONAL_NUMBER_DIGITS and value.isascii() and value.isdigit():
            return value if _valid_digits(int(value), _this_year()) else None
        return _typed(value)
    if isinstance(value, str):
        return _typed(str(value))
    digits = _integral_text(value)
    if digits is None or digits.startswith("-"):
        return None
    return _compact_valid(digits.zfill(NATIONAL_NUMBER_DIGITS), _this_year())


def national_numbers(values: Iterable[object]) -> list[str | None]:
    """:func:`national_number` for a whole column, at about 0.3 us a compact text.

    The column check's hot loop: the common cell (11 ASCII digits in a text
    cell) costs a type test, ``int`` and a few integer operations; everything
    else takes the one-value path.
    """
    year, valid, single = _this_year(), _valid_digits, national_number
    return [
        (v if valid(int(v), year) else None)
        if v.__class__ is str and len(v) == 11 and v.isascii() and v.isdigit()
        else single(v)
        for v in values
    ]


def _this_year() -> int:
    """The calendar year: the post-2000 rule only applies to years already begun."""
    return date.today().year


# Months a valid number can hold (the third and fourth digit): the birth month
# 1-12 or 0 when unknown (national register), plus 20 or 40 (BIS). This is
# the union of stdnum.be.nn and stdnum.be.bis's final month tests; both also
# require the month modulo 20 to be at most 12, which every month here meets.
_VALID_MONTHS = frozenset([*range(0, 13), *range(20, 33), *range(40, 53)])


def _valid_digits(number: int, year: int) -> bool:
    """Is the 11-digit ``number`` a valid national register or BIS number?

    The rules of python-stdnum's ``be.nn`` and ``be.bis`` (2.x) on plain
    integers: not all zeros; a month from :data:`_VALID_MONTHS`; the check
    digits are 97 minus the first nine digits modulo 97, or, for a birth
    year yy with 2000 + yy not after ``year``, 97 minus ("2" followed by the
    nine digits) modulo 97. The day is not checked (stdnum reports an
    impossible day as unknown, and accepts it). tests/test_national_number.py
    proves this equal to stdnum on more than a million numbers.
    """
    body, check = divmod(number, 100)  # yymmddsss, cc
    if number <= 0 or body // 100_000 % 100 not in _VALID_MONTHS:
        return False
    if 97 - body % 97 == check:
        return True
    return body // 10_000_000 + 2000 <= year and 97 - (2_000_000_000 + body) % 97 == check


def _compact_valid(text: str, year: int) -> str | None:
    """``text`` when it is 11 ASCII digits forming a valid number."""
    if len(text) == NATIONAL_NUMBER_DIGITS and text.isascii() and text.isdigit():
        return text if _valid_digits(int(text), year) else None
    return None


def _typed(text: str) -> str | None:
    """Any other notation: spaces, dots and dashes dropped as stdnum's compact does.

    ASCII text is cleaned here; anything else goes through stdnum's own
    compact (it maps Unicode dashes, spaces and digits to ASCII first).
    """
    text = text.strip()
    if text.isascii():
        compact = text.translate(_SEPARATORS).strip()
    else:
        from stdnum.be import nn  # rare: a Unicode dash or space in the cell

        compact = nn.compact(text)
    return _compact_valid(compact, _this_year())


_SEPARATORS = str.maketrans("", "", " -.")


def national_number_kind(value: str) -> str:
    """'nn' (national register) or 'bis' for a valid number: for statistics only.

    BIS numbers carry the birth month + 20 or + 40 (stdnum.be.bis).
    """
    return "bis" if value[2:3] in ("2", "3", "4", "5") else "nn"


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
