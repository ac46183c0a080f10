"""The generated password, shown once, large and grouped, with a guarded copy.

The protocols have the password travel by another channel than the archive
(seed 003 art. 6, step 3: "via een ander communicatiekanaal ... (bv sms)";
seed 004: by SMS or phone between the DPOs). The worker reads it out or types
it into a phone, so it is big, monospaced and grouped. Copying is allowed for
the SMS case but the clipboard is emptied after 30 seconds, and only if it
still holds the password (never wiping what the user copied since). The value
lives only in this widget's memory: never logged, never written.

The copy is marked as secret (issue 13 item 6) so clipboard managers do not
keep it: Windows' clipboard history (Win+V) and cloud clipboard read the
formats below (Microsoft, "Clipboard Formats": ExcludeClipboardContentFrom-
MonitorProcessing, CanIncludeInClipboardHistory, CanUploadToCloudClipboard),
KDE's Klipper reads ``x-kde-passwordManagerHint``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

CLEAR_AFTER_MS = 30_000
_DWORD_ZERO = b"\x00\x00\x00\x00"
#: Mime formats that tell clipboard histories and cloud sync to leave the copy alone.
SECRET_FORMATS: dict[str, bytes] = {
    "ExcludeClipboardContentFromMonitorProcessing": _DWORD_ZERO,
    "CanIncludeInClipboardHistory": _DWORD_ZERO,
    "CanUploadToCloudClipboard": _DWORD_ZERO,
    "x-kde-passwordManagerHint": b"secret",
}
# Fonts where 0/O and 1/l/I differ clearly, first the ones Windows ships.
MONOSPACE = ["Cascadia Mono", "Consolas", "DejaVu Sans Mono", "Menlo", "Noto Sans Mono"]


def secret_mime(secret: str) -> QMimeData:
    """The password as text, marked so clipboard histories and cloud sync skip it."""
    data = QMimeData()
    data.setText(secret)
    for name, value in SECRET_FORMATS.items():
        data.setData(name, value)
    return data


def strength_words(bits: float) -> str:
    """The strength as a worker reads it; the bits go in the tooltip."""
    translate = QCoreApplication.translate
    if bits >= 77:
        return translate("PasswordView", "Strength: very strong")
    if bits >= 65:
        return translate("PasswordView", "Strength: strong enough")
    return translate("PasswordView", "Strength: too weak")


class ClipboardGuard(QObject):
    """Puts a secret on the clipboard and takes it off again after a delay."""

    cleared = Signal()

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__()
        self._secret: str | None = None
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear)

    def copy(self, secret: str) -> None:
        self._secret = secret
        QGuiApplication.clipboard().setMimeData(secret_mime(secret))
        self._timer.start()

    def clear(self) -> None:
        """Empty the clipboard if it still holds our secret; forget the secret either way."""
        clipboard = QGuiApplication.clipboard()
        if self._secret is not None and clipboard.text() == self._secret:
            clipboard.clear()
        self._secret = None
        self._timer.stop()
        self.cleared.emit()

    def pending(self) -> bool:
        return self._timer.isActive()


class PasswordView(QWidget):
    """Big grouped password plus a Copy button; ``forget()`` wipes it from the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: str | None = None
        self.guard = ClipboardGuard()
        self.label = QLabel()
        self.label.setObjectName("passwordLabel")
        font = QFont()
        font.setFamilies(MONOSPACE)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFixedPitch(True)
        font.setPointSize(26)
        font.setWeight(QFont.Weight.Bold)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        self.label.setFont(font)
        self.label.setAccessibleName(self.tr("Password"))
        self.label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Copy (cleared after 30 seconds)"))
        self.copy_button.setAccessibleName(self.tr("Copy the password"))
        self.copy_button.setAccessibleDescription(
            self.tr("The clipboard is emptied again after 30 seconds.")
        )
        self.copy_button.clicked.connect(self.copy)
        self.copied = QLabel()
        self.copied.setObjectName("success")
        self.guard.cleared.connect(self._cleared)
        self.strength = QLabel()
        self.strength.setObjectName("passwordStrength")
        self.strength.setAccessibleName(self.tr("Password strength"))
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.copied)
        row.addWidget(self.strength)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)

    def show_password(self, value: str, grouped: str, bits: float = 0.0) -> None:
        """Display ``grouped`` and its strength; copy puts the exact ``value`` on the clipboard."""
        self._value = value
        self.label.setText(grouped)
        self.strength.setText(strength_words(bits) if bits else "")
        self.strength.setToolTip(
            self.tr("{bits} bits (at least 65 needed)").format(bits=round(bits)) if bits else ""
        )

    def copy(self) -> None:
        if self._value:
            self.guard.copy(self._value)
            self.copied.setText(self.tr("Copied; cleared from the clipboard in 30 s."))

    def _cleared(self) -> None:
        self.copied.clear()

    def forget(self) -> None:
        """Remove the password from screen and memory (the step is over)."""
        self.guard.clear()
        self._value = None
        self.label.clear()
        self.strength.clear()
        self.strength.setToolTip("")
        self.copied.clear()
