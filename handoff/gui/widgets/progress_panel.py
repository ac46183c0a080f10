"""A progress bar with a status line and a Cancel button, bound to one running task."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from handoff.gui.task_runner import Task


class ProgressPanel(QWidget):
    """Hidden while idle; ``follow(task, text)`` shows it until the task finishes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self.status = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.hide()

    def follow(self, task: Task, text: str, *, cancellable: bool = True) -> None:
        self._task = task
        self.status.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        self.show()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _on_finished(self) -> None:
        self._task = None
        self.hide()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))
