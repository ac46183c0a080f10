"""Receive page end to end: a real archive made by the sender's use case, opened in the window.

Seed 003 art. 6 steps 4-5: decrypt and store on the secured location, then
explicitly delete the e-mail with the list and the password; each tick is a
journal record.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sheets import THUISPUNT_RENEWED

from handoff import usecases
from handoff.core.journal import Journal, Step
from handoff.gui.pages.receive import propose_protocol
from tests import sheets
from tests.journal_bytes import journal_bytes

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)

PROTOCOL = THUISPUNT_RENEWED


def _sent_archive(tmp_path: Path) -> usecases.Packaged:
    """What Thuispunt sends (seed 003 steps 1-2): the cleaned list, locked."""
    sheet = sheets.write_sheet(
        tmp_path / "lijst.xlsx", sheets.THUISPUNT_HEADERS, sheets.thuispunt_rows()
    )
    outbox = tmp_path / "sender"
    outbox.mkdir()
    return usecases.package(
        sheet,
        PROTOCOL,
        outbox / "attachment.7z",
        ctx=usecases.Context(Journal(tmp_path / "sender.sqlite3")),
    )


def _receive_page(window, qtbot, dialogs, archive: Path):
    window.show_page("receive")
    page = window.pages["receive"]
    dialogs.open_path = archive
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    assert page.drop.path == archive
    page.picker.select(PROTOCOL)
    return page


def test_wrong_password_then_right_one_then_checklist(window, qtbot, dialogs, tmp_path):
    packaged = _sent_archive(tmp_path)
    page = _receive_page(window, qtbot, dialogs, packaged.archive.path)
    assert page.password.echoMode() == QLineEdit.EchoMode.Password
    assert not page.open_button.isEnabled()  # no password yet

    qtbot.keyClicks(page.password, "FOUT-WACHTWOORD-123")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    assert "wachtwoord" in page.error.text().lower()
    assert page.password.text() == ""  # cleared for the retry ...
    assert page.drop.path == packaged.archive.path  # ... the file is still chosen
    qtbot.waitUntil(page.password.hasFocus)
    assert Journal().count() == 0  # a failed attempt leaves nothing in the journal

    qtbot.mouseClick(page.show_password, Qt.MouseButton.LeftButton)
    assert page.password.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)  # Enter opens
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=30_000)
    assert not page.error.isVisible()
    stored = page.received.files
    assert stored and stored[0].exists()
    assert str(page.received.folder) in page.where.text()
    assert page.received.folder.parent == window_settings_secure_folder()
    assert page.received.due is not None  # this protocol keeps until a fixed date
    assert page.due.text().startswith("Verwijder het uiterlijk op ")
    assert page.password.text() == ""

    for step in ("email_deleted", "password_deleted"):
        box = page.cleanup[step]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)  # ticked from the keyboard
        qtbot.waitUntil(lambda b=box: not b.isEnabled())
    journal = Journal()
    qtbot.waitUntil(lambda: journal.count(handoff_id=page.received.handoff_id) == 4)
    steps = [r.step for r in journal.records(handoff_id=page.received.handoff_id)]
    assert steps[:2] == [Step.RECEIVED, Step.DECRYPTED]
    assert set(steps[2:]) == {Step.EMAIL_DELETED, Step.PASSWORD_DELETED}  # ticked in any order
    assert packaged.password.value not in journal_bytes(Path(journal.path)).decode("latin-1")


def window_settings_secure_folder() -> Path:
    from handoff.core import settings

    return Path(settings.load().secure_folder)


def test_unencrypted_archive_has_its_own_message(window, qtbot, dialogs, tmp_path, sevenzip):
    import subprocess

    plain = tmp_path / "lijst.txt"
    plain.write_text("niets geheims\n")
    archive = tmp_path / "open.7z"
    subprocess.run([sevenzip, "a", str(archive), str(plain)], check=True, capture_output=True)
    page = _receive_page(window, qtbot, dialogs, archive)
    qtbot.keyClicks(page.password, "om-het-even")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    assert page.error.text().startswith("Het archief 'open.7z' is niet versleuteld")
    assert "toestaan" not in page.error.text()  # no option the window does not have
    assert not page.result.isVisible()


def test_damaged_archive_has_its_own_message(window, qtbot, dialogs, tmp_path):
    packaged = _sent_archive(tmp_path)
    data = bytearray(packaged.archive.path.read_bytes())
    broken = tmp_path / "kapot.7z"
    broken.write_bytes(bytes(data[: len(data) // 2]))
    page = _receive_page(window, qtbot, dialogs, broken)
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    wrong_password_text = page.error.text()
    assert (
        "beschadigd" in wrong_password_text.lower() or "onvolledig" in wrong_password_text.lower()
    )


def test_protocol_proposed_from_the_file_name_or_last_used(tmp_path):
    from handoff.core import protocols

    found = protocols.load_all()[0].values()
    named = tmp_path / "Turnhout sociale toeslag (aanvraag en antwoord Opgroeien).7z"
    assert propose_protocol(named.stem, found, None) == "turnhout-social-supplement"
    assert propose_protocol("HO-20250301-7KQ2M9", found, "kg-ocmw-referral") == "kg-ocmw-referral"
    assert propose_protocol("HO-20250301-7KQ2M9", found, None) is None


def test_cancel_while_opening_leaves_nothing(window, qtbot, dialogs, tmp_path):
    """Cancel mid-way: no file in the secure folder, nothing in the journal, the window stays usable."""
    import os

    from handoff.core import archive, settings

    big = tmp_path / "groot.7z"
    archive.pack(
        {"HO-20260301-7KQ2M9.xlsx": os.urandom(96 * 2**20)}, big, "Lang-Genoeg-Wachtwoord-42"
    )
    page = _receive_page(window, qtbot, dialogs, big)
    qtbot.keyClicks(page.password, "Lang-Genoeg-Wachtwoord-42")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress.isVisible())
    qtbot.mouseClick(page.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=60_000)
    assert page.error.text() == "Afgebroken. Er is niets half weggeschreven."
    qtbot.waitUntil(lambda: not page.progress.isVisible())
    secure = Path(settings.load().secure_folder)
    assert list(secure.rglob("*")) == []  # no folder, no partial, no staging left
    assert Journal().count() == 0
    assert page.drop.path == big  # try again without starting over


def test_window_can_start_on_a_received_file(window, qtbot, tmp_path):
    """'Open with Handoff' on a .7z: the Receive page with the file chosen, password focused."""
    archive = tmp_path / "HO-20260301-7KQ2M9.7z"
    archive.write_bytes(b"7z\xbc\xaf\x27\x1c")
    window.open_received(archive)
    page = window.pages["receive"]
    assert window.stack.currentWidget() is page
    assert page.drop.path == archive
    window.open_received(tmp_path / "niet-bestaand.7z")
    assert page.drop.path == archive  # a missing file is not taken


def test_the_whole_email_can_be_dropped(window, qtbot, dialogs, tmp_path):
    """The subject names the protocol, the attachment is taken out and removed once opened."""
    from email.policy import SMTP

    from handoff.channels import email_message
    from handoff.core import paths, protocols

    packaged = _sent_archive(tmp_path)
    protocol = protocols.get(PROTOCOL)
    mail = email_message.build(
        packaged.archive.path, protocol.recipients[0], protocol, "HO-20260312-4FJ7QX"
    )
    eml = tmp_path / "mail.eml"
    eml.write_bytes(mail.as_bytes(policy=SMTP))
    window.show_page("receive")
    page = window.pages["receive"]
    page.picker.select("kg-ocmw-referral")  # something else first: the subject must win
    dialogs.open_path = eml
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    assert page.picker.current().id == PROTOCOL
    copy = page.drop.path
    assert copy.name == "HO-20260312-4FJ7QX.7z" and copy.parent == paths.temp_dir() / "mail"
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=30_000)
    assert page.received.handoff_id == "HO-20260312-4FJ7QX"
    assert not copy.exists()  # the encrypted copy is gone; the e-mail is the worker's to delete
    assert eml.exists()


def test_an_email_without_archive_says_so(window, qtbot, dialogs, tmp_path):
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"] = "Lijst"
    mail.set_content("Zie bijlage")
    eml = tmp_path / "leeg.eml"
    eml.write_bytes(bytes(mail))
    window.show_page("receive")
    page = window.pages["receive"]
    dialogs.open_path = eml
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    assert page.error.isVisibleTo(page)
    assert "geen vergrendeld bestand" in page.error.text()
    assert page.drop.path is None and not page.open_button.isEnabled()


def test_todo_outlives_the_result_panel_and_the_same_archive_offers_its_copy(
    window, qtbot, dialogs, opened, tmp_path
):
    """Issue 13 §9 and §11: 'Te doen' after 'Nog een bestand ontvangen'; no second copy."""
    packaged = _sent_archive(tmp_path)
    page = _receive_page(window, qtbot, dialogs, packaged.archive.path)
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=30_000)
    received = page.received
    qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)  # boxes gone with the panel
    todo = page.todo
    qtbot.waitUntil(lambda: todo.table.rowCount() == 3, timeout=10_000)
    assert set(todo.handoffs()) == {received.handoff_id}
    labels = {b.text(): b for b in todo.buttons()}
    assert set(labels) == {"E-mail verwijderd", "Wachtwoord verwijderd", "Nu verwijderen"}
    due = received.due.strftime("%d/%m/%Y")
    whens = {todo.table.item(r, 3).text() for r in range(3)}
    assert whens == {f"uiterlijk {due}", "zo snel mogelijk"}
    qtbot.mouseClick(labels["E-mail verwijderd"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: todo.table.rowCount() == 2, timeout=10_000)
    assert [r.step for r in Journal().records(handoff_id=received.handoff_id)][-1] == (
        Step.EMAIL_DELETED
    )

    dialogs.open_path = packaged.archive.path  # the same archive again
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    page.picker.select(PROTOCOL)
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    assert f"al ontvangen op {date.today().strftime('%d/%m/%Y')}" in page.error.text()
    assert received.handoff_id in page.error.text()
    assert page.open_earlier.isVisibleTo(page)
    qtbot.mouseClick(page.open_earlier, Qt.MouseButton.LeftButton)
    assert opened[-1].endswith(received.folder.name)
    assert [p.name for p in received.folder.parent.iterdir()] == [received.folder.name]


def test_a_list_under_another_protocol_lets_the_worker_choose_again(
    window, qtbot, dialogs, tmp_path
):
    """Issue 13 §11: the Thuispunt list opened as a Kind en Gezin referral (seed 002)."""
    packaged = _sent_archive(tmp_path)
    page = _receive_page(window, qtbot, dialogs, packaged.archive.path)
    page.picker.select("kg-ocmw-referral")
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20_000)
    text = page.error.text()
    assert "passen niet bij het protocol 'Kind en Gezin" in text
    assert "als kolommen: 'Naam', 'Voornaam', 'Rijksregisternummer', 'Status dossier CIR'" in text
    assert "Maes" not in text and sheets.NN_1985 not in text  # headers, never cells
    assert "Het wachtwoord blijft ingevuld" in text
    assert page.password.text() == packaged.password.value  # kept for this retry only
    qtbot.waitUntil(page.picker.hasFocus)
    assert Journal().count() == 0
    assert list(window_settings_secure_folder().iterdir()) == []  # staging gone

    page.picker.select(PROTOCOL)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=30_000)
    assert page.received.protocol.id == PROTOCOL
    assert page.password.text() == ""  # gone once the file is open
