"""One reading of the workbook: every valid serialisation alike, hostile sheets refused cleanly.

Issue 12 §1-2. The fixtures come from tests/rawxlsx.py in the shapes Excel,
LibreOffice and the Open XML SDK write, not from openpyxl alone.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from rawxlsx import DIALECTS, Sheet, parts, write_workbook, zip_parts
from sheets import LIEVEGEM_HEADERS, lievegem_rows

from handoff.core import protocols
from handoff.core.errors import HandoffError
from handoff.core.workbook import check, prepare

SECRET = "Geheim Persoon"
PROTOCOL = "lievegem-debtors"


def table(secret_row: bool = True) -> list[list[object]]:
    rows: list[list[object]] = [list(LIEVEGEM_HEADERS), *map(list, lievegem_rows())]
    if secret_row:
        rows.insert(2, [SECRET, "X", "85073003329", "Nergens", "D-0"])  # row 3, invalid too
    return rows


def copy_text(data: bytes) -> str:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        return "".join(z.read(n).decode() for n in z.namelist())


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_hidden_row_is_left_out_in_every_serialisation(tmp_path, dialect):
    path = write_workbook(tmp_path / "in.xlsx", [Sheet("Blad1", table(), hidden_rows={3})], dialect)
    report, sheet = prepare(path, protocols.get(PROTOCOL))
    assert report.ok and report.rows == 3, [f.message() for f in report.findings]
    hidden = next(f for f in report.findings if f.code == "hidden_rows")
    assert hidden.params == {"count": 1, "first": 3}
    assert sheet is not None and SECRET not in copy_text(sheet.data)


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_hidden_column_is_left_out_in_every_serialisation(tmp_path, dialect):
    rows = [[*r, "Medisch" if i else "Diagnose"] for i, r in enumerate(table(False))]
    path = write_workbook(tmp_path / "in.xlsx", [Sheet("Blad1", rows, hidden_columns={5})], dialect)
    report, sheet = prepare(path, protocols.get(PROTOCOL))
    assert report.ok and "hidden_columns" in codes(report)
    assert sheet is not None and "Medisch" not in copy_text(sheet.data)


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
def test_visible_row_is_checked_in_every_serialisation(tmp_path, dialect):
    """The same sheet unhidden: the invalid number in row 3 is found (the control case)."""
    path = write_workbook(tmp_path / "in.xlsx", [Sheet("Blad1", table())], dialect)
    report = check(path, protocols.get(PROTOCOL))
    assert "invalid_national_number" in codes(report) and not report.ok


def test_hidden_sheet_with_the_data_sheets_name_is_damage(tmp_path):
    sheets = [Sheet("Blad1", table(), state="hidden"), Sheet("Blad1", table(False))]
    path = write_workbook(tmp_path / "twee.xlsx", sheets)
    with pytest.raises(HandoffError) as caught:
        prepare(path, protocols.get(PROTOCOL))
    assert caught.value.code == "damaged_workbook"


def test_sheets_are_found_by_relationship_not_by_part_name(tmp_path):
    """The hidden sheet is listed first but lives in sheet2.xml: the visible one is read."""
    sheets = [Sheet("Verborgen", table(), state="hidden"), Sheet("Blad1", table(False))]
    path = write_workbook(tmp_path / "in.xlsx", sheets, order=[2, 1])
    report, sheet = prepare(path, protocols.get(PROTOCOL))
    assert report.ok and report.rows == 3 and "hidden_sheet" in codes(report)
    assert sheet is not None and SECRET not in copy_text(sheet.data)


def _with_sheet_xml(tmp_path: Path, xml: bytes) -> Path:
    items = parts([Sheet("Blad1", table(False))])
    items["xl/worksheets/sheet1.xml"] = xml
    return zip_parts(tmp_path / "in.xlsx", items)


_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def test_a_doctype_is_refused_before_any_entity(tmp_path):
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<worksheet " + _NS + b"><sheetData><row><c t='inlineStr'><is><t>&b;</t></is></c></row>"
        b"</sheetData></worksheet>"
    )
    with pytest.raises(HandoffError) as caught:
        check(_with_sheet_xml(tmp_path, xml), protocols.get(PROTOCOL))
    assert caught.value.code == "damaged_workbook"


def test_a_cell_outside_its_row_is_damage(tmp_path):
    """<row r="2" hidden="1"><c r="A5"> would be shown as row 5 by a reader."""
    xml = (
        b"<worksheet "
        + _NS
        + b'><sheetData><row r="2" hidden="1"><c r="A5"><v>1</v></c></row></sheetData></worksheet>'
    )
    with pytest.raises(HandoffError) as caught:
        check(_with_sheet_xml(tmp_path, xml), protocols.get(PROTOCOL))
    assert caught.value.code == "damaged_workbook"


def test_zero_height_by_default_hides_rows_without_their_own_height(tmp_path):
    cells = []
    for i, values in enumerate(table()):
        attrs = "" if i == 2 else ' customHeight="1" ht="15"'
        inner = "".join(
            f'<c t="inlineStr"><is><t>{v}</t></is></c>'
            if isinstance(v, str)
            else f"<c><v>{v}</v></c>"
            for v in values
        )
        cells.append(f'<row r="{i + 1}"{attrs}>{inner}</row>')
    xml = (
        "<worksheet " + _NS.decode() + '><sheetFormatPr defaultRowHeight="15" zeroHeight="1"/>'
        "<sheetData>" + "".join(cells) + "</sheetData></worksheet>"
    ).encode()
    report, sheet = prepare(_with_sheet_xml(tmp_path, xml), protocols.get(PROTOCOL))
    assert report.ok and sheet is not None and SECRET not in copy_text(sheet.data)


def test_a_copy_that_differs_from_the_check_is_never_returned(tmp_path, monkeypatch):
    import importlib

    clean = importlib.import_module("handoff.core.workbook.clean")
    real = clean.write_columns

    def drops_last_row(header, columns, rows, **kw):
        return real(header, [c[:-1] for c in columns], rows - 1, **kw)

    monkeypatch.setattr(clean, "write_columns", drops_last_row)
    path = write_workbook(tmp_path / "in.xlsx", [Sheet("Blad1", table(False))])
    with pytest.raises(HandoffError) as caught:
        prepare(path, protocols.get(PROTOCOL))
    assert caught.value.code == "copy_differs" and "niets verpakt" in caught.value.message("nl")


# --- hostile sheets, checked in a separate process under a 1.5 GiB address-space limit ---

_RUNNER = textwrap.dedent(
    """
    import resource, sys
    limit = int(1.5 * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from handoff.cli import main
    sys.exit(main(["check", sys.argv[1], "--protocol", "lievegem-debtors"]))
    """
)


def run_check_limited(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUNNER, str(path)], capture_output=True, text=True, timeout=120
    )


def _hostile_xfd(tmp_path: Path) -> Path:
    """3 KB: one cell at XFD380000 whose s attribute comes before r (the regex missed it)."""
    xml = (
        b"<worksheet " + _NS + b"><sheetData>"
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Voornaam</t></is></c></row>'
        b'<row r="380000"><c s="0" r="XFD380000"><v>1</v></c></row></sheetData></worksheet>'
    )
    return _with_sheet_xml(tmp_path, xml)


def _sheet_bomb(tmp_path: Path, megabytes: int = 400) -> Path:
    """Sheet XML of hundreds of MB of identical rows, deflated to well under a megabyte."""
    path = zip_parts(
        tmp_path / "bom.xlsx",
        {k: v for k, v in parts([Sheet("Blad1", [["a"]])]).items() if "sheet1" not in k},
    )
    row = (
        b'<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>'
        * 1000
    )
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part,
    ):
        part.write(b"<worksheet " + _NS + b"><sheetData>")
        for _ in range(megabytes * 2**20 // len(row)):
            part.write(row)
        part.write(b"</sheetData></worksheet>")
    return path


def _shared_string_bomb(tmp_path: Path) -> Path:
    """A small sheet pointing 200,000 cells at one shared string of 2 MB."""
    items = parts([Sheet("Blad1", [["x"]])])
    items["xl/sharedStrings.xml"] = (
        b"<sst " + _NS + b"><si><t>" + b"a" * (2 * 2**20) + b"</t></si></sst>"
    )
    cells = b'<c t="s"><v>0</v></c>' * 10
    rows = b"".join(b"<row>" + cells + b"</row>" for _ in range(20_000))
    items["xl/worksheets/sheet1.xml"] = (
        b"<worksheet " + _NS + b"><sheetData>" + rows + b"</sheetData></worksheet>"
    )
    return zip_parts(tmp_path / "sst.xlsx", items)


def _all_rows(tmp_path: Path) -> Path:
    xml = (
        b"<worksheet " + _NS + b"><sheetData>"
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Voornaam</t></is></c></row>'
        b'<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>'
    )
    return _with_sheet_xml(tmp_path, xml)


@pytest.mark.parametrize(
    ("build", "code_text"),
    [
        (_hostile_xfd, "XFD380000"),
        (_sheet_bomb, "MB aan gegevens"),
        (_shared_string_bomb, "MB aan gegevens"),
        (_all_rows, "laatste rij van Excel"),
    ],
    ids=["xfd380000-s-before-r", "deflate-bomb", "shared-string-bomb", "1048576-rows"],
)
def test_hostile_sheet_is_refused_cleanly_within_memory(tmp_path, build, code_text):
    path = build(tmp_path)
    assert path.stat().st_size < 20 * 2**20
    done = run_check_limited(path)
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])  # a refusal, not a crash
    assert code_text in done.stderr and "Wat te doen" in done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
