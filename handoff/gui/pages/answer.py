"""Answer (seed 004, Turnhout): check the other side's answer, send it back under the same reference.

Overweging C2 of seed 004: Opgroeien answers "in hetzelfde bestand": column A
keeps the request's INSZ numbers, B says yes/no, C and D name the last known
beneficiaries, and the result is e-mailed back encrypted with the key passed
by SMS or phone. ``workbook.check_answer`` compares the answer with the
request; the send is the same use case as any handoff, with the request's
handoff reference kept so the DPO sees both directions as one handoff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from handoff.gui import worker_calls
from handoff.gui.pages.send import SendPage
from handoff.gui.task_runner import TaskRunner
from handoff.gui.widgets.file_drop import sheet_drop


class AnswerPage(SendPage):
    """The Send page with a request to answer: only two-way protocols, check_answer, same reference."""

    page_key = "answer"
    ANSWERS = True  # only the recipients the protocol names for the answer (seed 004, C2)

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(
            runner,
            self.tr("Answer"),
            self.tr(
                "Open the request you received, check the answer sheet against it, and send "
                "the answer back locked with a new password, under the same reference."
            ),
        )
        self.drop.setEnabled(False)  # the answer is checked against the request: that first

    @staticmethod
    def keep_protocol(protocol: Any) -> bool:
        # Two-way protocols whose answer travels to a recipient (seed 004);
        # Lievegem's OCMW column (seed 000) stays on the internal share.
        return bool(protocol.answer_columns and protocol.recipients_for(answer=True))

    def _build_source_extra(self, layout: QVBoxLayout) -> None:
        self.request = sheet_drop(
            self.tr("First the request you received (from the secure folder)."),
            self.tr("Choose the &request…"),
        )
        self.request.file_chosen.connect(self._request_chosen)
        layout.addWidget(self.request)
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(
            self.tr("Reference of the request, e.g. HO-20250301-7KQ2M9")
        )
        self.reference_edit.setAccessibleName(self.tr("Reference of the request"))
        row = QFormLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addRow(self.tr("&Reference"), self.reference_edit)
        layout.addLayout(row)

    def source_widgets(self) -> list[QWidget]:
        return [self.request.button, self.reference_edit]

    def _request_chosen(self, path: Path) -> None:
        """Received files sit in a folder named after their handoff: propose that reference."""
        from handoff.usecases import handoff_id_from_name

        found = handoff_id_from_name(path) or handoff_id_from_name(path.parent)
        if found:
            self.reference_edit.setText(found)
        self.drop.setEnabled(True)
        if self.drop.path is not None:
            self._check_file(self.drop.path)

    def check_job(self, path: Path, protocol: Any) -> Any:
        from handoff.core import workbook

        return workbook.check_answer(self.request.path, path, protocol)

    def prepare_source(self, source: Any, protocol: Any) -> Any:
        return worker_calls.answer_sheet(self._request_path, source, protocol)

    def send(self) -> None:
        self._request_path = self.request.path  # read on the GUI thread
        super().send()

    def ready(self) -> bool:
        return self.request.path is not None and super().ready()

    def missing_steps(self) -> list[str]:
        before = [] if self.request.path is not None else [self.tr("the request you answer")]
        return before + super().missing_steps()

    def reference(self) -> str | None:
        return self.reference_edit.text().strip().upper() or None

    def _reset_sheet(self) -> None:
        super()._reset_sheet()
        if hasattr(self, "request"):
            self.request.set_path(None)
            self.reference_edit.clear()
            self.drop.setEnabled(False)
