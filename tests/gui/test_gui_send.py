"""Send page end to end: form referral as a draft, a list over SMTP with the SMS gateway,
and the failure paths (blocking findings, consent, a recipient outside the protocol).
"""

from __future__ import annotations

import email
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QGuiApplication
from sheets import THUISPUNT_RENEWED

from handoff.core import credentials, paths, protocols, settings
from handoff.core.journal import Journal, Step
from tests import sheets
from tests.outgoing import configure_smtp_and_sms
from tests.servers.sms_gateway import sms_gateway
from tests.servers.smtp_server import PASSWORD, loopback_mail, smtp_server

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)

REFERRAL = "kg-ocmw-referral"
THUISPUNT = THUISPUNT_RENEWED


def _send_page(window, protocol_id: str):
    window.show_page("send")
    page = window.pages["send"]
    assert page.picker.select(protocol_id)
    return page


def _leaks(secret: str) -> list[Path]:
    """Every file under HANDOFF_HOME that contains ``secret`` in plain text."""
    home = paths.data_dir().parent
    return [p for p in home.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def _journal_steps(handoff_id: str) -> list[Step]:
    with Journal() as journal:
        return [r.step for r in journal.records(handoff_id=handoff_id)]


def test_referral_typed_in_the_form_sent_as_draft_password_by_phone(window, qtbot, opened):
    """Seeds 001/002: one client, consent confirmed, AES archive to the fixed mailbox."""
    page = _send_page(window, REFERRAL)
    assert page.form.isVisible() and not page.drop.isVisible()
    assert page.consent.isVisible()
    values = {
        "first_name": "Sara",
        "last_name": "Claes",
        "address": "Parklaan 16, 9690 Kluisbergen",
        "phone": "0470 12 34 56",
        "email": "sara@example.be",
    }
    for key, text in values.items():
        qtbot.keyClicks(page.form.fields[key], text)
    assert not page.send_button.isEnabled()  # consent not yet confirmed (seed 002)
    page.consent.setFocus()
    qtbot.keyClick(page.consent, Qt.Key.Key_Space)
    assert page.send_button.isEnabled()
    assert [page.recipient.itemData(i) for i in range(page.recipient.count())] == [
        "ocmw-kluisbergen"
    ]

    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
    sent = page.sent
    password = sent.packaged.password
    view = page.finish.password_view
    assert view.label.text() == password.grouped()
    assert view.strength.text() == "Sterkte: zeer sterk"  # issue 13 item 6: in words
    assert view.strength.toolTip() == "80 bits (minstens 65 nodig)"  # issue 2: entropy stated
    assert view.label.font().pointSize() >= 20  # big and readable
    assert QFontInfo(view.label.font()).fixedPitch()  # monospace: 0/O and 1/l stay apart
    assert page.finish.status.text().startswith(  # issue 13 item 1: a draft is a draft
        "Concept klaar — open het en klik op Verzenden in uw mailprogramma."
    )
    assert page.open_draft.isVisible() and page.show_folder.isVisible()
    draft = sent.delivery.location
    assert draft.exists() and opened == [str(draft)]
    message = email.message_from_bytes(draft.read_bytes())
    assert message["To"] == "socialedienst@kluisbergen.be"
    assert message["X-Unsent"] == "1"

    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == password.value
    assert view.copied.text() == "Gekopieerd; wordt over 30 s van het klembord gewist."

    # Issue 18 §4: the password waits until the worker says the e-mail left.
    sent_button, sms_button, phone_button = page.finish.buttons
    assert sent_button.text() == "Ik heb de e-mail &verstuurd"
    assert not sms_button.isEnabled() and not phone_button.isEnabled()
    qtbot.mouseClick(sent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.finish.buttons) == 2, timeout=10_000)
    sms_button, phone_button = page.finish.buttons
    assert not sms_button.isEnabled()  # no SMS provider configured
    assert phone_button.isEnabled()
    qtbot.mouseClick(phone_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.finish.checklist.count() == 5, timeout=10_000)
    shown = page.finish.checklist.steps()
    assert "Toestemming van de cliënt bevestigd" in shown[0]
    assert "E-mailconcept gemaakt (nog niet verstuurd)" in shown[2]
    assert "E-mail met het archief verstuurd" in shown[3]
    assert "Wachtwoord via een ander kanaal doorgegeven" in shown[4]
    assert _journal_steps(sent.packaged.handoff_id) == [
        Step.CONSENT_CONFIRMED,
        Step.PACKAGED,
        Step.DRAFT_HANDED,
        Step.DRAFT_SENT,
        Step.PASSWORD_PASSED,
    ]
    assert view.label.text() == ""  # the password left the screen ...
    assert view.strength.text() == ""
    assert QGuiApplication.clipboard().text() == ""  # ... and the clipboard
    assert _leaks(password.value) == []
    for secret in ("Claes", "0470 12 34 56"):
        assert [p for p in _leaks(secret) if p.suffix != ".eml"] == []


