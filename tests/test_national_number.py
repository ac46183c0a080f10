"""The national-number check written on the digits is python-stdnum, proven value by value.

Issue 17: ``identifiers.national_number`` no longer calls python-stdnum per
cell (about 10 us each, a second for 100,000 rows). In exchange this file
compares it with stdnum's ``be.ssn`` (national register or BIS) on more than a million generated numbers: every birth date
of a century (months 0-12, BIS months +20 and +40, impossible months and
days) with sampled sequence numbers, each with the check digits of the
1900 rule, of the 2000 rule and off by one; then the notations workers type,
number cells, Unicode look-alikes and random strings. A value the two judge
differently fails the test with the value shown (synthetic, no person).
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import product

import pytest
from sheets import (
    BIS_1998,
    NN_1985,
    NN_2001,
    kg_rows,
    lievegem_rows,
    thuispunt_rows,
    turnhout_rows,
)
from stdnum.be import bis, nn, ssn
from stdnum.exceptions import ValidationError

from handoff.core import identifiers

# The months stdnum is asked about: all it accepts (0-12, 20-32, 40-52) and
# the ones next to them that it refuses.
MONTHS = [*range(0, 13), *range(20, 33), *range(40, 53), 13, 19, 33, 39, 53, 99]
DAYS = [*range(0, 32), 99]  # day 0 and impossible days: stdnum accepts them (unknown day)


def reference(value: object) -> str | None:
    """python-stdnum on a cell, with the notation rules Handoff adds.

    Text: stripped, then nn.validate, else bis.validate. A number cell (not a
    bool, integral, not negative): its digits padded to 11 (Excel dropped a
    leading zero). Anything else: not a number.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, int) and value >= 0:
        text = str(value).zfill(11)
    elif isinstance(value, float) and value.is_integer() and value >= 0:
        text = str(int(value)).zfill(11)
    else:
        return None
    for module in (nn, bis):
        try:
            return module.validate(text)
        except ValidationError:
            pass
    return None


def check_digits(body: int, born_2000s: bool) -> int:
    """97 minus the nine digits (prefixed with 2 after 2000) modulo 97."""
    return 97 - ((2_000_000_000 if born_2000s else 0) + body) % 97


def generated(rng: random.Random, per_date: int) -> Iterator[str]:
    """Every yymmdd of the century x MONTHS x DAYS, ``per_date`` sequence numbers
    each, with four check digits: 1900 rule, 2000 rule, and 1900 rule +-1."""
    for yy, mm, dd in product(range(100), MONTHS, DAYS):
        for sequence in rng.sample(range(1000), per_date):
            body = (yy * 10_000 + mm * 100 + dd) * 1000 + sequence
            old, new = check_digits(body, False), check_digits(body, True)
            for check in {old, new, (old + 1) % 100, (old - 1) % 100}:
                yield f"{body:09d}{check:02d}"


def mismatches(values: Iterable[object]) -> list[tuple[object, object, object]]:
    """(value, ours, stdnum's) for each value the two judge differently."""
    found = []
    for value in values:
        ours, theirs = identifiers.national_number(value), reference(value)
        if ours != theirs:
            found.append((value, ours, theirs))
    return found


@pytest.fixture
def fast_compact(monkeypatch):
    """stdnum's compact() is the identity on 11 ASCII digits but costs half its
    validate(); for the million compact numbers it is replaced by str.strip
    (asserted to agree on them first). Every other test uses stdnum unchanged."""

    def check_then_patch(sample: Sequence[str]) -> None:
        assert all(nn.compact(v) == v.strip() for v in sample)
        monkeypatch.setattr(nn, "compact", str.strip)

    return check_then_patch


