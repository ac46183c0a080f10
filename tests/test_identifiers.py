"""Belgian identifiers as workers type them; checksums from python-stdnum."""

from __future__ import annotations

import datetime as dt

import pytest
from sheets import BIS_1998, NN_1985, NN_2001

from handoff.core import identifiers


@pytest.mark.parametrize(
    "typed",
    [
        "85.07.30-033.28",
        "85073003328",
        "85 07 30 033 28",
        " 850730-033.28 ",
        85073003328,
        85073003328.0,
    ],
)
def test_national_number_in_every_common_notation(typed):
    assert identifiers.national_number(typed) == "85073003328"


def test_number_cell_that_lost_its_leading_zero_is_padded():
    # Born in 2001: the number starts with 0 and Excel stored it as a number.
    assert NN_2001.startswith("0")
    assert identifiers.national_number(int(NN_2001)) == NN_2001
    assert identifiers.national_number(float(NN_2001)) == NN_2001


def test_post_2000_check_digits():
    # Born 7 Sep 2001: check digits over "2" + the first nine digits.
    assert identifiers.national_number(NN_2001) == NN_2001
    assert identifiers.national_number(NN_2001[:9] + "00") is None


def test_bis_number_with_month_offset_40():
    assert identifiers.national_number(BIS_1998) == BIS_1998
    assert identifiers.national_number_kind(BIS_1998) == "bis"
    assert identifiers.national_number_kind(NN_1985) == "nn"


@pytest.mark.parametrize(
    "wrong", ["85073003329", "8507300332", "850730033288", "abc", "", 12.5, None, True]
)
def test_wrong_national_numbers_are_refused(wrong):
    assert identifiers.national_number(wrong) is None


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("+32 470 12 34 56", "+32470123456"),
        ("0032470123456", "+32470123456"),
        ("+32 (0)470/12.34.56", "+32470123456"),
        ("09 123 45 67", "+3291234567"),
        ("02-123.45.67", "+3221234567"),
        (470123456, "+32470123456"),
    ],
)
def test_belgian_phone_numbers(typed, normal):
    assert identifiers.phone(typed) == normal


@pytest.mark.parametrize(
    "wrong", ["12345", "0470 12 34 5", "bel me", "", None, "00470123456", "0031612345678", "+12"]
)
def test_not_phone_numbers(wrong):
    assert identifiers.phone(wrong) is None


@pytest.mark.parametrize(
    ("typed", "normal"), [("+31 6 12345678", "+31612345678"), ("+44 20 7946 0958", "+442079460958")]
)
def test_foreign_numbers_with_their_country_code(typed, normal):
    """Issue 13 item 5: a client abroad has a phone too; "+country code" is the rule."""
    assert identifiers.phone(typed) == normal
    assert not identifiers.is_mobile(normal)  # only Belgian mobiles get the password SMS


def test_mobile_or_landline():
    assert identifiers.is_mobile("+32470123456")
    assert not identifiers.is_mobile("+3291234567")


@pytest.mark.parametrize("good", ["sara@example.be", " a.b+c@sub.kluisbergen.be "])
def test_email(good):
    assert identifiers.email(good) == good.strip()


@pytest.mark.parametrize("bad", ["sara@", "sara example.be", "@x.be", "sara@x", 12, None])
def test_not_email(bad):
    assert identifiers.email(bad) is None


@pytest.mark.parametrize(
    ("word", "answer"),
    [("ja", True), ("J", True), ("yes", True), ("Nee", False), ("n", False), ("no", False)],
)
def test_yes_no(word, answer):
    assert identifiers.yes_no(word) is answer


@pytest.mark.parametrize("other", ["misschien", "", 1, None])
def test_not_yes_no(other):
    assert identifiers.yes_no(other) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (dt.datetime(2024, 9, 27, 0, 0), dt.date(2024, 9, 27)),
        (dt.date(2024, 9, 27), dt.date(2024, 9, 27)),
        ("27/09/2024", dt.date(2024, 9, 27)),
        ("7-9-2024", dt.date(2024, 9, 7)),
        ("2024-09-27", dt.date(2024, 9, 27)),
    ],
)
def test_dates(value, day):
    assert identifiers.a_date(value) == day


@pytest.mark.parametrize("bad", ["31/02/2024", "27/09/24", "morgen", 45000, None])
def test_not_dates(bad):
    assert identifiers.a_date(bad) is None
