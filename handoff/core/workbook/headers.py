"""Tolerant header matching: 'Rijksregister nr.', 'RRN' and 'INSZ' are one column.

Workers name columns their own way. A header is reduced to lower-case
letters and digits without accents, then compared with the column's labels,
its key, the profile's synonyms and the common Belgian synonyms below. A
header that matches nothing is a column the protocol does not allow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from handoff.core.protocols import Column

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

# Common words per column key, so a profile need not repeat them.
COMMON_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": (
        "voornaam",
        "voornamen",
        "first name",
        "firstname",
        "given name",
        "prenom",
        "roepnaam",
    ),
    "last_name": (
        "naam",
        "achternaam",
        "familienaam",
        "last name",
        "lastname",
        "surname",
        "family name",
        "nom",
    ),
    "national_number": (
        "rrn",
        "rijksregisternummer",
        "rijksregister nr",
        "rijksregister",
        "rr nummer",
        "rr nr",
        "insz",
        "insz nummer",
        "niss",
        "bis",
        "bisnummer",
        "national number",
        "national register number",
        "numero national",
        "ssn",
    ),
    "phone": (
        "telefoon",
        "telefoonnummer",
        "tel",
        "tel nr",
        "gsm",
        "gsm nummer",
        "mobiel",
        "phone",
        "phone number",
        "mobile",
        "telephone",
    ),
    "email": ("email", "e mail", "mail", "e mailadres", "emailadres", "mailadres", "email address"),
    "address": (
        "adres",
        "straat",
        "straat en nummer",
        "straat en huisnummer",
        "woonadres",
        "domicilie",
        "address",
        "street",
    ),
}


def normalise(text: object) -> str:
    """Lower case, no accents, only letters and digits: 'E-mail adres' -> 'emailadres'."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", plain.lower())


def _names(column: Column) -> set[str]:
    words: Iterable[object] = (
        column.key.replace("_", " "),
        column.label.nl,
        column.label.en,
        *column.synonyms,
        *COMMON_SYNONYMS.get(column.key, ()),
        *(COMMON_SYNONYMS["national_number"] if column.type == "national_number" else ()),
    )
    return {normalise(word) for word in words} - {""}


def match(header: object, columns: Iterable[Column]) -> Column | None:
    """The protocol column this header means, or None when it is not allowed.

    An exact name (label, key, own synonym) wins over a common synonym, so a
    profile with both 'naam' and 'voornaam' still tells them apart.
    """
    wanted = normalise(header)
    if not wanted:
        return None
    columns = tuple(columns)
    for column in columns:
        own = {
            normalise(w)
            for w in (
                column.key.replace("_", " "),
                column.label.nl,
                column.label.en,
                *column.synonyms,
            )
        }
        if wanted in own:
            return column
    for column in columns:
        if wanted in _names(column):
            return column
    return None


def unmatched(found: Iterable[object], columns: Iterable[Column]) -> tuple[list[str], list[Column]]:
    """The headers no column means, and the required columns no header means.

    Both empty: the headers are the protocol's columns (in any order, under
    any of their names). Used when a list is received, to see whether it was
    opened under the protocol it was sent under (issue 13 §11).
    """
    columns = tuple(columns)
    strange: list[str] = []
    seen: set[str] = set()
    for header in found:
        column = match(header, columns)
        if column is None:
            strange.append(str(header))
        else:
            seen.add(column.key)
    missing = [c for c in columns if c.required and c.key not in seen]
    return strange, missing
