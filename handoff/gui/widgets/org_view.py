"""The DPO's "Organisatie" view on the Logboek: every PC's open obligations, witness, export.

Shown only when the DPO role is enrolled on this computer (``handoff dpo
enrol``). The DPO trusts neither the server nor whoever runs its database, so
everything here goes through ``orgjournal.dpo``: "Nu controleren" checks the
newest checkpoint against the last one the DPO cosigned and cosigns it
(``witness``); the list and the export read only an audited, intact journal
up to that checkpoint (``open_items``, ``export``). Each line names the PC by
its enrolment name and the account. All of it runs off the GUI thread: an
audit of a large organisation takes tens of seconds.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from handoff.core import i18n
from handoff.gui import messages, style
from handoff.gui.task_runner import TaskRunner, simple

PC, ACCOUNT, PROTOCOL, PERIOD, HANDOFF, WHAT = range(6)


def _witness() -> Any:
    from handoff.orgjournal import dpo

    return dpo.witness()


def _last_witness() -> Any:
    from handoff.orgjournal import dpo

    return dpo.WitnessState.load(dpo.default_folder())


def _open_items() -> list[Any]:
    from handoff.orgjournal import dpo

    return dpo.open_items()


def _export(target: Path) -> int:
    from handoff.orgjournal import dpo

    return dpo.export(target, "xlsx" if target.suffix.lower() == ".xlsx" else "csv")


def dpo_enrolled() -> bool:
    from handoff.orgjournal import identity

    return identity.load("dpo") is not None


class OrgView(QWidget):
    """Witness result and buttons on top, the organisation's open obligations below."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.witness_status = QLabel()
        self.witness_status.setWordWrap(True)
        self.witness_status.setAccessibleName(self.tr("Last check of the organisation's journal"))
        self.check_button = style.button(self.tr("Check &now"))
        self.check_button.setToolTip(
            self.tr(
                "Check that the organisation's journal only grew since your last check, "
                "and cosign it."
            )
        )
        self.check_button.clicked.connect(self.check)
        self.export_button = style.button(self.tr("Ex&port…"))
        self.export_button.setToolTip(
            self.tr("Every record of every computer, as CSV or Excel, after an audit.")
        )
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(self.witness_status, 1)
        top.addWidget(self.check_button)
        top.addWidget(self.export_button)
        self.table = self._build_table()
        self.list_status = QLabel()
        self.list_status.setObjectName("hint")
        self.list_status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.list_status)
        self.loaded = False
        self._show_last_witness()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setAccessibleName(self.tr("Open obligations of the organisation"))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Computer"),
                self.tr("User"),
                self.tr("Protocol"),
                self.tr("Period"),
                self.tr("Handoff"),
                self.tr("To do"),
            ]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        for column in (PC, ACCOUNT, PROTOCOL, PERIOD, HANDOFF):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        return table

    # ----- the last witness -----------------------------------------------------
    def _show_last_witness(self) -> None:
        try:
            state = _last_witness()
        except Exception as exc:  # an unreadable witness file: say so, never guess
            self._bad(messages.describe(exc))
            return
        if state is None:
            style.set_role(self.witness_status, "hint")
            self.witness_status.setText(
                self.tr(
                    "Not checked yet from this computer. 'Check now' checks the organisation's "
                    "journal and cosigns it."
                )
            )
            return
        self._good(state)

    def _good(self, state: Any) -> None:
        when = datetime.fromtimestamp(state.cosigned_at).strftime("%d/%m/%Y %H:%M")
        style.set_role(self.witness_status, "badgeOk")
        self.witness_status.setText(
            self.tr(
                "✓ Last checked and cosigned on {when}: %n record(s), nothing rewritten.",
                "",
                state.size,
            ).format(when=when)
        )

    def _bad(self, text: str) -> None:
        style.set_role(self.witness_status, "badgeBad")
        self.witness_status.setText("✗ " + text)

    def check(self) -> None:
        """Witness off the GUI thread; on success the list is read again up to the new checkpoint."""
        self.check_button.setEnabled(False)
        self.witness_status.setText(self.tr("Checking the organisation's journal…"))
        self.runner.start(simple(_witness), on_success=self._checked, on_failure=self._check_failed)

    def _checked(self, state: Any) -> None:
        self.check_button.setEnabled(True)
        self._good(state)
        self.load()

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self._bad(messages.describe(exc))

    # ----- the open obligations -------------------------------------------------
    def load(self) -> None:
        """Read the organisation's open obligations (an audit first) off the GUI thread."""
        self.loaded = True
        self.list_status.setText(self.tr("Reading the organisation's journal…"))
        self.runner.start(simple(_open_items), on_success=self.show_items, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.table.setRowCount(0)
        self.list_status.setText(messages.describe(exc))

    def show_items(self, items: list[Any]) -> None:
        lang = i18n.language()
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            o = item.obligation
            cells = {
                PC: item.pc,
                ACCOUNT: item.account,
                PROTOCOL: o.protocol_id or "—",
                PERIOD: o.since.strftime("%m/%Y"),
                HANDOFF: o.handoff_id,
                WHAT: o.message(lang),
            }
            for column, text in cells.items():
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        overdue = sum(1 for item in items if item.obligation.overdue)
        if not items:
            self.list_status.setText(self.tr("Nothing is open in the organisation."))
        else:
            self.list_status.setText(
                self.tr("%n open obligation(s) in the organisation", "", len(items))
                + self.tr(", %n overdue (at the top).", "", overdue)
            )

    def showEvent(self, event: Any) -> None:
        """The list costs an audit: read it when the DPO first opens the tab."""
        super().showEvent(event)
        if not self.loaded:
            self.load()

    # ----- the export -----------------------------------------------------------
    def export(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the organisation's journal"),
            "logboek-organisatie.xlsx",
            self.tr("Excel files (*.xlsx);;CSV files (*.csv)"),
        )
        if not name:
            return
        suffix = ".csv" if name.lower().endswith(".csv") or "csv" in chosen.lower() else ".xlsx"
        target = Path(name) if name.lower().endswith(suffix) else Path(name + suffix)
        self.export_button.setEnabled(False)
        self.list_status.setText(self.tr("Exporting the organisation's journal…"))
        self.runner.start(
            simple(lambda: _export(target)),
            on_success=lambda count: self._exported(count, target),
            on_failure=self._export_failed,
        )

    def _exported(self, count: int, target: Path) -> None:
        self.export_button.setEnabled(True)
        self.list_status.setText(
            self.tr("%n record(s) exported to {file}.", "", count).format(file=target)
        )

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.list_status.setText(messages.describe(exc))
