"""The referral form: one client's details typed in, from which Handoff writes the sheet.

Seeds 001/002 (Kind en Gezin referral): usually one person, and the team
member often has no spreadsheet. The fields are exactly the protocol's
columns (art. 3: first name and name; address, phone, e-mail), nothing more.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from handoff.core import i18n


class SheetForm(QWidget):
    """One line edit per protocol column; required ones are marked with *."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        self._required: set[str] = set()
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def set_columns(self, columns: tuple[Any, ...]) -> None:
        """Rebuild the form for a protocol's columns."""
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.fields.clear()
        self._required = {c.key for c in columns if c.required}
        for column in columns:
            label = column.label.render(i18n.language())
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setObjectName(f"field_{column.key}")
            edit.textChanged.connect(self.changed)
            self.fields[column.key] = edit
            self.layout_.addRow(f"{label}{' *' if column.required else ''}", edit)

    def values(self) -> dict[str, str]:
        """What was typed, trimmed; empty optional fields are left out."""
        return {
            key: edit.text().strip() for key, edit in self.fields.items() if edit.text().strip()
        }

    def complete(self) -> bool:
        """Every required field has something in it (the core checks the content)."""
        filled = self.values()
        return bool(self.fields) and all(key in filled for key in self._required)

    def clear_values(self) -> None:
        for edit in self.fields.values():
            edit.clear()
