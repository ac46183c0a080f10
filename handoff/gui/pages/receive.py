"""Receive: open a locked file into the secure folder, then tick off the clean-up.

Seed 003 art. 6, steps 4 and 5: the OCMW decrypts the list and stores it on an
internal secured location, then explicitly deletes the e-mail with the list
and the password ("Het wachtwoord wordt nergens bewaard"). Handoff cannot
see the mail program or the phone, so the worker ticks each deletion and the
tick is journaled (``usecases.confirm``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QWidget

from handoff.core import i18n
from handoff.core.dropped import Dropped
from handoff.core.errors import HandoffError
from handoff.core.journal.sentences import day_text
from handoff.core.paths import temp_dir
from handoff.gui import last_protocol, messages, style, worker_calls
from handoff.gui.mail_attachment import archive_from_mail
from handoff.gui.pages.base import Page
from handoff.gui.task_runner import TaskRunner, simple
from handoff.gui.widgets.file_drop import FileDrop
from handoff.gui.widgets.protocol_picker import ProtocolPicker
from handoff.gui.widgets.todo_list import TodoList

# Confirmable clean-up steps after receiving (journal.Step values).
CLEANUP_STEPS = ("email_deleted", "password_deleted")
#: The receiver's open items (``journal.obligations`` kinds), shown under "Still to do".
RECEIVER_KINDS = (
    "file_overdue", "contact_reminder", "email_not_deleted", "password_not_deleted",
    "file_not_deleted", "file_until_contact",
)  # fmt: skip


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def propose_protocol(hint: str, protocols: Iterable[Any], last: str | None) -> str | None:
    """The protocol ``hint`` points at (its id or title), else the last one used.

    ``hint`` is the file's name or the e-mail's subject: senders using Handoff
    put the protocol's title in the subject, and a worker who saves the
    attachment under the subject's name gets the right protocol too.
    """
    name = _words(hint)
    best, longest = last, 0
    for protocol in protocols:
        if _expired(protocol):  # a renewed profile names the old title and more
            continue
        for words in (_words(protocol.id), _words(protocol.title.nl), _words(protocol.title.en)):
            if words and words in name and len(words) > longest:
                best, longest = protocol.id, len(words)
    return best


def _expired(protocol: Any) -> bool:
    retention = protocol.retention
    return retention.kind == "fixed_date" and retention.until <= date.today()


class ReceivePage(Page):
    """Choose the file, the protocol and type the password; then the checklist."""

    scroll_sideways = False  # issue 13 §15: it fits 853 px wide (tests/gui/test_gui_widths.py)

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(
            runner,
            self.tr("Receive"),
            self.tr(
                "Open a locked file you received. Handoff stores it in the secure folder, "
                "tells you until when you may keep it, and helps you clean up the e-mail "
                "and the password."
            ),
        )
        self.received: Any = None
        self._from_mail: Path | None = None
        self._dropped: Dropped | None = None
        self.open_panel = self._build_open()
        self.body.addWidget(self.open_panel)
        self.result = self._build_result()
        self.body.addWidget(self.result)
        self.body.addWidget(style.step_title(self.tr("Still to do")))
        self.todo = TodoList(runner, keep=lambda item: item.kind in RECEIVER_KINDS)
        self.todo.changed.connect(self._todo_changed)
        self.body.addWidget(self.todo)
        self.body.addStretch(1)
        self._earlier_folder: Path | None = None
        self.picker.load()
        self.picker.select(last_protocol.recall("receive"))

    def _build_open(self) -> QWidget:
        panel, layout = style.panel()
        layout.addWidget(style.step_title(self.tr("1. Which file did you receive?")))
        self.drop = FileDrop(
            self.tr("Drag the locked file or the whole e-mail here, or choose it."),
            self.tr("C&hoose file…"),
            self.tr("Locked files or e-mails (*.7z *.eml)"),
            (".7z", ".eml"),
            store_virtual=self._store_dropped,
        )
        self.drop.file_chosen.connect(self._file_chosen)
        layout.addWidget(self.drop)
        layout.addWidget(style.step_title(self.tr("2. Under which protocol?")))
        self.picker = ProtocolPicker()
        layout.addWidget(self.picker)
        layout.addWidget(style.step_title(self.tr("3. The password from the SMS or phone call")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setAccessibleDescription(
            self.tr("Type the password exactly as you received it; spaces and dashes count.")
        )
        self.password.textChanged.connect(self._update_ready)
        self.password.returnPressed.connect(self.open_file)
        self.show_password = style.button(self.tr("Sho&w"))
        self.show_password.setCheckable(True)
        self.show_password.toggled.connect(self._toggle_echo)
        layout.addLayout(style.row(self.password, self.show_password))
        self.error = style.message("warning")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        layout.addWidget(self.error)
        self.open_earlier = style.button(self.tr("Open the e&xisting copy"))
        self.open_earlier.clicked.connect(self._open_earlier)
        self.open_earlier.hide()
        layout.addLayout(style.row(self.open_earlier, None))
        self.open_button = style.primary(self.tr("&Open the file"))
        self.open_button.clicked.connect(self.open_file)
        layout.addLayout(style.row(None, self.open_button))
        self._update_ready()
        return panel

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.show_password.setText(self.tr("&Hide") if shown else self.tr("Sho&w"))

    def _store_dropped(self, name: str, data: bytes) -> Path | None:
        """An attachment dragged out of Outlook: into the secure folder's drop area (issue 14 §3).

        Never a temp folder; the copy stays locked while this page holds it, so the
        start-up clean-up removes it only once this Handoff is gone.
        """
        from handoff.core import settings

        self._forget_dropped()
        try:
            self._dropped = Dropped(settings.load().secure_folder, name, data)
        except HandoffError as exc:
            self._failed(exc)
            return None
        return self._dropped.path

    def _forget_dropped(self) -> None:
        """The dropped copy goes once received, or when another file is chosen."""
        if self._dropped is not None:
            self._dropped.release()
            self._dropped = None

    def _file_chosen(self, path: Path) -> None:
        self.error.hide()
        if path != self._from_mail:
            self._forget_mail_copy()
        if self._dropped is not None and path != self._dropped.path:
            self._forget_dropped()
        hint = path.stem
        if path.suffix.lower() == ".eml":
            try:
                archive, hint = archive_from_mail(path, temp_dir() / "mail")
            except Exception as exc:
                self.drop.set_path(None)
                self._failed(exc)
                return
            self._from_mail = archive
            self.drop.blockSignals(True)
            self.drop.set_path(archive)
            self.drop.blockSignals(False)
        proposed = propose_protocol(hint, self.picker.protocols(), last_protocol.recall("receive"))
        self.picker.select(proposed)
        self._update_ready()
        self.password.setFocus()

    def _update_ready(self, *_args: object) -> None:
        self.open_button.setEnabled(
            self.drop.path is not None
            and bool(self.password.text())
            and self.picker.current() is not None
        )

    def open_file(self) -> None:
        """Decrypt into the secure folder off the GUI thread."""
        if not self.open_button.isEnabled():
            return
        archive, protocol = self.drop.path, self.picker.current()
        password = self.password.text()
        self.error.hide()
        self.open_button.setEnabled(False)
        last_protocol.remember("receive", protocol.id)
        self.run(
            lambda progress, cancel: worker_calls.receive(
                archive, protocol.id, password, progress, cancel
            ),
            self._opened,
            self.tr("Opening the file…"),
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        """Say what is wrong; the chosen file stays, the password is cleared for a retry.

        The same archive opened twice (issue 13 §11) offers the copy already stored.
        A list whose columns are not the protocol's (§11) keeps the password in
        its field: it was right, only the protocol was not, and the field is the
        one place it already is (memory, masked); opening or starting over
        clears it as always.
        """
        text = messages.describe(exc)
        if messages.error_code(exc) == "columns_do_not_match":
            text += "\n" + self.tr(
                "The password stays filled in: choose the right protocol and open the file again."
            )
            self.picker.setFocus()
        self.error.setText(text)
        self.error.show()
        folder = getattr(exc, "params", {}).get("folder")
        self._earlier_folder = (
            Path(folder) if messages.error_code(exc) == "already_received" else None
        )
        self.open_earlier.setVisible(self._earlier_folder is not None)
        if messages.error_code(exc) in ("wrong_password", "password_required", None):
            self.password.clear()
            self.password.setFocus()
        self._update_ready()

    # ----- after opening ----------------------------------------------------
    def _build_result(self) -> QWidget:
        panel, layout = style.panel()
        self.opened_title = style.step_title(self.tr("Opened and stored"))
        layout.addWidget(self.opened_title)
        self.where = style.message("success")
        self.due = QLabel()
        self.due.setWordWrap(True)
        layout.addWidget(self.where)
        layout.addWidget(self.due)
        self.open_stored = style.button(self.tr("Open the &stored file"))
        self.open_stored.clicked.connect(self._open_stored)
        self.show_folder = style.button(self.tr("Show the &folder"))
        self.show_folder.clicked.connect(self._show_folder)
        layout.addLayout(style.row(self.open_stored, self.show_folder, None))
        layout.addWidget(style.step_title(self.tr("4. Clean up, as the protocol asks")))
        self.cleanup: dict[str, QCheckBox] = {
            "email_deleted": QCheckBox(self.tr("I &deleted the e-mail with the locked file.")),
            "password_deleted": QCheckBox(self.tr("I de&leted the SMS or note with the password.")),
        }
        for step, box in self.cleanup.items():
            box.setAccessibleName(box.text().replace("&", ""))
            box.toggled.connect(lambda checked, s=step: self._confirm(s, checked))
            layout.addWidget(box)
        self.again_button = style.button(self.tr("Receive &another file"))
        self.again_button.clicked.connect(self.start_over)
        layout.addLayout(style.row(None, self.again_button))
        panel.hide()
        return panel

    def _forget_mail_copy(self) -> None:
        """The attachment copied out of an e-mail is removed once opened or abandoned."""
        if self._from_mail is not None:
            self._from_mail.unlink(missing_ok=True)
            self._from_mail = None

    def _opened(self, received: Any) -> None:
        self.received = received
        self._forget_mail_copy()
        self._forget_dropped()
        self.password.clear()
        files = ", ".join(p.name for p in received.files)
        self.where.setText(
            self.tr("Stored in the secure folder: {folder} ({files})").format(
                folder=received.folder, files=files
            )
        )
        self.due.setText(self._due_text(received))
        for box in self.cleanup.values():
            box.blockSignals(True)
            box.setChecked(False)
            box.setEnabled(True)
            box.blockSignals(False)
        self.open_panel.hide()  # one step at a time: now the clean-up
        self.open_earlier.hide()
        self.result.show()
        self.open_stored.setFocus()
        self.todo.load()

    def _due_text(self, received: Any) -> str:
        """The rule as one sentence ("Bewaren tot …", never "Bewaren: bewaren tot …")."""
        rule = received.protocol.retention.describe().render(i18n.language())
        if received.due is None:
            return rule[:1].upper() + rule[1:] + "."
        return self.tr("Delete it by {day} at the latest; Handoff will do so then.").format(
            day=day_text(received.due)
        )

    def _open(self, path: Path) -> None:
        """Open with the desktop's handler; say so when nothing opened (issue 13 §1)."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                "Handoff",
                self.tr(
                    "Nothing could open {path}. Open it yourself from the file manager."
                ).format(path=path),
            )

    def _open_stored(self) -> None:
        if self.received and self.received.files:
            self._open(self.received.files[0])

    def _show_folder(self) -> None:
        if self.received:
            self._open(self.received.folder)

    def _open_earlier(self) -> None:
        if self._earlier_folder is not None:
            self._open(self._earlier_folder)

    def _todo_changed(self) -> None:
        """A clean-up closed from the list: the boxes of the file just opened follow."""
        if self.received is not None:
            self.todo.load()

    def showEvent(self, event: Any) -> None:
        """Coming to the page (or back to it) shows what is still open, from the journal."""
        super().showEvent(event)
        self.todo.load()

    def _confirm(self, step: str, checked: bool) -> None:
        """Journal the tick; once recorded it cannot be unticked (the journal only appends)."""
        box = self.cleanup[step]
        if not checked or self.received is None:
            return
        box.setEnabled(False)
        received = self.received
        self.runner.start(
            simple(lambda: worker_calls.confirm(received.handoff_id, received.protocol.id, step)),
            on_success=lambda _record: self.todo.load(),
            on_failure=lambda exc: self._confirm_failed(step, exc),
        )

    def _confirm_failed(self, step: str, exc: BaseException) -> None:
        box = self.cleanup[step]
        box.blockSignals(True)
        box.setChecked(False)
        box.setEnabled(True)
        box.blockSignals(False)
        self.show_error(exc)

    def start_over(self) -> None:
        self._forget_mail_copy()
        self._forget_dropped()
        self.received = None
        self.result.hide()
        self.open_panel.show()
        self.drop.set_path(None)
        self.password.clear()
        self.error.hide()
        self._update_ready()
        self.drop.button.setFocus()
