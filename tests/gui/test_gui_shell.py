"""The shell: language choice, translations, About, navigation, lazy start, task runner."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from handoff import __version__
from handoff.core import i18n
from handoff.core.errors import HandoffError
from handoff.gui import messages, translations
from handoff.gui.about import AboutDialog
from handoff.gui.task_runner import TaskRunner
from handoff.gui.widgets.password_view import ClipboardGuard


def test_language_setting_wins_then_env_then_dutch(monkeypatch):
    assert translations.choose_language("en") == "en"
    monkeypatch.setenv("HANDOFF_LANG", "en")
    assert translations.choose_language(None) == "en"
    assert translations.choose_language("nl") == "nl"
    monkeypatch.delenv("HANDOFF_LANG")
    monkeypatch.setattr(
        translations.QLocale, "system", staticmethod(lambda: translations.QLocale("fr_BE"))
    )
    assert translations.choose_language(None) == "nl"
    monkeypatch.setattr(
        translations.QLocale, "system", staticmethod(lambda: translations.QLocale("en_GB"))
    )
    assert translations.choose_language(None) == "en"


def test_dutch_window_and_core_agree(window):
    assert window.windowTitle().startswith("Handoff — persoonsgegevens")
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert labels == ["Versturen", "Ontvangen", "Beantwoorden", "Verzegelen", "Logboek"]
    assert i18n.language() == "nl"  # core messages follow the UI language


def test_english_when_asked(qapp):
    installed = translations.install(qapp, "en")
    try:
        from handoff.gui.main_window import MainWindow

        win = MainWindow()
        assert win.navigation.item(0).text() == "Send"
        assert i18n.language() == "en"
        assert HandoffError("x", i18n.Text("nee", "no")).message() == "no"
        win.deleteLater()
    finally:
        translations.remove(qapp, installed)
        i18n.set_language(None)


def test_every_dutch_string_is_translated():
    """No 'unfinished' entry: a Dutch user never meets an English leftover."""
    ts = (translations.resources_dir() / "i18n" / "handoff_nl.ts").read_text(encoding="utf-8")
    assert "<message" in ts
    assert 'type="unfinished"' not in ts
    assert 'type="vanished"' not in ts and 'type="obsolete"' not in ts


def test_about_shows_version_and_licences(qtbot, dutch):
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    text = " ".join(
        label.text() for label in about.findChildren(type(about.layout().itemAt(0).widget()))
    )
    assert __version__ in text
    for licence in ("EUPL-1.2", "LGPL-3.0", "py7zr", "LGPL-2.1-or-later", "OpenTaal"):
        assert licence in text
    close = about.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Sluiten"  # Qt's own Dutch catalogue is loaded
    qtbot.keyClick(about, Qt.Key.Key_Escape)
    assert not about.isVisible()


def test_navigation_by_keyboard_builds_pages_on_demand(window, qtbot):
    assert set(window.pages) == {"send"}
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["receive"]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["log"]
    for index in range(window.navigation.count()):
        assert window.navigation.item(index).toolTip()


def test_window_starts_without_heavy_modules():
    """Spreadsheets, archives and SSH load when needed, not before the window shows."""
    code = (
        "import sys\n"
        "from handoff.gui.app import create_app\n"
        "from handoff.gui.main_window import MainWindow\n"
        "app = create_app([])\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "heavy = [m for m in ('openpyxl', 'py7zr', 'paramiko', 'xlsxwriter', 'python_calamine') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_tasks_report_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def job(progress, cancel):
        seen["worker"] = threading.get_ident()
        progress(1, 2)
        progress(2, 2)
        return 42

    def done(value):
        seen["value"] = value
        seen["thread"] = QThread.currentThread()

    reports: list[tuple[int, int]] = []
    task = runner.start(job, on_success=done, on_progress=lambda d, t: reports.append((d, t)))
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker"] != threading.get_ident()  # ran on the pool
    assert seen["thread"] is QGuiApplication.instance().thread()
    qtbot.waitUntil(lambda: reports == [(1, 2), (2, 2)])
    qtbot.waitUntil(lambda: not runner.busy())
    assert task.is_cancelled() is False


def test_task_cancel_and_failure_become_messages(qtbot, dutch):
    runner = TaskRunner()
    failures: list[BaseException] = []
    started = threading.Event()

    def job(progress, cancel):
        started.set()
        while not cancel():
            QThread.msleep(5)
        raise HandoffError("cancelled", i18n.Text("Afgebroken.", "Cancelled."))

    task = runner.start(job, on_failure=failures.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(failures))
    assert messages.error_code(failures[0]) == "cancelled"
    assert messages.describe(failures[0]) == "Afgebroken."
    unexpected = messages.describe(KeyError("Jan Peeters 85073003328"))
    assert "KeyError" in unexpected and "Peeters" not in unexpected  # never the data
    assert "onverwacht" in unexpected.lower()


@pytest.mark.parametrize("changed_by_user", [False, True])
def test_clipboard_cleared_only_if_it_still_holds_the_password(qtbot, qapp, changed_by_user):
    clipboard = QGuiApplication.clipboard()
    guard = ClipboardGuard(clear_after_ms=50)
    guard.copy("7KQ2M9XDPA4TR")
    assert clipboard.text() == "7KQ2M9XDPA4TR"
    if changed_by_user:
        clipboard.setText("iets anders")
    qtbot.waitUntil(lambda: not guard.pending())
    assert clipboard.text() == ("iets anders" if changed_by_user else "")


def test_handoff_without_arguments_opens_the_window(tmp_path):
    """`handoff` with no arguments starts handoff.gui.app.run() and shows the window."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HANDOFF_STARTUP_MARKER="WINDOW-SHOWN",
        HANDOFF_READY_MARKER="SEND-PAGE-READY",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "handoff"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.strip() == "WINDOW-SHOWN", (
            proc.stderr.read() if proc.poll() is not None else line
        )  # type: ignore[union-attr]
    finally:
        proc.kill()
        proc.wait()


def _drop(widget, paths):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)
    return event.isAccepted()


def test_a_file_can_be_dropped_but_only_one_of_the_right_kind(qtbot, tmp_path):
    from handoff.gui.widgets.file_drop import FileDrop

    drop = FileDrop("Sleep hierheen", "Kiezen", "*.7z", (".7z",))
    qtbot.addWidget(drop)
    good, other = tmp_path / "HO-20260301-7KQ2M9.7z", tmp_path / "virus.exe"
    for path in (good, other):
        path.write_bytes(b"x")
    assert not _drop(drop, [other]) and drop.path is None
    assert not _drop(drop, [good, good]) and drop.path is None
    with qtbot.waitSignal(drop.file_chosen) as chosen:
        assert _drop(drop, [good])
    assert chosen.args == [good] and drop.label.text() == good.name