def test_equal_to_stdnum_on_a_million_generated_numbers(fast_compact):
    values = list(generated(random.Random(17), per_date=2))
    assert len(values) > 1_000_000
    fast_compact(values[::97])
    column = identifiers.national_numbers(values)
    valid = 0
    wrong = []
    for value, ours in zip(values, column, strict=True):
        try:  # stdnum's own nn-or-bis validator: one call per number
            theirs = ssn.validate(value)
        except ValidationError:
            theirs = None
        valid += theirs is not None
        if ours != theirs:
            wrong.append((value, ours, theirs))
    assert not wrong, f"{len(wrong)} differ, e.g. {wrong[:5]}"
    # Both outcomes are well represented (the generator is not degenerate).
    assert 200_000 < valid < len(values) - 200_000


def test_the_2000_rule_waits_for_the_year_to_begin():
    """A yy of 2000 + yy after this year can only be a 1900s number (stdnum's rule)."""
    year = date.today().year % 100 + 1
    body = (year * 10_000 + 101) * 1000 + 1
    only_2000 = f"{body:09d}{check_digits(body, True):02d}"
    assert check_digits(body, True) != check_digits(body, False)
    assert identifiers.national_number(only_2000) is None is reference(only_2000)
    past = body - 2 * 10_000_000  # two years earlier: the 2000 rule applies
    assert identifiers.national_number(f"{past:09d}{check_digits(past, True):02d}")


def notations(digits: str) -> list[object]:
    """The ways workers type one number, and the look-alikes stdnum cleans up."""
    dotted = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"
    return [
        dotted,
        f"{digits[:6]} {digits[6:9]} {digits[9:]}",
        f"{digits[:6]}-{digits[6:9]}-{digits[9:]}",
        f" {digits}\t",
        f"\n{dotted} ",
        dotted.replace("-", "\u2013"),  # en dash, as Word autocorrects it
        digits.replace("0", "\uff10"),  # full-width digits
        f"{digits[:6]}\u00a0{digits[6:]}",  # no-break space
        f"{digits[:6]}/{digits[6:]}",  # a slash is not a separator
        f"{digits}.",
        f"-{digits}",
        int(digits),
        float(int(digits)),
        digits.lstrip("0"),  # text that lost its leading zero stays wrong
    ]


def test_equal_to_stdnum_in_every_notation():
    rng = random.Random(3)
    sample = rng.sample(list(generated(random.Random(5), per_date=1)), 4000)
    sample += [NN_1985, NN_2001, BIS_1998]
    values = [form for digits in sample for form in notations(digits)]
    assert sum(reference(v) is not None for v in values) > 5000
    assert not (wrong := mismatches(values)), wrong[:5]


def test_equal_to_stdnum_on_random_strings_and_cells():
    rng = random.Random(11)
    alphabet = string.digits * 4 + " .-/\t\n\u2013\u00a0\uff11a+eE,"
    texts = ["".join(rng.choices(alphabet, k=rng.randrange(0, 17))) for _ in range(40_000)]
    texts += ["".join(rng.choices(string.digits, k=11)) for _ in range(40_000)]
    cells: list[object] = [rng.randrange(-(10**12), 10**12) for _ in range(5000)]
    cells += [rng.random() * 10**11 for _ in range(1000)]
    cells += [None, True, False, 0, 0.0, -0.0, float("nan"), float("inf"), 1e20, date.today()]
    assert not (wrong := mismatches([*texts, *cells])), wrong[:5]


def test_equal_to_stdnum_on_every_value_the_test_sheets_hold():
    rows = [*lievegem_rows(), *kg_rows(), *thuispunt_rows(), *turnhout_rows()]
    values = [value for row in rows for value in row] + [NN_1985, NN_2001, BIS_1998]
    assert sum(reference(v) is not None for v in values) >= 6
    assert not (wrong := mismatches(values)), wrong


def test_column_and_single_value_agree():
    values: list[object] = [NN_1985, "85.07.30-033.28", 85073003328, None, "x", NN_2001[:-1]]
    assert identifiers.national_numbers(values) == list(map(identifiers.national_number, values))
