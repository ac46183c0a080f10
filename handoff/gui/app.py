"""Start the desktop app: ``handoff`` with no arguments ends up here.

Kept light on purpose: only Qt and the shell are imported before the window
shows (the benchmark in bench/bench_startup.py holds us to that); pages,
spreadsheets, archives and SSH load when first needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from handoff.core.paths import resources_dir
from handoff.gui import style, translations

_translators: list = []  # QTranslators must outlive create_app()

# When set, the app prints this line once the window is first shown, and the
# READY line once the first page is built (bench/bench_startup.py).
STARTUP_MARKER_ENV = "HANDOFF_STARTUP_MARKER"
READY_MARKER_ENV = "HANDOFF_READY_MARKER"
# The windowed Handoff.exe has no stdout: there the markers go into this file,
# each with the window title and the system locale (tools/windows-check checks both).
MARKER_FILE_ENV = "HANDOFF_MARKER_FILE"


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "handoff.svg"))


def configured_language() -> str | None:
    """``settings.language``; a broken settings file must not stop the window."""
    try:
        from handoff.core import settings

        return settings.load().language
    except Exception:  # the Settings dialog reports the problem with its line number
        return None


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with name, icon, style and translators installed."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Handoff")
    app.setOrganizationName("Handoff")
    app.setWindowIcon(app_icon())
    app.setStyleSheet(style.STYLESHEET)
    lang = translations.choose_language(configured_language())
    translations.remove(app, _translators)
    _translators[:] = translations.install(app, lang)
    return app


def run(open_file: Path | None = None) -> int:
    """Open the main window and run until it closes; returns the exit code.

    ``open_file`` (a received ``.7z``, e.g. from "Open with Handoff") starts on
    the Receive page with that file chosen.
    """
    app = create_app()
    from handoff.gui.gc_timer import GcTimer
    from handoff.gui.main_window import MainWindow

    gc_timer = GcTimer(app)
    app.aboutToQuit.connect(gc_timer.stop)

    window = MainWindow(app_icon(), first_page_later=True)
    window.show()
    _marker(STARTUP_MARKER_ENV, f"{window.windowTitle()}\t{QLocale.system().name()}")
    QTimer.singleShot(0, lambda: _first_page(window, open_file))
    window.start_background()
    return app.exec()


def _marker(name: str, detail: str = "") -> None:
    """Print the benchmark's marker on the next event-loop turn, if it asked for one."""
    if os.environ.get(name):
        QTimer.singleShot(0, lambda: _say(os.environ[name], detail))


def _say(marker: str, detail: str) -> None:
    """The marker on stdout, or appended to HANDOFF_MARKER_FILE when that is set."""
    path = os.environ.get(MARKER_FILE_ENV)
    if not path:
        print(marker, flush=True)
        return
    with open(path, "a", encoding="utf-8") as out:
        out.write(f"{marker}\t{detail}\n")


def _first_page(window: Any, open_file: Path | None) -> None:
    """The page the user starts on: Receive for "Open with Handoff", else Send."""
    if open_file is not None:
        window.open_received(Path(open_file))
    else:
        window.show_page("send")
    _marker(READY_MARKER_ENV)
