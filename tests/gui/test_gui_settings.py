"""Settings dialog: values to the settings file, secrets only to the keyring; retention timer;
every control reachable and named for a screen reader."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QTableView,
)
from sheets import THUISPUNT_RENEWED

from handoff.core import credentials, paths, settings
from handoff.gui.retention_timer import RetentionTimer
from handoff.gui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)


def test_secrets_go_to_the_keyring_never_to_the_file(qtbot, dutch, memory_keyring):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.mail_mode.setCurrentIndex(dialog.mail_mode.findData("smtp"))
    assert dialog.mail_host.isEnabled()
    dialog.mail_host.setText("smtp.kluisbergen.be")
    dialog.mail_sender.setText("kind@kluisbergen.be")
    qtbot.keyClicks(dialog.mail_secret, "geheim-smtp-wachtwoord")
    qtbot.keyClicks(dialog.sms_secret, "sms-token-123")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog._add_directory_row("ocmw-kluisbergen-social-service-phone", "+32 55 38 90 00")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    saved = settings.load()
    assert saved.mail.mode == "smtp" and saved.mail.host == "smtp.kluisbergen.be"
    assert saved.language == "en"
    assert saved.directory == {"ocmw-kluisbergen-social-service-phone": "+32 55 38 90 00"}
    assert credentials.get_secret("smtp") == "geheim-smtp-wachtwoord"
    assert credentials.get_secret("sms") == "sms-token-123"
    assert credentials.get_secret("sftp") is None  # left empty: nothing stored
    text = paths.settings_path().read_text(encoding="utf-8")
    assert "geheim-smtp-wachtwoord" not in text and "sms-token-123" not in text
    assert dialog.mail_secret.text() == ""


def test_invalid_value_is_reported_and_nothing_saved(qtbot, dutch):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.sftp_fingerprint.setText("MD5:aa:bb")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert "De vingerafdruk van de SFTP-server" in dialog.error.text()
    assert "sftp.host_key_fingerprint" not in dialog.error.text()  # words, not key names
    assert not paths.settings_path().exists()


def test_broken_settings_file_is_named_not_overwritten(qtbot, dutch):
    paths.settings_path().write_text("[mail\nmode = ", encoding="utf-8")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert "settings.toml" in dialog.error.text()
    assert paths.settings_path().read_text(encoding="utf-8") == "[mail\nmode = "


def test_retention_runs_and_reports(qtbot, dutch):
    """Seed 003 art. 3: kept until the fixed date, then deleted automatically."""
    from handoff import usecases
    from handoff.core.journal import Journal
    from handoff.gui.task_runner import TaskRunner
    from tests import sheets

    work = paths.data_dir() / "zender"
    work.mkdir()
    sheet = sheets.write_sheet(
        work / "lijst.xlsx", sheets.THUISPUNT_HEADERS, sheets.thuispunt_rows()
    )
    packaged = usecases.package(
        sheet,
        THUISPUNT_RENEWED,
        work / "a.7z",
        ctx=usecases.Context(Journal(work / "j.sqlite3")),
    )
    secure = settings.load().secure_folder
    secure.mkdir(parents=True, exist_ok=True)
    # Received under the shipped profile while its fixed date still held.
    received = usecases.receive(
        packaged.archive.path, "thuispunt-gent-cir", packaged.password.value, secure,
        today=date(2024, 9, 1),
    )  # fmt: skip
    assert received.files[0].exists()
    runner = TaskRunner()
    timer = RetentionTimer(runner)
    with qtbot.waitSignal(timer.ran, timeout=20_000) as ran:
        timer.start(first_delay_ms=0)
    (deletion,) = ran.args[0]
    assert deletion.handoff_id == received.handoff_id and deletion.deleted == 1
    assert not received.files[0].exists()
    assert date.today() - timedelta(days=1) > received.due  # it was due


def _named(widget) -> bool:
    return bool(widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()))


def test_every_control_has_a_name_for_screen_readers(window, qtbot):
    for key in ("send", "receive", "answer", "seal", "log"):
        page = window.show_page(key)
        controls = [
            w
            for kind in (QAbstractButton, QLineEdit, QComboBox, QListWidget, QTableView, QCheckBox)
            for w in page.findChildren(kind)
            if w.isVisibleTo(page)
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not w.objectName().startswith("qt_")  # Qt's own inner parts, named by their owner
        ]
        unnamed = [f"{type(w).__name__}:{w.objectName()}" for w in controls if not _named(w)]
        assert not unnamed, f"{key}: {unnamed}"


def test_incomplete_smtp_settings_are_refused_in_words(qtbot, dutch):
    """Issue 13 item 7: an SMTP mode without a server is not saved; no key names shown."""
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.mail_mode.setCurrentIndex(dialog.mail_mode.findData("smtp"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert not paths.settings_path().exists()
    text = dialog.error.text()
    assert text == "Niet bewaard: vul nog de mailserver en het afzenderadres in."
    assert "mail.host" not in text


def test_phone_roles_are_picked_from_the_protocols_roles(qtbot, dutch):
    """Issue 13 item 7: a number's role comes from a protocol, never typed free."""
    from PySide6.QtWidgets import QComboBox

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog._add_directory_row("", "0470 12 34 56")
    roles = dialog.directory.cellWidget(0, 0)
    assert isinstance(roles, QComboBox) and not roles.isEditable()
    keys = [roles.itemData(i) for i in range(roles.count())]
    assert "ocmw-gent-responsible-phone" in keys and "opgroeien-dpo-phone" in keys
    assert roles.currentIndex() == -1  # nothing chosen yet: nothing saved for it
    assert dialog._directory_values() == {}
    index = roles.findData("opgroeien-dpo-phone")
    assert "Opgroeien" in roles.itemText(index) or "DPO" in roles.itemText(index)
    roles.setCurrentIndex(index)
    assert dialog._directory_values() == {"opgroeien-dpo-phone": "0470 12 34 56"}
