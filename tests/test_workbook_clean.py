"""The cleaned copy, the referral form, and proof that no plaintext touches the disk."""

from __future__ import annotations

import datetime
import io
import os
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from sheets import (
    CONFORMING,
    KG_HEADERS,
    LIEVEGEM_HEADERS,
    NN_2001,
    THUISPUNT_HEADERS,
    kg_rows,
    lievegem_rows,
    thuispunt_rows,
    write_sheet,
)

from handoff.core import paths, protocols
from handoff.core.errors import HandoffError
from handoff.core.workbook import check, clean, prepare, sheet_from_fields


def reopen(sheet_bytes: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(sheet_bytes))


@pytest.mark.parametrize("protocol_id", sorted(CONFORMING))
def test_each_protocol_cleans_and_the_copy_passes_the_check(tmp_path, protocol_id):
    protocol = protocols.get(protocol_id)
    headers, rows = CONFORMING[protocol_id]
    cleaned = clean(write_sheet(tmp_path / "in.xlsx", headers, rows()), protocol)
    assert cleaned.name == f"{protocol_id}.xlsx" and cleaned.rows == len(rows())
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(cleaned.data)
    report = check(copy, protocol)
    assert report.ok and report.findings == [] and report.rows == len(rows())
    assert repr(cleaned).startswith("CleanSheet(") and "data" not in repr(cleaned)


def test_copy_has_protocol_order_labels_values_and_no_hidden_content(tmp_path):
    protocol = protocols.get("lievegem-debtors")
    # Columns in another order, a hidden extra column, a hidden row, a comment,
    # a hidden sheet, a formula and a person as author.
    headers = ["Dossiernr", "RRN", "familienaam", "voornaam", "Straat", "Notitie"]
    rows = [[r[4], r[2], r[1], r[0], r[3], "geheim"] for r in lievegem_rows()]

    def setup(book, sheet):
        sheet.column_dimensions["F"].hidden = True
        sheet.row_dimensions[3].hidden = True
        sheet["A2"].comment = Comment("let op", "Marie")
        book.create_sheet("Oud").sheet_state = "hidden"
        book.properties.creator = "Marie Vermeulen"

    source = write_sheet(tmp_path / "in.xlsx", headers, rows, setup=setup)
    before = source.read_bytes()
    report, cleaned = prepare(source, protocol)
    assert report.ok and cleaned is not None
    assert source.read_bytes() == before  # the original is never modified
    book = reopen(cleaned.data)
    assert book.sheetnames == ["Gegevens"]
    sheet = book.active
    values = list(sheet.values)
    assert values[0] == ("Voornaam", "Achternaam", "Rijksregisternummer", "Adres", "Dossiernummer")
    assert len(values) == 3  # the hidden row 3 (Jan) is not sent
    assert values[1] == ("An", "Peeters", "85073003328", "Kerkstraat 1", "D-2024-001")
    assert values[2][2] == "98472899765"
    assert book.properties.creator == "Handoff" and book.properties.lastModifiedBy == "Handoff"
    names = zipfile.ZipFile(io.BytesIO(cleaned.data)).namelist()
    assert not [n for n in names if "comment" in n.lower() or "vba" in n.lower() or "external" in n]
    assert not any(d.hidden for d in sheet.row_dimensions.values())


def test_lost_leading_zero_is_written_back_as_text(tmp_path):
    rows = [["Jan", "Janssens", int(NN_2001), "Dorpsstraat 12", "D-1"]]
    cleaned = clean(
        write_sheet(tmp_path / "in.xlsx", LIEVEGEM_HEADERS, rows), protocols.get("lievegem-debtors")
    )
    assert reopen(cleaned.data).active["C2"].value == NN_2001


def test_dates_stay_dates_and_yes_no_is_normalised(tmp_path):
    cleaned = clean(
        write_sheet(tmp_path / "in.xlsx", THUISPUNT_HEADERS, thuispunt_rows()),
        protocols.get("thuispunt-gent-cir"),
    )
    sheet = reopen(cleaned.data).active
    assert sheet["F2"].value.date().isoformat() == "2024-08-01"
    assert sheet["G2"].value.date().isoformat() == "2024-08-15"
    assert sheet["G3"].value is None


