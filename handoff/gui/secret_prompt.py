"""Ask for a server password when the keyring has none (or there is no secure keyring).

``credentials.get_secret`` then calls ``ask``; the channel runs on a worker
thread where no dialog can open, so the page asks here first and hands the
answer to the job. The answer is used once and kept nowhere.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from handoff.core import i18n


def _label(name: str) -> str:
    labels = {
        "smtp": QCoreApplication.translate("secret_prompt", "Password of the mail server"),
        "sftp": QCoreApplication.translate("secret_prompt", "Password of the SFTP server"),
        "sms": QCoreApplication.translate("secret_prompt", "Token of the SMS provider"),
    }
    return labels.get(name, name)


def ask_secret(parent: QWidget | None, name: str) -> str | None:
    """The secret typed by the user, or None when they cancelled."""
    from handoff.core import credentials  # keyring loads when a secret is needed, not at start

    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("secret_prompt", "Password needed"),
        QCoreApplication.translate(
            "secret_prompt",
            "{what} is not stored on this computer. Type it to use it once "
            "(Settings can store it in {store}).",
        ).format(what=_label(name), store=credentials.store_name().render(i18n.language())),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
