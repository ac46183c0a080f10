"""Seal (seed 000, Lievegem): lock a file that is no longer needed; one custodian knows the password.

Seed 000 point 8 c: "Nadat het bestand niet meer nodig is wordt het
geëncrypteerd. Het wachtwoord is steeds alleen bekend bij de financieel
directeur." ``usecases.seal`` encrypts the month's file and removes the
plaintext; the page shows the password once for the custodian and journals
the handover when the worker confirms it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QStackedWidget, QWidget

from handoff.core import i18n
from handoff.gui import last_protocol, style, worker_calls
from handoff.gui.pages.base import Page
from handoff.gui.task_runner import TaskRunner
from handoff.gui.widgets.file_drop import sheet_drop
from handoff.gui.widgets.password_step import Action, PasswordStep
from handoff.gui.widgets.protocol_picker import ProtocolPicker


def _seal(path: Any, protocol_id: str, custodian: str, progress: Any, cancel: Any) -> Any:
    from handoff import usecases

    return usecases.seal(path, protocol_id, custodian, progress=progress, cancel=cancel)


class SealPage(Page):
    """Pick the file, name the custodian, seal; then the password for the custodian."""

    scroll_sideways = False

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(
            runner,
            self.tr("Seal"),
            self.tr(
                "Lock a file that is no longer needed. Only the custodian named in the "
                "protocol gets the password; the unlocked file is removed."
            ),
        )
        self.sealed: Any = None
        self.panels = QStackedWidget()
        self.panels.addWidget(self._build_choose())
        self.finish = PasswordStep(self.run, self.show_error)
        self.finish.restart.connect(self.start_over)
        self.finish.finished.connect(self._forget_password)
        self.panels.addWidget(self.finish)
        style.fit_current(self.panels)
        self.body.addWidget(self.panels, 1)
        self.picker.load()
        self.picker.select(last_protocol.recall("seal"))

    def _build_choose(self) -> QWidget:
        panel, layout = style.panel()
        layout.addWidget(style.step_title(self.tr("1. Under which protocol?")))
        self.picker = ProtocolPicker(lambda p: p.password_channel.kind == "custodian")
        self.picker.protocol_changed.connect(self._protocol_changed)
        layout.addWidget(self.picker)
        layout.addWidget(style.step_title(self.tr("2. Which file?")))
        self.drop = sheet_drop(
            self.tr("Drag the month's file here, or choose it."),
            self.tr("C&hoose file…"),
            checked=False,
        )
        self.drop.file_chosen.connect(self._update_ready)
        layout.addWidget(self.drop)
        layout.addWidget(style.step_title(self.tr("3. Who keeps the password?")))
        self.custodian = QLineEdit()
        self.custodian.setAccessibleName(self.tr("Custodian of the password"))
        self.custodian.setAccessibleDescription(
            self.tr("The role named in the protocol, for example the financial director.")
        )
        self.custodian.textChanged.connect(self._update_ready)
        layout.addWidget(self.custodian)
        self.seal_button = style.primary(self.tr("&Seal the file"))
        self.seal_button.clicked.connect(self.seal)
        layout.addLayout(style.row(None, self.seal_button))
        layout.addStretch(1)
        self._update_ready()
        return panel

    def _protocol_changed(self, protocol: Any) -> None:
        if protocol is not None:
            last_protocol.remember("seal", protocol.id)
            self.custodian.setText(protocol.password_channel.role.render(i18n.language()))
        self._update_ready()

    def _update_ready(self, *_args: object) -> None:
        self.seal_button.setEnabled(
            self.picker.current() is not None
            and self.drop.path is not None
            and bool(self.custodian.text().strip())
        )

    def seal(self) -> None:
        if not self.seal_button.isEnabled():
            return
        path, protocol = self.drop.path, self.picker.current()
        custodian = self.custodian.text().strip()
        self.seal_button.setEnabled(False)
        self.run(
            lambda progress, cancel: _seal(path, protocol.id, custodian, progress, cancel),
            self._sealed,
            self.tr("Sealing the file…"),
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        sealed = getattr(exc, "sealed", None)
        if sealed is not None:  # sealed but not journaled: the password must still be shown
            self._sealed(sealed)
            return
        self._update_ready()

    def _sealed(self, sealed: Any) -> None:
        self.sealed = sealed
        protocol_id = self.picker.current().id
        if sealed.plaintext_removed:
            status = self.tr("The file is sealed as {file}; the unlocked file was removed.")
        else:
            status = self.tr(
                "The file is sealed as {file}, but the unlocked file could not be removed: "
                "delete it yourself."
            )
        status = status.format(file=sealed.archive.path)
        how = self.tr(
            "Give this password to the {custodian} only, in person or by phone. "
            "It is shown only now and stored nowhere."
        ).format(custodian=self.custodian.text().strip())
        confirm = Action(
            self.tr("I handed the password to the &custodian"),
            lambda: worker_calls.confirm(sealed.handoff_id, protocol_id, "custodian_confirmed"),
        )
        self.finish.begin(sealed.handoff_id, sealed.password, status, how, [confirm])
        self.panels.setCurrentIndex(1)

    def _forget_password(self, _handoff_id: str) -> None:
        self.sealed = None

    def start_over(self) -> None:
        self.sealed = None
        self.drop.set_path(None)
        self.finish.reset()
        self.panels.setCurrentIndex(0)
        self._update_ready()

    def leave_password(self) -> bool:
        """Ask before an unconfirmed password leaves the screen (issue 13 item 2)."""
        return self.finish.may_leave()

    def forget_secrets(self) -> None:
        self.finish.password_view.forget()
