"""The referral form: one client's details typed in, from which Handoff writes the sheet.

Seeds 001/002 (Kind en Gezin referral): usually one person, and the team
member often has no spreadsheet. The fields are exactly the protocol's
columns (art. 3: first name and name; address, phone, e-mail), nothing more.

Issue 13 item 5: each field says what it expects (an example), a wrong value
is marked where it was typed as soon as the worker leaves the field, and
:meth:`SheetForm.missing` says in words what still stops the handoff.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from handoff.core import i18n, identifiers
from handoff.gui import style


def _examples() -> dict[str, tuple[str, str]]:
    """Per column type: the placeholder example and the hint under the field."""
    tr = QCoreApplication.translate
    return {
        "phone": (
            tr("SheetForm", "0470 12 34 56 or +32 470 12 34 56"),
            tr("SheetForm", "A number abroad needs its country code: +31 6 12 34 56 78."),
        ),
        "email": (tr("SheetForm", "name@example.be"), ""),
    }


def _checks() -> dict[str, Callable[[str], object]]:
    """Per column type: the core's own reading of a value (None = not valid)."""
    return {"phone": identifiers.phone, "email": identifiers.email}


class SheetForm(QWidget):
    """One line edit per protocol column; required ones are marked with *."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        self.notes: dict[str, QLabel] = {}
        self._columns: dict[str, Any] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def set_columns(self, columns: tuple[Any, ...]) -> None:
        """Rebuild the form for a protocol's columns."""
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.fields.clear()
        self.notes.clear()
        self._columns = {c.key: c for c in columns}
        examples = _examples()
        for column in columns:
            label = column.label.render(i18n.language())
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setObjectName(f"field_{column.key}")
            placeholder, hint = examples.get(column.type, ("", ""))
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleDescription(" ".join(t for t in (placeholder, hint) if t))
            edit.textChanged.connect(lambda _t, key=column.key: self._edited(key))
            edit.editingFinished.connect(lambda key=column.key: self._mark(key))
            note = style.message("hint", hint)
            note.setVisible(bool(hint))
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(note)
            self.fields[column.key] = edit
            self.notes[column.key] = note
            self.layout_.addRow(f"{label}{' *' if column.required else ''}", cell)

    def values(self) -> dict[str, str]:
        """What was typed, trimmed; empty optional fields are left out."""
        return {
            key: edit.text().strip() for key, edit in self.fields.items() if edit.text().strip()
        }

    def _wrong(self, key: str) -> bool:
        """A value is typed and the core cannot read it as the column's type."""
        text = self.fields[key].text().strip()
        check = _checks().get(self._columns[key].type)
        return bool(text) and check is not None and check(text) is None

    def missing(self) -> list[str]:
        """What still stops the handoff, field by field, in words."""
        tr = QCoreApplication.translate
        lang = i18n.language()
        filled = self.values()
        found = []
        for key, column in self._columns.items():
            label = column.label.render(lang)
            if column.required and key not in filled:
                found.append(tr("SheetForm", "fill in '{field}'").format(field=label))
            elif self._wrong(key):
                found.append(tr("SheetForm", "correct '{field}'").format(field=label))
        return found

    def complete(self) -> bool:
        """Every required field is filled and every typed value can be read."""
        return bool(self.fields) and not self.missing()

    def _edited(self, key: str) -> None:
        if not self._wrong(key):
            self._mark(key)  # a fixed value loses its mark while typing
        self.changed.emit()

    def _mark(self, key: str) -> None:
        """Mark the field and say what it expects, or take the mark away."""
        wrong = self._wrong(key)
        edit, note = self.fields[key], self.notes[key]
        edit.setProperty("invalid", wrong)
        edit.style().unpolish(edit)
        edit.style().polish(edit)
        placeholder, hint = _examples().get(self._columns[key].type, ("", ""))
        if wrong:
            style.set_role(note, "warning")
            note.setText(
                QCoreApplication.translate(
                    "SheetForm", "This is not a valid value. Example: {example}."
                ).format(example=placeholder)
                + (" " + hint if hint else "")
            )
        else:
            style.set_role(note, "hint")
            note.setText(hint)
        note.setVisible(bool(note.text()))

    def clear_values(self) -> None:
        for key, edit in self.fields.items():
            edit.clear()
            self._mark(key)
