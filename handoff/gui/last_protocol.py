"""The last protocol used on each page, remembered between sessions: a choice, never data.

The last protocol used on each page, so a worker who always receives the same
list is not asked again. Stored in ``gui.ini`` next to the settings (under
``HANDOFF_HOME`` in tests); it never holds a name, a file name or a password.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from handoff.core.paths import config_dir


def _store() -> QSettings:
    return QSettings(str(config_dir() / "gui.ini"), QSettings.Format.IniFormat)


def recall(page: str) -> str | None:
    """The protocol id last used on ``page``, if any."""
    value = _store().value(f"{page}/last_protocol")
    return str(value) if value else None


def remember(page: str, protocol_id: str) -> None:
    """Keep ``protocol_id`` as the one to preselect next time on ``page``."""
    store = _store()
    store.setValue(f"{page}/last_protocol", protocol_id)
    store.sync()
