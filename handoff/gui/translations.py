"""Pick the UI language and install Qt's translators for it.

Dutch is the default (Flemish civil servants); English when the settings say so,
or when nothing is set and the system locale is English. The core's own
bilingual messages are switched to the same language so a page never mixes
the two.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from handoff.core import i18n
from handoff.core.paths import resources_dir


def _normalise(code: str | None) -> str | None:
    code = (code or "").strip().lower()[:2]
    return code if code in i18n.SUPPORTED else None


def choose_language(setting: str | None) -> str:
    """Settings first, then ``HANDOFF_LANG``, then the system locale; Dutch otherwise."""
    chosen = _normalise(setting) or _normalise(os.environ.get("HANDOFF_LANG"))
    if chosen:
        return chosen
    if QLocale.system().language() == QLocale.Language.English:
        return "en"
    return i18n.DEFAULT


def catalogue(lang: str) -> Path:
    """Handoff's compiled catalogue for ``lang`` (built from the ``.ts`` when missing or stale).

    Built beside the target and renamed into place: a running Handoff maps the
    ``.qm`` file, and rewriting it in place would crash that process.
    """
    from handoff import i18n_build

    folder = resources_dir() / "i18n"
    ts = folder / f"handoff_{lang}.ts"
    if i18n_build.is_stale(ts) and os.access(folder, os.W_OK):  # source checkout, as tools/setup
        i18n_build.build_one(ts)
    return ts.with_suffix(".qm")


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Handoff's and Qt's own catalogues; return them (the app must keep them)."""
    i18n.set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
            QLocale.Country.Belgium,
        )
    )
    installed: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"handoff_{lang}.qm", str(catalogue(lang).parent)),
        (f"qtbase_{lang}.qm", qt_folder),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take catalogues out again (switching language from the settings dialog)."""
    for translator in translators:
        app.removeTranslator(translator)
