"""The settings window under an organisation policy (issue 15): locked is greyed and stays."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout

from handoff.core import policy, settings
from handoff.gui.settings_dialog import SettingsDialog


def _policy(text: str) -> None:
    path = policy.machine_policy_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_locked_setting_cannot_be_edited_and_is_not_saved(qtbot, dutch):
    _policy(
        '[locked.mail]\nmode = "smtp"\nhost = "smtp.ocmw.example"\n'
        '[locked.directory]\nthuispunt = "0499 12 34 56"\n[recommended]\norganisation = "OCMW V"\n'
    )
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert not dialog.mail_host.isEnabled() and not dialog.mail_mode.isEnabled()
    assert dialog.mail_port.isEnabled()  # smtp, not locked: editable
    assert dialog.mail_host.toolTip() == "Ingesteld door uw organisatie"
    form = dialog.mail_host.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    assert "Ingesteld door uw organisatie" in form.labelForField(dialog.mail_host).text()
    assert dialog.organisation.isEnabled()  # recommended: the worker may change it
    cell = dialog.directory.item(0, 1)
    assert not (cell.flags() & cell.flags().ItemIsEditable)

    dialog.mail_host.setText("evil.example")  # even if a value got in, it is not saved
    dialog.organisation.setText("Mijn dienst")
    dialog.mail_sender.setText("dienst@ocmw.example")  # SMTP needs a sender before it saves
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = settings.paths.settings_path().read_text(encoding="utf-8")
    assert "evil.example" not in saved and "smtp.ocmw.example" not in saved
    assert "0499" not in saved and 'organisation = "Mijn dienst"' in saved
    assert settings.load().mail.host == "smtp.ocmw.example"


def test_an_ignored_policy_value_is_shown(qtbot, dutch):
    _policy('[locked.sftp]\nport = "twee"\n')
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert not dialog.policy_notice.isHidden()
    assert "genegeerd" in dialog.policy_notice.text()
    assert "de poort van de SFTP-server" in dialog.policy_notice.text()
    assert "twee" not in dialog.policy_notice.text()
    assert dialog.sftp_port.isEnabled()


def test_the_windows_daily_round_journals_an_ignored_policy_value():
    """Issue 15: the DPO sees a lock that did not hold even when the worker only uses the window."""
    from handoff.core import policy
    from handoff.core.journal import Journal, Step
    from handoff.gui.retention_timer import _run_retention

    path = policy.machine_policy_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[locked.mail]\nport = "nonsense-value-123"\n', encoding="utf-8")
    _run_retention()
    _run_retention()  # once a day, not on every round
    with Journal() as journal:
        records = journal.records(step=Step.POLICY_VALUE_IGNORED)
    assert [r.details for r in records] == [{"key": "mail.port", "source": "file"}]
