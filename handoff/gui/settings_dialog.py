"""Settings: mail, SFTP, SMS, folders, the phone directory and the language.

Everything but secrets goes to the settings file through ``settings.save``
(which validates it). Passwords and tokens typed here go straight to the
system keyring with ``credentials.set_secret`` and are never put in the file,
a log or this dialog's memory after saving.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from handoff.gui import messages, style


def protocol_roles() -> list[tuple[str, str]]:
    """(directory key, "role — protocol") for every protocol whose password goes by phone/SMS."""
    from handoff.core import i18n, protocols

    found, _problems = protocols.load_all()
    lang = i18n.language()
    roles: dict[str, str] = {}
    for protocol in sorted(found.values(), key=lambda p: p.title.render(lang)):
        channel = protocol.password_channel
        if channel.directory_key and channel.directory_key not in roles:
            roles[channel.directory_key] = (
                f"{channel.role.render(lang)} — {protocol.title.render(lang)}"
            )
    return list(roles.items())


def _line(text: str, name: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    return edit


def _secret(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _port(value: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 65535)
    box.setValue(value)
    box.setAccessibleName(name)
    return box


def _choice(options: list[tuple[str, Any]], current: Any, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, value in options:
        combo.addItem(text, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


class SettingsDialog(QDialog):
    """Tabs per subject; OK saves (Enter), Cancel discards (Escape)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from handoff.core import settings

        self.setWindowTitle(self.tr("Settings"))
        self.error = QLabel()
        self.error.setObjectName("warning")
        self.error.setWordWrap(True)
        self.error.hide()
        self.in_force: Any = None
        self.locked: set[QWidget] = set()
        try:
            self.in_force = settings.resolve()
            self.settings = self.in_force.settings
        except Exception as exc:  # a broken file: say where, start from defaults
            self.settings = settings.Settings()
            self.error.setText(messages.describe(exc))
            self.error.show()
        self.keep_secret = self.tr("(leave empty to keep the stored one)")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general(), self.tr("&General"))
        self.tabs.addTab(self._mail(), self.tr("&Mail"))
        self.tabs.addTab(self._sftp(), self.tr("S&FTP"))
        self.tabs.addTab(self._sms(), self.tr("S&MS"))
        self.tabs.addTab(self._directory(), self.tr("&Phone numbers"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.policy_notice = QLabel()
        self.policy_notice.setObjectName("warning")
        self.policy_notice.setWordWrap(True)
        self.policy_notice.hide()
        self._apply_policy()
        layout = QVBoxLayout(self)
        layout.addWidget(self.policy_notice)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 460)

    # ----- tabs -----------------------------------------------------------------
    def _general(self) -> QWidget:
        s = self.settings
        page = QWidget()
        form = QFormLayout(page)
        self.organisation = _line(s.organisation, self.tr("Organisation"))
        form.addRow(self.tr("&Organisation"), self.organisation)
        self.language = _choice(
            [(self.tr("Same as the computer"), None), ("Nederlands", "nl"), ("English", "en")],
            s.language,
            self.tr("Language"),
        )
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", style.hint(self.tr("A new language applies when Handoff starts again.")))
        self.secure_folder = _line(str(s.secure_folder), self.tr("Secure folder"))
        form.addRow(self.tr("&Secure folder"), self._with_browse(self.secure_folder))
        form.addRow(
            "",
            style.hint(
                self.tr(
                    "Where received files are stored: a folder only authorised colleagues can open."
                )
            ),
        )
        self.outbox = _line(str(s.outbox), self.tr("Outbox"))
        form.addRow(self.tr("O&utbox"), self._with_browse(self.outbox))
        self.journal_url = _line(s.journal.server_url, self.tr("Journal server"))
        self.journal_url.setPlaceholderText("https://…")
        form.addRow(self.tr("&Journal server"), self.journal_url)
        self.journal_note = style.hint("")
        form.addRow("", self.journal_note)
        self.journal_url.textChanged.connect(self._journal_changed)
        self._journal_changed()
        return page

    def _journal_changed(self, *_args: object) -> None:
        """Say which server this PC is enrolled with, and when the address means enrolling again."""
        from handoff.orgjournal import identity, sync

        try:
            enrolment = identity.load("pc")
        except Exception as exc:  # an unreadable enrolment file
            self.journal_note.setText(messages.describe(exc))
            return
        if enrolment is None:
            self.journal_note.setText(
                self.tr(
                    "The organisation's journal server, from your IT desk. This computer is not "
                    "enrolled with it yet ('handoff journal enrol')."
                )
            )
            return
        again = sync.enrol_again_error(enrolment, self.journal_url.text().strip())
        if again is not None:
            self.journal_note.setText(messages.describe(again))
            return
        self.journal_note.setText(
            self.tr("This computer is enrolled with {url} as {name}.").format(
                url=enrolment.url, name=enrolment.name
            )
        )

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        button = QPushButton(self.tr("Browse…"))
        button.setAccessibleName(self.tr("Browse for {field}").format(field=edit.accessibleName()))
        button.clicked.connect(lambda: self._browse(edit))
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(button)
        return box

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, edit.accessibleName(), edit.text())
        if folder:
            edit.setText(folder)

    def _mail(self) -> QWidget:
        m = self.settings.mail
        page = QWidget()
        form = QFormLayout(page)
        self.mail_mode = _choice(
            [
                (self.tr("Prepare a draft in my mail program"), "draft"),
                (self.tr("Send directly through the mail server (SMTP)"), "smtp"),
            ],
            m.mode,
            self.tr("How e-mail is sent"),
        )
        form.addRow(self.tr("&How"), self.mail_mode)
        self.mail_host = _line(m.host, self.tr("Mail server"))
        form.addRow(self.tr("&Server"), self.mail_host)
        self.mail_port = _port(m.port, self.tr("Mail server port"))
        form.addRow(self.tr("&Port"), self.mail_port)
        self.mail_security = _choice(
            [("STARTTLS", "starttls"), ("TLS", "tls")], m.security, self.tr("Security")
        )
        form.addRow(self.tr("S&ecurity"), self.mail_security)
        self.mail_user = _line(m.username, self.tr("Mail user name"))
        form.addRow(self.tr("&User name"), self.mail_user)
        self.mail_sender = _line(m.sender, self.tr("Sender address"))
        form.addRow(self.tr("Se&nder"), self.mail_sender)
        self.mail_secret = _secret(self.tr("Mail password"), self.keep_secret)
        form.addRow(self.tr("Pass&word"), self.mail_secret)
        self.mail_mode.currentIndexChanged.connect(self._mail_mode_changed)
        self._mail_mode_changed()
        return page

    def _mail_mode_changed(self, *_args: object) -> None:
        """A draft needs no server: its fields are only editable for SMTP."""
        smtp = self.mail_mode.currentData() == "smtp"
        for widget in (self.mail_host, self.mail_port, self.mail_security, self.mail_user,
                       self.mail_secret):  # fmt: skip
            widget.setEnabled(smtp and widget not in self.locked)

    def _sftp(self) -> QWidget:
        f = self.settings.sftp
        page = QWidget()
        form = QFormLayout(page)
        self.sftp_host = _line(f.host, self.tr("SFTP server"))
        form.addRow(self.tr("&Server"), self.sftp_host)
        self.sftp_port = _port(f.port, self.tr("SFTP port"))
        form.addRow(self.tr("&Port"), self.sftp_port)
        self.sftp_user = _line(f.username, self.tr("SFTP user name"))
        form.addRow(self.tr("&User name"), self.sftp_user)
        self.sftp_folder = _line(f.folder, self.tr("SFTP folder"))
        form.addRow(self.tr("&Folder"), self.sftp_folder)
        self.sftp_fingerprint = _line(f.host_key_fingerprint, self.tr("Server fingerprint"))
        self.sftp_fingerprint.setPlaceholderText("SHA256:…")
        form.addRow(self.tr("Finger&print"), self.sftp_fingerprint)
        self.sftp_secret = _secret(self.tr("SFTP password"), self.keep_secret)
        form.addRow(self.tr("Pass&word"), self.sftp_secret)
        return page

    def _sms(self) -> QWidget:
        m = self.settings.sms
        page = QWidget()
        form = QFormLayout(page)
        self.sms_provider = _choice(
            [("Twilio", "twilio"), ("CM.com", "cm")], m.provider, self.tr("SMS provider")
        )
        form.addRow(self.tr("P&rovider"), self.sms_provider)
        self.sms_url = _line(m.base_url, self.tr("Provider address"))
        form.addRow(self.tr("&Address"), self.sms_url)
        self.sms_account = _line(m.account, self.tr("Account"))
        form.addRow(self.tr("A&ccount"), self.sms_account)
        self.sms_sender = _line(m.sender, self.tr("Sender name"))
        form.addRow(self.tr("Se&nder"), self.sms_sender)
        self.sms_secret = _secret(self.tr("SMS token"), self.keep_secret)
        form.addRow(self.tr("&Token"), self.sms_secret)
        return page

    def _directory(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            style.hint(
                self.tr(
                    "Phone numbers of the roles the protocols name, for passing on passwords "
                    "(for example the OCMW social service). Not the clients' numbers."
                )
            )
        )
        self.directory = QTableWidget(0, 2)
        self.directory.setAccessibleName(self.tr("Phone numbers"))
        self.directory.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Number")])
        self.directory.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for key, value in sorted(self.settings.directory.items()):
            self._add_directory_row(key, value)
        add = style.button(self.tr("&Add a number"))
        add.clicked.connect(lambda: self._add_directory_row("", ""))
        layout.addWidget(self.directory)
        layout.addWidget(add)
        return page

    def _add_directory_row(self, key: str, value: str) -> None:
        """A row whose role is picked from the protocols' roles, never typed (issue 13 item 7)."""
        row = self.directory.rowCount()
        self.directory.insertRow(row)
        roles = QComboBox()
        roles.setAccessibleName(self.tr("Role"))
        for role_key, text in protocol_roles():
            roles.addItem(text, role_key)
        if key and roles.findData(key) < 0:  # a number kept for a role no protocol names now
            roles.addItem(self.tr("{key} (no protocol names this role)").format(key=key), key)
        roles.setCurrentIndex(max(roles.findData(key), 0) if key else -1)
        self.directory.setCellWidget(row, 0, roles)
        self.directory.setItem(row, 1, QTableWidgetItem(value))

    # ----- the organisation's policy (issue 15) ---------------------------------
    def _policy_widgets(self) -> dict[str, QWidget]:
        return {
            "organisation": self.organisation, "language": self.language,
            "secure_folder": self.secure_folder, "outbox": self.outbox,
            "journal.server_url": self.journal_url,
            "mail.mode": self.mail_mode, "mail.host": self.mail_host,
            "mail.port": self.mail_port, "mail.security": self.mail_security,
            "mail.username": self.mail_user, "mail.sender": self.mail_sender,
            "sftp.host": self.sftp_host, "sftp.port": self.sftp_port,
            "sftp.username": self.sftp_user, "sftp.folder": self.sftp_folder,
            "sftp.host_key_fingerprint": self.sftp_fingerprint,
            "sms.provider": self.sms_provider, "sms.base_url": self.sms_url,
            "sms.account": self.sms_account, "sms.sender": self.sms_sender,
        }  # fmt: skip

    def _apply_policy(self) -> None:
        """Grey what the organisation locked, and say what its policy got wrong."""
        if self.in_force is None:
            return
        by_org = self.tr("Set by your organisation")
        for key, widget in self._policy_widgets().items():
            if self.in_force.is_locked(key):
                self.locked.add(widget)
                widget.setEnabled(False)
                widget.setToolTip(by_org)
                widget.setAccessibleDescription(by_org)
                self._mark_label(widget, by_org)
        for row in range(self.directory.rowCount()):
            roles, number = self.directory.cellWidget(row, 0), self.directory.item(row, 1)
            key = roles.currentData() if isinstance(roles, QComboBox) else None
            if key and self.in_force.is_locked(f"directory.{key}"):
                roles.setEnabled(False)
                roles.setToolTip(by_org)
                number.setFlags(number.flags() & ~Qt.ItemFlag.ItemIsEditable)
                number.setToolTip(by_org)
        self._show_policy_problems()

    def _mark_label(self, widget: QWidget, text: str) -> None:
        """Append the words to the field's label in its form (the field may sit in a row box)."""
        field: QWidget | None = widget
        while field is not None:
            form = field.parentWidget().layout() if field.parentWidget() else None
            if isinstance(form, QFormLayout) and form.labelForField(field) is not None:
                label = form.labelForField(field)
                if isinstance(label, QLabel):
                    label.setText(f"{label.text()} ({text})")
                return
            field = field.parentWidget()

    def _show_policy_problems(self) -> None:
        from handoff.core import protocols, settings

        lines = [
            self.tr("Policy {place}: {setting} ignored: {why}").format(
                place=p.source.place, setting=settings.label(p.key).render(), why=p.text.render()
            )
            for p in self.in_force.problems
        ]
        _, problems = protocols.load_all()
        lines += [f"{p.file.name}: {p.text.render()}" for p in problems if p.reason != "duplicate"]
        if lines:
            self.policy_notice.setText("\n".join(lines))
            self.policy_notice.show()

    # ----- saving ---------------------------------------------------------------
    def _directory_values(self) -> dict[str, str]:
        values = {}
        for row in range(self.directory.rowCount()):
            roles, value = self.directory.cellWidget(row, 0), self.directory.item(row, 1)
            key = roles.currentData() if isinstance(roles, QComboBox) else None
            if key and value and value.text().strip():
                values[key] = value.text().strip()
        return values

    def incomplete(self) -> list[str]:
        """What a chosen way of sending still needs, in words (issue 13 item 7).

        An SMTP mode with no server used to save, and fail later naming
        ``mail.host``; the channels that are filled in at all must be complete.
        """
        from handoff.core import i18n, settings

        lang = i18n.language()
        wanted: list[tuple[str, QLineEdit]] = []
        if self.mail_mode.currentData() == "smtp":
            wanted += [("mail.host", self.mail_host), ("mail.sender", self.mail_sender)]
        sftp = (self.sftp_host, self.sftp_user, self.sftp_folder)
        if any(edit.text().strip() for edit in sftp):
            wanted += list(zip(("sftp.host", "sftp.username", "sftp.folder"), sftp, strict=True))
        sms = (self.sms_url, self.sms_account, self.sms_sender)
        if any(edit.text().strip() for edit in sms):
            wanted += list(zip(("sms.base_url", "sms.account", "sms.sender"), sms, strict=True))
        return [settings.label(key).render(lang) for key, edit in wanted if not edit.text().strip()]

    def collect(self) -> Any:
        """The Settings as edited (no secret in it)."""
        s = self.settings
        s.organisation = self.organisation.text().strip()
        s.language = self.language.currentData()
        s.secure_folder = Path(self.secure_folder.text().strip())
        s.outbox = Path(self.outbox.text().strip())
        s.journal.server_url = self.journal_url.text().strip()
        s.mail.mode = self.mail_mode.currentData()
        s.mail.host, s.mail.port = self.mail_host.text().strip(), self.mail_port.value()
        s.mail.security = self.mail_security.currentData()
        s.mail.username, s.mail.sender = (
            self.mail_user.text().strip(),
            self.mail_sender.text().strip(),
        )
        s.sftp.host, s.sftp.port = self.sftp_host.text().strip(), self.sftp_port.value()
        s.sftp.username, s.sftp.folder = (
            self.sftp_user.text().strip(),
            self.sftp_folder.text().strip(),
        )
        s.sftp.host_key_fingerprint = self.sftp_fingerprint.text().strip()
        s.sms.provider, s.sms.base_url = (
            self.sms_provider.currentData(),
            self.sms_url.text().strip(),
        )
        s.sms.account, s.sms.sender = (
            self.sms_account.text().strip(),
            self.sms_sender.text().strip(),
        )
        s.directory = self._directory_values()
        return s

    def _secrets(self) -> dict[str, QLineEdit]:
        from handoff.core import credentials

        return {
            credentials.SMTP: self.mail_secret,
            credentials.SFTP: self.sftp_secret,
            credentials.SMS: self.sms_secret,
        }

    def save(self) -> None:
        """Validate and write the file, put typed secrets in the keyring, then close."""
        from handoff.core import credentials, settings

        missing = self.incomplete()
        if missing:
            self.error.setText(
                self.tr("Not saved: still fill in {items}.").format(
                    items=", ".join(missing[:-1]) + f" {self.tr('and')} " + missing[-1]
                    if len(missing) > 1
                    else missing[0]
                )
            )
            self.error.show()
            return
        try:
            settings.save(self.collect())
            for name, edit in self._secrets().items():
                if edit.text():
                    credentials.set_secret(name, edit.text())
                    edit.clear()
        except Exception as exc:
            self.error.setText(messages.describe(exc))
            self.error.show()
            return
        self.accept()
