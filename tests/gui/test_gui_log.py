"""Log page (DPO): the lazy table, filters, integrity badge, obligations, exports.

Decree of 18 July 2008, art. 8 §1 (listed in seed 000): "de logging van de
toegang zodat men kan nagaan wie toegang had tot welke gegevens, wanneer en
waarom". The DPO must be able to trust it, so a changed record is flagged.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3

import openpyxl
import pytest
from PySide6.QtCore import Qt

from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.journal.query import PAGE_SIZE
from tests.stored import store

SHA = "ab" * 32
RECORDS = PAGE_SIZE * 2 + 37


@pytest.fixture(scope="session")
def journal_template(tmp_path_factory):
    """Packaged records under two protocols, plus one confirmation to filter on (built once)."""
    path = tmp_path_factory.mktemp("journal") / "journal.sqlite3"
    with Journal(path) as journal:
        for n in range(RECORDS):
            journal.append(
                Step.PACKAGED,
                handoff_id=new_handoff_id(),
                protocol_id="thuispunt-gent-cir" if n % 2 else "lievegem-debtors",
                details={"rows": n, "archive_sha256": SHA, "archive_size": 100 + n},
            )
        journal.append(
            Step.EMAIL_DELETED,
            handoff_id=new_handoff_id(),
            protocol_id="thuispunt-gent-cir",
            details={"confirmed_by": "user"},
        )
    return path


@pytest.fixture
def journal_with_records(journal_template):
    """This test's own copy of the template journal; returns how many records it holds."""
    from handoff.core import paths

    shutil.copyfile(journal_template, paths.journal_path())
    return RECORDS + 1


def _log_page(window, qtbot):
    window.show_page("log")
    page = window.pages["log"]
    qtbot.waitUntil(lambda: page.verify_button.isEnabled(), timeout=20_000)
    return page


def test_table_loads_lazily_newest_first_and_filters(window, qtbot, journal_with_records):
    page = _log_page(window, qtbot)
    model = page.model
    assert model.loaded() == PAGE_SIZE  # one page, not the whole journal
    assert model.index(0, 4).data() == "E-mail met het bestand verwijderd"  # newest first
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.loaded() > PAGE_SIZE)
    while model.canFetchMore():
        model.fetchMore()
    assert model.loaded() == journal_with_records
    seqs = [int(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)

    page.step.setCurrentIndex(page.step.findData("email_deleted"))
    assert model.rowCount() == 1
    page.step.setCurrentIndex(0)
    page.protocol.setCurrentIndex(page.protocol.findData("lievegem-debtors"))
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == (RECORDS + 1) // 2
    page.account.setText("iemand-anders")  # matches as the DPO types (issue 13 §13)
    assert model.rowCount() == 0 and page.no_rows.isVisibleTo(page)
    assert page.no_rows.text() == "Geen regels."
    account = Journal().records(limit=1)[0].account
    page.account.setText(account[1:-1].upper())  # part of the name, any case
    assert model.rowCount() > 0 and not page.no_rows.isVisibleTo(page)
    assert "intact" in page.badge.text().lower()


def test_table_reads_as_sentences_with_the_raw_fields_in_the_detail_pane(
    window, qtbot, journal_with_records
):
    """Issue 13 §12: protocol titles, step names, details as a sentence; hashes in the pane."""
    page = _log_page(window, qtbot)
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.record(r).step == Step.PACKAGED)
    record = model.record(row)
    assert model.index(row, 3).data() in ("Thuispunt Gent: CIR-lijst naar OCMW Gent",
                                          "Lievegem: debiteuren gemeente naar OCMW (maandelijks)")  # fmt: skip
    assert model.index(row, 7).data().startswith(f"{record.details['rows']} ")
    assert "{" not in model.index(row, 7).data() and "archief" in model.index(row, 7).data()
    assert model.index(row, 7).data(Qt.ItemDataRole.ToolTipRole) == model.index(row, 7).data()
    page.table.selectRow(row)
    pane = page.detail.toPlainText()
    assert record.hash in pane and record.prev_hash in pane and '"archive_sha256"' in pane


def test_tampered_journal_is_flagged_with_the_first_bad_record(window, qtbot, journal_with_records):
    from handoff.core import paths

    raw = sqlite3.connect(paths.journal_path())
    raw.execute("DROP TRIGGER records_no_update")
    raw.execute("UPDATE records SET account = 'iemand-anders' WHERE seq = 7")
    raw.commit()
    raw.close()
    page = _log_page(window, qtbot)
    assert page.badge.objectName() == "badgeBad"
    assert "regel 7" in page.badge.text() and "Record" not in page.badge.text()
    assert "Wat te doen" in page.badge.text() and "DPO" in page.badge.text()
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.record(i.row()).seq for i in selected] == [7]  # the first bad row


