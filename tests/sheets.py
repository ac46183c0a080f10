"""Builders of test sheets: conforming sheets per protocol and every kind of hidden content.

Sheets are written with openpyxl (as a worker's Excel would hold them); what
openpyxl cannot make (external links, embedded objects, a VBA project, an
encrypted workbook) is added by rewriting the zip's parts, as Excel does.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet


def national_number(
    birth: str, serial: int, *, born_2000s: bool = False, bis_offset: int = 0
) -> str:
    """A valid 11-digit number for test data (YYMMDD, serial, check digits).

    The check digits are 97 - (first 9 digits mod 97), with a '2' in front for
    people born from 2000; BIS numbers add 20 or 40 to the month.
    stdnum validates them in the code under test; this only makes fixtures.
    """
    yy, mm, dd = int(birth[:2]), int(birth[2:4]) + bis_offset, int(birth[4:6])
    base = f"{yy:02d}{mm:02d}{dd:02d}{serial:03d}"
    check = 97 - int(("2" if born_2000s else "") + base) % 97
    return f"{base}{check:02d}"


NN_1985 = national_number("850730", 33)  # 85073003328, stdnum's own example
NN_2001 = national_number("010907", 1, born_2000s=True)
BIS_1998 = national_number("980728", 997, bis_offset=40)

LIEVEGEM_HEADERS = ["Voornaam", "Naam", "Rijksregisternummer", "Adres", "Dossiernummer"]
KG_HEADERS = ["Voornaam", "Naam", "Adres", "Telefoon", "E-mail"]
THUISPUNT_HEADERS = [
    "Naam",
    "Voornaam",
    "RRN",
    "Status",
    "Ontbrekende stukken",
    "Uitnodigingsbrief",
    "Herinneringsbrief",
]
TURNHOUT_HEADERS = ["INSZ kind"]
TURNHOUT_ANSWER_HEADERS = [
    "INSZ kind",
    "Recht op sociale toeslag",
    "INSZ begunstigde 1",
    "INSZ begunstigde 2",
]


def lievegem_rows() -> list[list[object]]:
    return [
        ["An", "Peeters", "85.07.30-033.28", "Kerkstraat 1", "D-2024-001"],
        ["Jan", "Janssens", int(NN_2001), "Dorpsstraat 12 bus 3", "D-2024-002"],
        ["Els", "De Smet", BIS_1998, "Molenweg 7", "D-2024-003"],
    ]


def kg_rows() -> list[list[object]]:
    return [["Sara", "Claes", "Parklaan 16, 9690 Kluisbergen", "0470 12 34 56", "sara@example.be"]]


def thuispunt_rows() -> list[list[object]]:
    return [
        [
            "Maes",
            "Tom",
            NN_1985,
            "niet bevestigd",
            "attest inkomen",
            dt.datetime(2024, 8, 1),
            "15/08/2024",
        ],
        ["Wouters", "Lien", NN_2001, "niet bevestigd", "", dt.datetime(2024, 8, 1), None],
    ]


def turnhout_rows() -> list[list[object]]:
    return [[NN_2001], [national_number("050101", 2, born_2000s=True)]]


def write_sheet(
    path: Path,
    headers: Sequence[object],
    rows: Sequence[Sequence[object]],
    *,
    title: str = "Blad1",
    setup: Callable[[openpyxl.Workbook, Worksheet], None] | None = None,
) -> Path:
    """An .xlsx with headers in row 1 and rows below; ``setup`` adds oddities."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    if setup is not None:
        setup(book, sheet)
    book.save(path)
    return path


def add_parts(path: Path, parts: dict[str, bytes], content_types: str = "") -> Path:
    """Rewrite the zip with extra parts (and extra [Content_Types].xml entries)."""
    with zipfile.ZipFile(path) as source:
        items = {name: source.read(name) for name in source.namelist()}
    if content_types:
        items["[Content_Types].xml"] = items["[Content_Types].xml"].replace(
            b"</Types>", content_types.encode() + b"</Types>"
        )
    items.update(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)
    return path


def encrypted_workbook(path: Path) -> Path:
    """A Compound File (OLE) with an EncryptionInfo stream name, as Excel writes
    a password-protected .xlsx (MS-OFFCRYPTO). msoffcrypto-tool is not
    installed, so this is the container's magic and directory name, not a
    decryptable file; the audit only needs to recognise it.
    """
    directory = (
        "EncryptionInfo".encode("utf-16-le") + b"\x00" * 34 + "EncryptedPackage".encode("utf-16-le")
    )
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + directory + b"\x00" * 1024
    )
    return path


# One conforming sheet per shipped protocol: (headers, rows builder).
CONFORMING: dict[str, tuple[list[str], Callable[[], list[list[object]]]]] = {
    "lievegem-debtors": (LIEVEGEM_HEADERS, lievegem_rows),
    "kg-ocmw-referral": (KG_HEADERS, kg_rows),
    "thuispunt-gent-cir": (THUISPUNT_HEADERS, thuispunt_rows),
    "turnhout-social-supplement": (TURNHOUT_HEADERS, turnhout_rows),
}


#: Seed 003's profile as an organisation renews it (issue 13 §10): the shipped
#: one kept lists "tot uiterlijk 27/09/2024", so nothing may be sent or received
#: under it any more; the renewal carries a new date and the real mailbox.
THUISPUNT_RENEWED = "thuispunt-gent-cir-renewed"


def renew_thuispunt(until: str = "2099-09-27") -> str:
    """Write the renewed seed 003 profile into this test's protocol folder; its id."""
    from handoff.core import paths, protocols

    text = (protocols.shipped_dir() / "thuispunt-gent-cir.toml").read_text(encoding="utf-8")
    for old, new in (
        ('id = "thuispunt-gent-cir"', f'id = "{THUISPUNT_RENEWED}"'),
        ("until = 2024-09-27", f"until = {until}"),
        ("mailbox-niet-in-protocol@ocmw-gent.invalid", "cir-lijsten@ocmw.gent"),
        ('naar OCMW Gent"', 'naar OCMW Gent (vernieuwd)"'),
        ('to OCMW Gent"', 'to OCMW Gent (renewed)"'),
    ):
        assert old in text, old
        text = text.replace(old, new)
    (paths.user_protocols_dir() / f"{THUISPUNT_RENEWED}.toml").write_text(text, encoding="utf-8")
    return THUISPUNT_RENEWED