def test_list_sent_over_smtp_and_password_by_sms_gateway(window, qtbot, dialogs, tmp_path, certdir):
    """Seed 003 art. 6 steps 1-3: encrypted list by e-mail, password by SMS."""
    sheet = sheets.write_sheet(
        tmp_path / "kandidaten.xlsx", sheets.THUISPUNT_HEADERS, sheets.thuispunt_rows()
    )
    with smtp_server(certdir) as (port, inbox), sms_gateway() as gateway:
        configure_smtp_and_sms(port, certdir, gateway.url, THUISPUNT, provider="twilio")
        page = _send_page(window, THUISPUNT)
        assert not page.form.isVisible() and not page.consent.isVisible()
        dialogs.open_path = sheet
        qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
        assert page.report.ok, page.findings.texts()
        assert "past bij het protocol" in page.check_status.text()
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
        assert len(inbox.messages) == 1
        _sender, recipients, raw = inbox.messages[0]
        assert recipients == [protocols.get(THUISPUNT).recipients[0].address]
        password = page.sent.packaged.password.value
        handoff_id = page.sent.packaged.handoff_id
        assert password.encode() not in raw  # the key never travels with the archive
        sms_button = page.finish.buttons[0]
        assert sms_button.isEnabled()
        qtbot.mouseClick(sms_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.finish.checklist.count() == 3, timeout=10_000)
        (request,) = gateway.requests
        assert request["auth_ok"]
        assert request["form"]["Body"] == f"Handoff {handoff_id}\nWachtwoord/password: {password}"
    assert page.sent is None  # the page let go of the password once it was passed on
    steps = _journal_steps(handoff_id)
    assert steps == [Step.PACKAGED, Step.SENT, Step.PASSWORD_PASSED]
    assert _leaks(password) == []


def test_blocking_findings_stop_the_flow_and_name_the_cell(window, qtbot, dialogs, tmp_path):
    rows = sheets.thuispunt_rows()
    rows[1][2] = "12345678901"  # not a valid national register number
    sheet = sheets.write_sheet(tmp_path / "fout.xlsx", sheets.THUISPUNT_HEADERS, rows)
    page = _send_page(window, THUISPUNT)
    dialogs.open_path = sheet
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    assert not page.report.ok
    assert not page.send_button.isEnabled()
    blocking = [t for t in page.findings.texts() if t.startswith("Te verbeteren")]
    # issue 13 item 4: the column by its header and the row, never "Blad1!C3"
    assert any("kolom 'RRN', rij 3" in t for t in blocking), blocking  # the sheet's own header
    assert "Blad1!" not in " ".join(page.findings.texts())
    ordered = sorted(page.report.findings, key=lambda f: not f.blocking)
    assert page.findings.texts() == [f.line() for f in ordered]  # `handoff check` prints these
    qtbot.waitUntil(lambda: all(label.isVisible() for label in page.findings.labels))
    for label in page.findings.labels:  # every finding shows all its text
        assert label.height() >= label.heightForWidth(label.width())
    assert "12345678901" not in " ".join(page.findings.texts())  # never the cell value
    assert "kan nog niet verstuurd" in page.check_status.text()
    with Journal() as journal:
        assert journal.count() == 0
    assert list(settings.load().outbox.glob("*")) == []


