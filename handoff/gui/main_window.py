"""The main window: a left navigation by task and the page for that task.

Pages are built the first time they are opened, so the window appears before
the heavier modules (spreadsheets, archives, SSH) are even imported.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from handoff.gui import style
from handoff.gui.org_sync import OrgSync
from handoff.gui.retention_timer import RetentionTimer
from handoff.gui.task_runner import TaskRunner

# (key, module, class) of each page, in navigation order.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("send", "handoff.gui.pages.send", "SendPage"),
    ("receive", "handoff.gui.pages.receive", "ReceivePage"),
    ("answer", "handoff.gui.pages.answer", "AnswerPage"),
    ("seal", "handoff.gui.pages.seal", "SealPage"),
    ("log", "handoff.gui.pages.log", "LogPage"),
)


def first_size(wanted: QSize, available: QSize) -> QSize:
    """The window's first size, never larger than the screen's free area (issue 13 item 15).

    At 150 % on a 1280x800 screen the free area is about 853x507 logical pixels;
    the window used to open larger, with the send button off-screen.
    """
    return QSize(
        min(wanted.width(), available.width() * 95 // 100),
        min(wanted.height(), available.height() * 95 // 100),
    )


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen page on the right, retention in the background."""

    def __init__(self, icon: QIcon | None = None, *, first_page_later: bool = False) -> None:
        """``first_page_later``: build the first page on the first event-loop turn after
        ``show()``, so the window frame appears before the page's imports run (app.run)."""
        super().__init__()
        self.setWindowTitle(self.tr("Handoff — hand over personal data safely"))
        if icon is not None:
            self.setWindowIcon(icon)
        self.runner = TaskRunner(self)
        self.pages: dict[str, QWidget] = {}
        self.navigation = self._build_navigation()
        self.stack = QStackedWidget()
        self._placeholders: dict[str, QWidget] = {}
        for key, _module, _cls in PAGES:
            placeholder = QWidget()
            self._placeholders[key] = placeholder
            self.stack.addWidget(placeholder)
        self.settings_button = style.button(self.tr("S&ettings…"))
        self.settings_button.clicked.connect(self.open_settings)
        self.about_button = style.button(self.tr("&About Handoff"))
        self.about_button.clicked.connect(self.open_about)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 8)
        side.addWidget(self.navigation, 1)
        side.addWidget(self.settings_button)
        side.addWidget(self.about_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(220)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side_widget)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._show_row)
        if not first_page_later:
            self.navigation.setCurrentRow(0)
        self._add_shortcuts()
        self.resize(first_size(QSize(1040, 720), self.screen().availableGeometry().size()))
        self.retention = RetentionTimer(self.runner, self)
        self.retention.ran.connect(self._retention_ran)
        self.retention.failed.connect(self._retention_failed)
        self.org_sync = OrgSync(self)

    def start_background(self) -> None:
        """Work that runs by itself: retention now and every day; the organisation journal's
        sync when this PC is enrolled (on its own thread: see handoff.gui.org_sync)."""
        self.retention.start()
        self.org_sync.start()

    def _retention_ran(self, deletions: list) -> None:
        done = [d for d in deletions if d.journaled]
        if done:
            files = sum(d.deleted for d in done)
            self.statusBar().showMessage(  # real plural forms (issue 13 item 16)
                self.tr("Retention: %n file(s) deleted", "", files)
                + " "
                + self.tr("of %n handoff(s), as the protocol prescribes.", "", len(done))
            )

    def _retention_failed(self, exc: BaseException) -> None:
        from handoff.gui import messages

        self.statusBar().showMessage(messages.describe(exc))

    def _build_navigation(self) -> QListWidget:
        nav = QListWidget()
        nav.setObjectName("navigation")
        nav.setAccessibleName(self.tr("Tasks"))
        labels = {
            "send": (self.tr("Send"), self.tr("Send a list or a referral to another agency")),
            "receive": (self.tr("Receive"), self.tr("Open a file you received")),
            "answer": (self.tr("Answer"), self.tr("Check and return an answer to a request")),
            "seal": (self.tr("Seal"), self.tr("Lock a file that is no longer needed")),
            "log": (self.tr("Journal"), self.tr("What was handed over, and is it intact?")),
        }
        for index, (key, _module, _cls) in enumerate(PAGES):
            text, tip = labels[key]
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{tip} (Ctrl+{index + 1})")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            nav.addItem(item)
        return nav

    def _add_shortcuts(self) -> None:
        for index in range(len(PAGES)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(self._goto(index))

    def _goto(self, index: int) -> Callable[[], None]:
        return lambda: self.navigation.setCurrentRow(index)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            _key, module, cls = next(p for p in PAGES if p[0] == key)
            widget = getattr(importlib.import_module(module), cls)(self.runner)
            placeholder = self._placeholders.pop(key)
            index = self.stack.indexOf(placeholder)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = widget
            attach = getattr(widget, "attach_org_sync", None)
            if attach is not None:
                attach(self.org_sync)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        """Select ``key`` in the navigation and return its page."""
        row = next(i for i, p in enumerate(PAGES) if p[0] == key)
        self.navigation.setCurrentRow(row)
        return self.page(key)  # built even when the worker chose to stay where they were

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        current = self.stack.currentWidget()
        leave = getattr(current, "leave_password", None)
        if leave is not None and current is not self.pages.get(PAGES[row][0]) and not leave():
            self.navigation.blockSignals(True)  # stay: the password is still on screen
            self.navigation.setCurrentRow(self.stack.currentIndex())
            self.navigation.blockSignals(False)
            return
        widget = self.page(PAGES[row][0])
        self.stack.setCurrentWidget(widget)

    def _reveal(self, page: QWidget) -> None:
        """Show ``page`` without the navigation asking its own questions."""
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self.stack.indexOf(page))
        self.navigation.blockSignals(False)
        self.stack.setCurrentWidget(page)

    def open_received(self, path: Path) -> None:
        """Start on the Receive page with ``path`` chosen (when it is a .7z file)."""
        page = self.show_page("receive")
        if page.drop.accepts(path):
            page.drop.set_path(path)

    def open_settings(self) -> None:
        from handoff.gui.settings_dialog import SettingsDialog

        SettingsDialog(self).exec()

    def open_about(self) -> None:
        from handoff.gui.about import AboutDialog

        AboutDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask first when a password would be lost (issue 13 item 2); then stop running
        work and wait for it, so nothing is left half-written."""
        for page in self.pages.values():
            finish = getattr(page, "finish", None)
            if finish is not None and finish.password_pending():
                self._reveal(page)
                if not finish.may_leave():
                    event.ignore()
                    return
        self.org_sync.stop()
        self.runner.cancel_all()
        self.runner.wait_idle()
        for page in self.pages.values():
            forget = getattr(page, "forget_secrets", None)
            if forget is not None:
                forget()
        super().closeEvent(event)