def test_clean_refuses_blocking_findings_and_writes_nothing(tmp_path):
    rows = [[*r, "extra"] for r in lievegem_rows()]
    work = tmp_path / "work"
    work.mkdir()
    source = write_sheet(work / "in.xlsx", [*LIEVEGEM_HEADERS, "Inkomen"], rows)
    with pytest.raises(HandoffError) as caught:
        clean(source, protocols.get("lievegem-debtors"))
    assert caught.value.code == "blocking_findings"
    assert "Wat te doen" in caught.value.message("nl") and "What to do" in caught.value.message(
        "en"
    )
    assert sorted(p.name for p in work.iterdir()) == ["in.xlsx"]


class DiskWatch:
    """Real observation of file writes: an audit hook on every open() of this
    process, plus a thread polling the temp folders (catches other writers)."""

    active = False
    writes: list[str] = []  # noqa: RUF012 (shared with the process-wide hook)

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if not cls.active or event != "open":
            return
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        )
        if writing:
            cls.writes.append(str(path))


sys.addaudithook(DiskWatch.hook)


@pytest.fixture
def watch(tmp_path, monkeypatch):
    temp = tmp_path / "watched-tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    folders = [temp, paths.temp_dir()]
    seen: set[str] = set()
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            for folder in folders:
                seen.update(str(p) for p in folder.rglob("*"))

    def run(action):
        DiskWatch.writes = []
        thread = threading.Thread(target=poll)
        thread.start()
        DiskWatch.active = True
        try:
            return action()
        finally:
            DiskWatch.active = False
            stop.set()
            thread.join()

    yield run, seen
    DiskWatch.active = False


def test_watch_does_see_openpyxl_writing_its_temp_file(tmp_path, watch):
    """Control: the watch can fail. openpyxl saving to memory writes a temp file."""
    run, _ = watch
    book = openpyxl.Workbook()
    book.active.append(["An", "Peeters"])
    run(lambda: book.save(io.BytesIO()))
    assert any(w.startswith(str(tmp_path / "watched-tmp")) for w in DiskWatch.writes)


def test_clean_never_writes_a_file(tmp_path, watch):
    run, seen = watch
    rows = lievegem_rows() * 200
    source = write_sheet(tmp_path / "in.xlsx", LIEVEGEM_HEADERS, rows)
    cleaned = run(lambda: clean(source, protocols.get("lievegem-debtors")))
    assert cleaned.rows == 600
    assert DiskWatch.writes == []
    assert seen == set()


def test_referral_form_makes_a_sheet_that_passes_the_check(tmp_path, watch):
    run, seen = watch
    protocol = protocols.get("kg-ocmw-referral")
    fields = {
        "first_name": "Sara",
        "last_name": "Claes",
        "address": "Parklaan 16, 9690 Kluisbergen",
        "phone": "0470 12 34 56",
        "email": "sara@example.be",
    }
    sheet = run(lambda: sheet_from_fields(protocol, fields))
    assert DiskWatch.writes == [] and seen == set()
    assert sheet.rows == 1 and sheet.name == "kg-ocmw-referral.xlsx"
    path = tmp_path / sheet.name
    path.write_bytes(sheet.data)
    report = check(path, protocol)
    assert report.ok and report.findings == []
    assert list(reopen(sheet.data).active.values)[1][3] == "+32470123456"