def test_intact_badge_and_open_obligations(window, qtbot, journal_with_records):
    page = _log_page(window, qtbot)
    assert page.badge.objectName() == "badgeOk"
    assert str(journal_with_records) in page.badge.text()
    qtbot.waitUntil(lambda: page.todo.empty.isVisibleTo(page))  # "Niets staat nog open."
    qtbot.waitUntil(lambda: page.upcoming.count() > 0)
    assert page.upcoming.item(0).text() == "De komende twee weken wordt niets verwijderd."


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_writes_every_filtered_record(
    window, qtbot, dialogs, tmp_path, journal_with_records, suffix
):
    page = _log_page(window, qtbot)
    page.protocol.setCurrentIndex(page.protocol.findData("thuispunt-gent-cir"))
    target = tmp_path / f"logboek{suffix}"
    dialogs.save_path = target
    button = page.export_csv if suffix == ".csv" else page.export_xlsx
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "geëxporteerd" in page.export_status.text(), timeout=30_000)
    expected = RECORDS // 2 + 1
    if suffix == ".csv":
        with target.open(encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
    else:
        rows = [
            list(r)
            for r in openpyxl.load_workbook(target, read_only=True).active.iter_rows(
                values_only=True
            )
        ]
    assert rows[0][0] == "Nr"
    assert len(rows) == expected + 1
    assert {r[5] for r in rows[1:]} == {"Thuispunt Gent: CIR-lijst naar OCMW Gent"}
    assert not list(tmp_path.glob(".*partial"))


def test_cancelled_export_leaves_no_file(qtbot, tmp_path, journal_with_records):
    from handoff.core.errors import HandoffError
    from handoff.core.journal.export import export_matching
    from handoff.core.journal.query import JournalFilter

    out = tmp_path / "export"
    out.mkdir()
    target = out / "logboek.csv"
    calls = []
    with Journal() as journal, pytest.raises(HandoffError) as caught:
        export_matching(
            journal,
            JournalFilter(),
            target,
            "csv",
            progress=lambda d, t: calls.append(d),
            cancel=lambda: bool(calls),
        )
    assert caught.value.code == "cancelled"
    assert not target.exists()
    assert list(out.iterdir()) == []


def test_a_damaged_journal_file_is_reported_not_a_crash(window, qtbot):
    from handoff.core import paths

    paths.journal_path().write_bytes(b"dit is geen databank" * 100)
    page = _log_page(window, qtbot)
    assert page.badge.objectName() == "badgeBad"
    assert "is geen logboek van Handoff" in page.badge.text()  # not the intact badge
    assert page.model.rowCount() == 0
    qtbot.waitUntil(lambda: page.todo.status.isVisibleTo(page))
    assert paths.journal_path().read_bytes().startswith(b"dit is geen databank")  # left untouched


def _stored_handoff(tmp_path, due):
    """A received file stored in a secure folder, as the journal records it."""
    with Journal() as journal:
        return store(journal, tmp_path / "beveiligd", {"lijst.xlsx": b"gegevens"}, due)


def test_obligations_are_closed_from_the_logboek_after_a_restart(
    window, qtbot, tmp_path, monkeypatch
):
    """Issue 13 §9/§13: who, a concrete date, an action button; sortable; a click filters."""
    from datetime import date, timedelta

    from PySide6.QtWidgets import QMessageBox

    later = date.today() + timedelta(days=40)
    soon_id, soon_folder = _stored_handoff(tmp_path, date.today() + timedelta(days=3))
    later_id, _ = _stored_handoff(tmp_path, later)
    contact_id, _ = _stored_handoff(tmp_path, None)
    page = _log_page(window, qtbot)  # the window starts after the receipts: a restart
    todo = page.todo
    qtbot.waitUntil(lambda: todo.table.rowCount() == 3)
    row = todo.handoffs().index(later_id)
    assert todo.table.item(row, 3).text() == f"uiterlijk {later.strftime('%d/%m/%Y')}"
    assert todo.table.item(row, 2).text().endswith("(ontvanger)")
    assert all("-)" not in todo.table.item(r, 3).text() for r in range(3))
    labels = sorted(b.text() for b in todo.buttons())
    assert labels == ["Contact gehad — nu verwijderen", "Nu verwijderen", "Nu verwijderen"]
    todo.table.sortItems(3)  # by date: the soonest first, 'na contact' last
    assert todo.handoffs() == [soon_id, later_id, contact_id]
    todo.table.sortItems(3, Qt.SortOrder.DescendingOrder)
    assert todo.handoffs()[0] == contact_id
    todo.table.cellClicked.emit(todo.handoffs().index(soon_id), 1)
    assert {page.model.record(r).handoff_id for r in range(page.model.rowCount())} == {soon_id}
    assert page.all_handoffs.isVisibleTo(page)
    asked = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answer)
    button = todo.buttons()[todo.handoffs().index(soon_id)]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked and (soon_folder / "lijst.xlsx").exists()  # 'No' (the default) did nothing
    answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: todo.table.rowCount() == 2, timeout=10_000)
    assert not soon_folder.exists() and soon_id not in todo.handoffs()
    (deleted,) = Journal().records(handoff_id=soon_id, step=Step.FILE_DELETED)
    assert deleted.details["reason"] == "early"
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # the filtered table shows the deletion
    qtbot.mouseClick(page.all_handoffs, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 4
