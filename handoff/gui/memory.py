"""What the window remembers between sessions: only choices, never data.

The last protocol used on each page, so a worker who always receives the same
list is not asked again. Stored in ``gui.ini`` next to the settings (under
``HANDOFF_HOME`` in tests); it never holds a name, a file name or a password.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from handoff.core.paths import config_dir


def _store() -> QSettings:
    return QSettings(str(config_dir() / "gui.ini"), QSettings.Format.IniFormat)


def last_protocol(page: str) -> str | None:
    value = _store().value(f"{page}/last_protocol")
    return str(value) if value else None


def remember_protocol(page: str, protocol_id: str) -> None:
    store = _store()
    store.setValue(f"{page}/last_protocol", protocol_id)
    store.sync()
