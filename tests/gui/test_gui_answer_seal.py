"""Turnhout answer (seed 004) and Lievegem seal (seed 000) through the real pages."""

from __future__ import annotations

from pathlib import Path

import py7zr
from PySide6.QtCore import Qt

from handoff.core.journal import Journal, Step
from tests import sheets

TURNHOUT = "turnhout-social-supplement"
LIEVEGEM = "lievegem-debtors"


def _answer_rows() -> list[list[object]]:
    children = [r[0] for r in sheets.turnhout_rows()]
    return [[children[0], "ja", sheets.NN_1985, sheets.BIS_1998], [children[1], "nee", None, None]]


def _request_in_secure_folder(tmp_path: Path) -> Path:
    """Where the receive page put the request: a folder named after its handoff."""
    folder = tmp_path / "veilig" / "HO-20260301-7KQ2M9"
    folder.mkdir(parents=True)
    return sheets.write_sheet(
        folder / "aanvraag.xlsx", sheets.TURNHOUT_HEADERS, sheets.turnhout_rows()
    )


def test_answer_is_checked_against_the_request_and_keeps_the_reference(
    window, qtbot, dialogs, tmp_path
):
    window.show_page("answer")
    page = window.pages["answer"]
    assert [p.id for p in page.picker.protocols()] == [TURNHOUT]  # only two-way protocols
    assert not page.drop.isEnabled()  # the request comes first
    dialogs.open_path = _request_in_secure_folder(tmp_path)
    qtbot.mouseClick(page.request.button, Qt.MouseButton.LeftButton)
    assert page.reference_edit.text() == "HO-20260301-7KQ2M9"
    assert page.drop.isEnabled()

    rows = _answer_rows()
    rows[1][1] = "misschien"  # column B must be yes/no (overweging C2)
    dialogs.open_path = sheets.write_sheet(
        tmp_path / "fout.xlsx", sheets.TURNHOUT_ANSWER_HEADERS, rows
    )
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    assert not page.report.ok and not page.send_button.isEnabled()
    assert any("Rij 3, kolom 'Recht op sociale toeslag'" in t for t in page.findings.texts())

    dialogs.open_path = sheets.write_sheet(
        tmp_path / "antwoord.xlsx", sheets.TURNHOUT_ANSWER_HEADERS, _answer_rows()
    )
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None and page.report.ok, timeout=20_000)
    ids = [page.recipient.itemData(i) for i in range(page.recipient.count())]
    assert "turnhout-answer" in ids
    page.recipient.setCurrentIndex(ids.index("turnhout-answer"))
    assert page.send_button.isEnabled()
    assert page.reference() == "HO-20260301-7KQ2M9"


def test_seal_shows_password_once_and_journals_the_custodian(window, qtbot, dialogs, tmp_path):
    """Seed 000 8 c: encrypted once no longer needed; only the financial director knows the password."""
    month = sheets.write_sheet(
        tmp_path / "debiteuren-maart.xlsx", sheets.LIEVEGEM_HEADERS, sheets.lievegem_rows()
    )
    window.show_page("seal")
    page = window.pages["seal"]
    assert [p.id for p in page.picker.protocols()] == [LIEVEGEM]
    assert page.custodian.text() == "financieel directeur"
    assert not page.seal_button.isEnabled()
    dialogs.open_path = month
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    assert page.seal_button.isEnabled()
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)

    sealed = page.sealed
    assert not month.exists()  # the plaintext is gone
    assert page.finish.password_view.label.text() == sealed.password.grouped()
    with py7zr.SevenZipFile(sealed.archive.path, password=sealed.password.value) as archive:
        assert archive.getnames() == ["debiteuren-maart.xlsx"]
    (confirm,) = page.finish.buttons
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.finish.checklist.count() == 3, timeout=10_000)
    with Journal() as journal:
        steps = [r.step for r in journal.records(handoff_id=sealed.handoff_id)]
    assert steps == [Step.SEALED, Step.FILE_DELETED, Step.CUSTODIAN_CONFIRMED]
    assert page.finish.password_view.label.text() == ""


def test_seal_refuses_a_name_as_custodian(window, qtbot, dialogs, boxes, tmp_path):
    month = sheets.write_sheet(
        tmp_path / "maart.xlsx", sheets.LIEVEGEM_HEADERS, sheets.lievegem_rows()
    )
    window.show_page("seal")
    page = window.pages["seal"]
    dialogs.open_path = month
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    page.custodian.setText("Jan Peeters 0470 12 34 56")
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=10_000)
    assert "rol van de bewaarder" in boxes.texts()[0]
    assert month.exists() and page.panels.currentIndex() == 0
    with Journal() as journal:
        assert journal.count() == 0


def _send_checked_answer(window, qtbot, dialogs, tmp_path):
    """Request chosen, a conforming answer checked, *Vergrendelen en versturen* clicked."""
    window.show_page("answer")
    page = window.pages["answer"]
    dialogs.open_path = _request_in_secure_folder(tmp_path)
    qtbot.mouseClick(page.request.button, Qt.MouseButton.LeftButton)
    dialogs.open_path = sheets.write_sheet(
        tmp_path / "antwoord.xlsx", sheets.TURNHOUT_ANSWER_HEADERS, _answer_rows()
    )
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None and page.report.ok, timeout=20_000)
    ids = [page.recipient.itemData(i) for i in range(page.recipient.count())]
    assert ids == ["turnhout-answer"]  # the answer goes back to the named person only (C2)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    return page


def test_answer_sent_back_as_draft_under_the_same_reference(window, qtbot, dialogs, tmp_path):
    page = _send_checked_answer(window, qtbot, dialogs, tmp_path)
    qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
    assert page.sent.packaged.handoff_id == "HO-20260301-7KQ2M9"
    with Journal() as journal:
        steps = [r.step for r in journal.records(handoff_id="HO-20260301-7KQ2M9")]
    assert steps == [Step.PACKAGED, Step.DRAFT_HANDED]
