"""The open items of the journal as a to-do list, each with its own action buttons.

Issue 13 §9: an obligation must be closable later and anywhere: after
"Nog een bestand ontvangen", after a restart, from the Logboek. The list reads
the journal (``journal.obligations``), shows who must act and by which date,
and each button calls ``usecases.act`` off the GUI thread, which journals the
step; then the list reads the journal again. The receive page and the log
page show the same widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handoff.core import i18n
from handoff.core.journal.obligations import ACTIONS
from handoff.gui import messages, worker_calls
from handoff.gui.columns import longest_word, squeeze
from handoff.gui.task_runner import TaskRunner, simple

#: Actions that delete files: asked first, "No" as the default.
DESTRUCTIVE = ("delete_now", "delete_after_contact", "void")
HANDOFF, TODO, WHO, WHEN, ACTION = range(5)


class SortItem(QTableWidgetItem):
    """A cell that sorts by the value in ``UserRole`` (dates, not their dd/mm/jjjj text)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return super().__lt__(other)


class TodoList(QWidget):
    """Open items: handoff, what, who, by when, and a button per action."""

    handoff_chosen = Signal(str)  # a row was clicked: show that handoff's records
    changed = Signal()  # an action was journaled

    def __init__(
        self,
        runner: TaskRunner,
        keep: Callable[[Any], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.keep = keep or (lambda _item: True)
        self.items: list[Any] = []
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Open obligations"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Handoff"), self.tr("To do"), self.tr("Who"), self.tr("When"), ""]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for column in (HANDOFF, WHO, WHEN, ACTION):  # sized by _fit_columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TODO, QHeaderView.ResizeMode.Stretch)
        self._fitted_width = -1
        self.table.cellClicked.connect(self._clicked)
        self.empty = QLabel(self.tr("Nothing is open."))
        self.empty.setObjectName("hint")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        self.empty.hide()

    # ----- reading ------------------------------------------------------------
    def load(self) -> None:
        """Read the open items off the GUI thread."""
        self.runner.start(
            simple(worker_calls.open_obligations),
            on_success=self.show_items,
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(messages.describe(exc))
        self.status.show()

    def show_items(self, items: list[Any]) -> None:
        self.items = [item for item in items if self.keep(item)]
        lang = i18n.language()
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill(row, item, lang)
        self.table.setSortingEnabled(True)
        self.table.setVisible(bool(self.items))
        self.empty.setVisible(not self.items)
        self._fit_columns()

    def resizeEvent(self, event: Any) -> None:
        """A new width shares the columns out again (issue 13 §15: no sideways scrolling)."""
        super().resizeEvent(event)
        if self.table.viewport().width() != self._fitted_width:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its text, as long as "To do" keeps 35 % (30 %) of the width.

        At 150 % on a 1280x800 screen the list has about 550 px: then who and
        when wrap first (down to their longest word). If that is not enough the
        reference is hidden rather than cut to "HO…", which names nothing: the
        task's tooltip names it, and a click still opens its records; and "To
        do" may go down to 30 %. Only when even that does not fit do who and
        when go down to six characters; the rows grow.
        """
        table, header = self.table, self.table.horizontalHeader()
        width = table.viewport().width()
        self._fitted_width = width
        widths = {
            c: max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in (HANDOFF, WHO, WHEN, ACTION)
        }
        metrics, pad = self.fontMetrics(), 12
        words = {c: min(longest_word(metrics, self._texts(c), pad), widths[c]) for c in (WHO, WHEN)}
        over = squeeze(widths, (WHO, WHEN), sum(widths.values()) - width * 65 // 100, words)
        table.setColumnHidden(HANDOFF, over > 0)
        if over > 0:  # and the task gives up 5 % more before who and when break a word
            over -= widths.pop(HANDOFF) + width * 5 // 100
            squeeze(
                widths, (WHO, WHEN), over, dict.fromkeys(widths, metrics.horizontalAdvance("x") * 6)
            )
        for column, column_width in widths.items():
            table.setColumnWidth(column, column_width)
        table.resizeRowsToContents()
        self._fit_height()

    def _texts(self, column: int) -> list[str]:
        cells = (self.table.item(row, column) for row in range(self.table.rowCount()))
        return [cell.text() for cell in cells if cell is not None]

    def _fill(self, row: int, item: Any, lang: str) -> None:
        deadline = item.deadline.toordinal() if item.deadline else 10**7
        cells = (
            (HANDOFF, item.handoff_id, item.handoff_id),
            (TODO, item.message(lang), item.sort_key()[0]),
            (WHO, item.who(lang), item.account),
            (WHEN, item.when(lang), deadline),
        )
        for column, text, key in cells:
            cell = SortItem(text)
            cell.setData(Qt.ItemDataRole.UserRole, key)
            cell.setData(Qt.ItemDataRole.UserRole + 1, item.handoff_id)
            cell.setToolTip(f"{item.handoff_id}: {text}" if column == TODO else text)
            if item.overdue:
                cell.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, column, cell)
        self.table.setCellWidget(row, ACTION, self._buttons(item, lang))

    def _buttons(self, item: Any, lang: str) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)  # stacked: the column is one button wide
        layout.setContentsMargins(2, 2, 2, 2)
        for action in item.actions:
            button = QPushButton(ACTIONS[action].render(lang))
            button.setAccessibleName(f"{ACTIONS[action].render(lang)} {item.handoff_id}")
            button.setProperty("action", action)
            button.clicked.connect(lambda _c=False, i=item, a=action, b=button: self.act(i, a, b))
            layout.addWidget(button)
        return holder

    def _fit_height(self) -> None:
        """Show every row without an inner scroll bar up to ~8 rows; the page scrolls."""
        rows = sum(self.table.rowHeight(r) for r in range(min(self.table.rowCount(), 8)))
        self.table.setFixedHeight(rows + self.table.horizontalHeader().height() + 4)

    def _clicked(self, row: int, _column: int) -> None:
        cell = self.table.item(row, HANDOFF)  # there even while the column is hidden
        if cell is not None:
            self.handoff_chosen.emit(cell.text())

    def buttons(self) -> list[QPushButton]:
        """Every action button, in row order as shown (tests press them)."""
        found = []
        for row in range(self.table.rowCount()):
            holder = self.table.cellWidget(row, ACTION)
            found += holder.findChildren(QPushButton) if holder else []
        return found

    def handoffs(self) -> list[str]:
        """The handoff ids in the order shown."""
        return [self.table.item(r, HANDOFF).text() for r in range(self.table.rowCount())]

    # ----- acting -------------------------------------------------------------
    def confirm(self, item: Any, action: str) -> bool:
        """Deleting and voiding cannot be undone: ask first, "No" by default."""
        if action not in DESTRUCTIVE:
            return True
        text = (
            self.tr("Delete the stored files of {handoff} now? This cannot be undone.")
            if action != "void"
            else self.tr(
                "Void the archive of {handoff}? Its password can then no longer be passed on; "
                "you start again with a new handoff."
            )
        )
        answer = QMessageBox.question(
            self,
            ACTIONS[action].render(i18n.language()),
            text.format(handoff=item.handoff_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def act(self, item: Any, action: str, button: QPushButton | None = None) -> None:
        """Carry out ``action`` off the GUI thread, then read the journal again."""
        if not self.confirm(item, action):
            return
        if button is not None:
            button.setEnabled(False)
        self.status.hide()
        self.runner.start(
            simple(lambda: worker_calls.act(item.handoff_id, action)),
            on_success=lambda _record: self._done(),
            on_failure=lambda exc: self._act_failed(exc, button),
        )

    def _done(self) -> None:
        self.changed.emit()
        self.load()

    def _act_failed(self, exc: BaseException, button: QPushButton | None) -> None:
        if button is not None:
            button.setEnabled(True)
        self._failed(exc)
