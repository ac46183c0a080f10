"""The check's findings, one per line, naming sheet and cell, blocking ones first.

``Finding.message()`` already says where ("Blad1!B7: ...") and what to do; the
list only orders them and marks which ones stop the handoff.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from handoff.core import i18n

BLOCKING_COLOUR = QColor("#9b2c2c")
NOTE_COLOUR = QColor("#7a5a00")


class FindingsList(QListWidget):
    """Shows a ``CheckReport``'s findings; empty means nothing to report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Results of the check"))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def show_findings(self, findings: Iterable[Any]) -> None:
        self.clear()
        for finding in sorted(findings, key=lambda f: not f.blocking):
            prefix = self.tr("Must fix") if finding.blocking else self.tr("Note")
            item = QListWidgetItem(f"{prefix}: {finding.message(i18n.language())}")
            item.setForeground(QBrush(BLOCKING_COLOUR if finding.blocking else NOTE_COLOUR))
            self.addItem(item)
        self._fit()

    def _fit(self, most: int = 220) -> None:
        """As tall as its findings (up to ``most`` pixels), so one finding is not lost in a box."""
        rows = sum(self.sizeHintForRow(i) for i in range(self.count()))
        self.setFixedHeight(min(max(rows + 2 * self.frameWidth() + 6, 36), most))

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
