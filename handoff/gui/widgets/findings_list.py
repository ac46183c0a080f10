"""The check's findings, one wrapped line each, blocking ones first, all text shown.

Issue 13 item 4: the findings sat in a box two lines high with its own scroll
bar, the first one cut mid-sentence, and named cells as ``Blad1!C3``. Each
finding is now its own wrapped label (the page scrolls, the list never does)
and says where in the words a worker uses: "Rij 3, kolom 'Rijksregisternummer'".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from handoff.core import i18n

_CELL = re.compile(r"^([A-Z]{1,3})([0-9]+)?$")


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
        self.clear()
        lang = i18n.language()
        for finding in sorted(findings, key=lambda f: not f.blocking):
            prefix = self.tr("To correct") if finding.blocking else self.tr("Note")
            label = QLabel(f"{prefix} — {self.describe(finding, lang)}")
            label.setObjectName("findingBlocking" if finding.blocking else "findingNote")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.addWidget(label)
            self.labels.append(label)

    def describe(self, finding: Any, lang: str) -> str:
        """Where (row and column by its header) and what to do, without ``Blad1!C3``."""
        body = finding.text.render(lang, **finding.params)
        where = self.place(finding)
        return f"{where}: {body}" if where else body

    def place(self, finding: Any) -> str:
        """ "Rij 3, kolom 'Naam'" for a cell; "" when the message already says where."""
        body = finding.text.render(i18n.language(), **finding.params)
        match = _CELL.match(finding.cell or "")
        if match is None:
            return ""
        letters, row = match.groups()
        header = finding.params.get("header") or finding.params.get("label")
        if header and f"'{header}'" in body:  # the message names the column itself
            said = row is None or re.search(rf"\b(rij|row) {row}\b", body, re.IGNORECASE)
            return "" if said else self.tr("Row {row}").format(row=row)
        column = (
            self.tr("column '{header}'").format(header=header)
            if header
            else self.tr("column {letters}").format(letters=letters)
        )
        if not row:
            return column[:1].upper() + column[1:]
        return self.tr("Row {row}, {column}").format(row=row, column=column)

    def count(self) -> int:
        return len(self.labels)

    def clear(self) -> None:
        for label in self.labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.labels = []

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]
