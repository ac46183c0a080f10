"""The sheet check: every finding, on sheets built the way workers make them."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from sheets import (
    CONFORMING,
    KG_HEADERS,
    LIEVEGEM_HEADERS,
    NN_1985,
    NN_2001,
    THUISPUNT_HEADERS,
    add_parts,
    encrypted_workbook,
    kg_rows,
    lievegem_rows,
    thuispunt_rows,
    write_sheet,
)

from handoff.cli import main
from handoff.core import protocols
from handoff.core.errors import HandoffError
from handoff.core.workbook import check


def lievegem(tmp_path, headers=LIEVEGEM_HEADERS, rows=None, **kwargs):
    rows = lievegem_rows() if rows is None else rows
    return check(
        write_sheet(tmp_path / "blad.xlsx", headers, rows, **kwargs),
        protocols.get("lievegem-debtors"),
    )


def codes(report, blocking=None):
    return [f.code for f in report.findings if blocking is None or f.blocking is blocking]


def only(report, code):
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, [f.code for f in report.findings]
    return found[0]


@pytest.mark.parametrize("protocol_id", sorted(CONFORMING))
def test_conforming_sheet_passes_for_each_protocol(tmp_path, protocol_id):
    headers, rows = CONFORMING[protocol_id]
    report = check(write_sheet(tmp_path / "ok.xlsx", headers, rows()), protocols.get(protocol_id))
    assert report.ok and report.findings == []
    assert report.rows == len(rows())
    assert len(report.source_sha256) == 64


def test_headers_match_tolerantly(tmp_path):
    report = lievegem(
        tmp_path, headers=["VOORNAAM ", "Familie-naam", "Rijksregister nr.", "Straat", "dossiernr"]
    )
    assert report.ok, [f.message() for f in report.findings]
    report = lievegem(tmp_path, headers=["First name", "Achternaam", "INSZ", "adres", "Dossier"])
    assert report.ok
    report = lievegem(tmp_path, headers=["Voornaam", "Naam", "NISS", "Adrés", "Dossiernummer"])
    assert report.ok


def test_column_not_allowed_is_blocking_and_quotes_proportionality(tmp_path):
    rows = [[*r, "ziek"] for r in lievegem_rows()]
    report = lievegem(tmp_path, headers=[*LIEVEGEM_HEADERS, "Medische info"], rows=rows)
    found = only(report, "column_not_allowed")
    assert found.blocking and found.cell == "F1" and found.sheet == "Blad1"
    message = found.message("nl")
    assert message.startswith("Rij 1: ") and "punt 3 a" in message and "Wat te doen" in message
    assert "Blad1!" not in message  # issue 13 §4: the worker's words, as the window says it
    # Issue 12 §7: the column is named by letter and header text; data never appears.
    assert "Kolom F 'Medische info'" in message and "ziek" not in message
    assert "What to do" in found.message("en")


def test_required_column_missing(tmp_path):
    report = lievegem(tmp_path, headers=LIEVEGEM_HEADERS[:4], rows=[r[:4] for r in lievegem_rows()])
    found = only(report, "column_missing")
    assert found.blocking and "Dossiernummer" in found.message("nl")


def test_duplicate_column(tmp_path):
    rows = [[*r, r[0]] for r in lievegem_rows()]
    report = lievegem(tmp_path, headers=[*LIEVEGEM_HEADERS, "voornaam"], rows=rows)
    assert only(report, "column_duplicate").cell == "F1"


def test_wrong_national_number_names_the_cell_not_the_value(tmp_path):
    rows = lievegem_rows()
    rows[1][2] = "85073003329"
    report = lievegem(tmp_path, rows=rows)
    found = only(report, "invalid_national_number")
    assert found.blocking and found.cell == "C3"
    assert "85073003329" not in found.message() and "Janssens" not in found.message()
    # Issue 12 §7: the column header and the row number are named.
    assert "kolom 'Rijksregisternummer', rij 3" in found.message("nl")


@pytest.mark.parametrize(
    ("column", "typed"),
    [(0, "85.07.30-033.28"), (3, f"Kerkstraat 1, rrn {NN_2001}"), (4, "850730 033 28")],
)
def test_national_number_in_a_free_text_column_blocks(tmp_path, column, typed):
    rows = lievegem_rows()
    rows[2][column] = typed
    report = lievegem(tmp_path, rows=rows)
    found = only(report, "national_number_in_text")
    header = LIEVEGEM_HEADERS[column]
    assert found.blocking and found.cell == f"{'ABCDE'[column]}4"
    assert f"kolom '{header}', rij 4" in found.message("nl") and typed not in found.message()


def test_number_shapes_that_are_no_national_number_pass(tmp_path):
    rows = lievegem_rows()
    rows[0][3] = "Kerkstraat 1, tel 0470 12 34 56"
    rows[1][4] = "85073003329"  # eleven digits, wrong checksum: a dossier number
    assert lievegem(tmp_path, rows=rows).ok


def test_thousands_of_forbidden_columns_give_one_summary(tmp_path):
    from rawxlsx import Sheet, write_workbook

    headers = [*LIEVEGEM_HEADERS, *(f"Extra {i}" for i in range(16_384 - 5))]
    rows = [headers, [*lievegem_rows()[0], *([""] * (16_384 - 5))]]
    path = write_workbook(tmp_path / "breed.xlsx", [Sheet("Blad1", rows)])
    report = check(path, protocols.get("lievegem-debtors"))
    assert len(report.findings) == 21 and not report.ok
    summary = only(report, "columns_not_allowed_more")
    assert summary.params["count"] == 16_384 - 5 - 20 and summary.params["last"] == "XFD"


def test_required_cell_empty(tmp_path):
    rows = lievegem_rows()
    rows[0][4] = "  "
    assert only(lievegem(tmp_path, rows=rows), "required_empty").cell == "E2"


def test_address_without_number_is_a_warning(tmp_path):
    rows = lievegem_rows()
    rows[2][3] = "Molenweg"
    report = lievegem(tmp_path, rows=rows)
    assert report.ok and only(report, "address_without_number").cell == "D4"


@pytest.mark.parametrize(
    ("column", "value", "code"),
    [(3, "0470 12 34", "invalid_phone"), (4, "sara(at)example.be", "invalid_email")],
)
def test_phone_and_email_types(tmp_path, column, value, code):
    rows = kg_rows()
    rows[0][column] = value
    report = check(
        write_sheet(tmp_path / "kg.xlsx", KG_HEADERS, rows), protocols.get("kg-ocmw-referral")
    )
    assert only(report, code).cell == f"{'ABCDE'[column]}2"
    assert not report.ok


def test_dates_real_or_text_and_wrong(tmp_path):
    rows = thuispunt_rows()
    rows[0][5] = "32/08/2024"
    rows[1][6] = dt.date(2024, 8, 20)
    report = check(
        write_sheet(tmp_path / "t.xlsx", THUISPUNT_HEADERS, rows),
        protocols.get("thuispunt-gent-cir"),
    )
    assert codes(report) == ["invalid_date"] and report.findings[0].cell == "F2"


def test_many_errors_in_one_column_are_summarised(tmp_path):
    rows = [["A", "B", "12345678901", "Straat 1", "D1"]] * 30
    report = lievegem(tmp_path, rows=rows)
    assert codes(report).count("invalid_national_number") == 20
    summary = only(report, "more_of_same")
    assert summary.blocking and summary.cell == "C" and summary.params["count"] == 10


def test_empty_sheet_has_no_data(tmp_path):
    report = lievegem(tmp_path, headers=[], rows=[])
    assert codes(report) == ["no_data"] and not report.ok


def test_data_below_the_table_after_an_empty_row(tmp_path):
    rows = [*lievegem_rows(), [None] * 5, ["x", "y", NN_1985, "Straat 2", "D9"]]
    report = lievegem(tmp_path, rows=rows)
    assert report.rows == 3
    assert only(report, "data_below_table").cell == "A6"
    assert not report.ok


def test_data_beside_the_table_and_unnamed_column(tmp_path):
    rows = [[*r, None, "notitie"] for r in lievegem_rows()]
    report = lievegem(tmp_path, rows=rows)
    assert only(report, "data_beside_table").cell == "G2"
    rows = [[*r[:2], "x", *r[2:]] for r in lievegem_rows()]
    report = lievegem(
        tmp_path, headers=[*LIEVEGEM_HEADERS[:2], None, *LIEVEGEM_HEADERS[2:]], rows=rows
    )
    assert only(report, "header_empty").cell == "C2"


def _hide_sheet(state):
    def setup(book, sheet):
        other = book.create_sheet("Oud")
        other.append(["naam", "rrn"])
        other.sheet_state = state

    return setup


@pytest.mark.parametrize(
    ("state", "code"), [("hidden", "hidden_sheet"), ("veryHidden", "very_hidden_sheet")]
)
def test_hidden_and_very_hidden_sheets_are_warnings(tmp_path, state, code):
    report = lievegem(tmp_path, setup=_hide_sheet(state))
    assert report.ok and only(report, code).sheet == "Oud"


def test_extra_visible_sheet_is_named(tmp_path):
    report = lievegem(tmp_path, setup=lambda book, sheet: book.create_sheet("Notities"))
    assert only(report, "extra_sheet").params["name"] == "Notities"


def test_hidden_rows_are_not_checked_and_named(tmp_path):
    rows = lievegem_rows()
    rows[1][2] = "niet geldig"

    def setup(book, sheet):
        sheet.row_dimensions[3].hidden = True

    report = lievegem(tmp_path, rows=rows, setup=setup)
    found = only(report, "hidden_rows")
    assert not found.blocking and found.params == {"count": 1, "first": 3}
    assert report.ok and report.rows == 2


def test_hidden_column_is_left_out_even_if_not_allowed(tmp_path):
    rows = [[*r, "geheim"] for r in lievegem_rows()]

    def setup(book, sheet):
        sheet.column_dimensions["F"].hidden = True

    report = lievegem(tmp_path, headers=[*LIEVEGEM_HEADERS, "Opmerking"], rows=rows, setup=setup)
    assert codes(report) == ["hidden_columns"] and report.findings[0].params["columns"] == "F"
    assert report.ok


def test_hidden_required_column_is_missing(tmp_path):
    def setup(book, sheet):
        sheet.column_dimensions["C"].hidden = True

    report = lievegem(tmp_path, setup=setup)
    assert set(codes(report)) == {"hidden_columns", "column_missing"} and not report.ok


def test_legacy_comments_and_notes(tmp_path):
    def setup(book, sheet):
        sheet["A2"].comment = Comment("moeilijk gezin", "Maatschappelijk werker")
        sheet["B3"].comment = Comment("zie dossier", "X")

    report = lievegem(tmp_path, setup=setup)
    found = only(report, "comments")
    assert found.params["count"] == 2 and not found.blocking


THREADED = (
    b'<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
    b'<threadedComment ref="A2" id="{1}" personId="{2}"><text>gesprek</text></threadedComment></ThreadedComments>'
)


def test_threaded_comments(tmp_path):
    path = write_sheet(tmp_path / "t.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    add_parts(path, {"xl/threadedComments/threadedComment1.xml": THREADED})
    assert only(check(path, protocols.get("lievegem-debtors")), "comments").params["count"] == 1


def test_defined_names(tmp_path):
    def setup(book, sheet):
        book.defined_names["Klanten"] = DefinedName("Klanten", attr_text="Blad1!$A$1:$E$4")

    assert only(lievegem(tmp_path, setup=setup), "defined_names").params["count"] == 1


def test_external_links(tmp_path):
    path = write_sheet(tmp_path / "t.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    add_parts(path, {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    found = only(check(path, protocols.get("lievegem-debtors")), "external_links")
    assert not found.blocking


def test_embedded_objects(tmp_path):
    path = write_sheet(tmp_path / "t.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    add_parts(path, {"xl/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 60})
    assert (
        only(check(path, protocols.get("lievegem-debtors")), "embedded_objects").params["count"]
        == 1
    )


def test_linked_ole_object_without_embedding(tmp_path):
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" '
        b'Target="file:///C:/dossiers/gezin.docx" TargetMode="External"/></Relationships>'
    )
    path = write_sheet(tmp_path / "t.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    add_parts(path, {"xl/worksheets/_rels/sheet1.xml.rels": rels})
    assert (
        only(check(path, protocols.get("lievegem-debtors")), "embedded_objects").params["count"]
        == 1
    )


def test_personal_names_in_document_properties(tmp_path):
    def setup(book, sheet):
        book.properties.creator = "Marie Vermeulen"
        book.properties.lastModifiedBy = "Piet"

    report = lievegem(tmp_path, setup=setup)
    found = only(report, "personal_properties")
    assert not found.blocking and "Marie" not in found.message()


def test_macros_are_refused(tmp_path):
    path = write_sheet(tmp_path / "m.xlsm", LIEVEGEM_HEADERS, lievegem_rows())
    add_parts(path, {"xl/vbaProject.bin": b"\x00" * 100})
    report = check(path, protocols.get("lievegem-debtors"))
    assert codes(report) == ["macros"] and not report.ok and report.rows == 0


def test_encrypted_workbook_is_refused_with_its_own_message(tmp_path):
    report = check(encrypted_workbook(tmp_path / "geheim.xlsx"), protocols.get("lievegem-debtors"))
    assert codes(report) == ["encrypted_workbook"]
    assert "wachtwoord" in report.findings[0].message("nl")


@pytest.mark.parametrize(
    "content",
    [
        b"voornaam;naam\nAn;Peeters\n",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        b"PK\x03\x04 broken",
    ],
)
def test_not_a_workbook(tmp_path, content):
    path = tmp_path / "lijst.xlsx"
    path.write_bytes(content)
    report = check(path, protocols.get("lievegem-debtors"))
    assert codes(report) == ["not_a_workbook"] and not report.ok


def test_a_zip_that_is_not_a_workbook(tmp_path):
    import zipfile

    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert codes(check(path, protocols.get("lievegem-debtors"))) == ["not_a_workbook"]


def test_missing_file(tmp_path):
    with pytest.raises(HandoffError) as caught:
        check(tmp_path / "weg.xlsx", protocols.get("lievegem-debtors"))
    assert caught.value.code == "not_found"


def test_cli_check_conforming_exits_zero(tmp_path, capsys):
    path = write_sheet(tmp_path / "ok.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    assert main(["check", str(path), "--protocol", "lievegem-debtors"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "3 rijen" in err and "(en)" not in err


def test_cli_check_prints_one_finding_per_line_and_fails(tmp_path, capsys):
    rows = lievegem_rows()
    rows[0][2] = "1"
    rows[2][4] = None
    path = write_sheet(
        tmp_path / "fout.xlsx", [*LIEVEGEM_HEADERS, "Gsm"], [[*r, "0470123456"] for r in rows]
    )
    assert main(["check", str(path), "--protocol", "lievegem-debtors"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [  # issue 13 §4: as the window words them, never Blad1!C2
        "Te verbeteren — Rij 1: Kolom F 'Gsm' is niet toegelaten door het protocol (punt 3 a "
        "(gegevens), 8 c (versleuteling, wachtwoord bij financieel directeur), 6 (maandelijks): "
        "enkel de noodzakelijke gegevens, proportionaliteit). Wat te doen: verwijder deze kolom.",
        "Te verbeteren — Geen geldig rijksregister-, BIS- of INSZ-nummer in kolom "
        "'Rijksregisternummer', rij 2 (controlegetal klopt niet). Wat te doen: controleer het "
        "nummer tegen de identiteitskaart of het rijksregister.",
        "Te verbeteren — Rij 4: Verplichte cel 'Dossiernummer' is leeg. Wat te doen: vul ze in "
        "of verwijder de rij.",
    ]
    assert main(["--lang", "en", "check", str(path), "--protocol", "lievegem-debtors"]) == 1
    english = capsys.readouterr().out.splitlines()
    assert all(line.startswith("To correct — ") and "What to do" in line for line in english)
    assert english[2].startswith("To correct — Row 4: Required cell 'Dossiernummer' is empty.")


def test_cli_pack_with_blocking_findings_lists_them_and_packs_nothing(tmp_path, capsys):
    rows = lievegem_rows()
    rows[0][2] = "1"
    rows[2][4] = None
    path = write_sheet(
        tmp_path / "fout.xlsx", [*LIEVEGEM_HEADERS, "Gsm"], [[*r, "0470123456"] for r in rows]
    )
    output = tmp_path / "uit.7z"
    command = ["pack", str(path), "--protocol", "lievegem-debtors", "--output", str(output)]
    assert main([*command, "--consent-confirmed"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == [
        "Te verbeteren — Rij 1",
        "Te verbeteren — Geen geldig rijksregister-, BIS- of INSZ-nummer in kolom 'Rijksregisternummer', rij 2 (controlegetal klopt niet). Wat te doen",
        "Te verbeteren — Rij 4",
    ]
    assert "Kolom F 'Gsm'" in captured.err and "voldoet niet aan het protocol" in lines[-1]
    assert captured.out == "" and not output.exists()


def test_cli_check_unknown_protocol(tmp_path, capsys):
    path = write_sheet(tmp_path / "ok.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    assert main(["check", str(path), "--protocol", "geen"]) == 2
    assert "Onbekend protocol" in capsys.readouterr().err


def test_a_stray_cell_far_away_is_refused_before_reading(tmp_path):
    def setup(book, sheet):
        sheet["XFD1048576"] = "x"

    with pytest.raises(HandoffError) as caught:
        lievegem(tmp_path, setup=setup)
    # Down to Excel's last row: said plainly, with the limit, not "cells far away".
    assert caught.value.code == "sheet_too_many_rows"
    message = caught.value.message("nl")
    assert "1048576" in message and "laatste rij van Excel" in message and "500000" in message


def test_headers_without_rows_still_name_the_wrong_columns(tmp_path):
    report = lievegem(tmp_path, headers=[*LIEVEGEM_HEADERS, "Inkomen"], rows=[])
    assert set(codes(report)) == {"column_not_allowed", "no_data"}


def test_table_may_start_below_empty_rows(tmp_path):
    def setup(book, sheet):
        sheet.insert_rows(1, amount=2)

    report = lievegem(tmp_path, setup=setup)
    assert report.ok and report.rows == 3


def test_check_as_a_real_process_exit_codes(tmp_path):
    import subprocess
    import sys

    good = write_sheet(tmp_path / "ok.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    bad = write_sheet(
        tmp_path / "fout.xlsx", LIEVEGEM_HEADERS[:4], [r[:4] for r in lievegem_rows()]
    )
    command = [sys.executable, "-m", "handoff", "check", "--protocol", "lievegem-debtors"]
    assert subprocess.run([*command, str(good)], capture_output=True).returncode == 0
    failed = subprocess.run([*command, str(bad)], capture_output=True, text=True)
    assert failed.returncode == 1 and "Dossiernummer" in failed.stdout


def test_a_number_in_full_width_digits_in_a_text_column_blocks(tmp_path):
    """Non-ASCII text takes the exact shape search (its digits are not ASCII)."""
    rows = lievegem_rows()
    rows[2][3] = "Kerkstraat 1, " + NN_2001.translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    )
    assert only(lievegem(tmp_path, rows=rows), "national_number_in_text").cell == "D4"


def test_the_quick_number_test_never_misses_a_number_shape():
    """check._may_hold_number is a necessary condition of _NUMBER_SHAPE (random text)."""
    import importlib
    import random

    module = importlib.import_module("handoff.core.workbook.check")
    rng = random.Random(7)
    alphabet = "0123456789" * 3 + " .-/x\x00"
    for _ in range(20_000):
        text = "".join(rng.choices(alphabet, k=rng.randrange(8, 30)))
        if module._NUMBER_SHAPE.search(text):
            assert module._may_hold_number(text), text
    assert not module._may_hold_number("LG-2025-000001\x00Kerkstraat 12, 9000 Gent")