def test_recipient_outside_the_protocol_is_refused(window, qtbot, boxes, dialogs, tmp_path):
    """Only Protocol.recipients are offered; a foreign one slipped in cannot be sent to."""
    sheet = sheets.write_sheet(
        tmp_path / "lijst.xlsx", sheets.THUISPUNT_HEADERS, sheets.thuispunt_rows()
    )
    page = _send_page(window, THUISPUNT)
    from handoff.core import protocols

    allowed = [r.id for r in protocols.get(THUISPUNT).recipients]
    assert [page.recipient.itemData(i) for i in range(page.recipient.count())] == allowed
    dialogs.open_path = sheet
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    assert page.send_button.isEnabled()
    page.recipient.addItem("iemand@gmail.com", "iemand@gmail.com")
    page.recipient.setCurrentIndex(page.recipient.count() - 1)
    assert not page.send_button.isEnabled()
    assert page.missing.text() == "Nog nodig: een ontvanger."
    page.send()  # even when called directly nothing happens
    assert page.panels.currentIndex() == 0
    with Journal() as journal:
        assert journal.count() == 0
    assert list(settings.load().outbox.glob("*")) == []


@pytest.mark.parametrize("answer", [None, PASSWORD])
def test_missing_smtp_password_is_asked_not_stored(
    window, qtbot, dialogs, typed_secrets, tmp_path, certdir, answer
):
    sheet = sheets.write_sheet(
        tmp_path / "lijst.xlsx", sheets.THUISPUNT_HEADERS, sheets.thuispunt_rows()
    )
    with smtp_server(certdir) as (port, inbox):
        config = settings.load()
        config.mail = loopback_mail(port, certdir, "a@b.be")
        settings.save(config)
        if answer:
            typed_secrets.append(answer)
        page = _send_page(window, THUISPUNT)
        dialogs.open_path = sheet
        qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
        if answer:
            qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
            assert len(inbox.messages) == 1
        else:
            assert page.panels.currentIndex() == 0 and not page.runner.busy()
            assert inbox.messages == []
    assert not credentials.has_secret("smtp")  # typed once, never stored


def test_a_broken_protocol_file_is_named_on_the_page(qtbot, dutch, boxes):
    (paths.user_protocols_dir() / "eigen.toml").write_text(
        'id = "eigen"\n[title\n', encoding="utf-8"
    )
    from handoff.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    page = win.pages["send"]
    assert page.profile_problems.isVisibleTo(page)
    assert "eigen.toml" in page.profile_problems.text()
    assert page.picker.count() >= 4  # the shipped protocols still load


def test_request_uploaded_by_sftp_to_the_test_server(window, qtbot, dialogs, tmp_path):
    """Seed 004, overweging C2: "De geprefereerde oplossing is via s(ecure)ftp"."""
    from handoff.channels.sftp import fingerprint
    from handoff.core import protocols
    from tests.servers.sftp_server import PASSWORD as SFTP_PASSWORD
    from tests.servers.sftp_server import USER as SFTP_USER
    from tests.servers.sftp_server import sftp_server

    root = tmp_path / "server"
    (root / "inbox").mkdir(parents=True)
    request = sheets.write_sheet(
        tmp_path / "aanvraag.xlsx", sheets.TURNHOUT_HEADERS, sheets.turnhout_rows()
    )
    with sftp_server(root) as state:
        # The shipped profile names Opgroeien's host; a copy points at the loopback server.
        shipped = protocols.get("turnhout-social-supplement").source.read_text(encoding="utf-8")
        profile = (
            shipped.replace('id = "turnhout-social-supplement"', 'id = "test-sftp"')
            .replace("sftp://sftp.opgroeien.be/groeipakket", f"sftp://127.0.0.1:{state.port}/inbox")
            .replace('nl = "Turnhout:', 'nl = "Test SFTP:')
        )
        (paths.user_protocols_dir() / "test-sftp.toml").write_text(profile, encoding="utf-8")
        config = settings.load()
        config.sftp = settings.SftpSettings(
            username=SFTP_USER, host_key_fingerprint=fingerprint(state.host_key)
        )
        settings.save(config)
        credentials.set_secret("sftp", SFTP_PASSWORD)
        page = window.pages["send"]
        page.picker.load()
        page = _send_page(window, "test-sftp")
        dialogs.open_path = request
        qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
        assert page.report.ok, page.findings.texts()
        ids = [page.recipient.itemData(i) for i in range(page.recipient.count())]
        page.recipient.setCurrentIndex(ids.index("opgroeien-sftp"))
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
        handoff_id = page.sent.packaged.handoff_id
        assert [p.name for p in (root / "inbox").iterdir()] == [f"{handoff_id}.7z"]
        assert "opgeladen" in page.finish.status.text().lower()
    assert _journal_steps(handoff_id) == [Step.PACKAGED, Step.UPLOADED]
