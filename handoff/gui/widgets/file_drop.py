"""A drop zone with a "Choose file" button: the one way a page takes a file.

Non-technical users either drag a file from Explorer or click the button; both
end in the same ``file_chosen`` signal, so a page has a single code path.

Outlook offers an attachment dragged out of a mail as a virtual file, with no
path: the Windows formats ``FileGroupDescriptorW`` (the name) and
``FileContents`` (the bytes). A FileDrop given a ``store_virtual`` accepts
them and has it write the file first (the receive page: into the secure
folder's drop area, never a temp folder), then chooses it like any other file.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# What the check accepts (core.workbook.audit reads only the Open XML workbook):
# the dialog offers nothing else, and other files are answered in words.
SHEET_SUFFIXES = (".xlsx",)
# Sealing locks the file as it is, unchecked: any spreadsheet will do.
ANY_SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")

#: Qt's names for the Windows clipboard formats of a virtual file (Outlook attachments).
DESCRIPTOR_MIME = 'application/x-qt-windows-mime;value="FileGroupDescriptorW"'
CONTENTS_MIME = 'application/x-qt-windows-mime;value="FileContents"'
#: FILEDESCRIPTORW: 72 bytes of flags, sizes and times, then WCHAR cFileName[260].
_DESCRIPTOR_SIZE = 592
_NAME_OFFSET = 72
_NAME_BYTES = 520


def descriptor_names(data: bytes) -> list[str]:
    """The file names in a FILEGROUPDESCRIPTORW (a count, then one FILEDESCRIPTORW each)."""
    if len(data) < 4:
        return []
    (count,) = struct.unpack_from("<I", data)
    names = []
    for index in range(count):
        start = 4 + index * _DESCRIPTOR_SIZE + _NAME_OFFSET
        raw = data[start : start + _NAME_BYTES]
        if len(raw) < _NAME_BYTES:
            return []  # truncated: trust none of it
        names.append(raw.decode("utf-16-le", errors="replace").split("\0", 1)[0])
    return names


def virtual_name(mime: QMimeData) -> str | None:
    """The one dropped virtual file's bare name (no folders), or None."""
    if not mime.hasFormat(DESCRIPTOR_MIME):
        return None
    names = descriptor_names(bytes(mime.data(DESCRIPTOR_MIME).data()))
    if len(names) != 1:
        return None
    name = names[0].replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name if name not in ("", ".", "..") else None


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
        store_virtual: Callable[[str, bytes], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fileDrop")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._prompt = prompt
        self._filter = dialog_filter
        self._suffixes = tuple(s.lower() for s in suffixes)
        self._wrong_type = wrong_type
        self._store_virtual = store_virtual
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

    def _allowed_name(self, name: str) -> bool:
        return not self._suffixes or Path(name).suffix.lower() in self._suffixes

    def _virtual(self, mime: QMimeData) -> str | None:
        """The name of an acceptable virtual file (Outlook attachment) in ``mime``."""
        if self._store_virtual is None:
            return None
        name = virtual_name(mime)
        return name if name and self._allowed_name(name) else None

    def _write_virtual(self, name: str, mime: QMimeData) -> Path | None:
        """Have the dropped bytes written (``store_virtual``); None when there are none."""
        if not mime.hasFormat(CONTENTS_MIME) or self._store_virtual is None:
            return None
        data = bytes(mime.data(CONTENTS_MIME).data())
        if not data:
            return None
        return self._store_virtual(name, data)

    def _dropped_path(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        """The one local file dropped (of any type: a wrong one is answered in words)."""
        urls = event.mimeData().urls()
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.is_file() and (self.accepts(path) or self._wrong_type) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None or self._virtual(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        name = None if path is not None else self._virtual(event.mimeData())
        if name is not None:
            path = self._write_virtual(name, event.mimeData())
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
