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
    page.account.setText("iemand-anders")
    page.account.editingFinished.emit()
    assert model.rowCount() == 0
    assert "intact" in page.badge.text().lower()


def test_tampered_journal_is_flagged_with_the_first_bad_record(window, qtbot, journal_with_records):
    from handoff.core import paths

    raw = sqlite3.connect(paths.journal_path())
    raw.execute("DROP TRIGGER records_no_update")
    raw.execute("UPDATE records SET account = 'iemand-anders' WHERE seq = 7")
    raw.commit()
    raw.close()
    page = _log_page(window, qtbot)
    assert page.badge.objectName() == "badgeBad"
    assert "regel 7" in page.badge.text()
    assert "beschadigd" in page.badge.text()


def test_intact_badge_and_open_obligations(window, qtbot, journal_with_records):
    page = _log_page(window, qtbot)
    assert page.badge.objectName() == "badgeOk"
    assert str(journal_with_records) in page.badge.text()
    qtbot.waitUntil(lambda: page.obligations.count() > 0)
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
    assert rows[0][0] == "seq"
    assert len(rows) == expected + 1
    assert {r[5] for r in rows[1:]} == {"thuispunt-gent-cir"}
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
    qtbot.waitUntil(lambda: page.obligations.count() == 1)
    assert paths.journal_path().read_bytes().startswith(b"dit is geen databank")  # left untouched