@pytest.mark.parametrize(
    ("fields", "code", "named"),
    [
        ({"first_name": "Sara", "address": "Parklaan 16"}, "invalid_fields", "Naam"),
        (
            {"first_name": "Sara", "last_name": "C", "address": "Parklaan 16", "phone": "12"},
            "invalid_fields",
            "Telefoonnummer",
        ),
        (
            {"first_name": "Sara", "last_name": "C", "address": "Parklaan 16", "email": "x@"},
            "invalid_fields",
            "E-mailadres",
        ),
        (
            {
                "first_name": "Sara",
                "last_name": "C",
                "address": "Parklaan 16",
                "national_number": "85073003328",
            },
            "field_not_allowed",
            "national_number",
        ),
    ],
)
def test_referral_form_names_the_bad_field_never_the_value(fields, code, named):
    with pytest.raises(HandoffError) as caught:
        sheet_from_fields(protocols.get("kg-ocmw-referral"), fields)
    assert caught.value.code == code
    message = caught.value.message("nl")
    assert named in message
    for value in fields.values():
        if len(value) > 2:
            assert value not in message


def test_form_only_for_protocols_that_foresee_it():
    with pytest.raises(HandoffError) as caught:
        sheet_from_fields(protocols.get("lievegem-debtors"), {"first_name": "An"})
    assert caught.value.code == "form_not_allowed"


def test_cleaned_copy_of_a_sheet_with_path_object(tmp_path):
    source = write_sheet(tmp_path / "in.xlsx", KG_HEADERS, kg_rows())
    assert isinstance(clean(Path(source), protocols.get("kg-ocmw-referral")).data, bytes)


def test_markup_and_control_characters_in_values_survive_as_text():
    fields = {"first_name": "A&B", "last_name": "<Claes>", "address": "Kerk\x07straat 1 & 2"}
    sheet = sheet_from_fields(protocols.get("kg-ocmw-referral"), fields)
    row = list(reopen(sheet.data).active.values)[1]
    assert row[:3] == ("A&B", "<Claes>", "Kerkstraat 1 & 2")


def test_a_copy_of_many_pieces_keeps_every_row_in_order(monkeypatch):
    """The sheet XML is formatted and compressed in pieces: none lost, none swapped."""
    from handoff.core.workbook import xlsx

    monkeypatch.setattr(xlsx, "_CHUNK_ROWS", 7)  # 50 rows: eight pieces, the last one short
    names = [f"naam {i} & <co>" for i in range(50)]
    days = [None if i % 3 else datetime.date(2020, 1, 1 + i % 28) for i in range(50)]
    data = xlsx.write_columns(
        ["Naam", "Datum"], [names, days], 50, sheet="S", title="t", author="a"
    )
    rows = list(reopen(data).active.values)
    assert rows[0] == ("Naam", "Datum")
    assert [r[0] for r in rows[1:]] == names
    assert [r[1].date() if r[1] else None for r in rows[1:]] == days
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        assert parts.testzip() is None  # every CRC right


def test_the_form_names_bad_fields_in_the_language_the_message_is_read_in():
    """Column labels inside the message follow its language, not the one in force when raised."""
    fields = {"first_name": "Sara", "last_name": "C", "address": "Parklaan 16", "phone": "12"}
    with pytest.raises(HandoffError) as caught:
        sheet_from_fields(protocols.get("kg-ocmw-referral"), fields)
    nl, en = caught.value.message("nl"), caught.value.message("en")
    assert "Telefoonnummer" in nl and "Telefoonnummer" not in en
    assert "Phone number" in en and "Phone number" not in nl


@pytest.mark.parametrize("column", [0, 2, 3])
def test_a_copy_with_one_changed_cell_is_never_returned(tmp_path, monkeypatch, column):
    """The read-back compares whole text columns at once: one value off is still caught."""
    import importlib

    module = importlib.import_module("handoff.core.workbook.clean")
    real = module.write_columns

    def changes_one_cell(header, columns, rows, **kw):
        changed = [list(c) for c in columns]
        changed[column][1] += "x"
        return real(header, changed, rows, **kw)

    monkeypatch.setattr(module, "write_columns", changes_one_cell)
    source = write_sheet(tmp_path / "in.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    with pytest.raises(HandoffError) as caught:
        clean(source, protocols.get("lievegem-debtors"))
    assert caught.value.code == "copy_differs"
