"""The steps of one handoff as the journal has them: what was done, and when.

The page ends on this list, read back from the journal rather than from the
page's own memory, so what the worker sees is exactly what the DPO will see.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from handoff.gui.steps import step_label

DONE_MARK = "✓"


class JournalChecklist(QListWidget):
    """One line per journal record: tick, step, time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Steps recorded in the journal"))

    def show_records(self, records: Iterable[Any]) -> None:
        self.clear()
        locale = QLocale()
        for record in records:
            when = locale.toString(record.time.astimezone(), QLocale.FormatType.ShortFormat)
            text = f"{DONE_MARK}  {step_label(record.step)}  —  {when}"
            self.addItem(QListWidgetItem(text))

    def steps(self) -> list[str]:
        """The texts shown (tests read them)."""
        return [self.item(i).text() for i in range(self.count())]
