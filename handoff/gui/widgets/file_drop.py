"""A drop zone with a "Choose file" button: the one way a page takes a file.

Non-technical users either drag a file from Explorer or click the button; both
end in the same ``file_chosen`` signal, so a page has a single code path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# What the check accepts (core.workbook.audit reads only the Open XML workbook):
# the dialog offers nothing else, and other files are answered in words.
SHEET_SUFFIXES = (".xlsx",)
# Sealing locks the file as it is, unchecked: any spreadsheet will do.
ANY_SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


class FileDrop(QFrame):
    """Shows the chosen file's name; accepts a drop of one file with an allowed suffix."""

    file_chosen = Signal(Path)

    def __init__(
        self,
        prompt: str,
        button_text: str,
        dialog_filter: str,
        suffixes: tuple[str, ...],
        parent: QWidget | None = None,
        wrong_type: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fileDrop")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._prompt = prompt
        self._filter = dialog_filter
        self._suffixes = tuple(s.lower() for s in suffixes)
        self._wrong_type = wrong_type
        self.path: Path | None = None
        self.label = QLabel(prompt)
        self.label.setWordWrap(True)
        self.button = QPushButton(button_text)
        self.button.setAccessibleName(button_text.replace("&", ""))
        self.button.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setAccessibleName(prompt)

    def browse(self) -> None:
        """Open the file dialog (a static call, patched in tests)."""
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(self, self._prompt, start, self._filter)
        if name:
            self.offer(Path(name))

    def accepts(self, path: Path) -> bool:
        return path.is_file() and (not self._suffixes or path.suffix.lower() in self._suffixes)

    def set_path(self, path: Path | None) -> None:
        """Select ``path`` (None clears) and announce it."""
        self.path = path
        self.label.setText(path.name if path else self._prompt)
        self.label.setToolTip(str(path) if path else "")
        if path is not None:
            self.file_chosen.emit(path)

    def _dropped_path(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        """The one local file dropped (of any type: a wrong one is answered in words)."""
        urls = event.mimeData().urls()
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.is_file() and (self.accepts(path) or self._wrong_type) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.offer(path)

    def offer(self, path: Path) -> None:
        """Take ``path`` if it is of an accepted type, else say what to do (issue 13 item 4)."""
        if self.accepts(path):
            self.set_path(path)
            return
        self.path = None
        self.label.setText(self._wrong_type.format(name=path.name))
        self.label.setToolTip(str(path))


def sheet_drop(prompt: str, button_text: str, *, checked: bool = True) -> FileDrop:
    """A FileDrop for the spreadsheets the workbook checks can read (``checked``), or any."""
    translate = QCoreApplication.translate
    if not checked:
        return FileDrop(
            prompt,
            button_text,
            translate("FileDrop", "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)"),
            ANY_SHEET_SUFFIXES,
        )
    return FileDrop(
        prompt,
        button_text,
        translate("FileDrop", "Excel workbook (*.xlsx)"),
        SHEET_SUFFIXES,
        wrong_type=translate(
            "FileDrop",
            "{name} is not an Excel workbook. Open it in Excel, save it as an Excel workbook "
            "(.xlsx) and choose that file.",
        ),
    )
