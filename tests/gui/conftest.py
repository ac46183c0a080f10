"""Harness for the desktop tests: the real window, offscreen, in Dutch.

Modal message boxes and file dialogs would block an offscreen test, so their
static calls are replaced by recorders; everything behind them (the core, 7-Zip,
the journal, the test servers) is real.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from handoff.gui import style, translations
from handoff.gui.main_window import MainWindow


@pytest.fixture(scope="session", autouse=True)
def catalogues() -> None:
    """Build the .qm files when stale, as tools/setup does (atomically: see catalogue())."""
    for lang in ("nl", "en"):
        translations.catalogue(lang)


@pytest.fixture(autouse=True)
def collect_on_gui_thread(qapp) -> Iterator[None]:
    """As in the app: no cycle collection on worker threads (see handoff.gui.gc_timer)."""
    from handoff.gui.gc_timer import GcTimer

    gc_timer = GcTimer(qapp)
    yield
    gc_timer.stop()
    gc_timer.deleteLater()


@pytest.fixture
def dutch(qapp):
    """The app in Dutch, the way ``app.create_app`` sets it up."""
    qapp.setStyleSheet(style.STYLESHEET)
    installed = translations.install(qapp, "nl")
    yield qapp
    translations.remove(qapp, installed)


class Boxes:
    """Every message box the app tried to show: (kind, text)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def texts(self) -> list[str]:
        return [text for _kind, text in self.shown]


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    record = Boxes()

    def recorder(kind: str):
        def show(_parent, _title, text, *args, **kwargs):
            record.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return record


class Dialogs:
    """Answers for QFileDialog's static calls, set by the test before it clicks."""

    def __init__(self) -> None:
        self.open_path: Path | None = None
        self.save_path: Path | None = None


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    answers = Dialogs()
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(answers.open_path or ""), "")),
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(answers.save_path or ""), "")),
    )
    return answers


class MailPrograms:
    """Stands in for this PC's mail programs: records each draft handed over (issue 14 §2)."""

    def __init__(self, urls: list[str]) -> None:
        self.urls = urls
        self.opens = True  # False: no mail program could be started

    def hand_over(self, draft, methods):
        from handoff.channels.mail_programs import HandOver

        self.urls.append(str(draft.eml))
        return HandOver("xdg_email" if self.opens else "none", opened=self.opens)


@pytest.fixture(autouse=True)
def mail_programs(monkeypatch) -> MailPrograms:
    """No GUI test starts a real mail program; the hand-over's outcome is the test's to set."""
    from handoff.channels import email_draft

    stand_in = MailPrograms([])
    monkeypatch.setattr(email_draft, "hand_over", stand_in.hand_over)
    return stand_in


@pytest.fixture
def opened(monkeypatch, mail_programs) -> list[str]:
    """Files the app asked to open: drafts handed to the mail program, stored files, folders."""
    urls = mail_programs.urls
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: urls.append(url.toLocalFile()) or True),
    )
    return urls


@pytest.fixture
def typed_secrets(monkeypatch) -> list[str]:
    """Answers for the password prompt (QInputDialog.getText); empty means cancel."""
    answers: list[str] = []

    def ask(*_args, **_kwargs):
        return (answers.pop(0), True) if answers else ("", False)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(ask))
    return answers


@pytest.fixture
def window(qtbot, dutch, boxes, opened, typed_secrets) -> Iterator[MainWindow]:
    """The main window, shown; waits for its workers before the test's HANDOFF_HOME goes."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.cancel_all()
    win.runner.wait_idle()
