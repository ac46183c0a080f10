"""The journal as a Qt table model that fetches lazily, page by page.

The DPO's journal can hold a million records. The view asks ``canFetchMore``
and ``fetchMore`` as the user scrolls; each fetch is one keyset query of
:data:`PAGE_SIZE` rows on the record id, so memory grows with what was looked
at, never with the journal's size.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from handoff.core.journal.query import PAGE_SIZE, JournalFilter, page
from handoff.core.journal.sentences import Sentences, local_time

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the table has no parents; Qt passes this invalid index


def details_text(details: dict) -> str:
    """The record's raw details as JSON, for the detail pane (auditors; no personal data)."""
    return json.dumps(details, ensure_ascii=False, sort_keys=True, indent=2)


class JournalTableModel(QAbstractTableModel):
    """Rows are journal records, newest first; ``set_filter`` starts again from the top."""

    def __init__(self, journal: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._filter = JournalFilter()
        self._rows: list[Any] = []
        self._exhausted = False
        self.words = Sentences()  # protocol titles read once; the language of the window
        self.headers = (
            self.tr("Seq"),
            self.tr("Time"),
            self.tr("Handoff"),
            self.tr("Protocol"),
            self.tr("Step"),
            self.tr("User"),
            self.tr("Computer"),
            self.tr("Details"),
        )

    # ----- Qt model API -----------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        record = self._rows[index.row()]
        return self._cell(record, index.column())

    def _cell(self, record: Any, column: int) -> str:
        """What the DPO reads (issue 13 §12): local time, titles, names, a sentence."""
        if column == 0:
            return str(record.seq)
        if column == 1:
            return local_time(record.time)
        values = (
            record.handoff_id,
            self.words.protocol(record.protocol_id),
            self.words.step(record.step.value),
            record.account,
            record.machine,
            self.words.details(record),
        )
        return values[column - 2]

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and self._journal is not None

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or self._exhausted:
            return
        before = self._rows[-1].seq if self._rows else None
        chunk = page(self._journal, self._filter, before, PAGE_SIZE)
        if len(chunk) < PAGE_SIZE:
            self._exhausted = True
        if chunk:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(chunk) - 1)
            self._rows.extend(chunk)
            self.endInsertRows()

    # ----- ours -------------------------------------------------------------
    def set_filter(self, where: JournalFilter) -> None:
        """Drop what was loaded and start again under the new filter."""
        self.beginResetModel()
        self._filter = where
        self._rows = []
        self._exhausted = False
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self._filter)

    @property
    def filter(self) -> JournalFilter:
        return self._filter

    def record(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, seq: int) -> int | None:
        """The row showing record ``seq``, fetching further pages until it is loaded."""
        while True:
            for row, record in enumerate(self._rows):
                if record.seq == seq:
                    return row
            if not self.canFetchMore() or (self._rows and self._rows[-1].seq < seq):
                return None
            self.fetchMore()

    def loaded(self) -> int:
        """How many records are in memory (tests check the laziness)."""
        return len(self._rows)
