"""What every page shares: a title, a hint, a task runner and error display."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from handoff.gui import messages, style
from handoff.gui.task_runner import Job, Task, TaskRunner
from handoff.gui.widgets.progress_panel import ProgressPanel


class Page(QWidget):
    """A scrollable page with a title; subclasses add their steps to ``body``."""

    # Pages whose content wraps to any width scroll vertically only (issue 13
    # item 15); every page does now (tests/gui/test_gui_widths.py). A new page
    # whose rows are still too wide for 150 % keeps the sideways scroll bar
    # rather than cutting them off, until it fits.
    scroll_sideways = True

    def __init__(self, runner: TaskRunner, title: str, hint: str) -> None:
        super().__init__()
        self.runner = runner
        self.progress = ProgressPanel()
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(28, 20, 28, 20)
        self.body.setSpacing(10)
        self.body.addWidget(style.title(title))
        self.body.addWidget(style.hint(hint))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        if not self.scroll_sideways:  # issue 13 item 15: the content wraps instead
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        footer = QVBoxLayout()
        footer.setContentsMargins(28, 0, 28, 12)
        footer.addWidget(self.progress)
        outer.addLayout(footer)

    def run(
        self,
        job: Job,
        on_success: Callable[[Any], None],
        status: str,
        *,
        on_failure: Callable[[BaseException], None] | None = None,
        cancellable: bool = True,
    ) -> Task:
        """Start ``job`` off the GUI thread with progress shown; failures become messages."""
        return self.runner.start(
            job,
            on_success=on_success,
            on_failure=on_failure or self.show_error,
            watch=lambda task: self.progress.follow(task, status, cancellable=cancellable),
        )

    def show_error(self, exc: BaseException) -> None:
        messages.show_error(self, exc)
