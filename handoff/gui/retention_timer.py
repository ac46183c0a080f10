"""Run retention at start and once a day while the window is open.

Seed 003 art. 3: the list is kept "tot uiterlijk 27/09/2024 ... waarna deze
automatisch zal worden verwijderd". ``retention.run`` deletes what is due
and journals it; this timer only makes sure it runs, off the GUI thread, and
tells the window what was done so the status bar can say so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from handoff.gui.task_runner import TaskRunner, simple

DAY_MS = 24 * 60 * 60 * 1000
FIRST_RUN_MS = 1500  # after the window is up, so start-up stays quick


def _run_retention() -> list[Any]:
    from handoff import usecases

    return usecases.retention_run().deletions  # drafts removed are in the journal


class RetentionTimer(QObject):
    """Emits ``ran`` with the deletions, or ``failed`` with the exception."""

    ran = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setInterval(DAY_MS)
        self._timer.timeout.connect(self.run_now)

    def start(self, first_delay_ms: int = FIRST_RUN_MS) -> None:
        QTimer.singleShot(first_delay_ms, self.run_now)
        self._timer.start()

    def run_now(self) -> None:
        self._runner.start(
            simple(_run_retention), on_success=self.ran.emit, on_failure=self.failed.emit
        )
