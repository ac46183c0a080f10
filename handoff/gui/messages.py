"""Turn a task's failure into a sentence a social worker can act on.

Foreseen failures are :class:`HandoffError` and already carry a bilingual
message; anything else is a bug, so the user gets a calm generic message that
names only the exception type (never its text, which could hold data) and the
details go nowhere.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from handoff.core import i18n
from handoff.core.errors import HandoffError


def error_code(exc: BaseException) -> str | None:
    """The stable code of a foreseen failure, None for an unexpected one."""
    return exc.code if isinstance(exc, HandoffError) else None


def describe(exc: BaseException) -> str:
    """The message to show for ``exc`` in the UI language."""
    if isinstance(exc, HandoffError):
        return exc.message(i18n.language())
    return QCoreApplication.translate(
        "messages",
        "Something unexpected went wrong ({kind}). Nothing was left half-written. "
        "Try again; if it happens again, tell your IT desk.",
    ).format(kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A modal warning with the translated message (patched in tests)."""
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "Handoff"), describe(exc))
