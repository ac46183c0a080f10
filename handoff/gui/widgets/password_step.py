"""The end of every outgoing flow: the password once, how to pass it, then the checklist.

Sending (seed 003 art. 6 step 3), answering (seed 004: the key by SMS or phone
between the DPOs) and sealing (seed 000 8 c: "Het wachtwoord is steeds alleen
bekend bij de financieel directeur") all end the same way: show the password
large, let the worker confirm how it was passed on (which is journaled), wipe
it, and show the handoff's steps as the journal has them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from handoff.gui import style, worker_calls
from handoff.gui.task_runner import simple
from handoff.gui.widgets.checklist import JournalChecklist
from handoff.gui.widgets.password_view import PasswordView


@dataclass(frozen=True)
class Action:
    """One way to pass the password on: a button whose job journals it.

    ``before`` runs on the GUI thread first (e.g. to ask for the SMS token)
    and returns False to stay on the page. An ``unlocks`` action ("I sent the
    e-mail", "send the same archive again") is a step before the password:
    once it succeeded its button goes and the locked password buttons open
    (issue 18 §4: the password waits for the archive).
    """

    text: str
    job: Callable[[], Any]
    enabled: bool = True
    before: Callable[[], bool] | None = None
    unlocks: bool = False
    locked: bool = False  # disabled until an ``unlocks`` action succeeded


# Page.run: (job, on_success, status, on_failure=..., cancellable=...) -> Task
Runner = Callable[..., Any]


class PasswordStep(QStackedWidget):
    """Panel 0: status, password, action buttons. Panel 1: the journal checklist."""

    restart = Signal()
    finished = Signal(str)  # handoff id

    def __init__(self, run: Runner, show_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._run = run
        self._show_error = show_error
        self.handoff_id: str | None = None
        self.buttons: list[QPushButton] = []
        self.addWidget(self._build_password())
        self.addWidget(self._build_done())

    def _build_password(self) -> QWidget:
        panel, layout = style.panel()
        self.status = style.message("success")
        layout.addWidget(self.status)
        self.extra = QHBoxLayout()
        layout.addLayout(self.extra)
        self.step_title = style.step_title(self.tr("Pass on the password"))
        layout.addWidget(self.step_title)
        self.how = style.hint("")
        layout.addWidget(self.how)
        self.password_view = PasswordView()
        layout.addWidget(self.password_view)
        # one button a line: three side by side did not fit at 150 % (issue 13 item 15)
        self.actions = QVBoxLayout()
        self.actions.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.actions)
        layout.addStretch(1)
        return panel

    def _build_done(self) -> QWidget:
        panel, layout = style.panel()
        self.done_title = style.step_title("")
        layout.addWidget(self.done_title)
        layout.addWidget(style.hint(self.tr("These steps are recorded in the journal:")))
        self.checklist = JournalChecklist()
        layout.addWidget(self.checklist, 1)
        self.new_button = style.primary(self.tr("Start a &new handoff"))
        self.new_button.clicked.connect(self.restart)
        layout.addLayout(style.row(None, self.new_button))
        return panel

    def begin(
        self, handoff_id: str, password: Any, status: str, how: str, actions: list[Action]
    ) -> None:
        """Show ``password`` (a core Password) and one button per way to pass it on."""
        self.handoff_id = handoff_id
        self.status.setText(status)
        self.how.setText(how)
        self.password_view.show_password(password.value, password.grouped(), password.bits)
        self._drop_buttons()
        for action in actions:
            button = style.primary(action.text)
            button.setEnabled(action.enabled and not action.locked)
            button.clicked.connect(lambda _checked=False, a=action: self._act(a))
            self.actions.addWidget(button)
            self.buttons.append(button)
        self._actions = list(actions)
        self.setCurrentIndex(0)
        if self.buttons:
            self.buttons[-1].setFocus()

    def _act(self, action: Action) -> None:
        if action.before is not None and not action.before():
            return
        enabled = [b.isEnabled() for b in self.buttons]
        for button in self.buttons:
            button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            for button, was in zip(self.buttons, enabled, strict=True):
                button.setEnabled(was)
            self._show_error(exc)

        self._run(
            simple(action.job),
            (lambda _result: self._unlock(action))
            if action.unlocks
            else (lambda _r: self._finish()),
            self.tr("Recording how the password was passed on…"),
            on_failure=failed,
            cancellable=False,
        )

    def _unlock(self, done: Action) -> None:
        """The step before the password succeeded: its button goes, the password buttons open."""
        index = self._actions.index(done)
        self._actions.pop(index)
        self.buttons.pop(index).deleteLater()
        for action, button in zip(self._actions, self.buttons, strict=True):
            button.setEnabled(action.enabled and not action.unlocks)

    def _drop_buttons(self) -> None:
        """The buttons' jobs hold the password: drop them with it."""
        for old in self.buttons:
            old.deleteLater()
        self.buttons = []
        self._actions: list[Action] = []

    def _finish(self) -> None:
        handoff_id = self.handoff_id or ""
        self.password_view.forget()
        self._drop_buttons()
        self.done_title.setText(self.tr("Handoff {ref} is complete.").format(ref=handoff_id))
        self.setCurrentIndex(1)
        self._run(
            simple(lambda: worker_calls.records(handoff_id)),
            self.checklist.show_records,
            self.tr("Reading the journal…"),
            cancellable=False,
        )
        self.new_button.setFocus()
        self.finished.emit(handoff_id)

    def password_pending(self) -> bool:
        """The password is on screen and not yet confirmed as passed on."""
        return self.currentIndex() == 0 and self.handoff_id is not None and bool(self.buttons)

    def may_leave(self) -> bool:
        """Ask before the unconfirmed password leaves the screen; True when it may go.

        The default answer is to stay: a password closed away cannot be shown
        again and the archive it locks is then of no use; the journal's open item
        offers to void it (issue 13 item 2).
        """
        if not self.password_pending():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("The password has not been passed on"),
            self.tr(
                "The password of {ref} is shown only now and stored nowhere. If you go on, "
                "it is gone: the receiver cannot open the archive, and you will have to void "
                "it and start again.\n\nGo on anyway?"
            ).format(ref=self.handoff_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reset(self) -> None:
        self.password_view.forget()
        self._drop_buttons()
        self.checklist.clear()
        self.handoff_id = None
        self.setCurrentIndex(0)
