"""The check's findings, one wrapped line each, blocking ones first, all text shown.

Issue 13 item 4: the findings sat in a box two lines high with its own scroll
bar, the first one cut mid-sentence, and named cells as ``Blad1!C3``. Each
finding is now its own wrapped label (the page scrolls, the list never does)
and says where in the words a worker uses: "Rij 3, kolom 'Rijksregisternummer'"
(:meth:`handoff.core.workbook.findings.Finding.line`, which ``handoff check`` prints too).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from handoff.core import i18n


class FindingsList(QWidget):
    """Shows a ``CheckReport``'s findings; empty means nothing to report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Results of the check"))
        self.labels: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)

    def show_findings(self, findings: Iterable[Any]) -> None:
        """One label per finding, blocking first, worded by ``Finding.line`` as the CLI is."""
        self.clear()
        lang = i18n.language()
        for finding in sorted(findings, key=lambda f: not f.blocking):
            label = QLabel(finding.line(lang))
            label.setObjectName("findingBlocking" if finding.blocking else "findingNote")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.addWidget(label)
            self.labels.append(label)

    def count(self) -> int:
        return len(self.labels)

    def clear(self) -> None:
        for label in self.labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.labels = []

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]
