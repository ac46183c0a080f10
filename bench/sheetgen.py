"""Build a large, realistic Lievegem debtor sheet for benchmarks.

Columns follow the Lievegem protocol (seed 000): first name, last name,
national register number, address (street and number), the municipality's
dossier number. National numbers are valid (checksums via the test fixtures'
builder, checked with stdnum.be.nn), born before and after 2000. Reused by
the protocols benchmark: ``build_sheet(path, rows, seed)``.

    python bench/sheetgen.py out.xlsx --rows 100000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

import xlsxwriter
from stdnum.be import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.sheets import LIEVEGEM_HEADERS, national_number

FIRST = [
    "An",
    "Jan",
    "Els",
    "Tom",
    "Lien",
    "Sara",
    "Bart",
    "Katrien",
    "Pieter",
    "Sofie",
    "Wim",
    "Ann",
    "Koen",
    "Inge",
    "Dirk",
    "Nele",
    "Joris",
    "Eva",
    "Stijn",
    "Lotte",
    "Thomas",
    "Emma",
    "Lucas",
    "Louise",
    "Noah",
    "Olivia",
    "Arthur",
    "Marie",
    "Jules",
    "Elena",
    "Mohamed",
    "Fatima",
    "Youssef",
    "Amina",
    "Ahmed",
    "Ilse",
    "Geert",
    "Veerle",
    "Luc",
    "Martine",
    "Marc",
    "Hilde",
    "Patrick",
    "Greet",
    "Freddy",
    "Rita",
]
LAST = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Dumont",
    "Vermeulen",
    "Van den Bossche",
    "De Backer",
    "Desmet",
    "Hermans",
    "Martens",
    "Declercq",
    "Verstraete",
    "Van Damme",
    "De Vos",
    "Pauwels",
    "Coppens",
    "Bogaert",
    "De Clercq",
    "Stevens",
    "Cools",
    "Vandenberghe",
    "Claeys",
    "Leroy",
    "El Amrani",
    "Yilmaz",
    "Baert",
    "Verhaeghe",
]
STREETS = [
    "Kerkstraat",
    "Dorpsstraat",
    "Molenstraat",
    "Stationsstraat",
    "Nieuwstraat",
    "Schoolstraat",
    "Kapelstraat",
    "Beekstraat",
    "Veldstraat",
    "Lindenlaan",
    "Hoogstraat",
    "Kouter",
    "Zandstraat",
    "Meersstraat",
    "Krekelstraat",
    "Brugsesteenweg",
    "Oostwinkeldorp",
    "Vakebuurstraat",
    "Hoekskensstraat",
    "Sint-Jansstraat",
    "Gentweg",
]
TOWNS = (
    ("9930", "Zomergem"),
    ("9931", "Oostwinkel"),
    ("9932", "Ronsele"),
    ("9920", "Lovendegem"),
    ("9921", "Vinderhoute"),
    ("9950", "Waarschoot"),
    ("9900", "Eeklo"),
    ("9000", "Gent"),
)


def _national_number(rng: random.Random) -> str:
    """A valid national register number for a random birth date 1930-2022."""
    born = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(93 * 365))
    number = national_number(
        born.strftime("%y%m%d"), rng.randrange(1, 998), born_2000s=born.year >= 2000
    )
    return nn.validate(number)  # raises if the fixture builder ever goes wrong


def _address(rng: random.Random) -> str:
    number = str(rng.randrange(1, 250))
    if rng.random() < 0.1:
        number += f" bus {rng.randrange(1, 12)}"
    postcode, town = rng.choice(TOWNS)
    return f"{rng.choice(STREETS)} {number}, {postcode} {town}"


def row(rng: random.Random, index: int) -> list[str]:
    """One debtor: voornaam, naam, rijksregisternummer, adres, dossiernummer."""
    return [
        rng.choice(FIRST),
        rng.choice(LAST),
        _national_number(rng),
        _address(rng),
        f"LG-{2024 + index % 2}-{index:06d}",
    ]


def build_sheet(path: Path, rows: int = 100_000, seed: int = 1) -> Path:
    """Write an .xlsx of ``rows`` debtors (plus header) at ``path``; same seed, same sheet."""
    rng = random.Random(seed)
    with xlsxwriter.Workbook(str(path), {"constant_memory": True}) as book:
        sheet = book.add_worksheet("Debiteuren")
        text = book.add_format({"num_format": "@"})
        sheet.write_row(0, 0, LIEVEGEM_HEADERS)
        for i in range(1, rows + 1):
            sheet.write_row(i, 0, row(rng, i), text)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    build_sheet(args.output, args.rows, args.seed)


if __name__ == "__main__":
    main()


def compile_handoff() -> None:
    """Write Handoff's bytecode first, as an installed copy has it (pip and PyInstaller do).

    Without it a CLI timed in a checkout with PYTHONDONTWRITEBYTECODE set
    compiles every module from source on every run: about 0.1 s that no
    worker ever pays.
    """
    import compileall

    compileall.compile_dir(Path(__file__).resolve().parents[1] / "handoff", quiet=1)
