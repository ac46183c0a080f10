"""A list opened under a protocol whose columns it does not have (issue 13 §11).

Seed 003 (Thuispunt, art. 6 step 4) and seed 002 (Kind en Gezin) each keep
their lists under their own retention rule; a list opened under the wrong
protocol would be kept as long as the wrong rule says. So the receive reads
the staged sheet's header row, before anything is journaled, and refuses with
the protocol's name and the headers it saw, never a cell value. Real
archives (7zz), real workbooks, a real journal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rawxlsx import DIALECTS, Sheet, write_workbook
from sheets import KG_HEADERS, LIEVEGEM_HEADERS, kg_rows, lievegem_rows, write_sheet

from handoff import usecases
from handoff.core import archive
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal
from handoff.core.workbook import header_row, headers
from handoff.usecases.common import protocol_by_id

PW = "zeven-acht-negen-tien"
REFERRAL = "kg-ocmw-referral"  # seed 002: the Kind en Gezin referral
DEBTORS = "lievegem-debtors"  # seed 000: five columns, none of them a phone


def _sent(tmp_path: Path, sheet: Path) -> Path:
    out = tmp_path / "inbox" / "HO-20261127-ABCDEF.7z"
    out.parent.mkdir(exist_ok=True)
    archive.pack({sheet.name: sheet.read_bytes()}, out, PW)
    return out


def _kg_list(tmp_path: Path) -> Path:
    return write_sheet(tmp_path / "lijst.xlsx", KG_HEADERS, kg_rows())


def _journal_count() -> int:
    with Journal() as journal:
        return len(journal.records())


# --- the header row, read only as far as it goes -------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_header_row_reads_the_first_visible_row_in_every_writers_shape(tmp_path, dialect):
    rows = [[None, None, None], ["Naam", "Geheim", "Voornaam"], ["Peeters", "x", "An"]]
    sheet = Sheet("Blad1", rows, hidden_columns={1})
    path = write_workbook(tmp_path / "b.xlsx", [sheet], dialect)
    assert header_row.read(path) == ["Naam", "Voornaam"]


def test_header_row_skips_a_hidden_first_row(tmp_path):
    sheet = Sheet("Blad1", [["verborgen"], ["Naam"], ["Peeters"]], hidden_rows={1})
    assert header_row.read(write_workbook(tmp_path / "b.xlsx", [sheet])) == ["Naam"]


def test_header_row_stops_after_the_headers(tmp_path):
    """A damaged row far below the headers is never reached: only the first row is read."""
    path = write_sheet(tmp_path / "b.xlsx", LIEVEGEM_HEADERS, lievegem_rows() * 2000)
    assert header_row.read(path) == LIEVEGEM_HEADERS


def test_header_row_of_something_that_is_no_workbook_is_none(tmp_path):
    other = tmp_path / "lijst.xlsx"
    other.write_bytes(b"Naam;Voornaam\n")
    assert header_row.read(other) is None


def test_unmatched_names_strange_headers_and_missing_required_columns():
    protocol = protocol_by_id(DEBTORS)
    assert headers.unmatched(LIEVEGEM_HEADERS, protocol.columns) == ([], [])
    strange, missing = headers.unmatched(KG_HEADERS, protocol.columns)
    assert strange == ["Telefoon", "E-mail"]
    assert [c.key for c in missing] == ["national_number", "dossier_number"]


# --- the receive refuses, leaves nothing, and works under the right protocol ---------


def test_a_list_under_the_wrong_protocol_is_refused_before_anything_is_kept(tmp_path):
    secure = tmp_path / "secure"
    source = _sent(tmp_path, _kg_list(tmp_path))
    with pytest.raises(HandoffError) as caught:
        usecases.receive(source, DEBTORS, PW, secure)
    error = caught.value
    assert error.code == "columns_do_not_match"
    text = error.message("nl")
    assert "Lievegem: debiteuren gemeente naar OCMW" in text
    assert "'Voornaam', 'Naam', 'Adres', 'Telefoon', 'E-mail'" in text
    assert "Dossiernummer" in text and "kies het protocol" in text
    for value in kg_rows()[0]:
        assert str(value) not in text  # headers only, never a cell
    assert list(secure.iterdir()) == []  # no staging, no HO- folder
    assert _journal_count() == 0
    got = usecases.receive(source, REFERRAL, PW, secure)  # choosing again works
    assert got.files[0].name == "lijst.xlsx" and got.protocol.id == REFERRAL


def test_a_list_without_a_header_row_shows_no_data_as_headers(tmp_path):
    """The first row is then a person: anything with a digit or @ is not quoted."""
    rows = kg_rows()
    sheet = write_sheet(tmp_path / "lijst.xlsx", rows[0], rows)
    with pytest.raises(HandoffError) as caught:
        usecases.receive(_sent(tmp_path, sheet), DEBTORS, PW, tmp_path / "secure")
    text = caught.value.message("en")
    assert "Parklaan" not in text and "0470" not in text and "sara@" not in text
    assert "'…'" in text
    assert _journal_count() == 0


def test_a_list_under_its_own_protocol_is_received(tmp_path):
    sheet = write_sheet(tmp_path / "lijst.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    got = usecases.receive(_sent(tmp_path, sheet), DEBTORS, PW, tmp_path / "secure")
    assert got.files[0].read_bytes() == sheet.read_bytes()


def test_files_that_are_no_workbook_are_not_judged(tmp_path):
    note = tmp_path / "lijst.csv"
    note.write_bytes(b"Telefoon;E-mail\n")
    got = usecases.receive(_sent(tmp_path, note), DEBTORS, PW, tmp_path / "secure")
    assert got.files[0].name == "lijst.csv"
