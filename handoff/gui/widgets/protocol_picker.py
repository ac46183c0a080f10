"""A combo box of the protocols this organisation works under.

Every handoff names its protocol (decree of 18 July 2008, art. 8 §1), so each
page starts by choosing one; the list comes from ``protocols.load_all`` (the
shipped profiles plus the organisation's own folder).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from handoff.core import i18n


class ProtocolPicker(QComboBox):
    """Protocol titles in the UI language; ``protocol_changed`` carries the Protocol."""

    protocol_changed = Signal(object)

    def __init__(
        self, keep: Callable[[Any], bool] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._keep = keep or (lambda _p: True)
        self._protocols: list[Any] = []
        self.problems: list[Any] = []
        self.setAccessibleName(self.tr("Protocol"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.currentIndexChanged.connect(self._changed)

    def load(self) -> None:
        """(Re)read the profiles; problems with a profile are kept for the page to show."""
        from handoff.core import protocols

        found, self.problems = protocols.load_all()
        self.blockSignals(True)
        self.clear()
        self._protocols = sorted(
            (p for p in found.values() if self._keep(p)), key=lambda p: p.title.render()
        )
        for protocol in self._protocols:
            self.addItem(protocol.title.render(i18n.language()), protocol.id)
        self.blockSignals(False)
        self._changed(self.currentIndex())

    def protocols(self) -> list[Any]:
        """The protocols listed, in display order."""
        return list(self._protocols)

    def current(self) -> Any | None:
        index = self.currentIndex()
        return self._protocols[index] if 0 <= index < len(self._protocols) else None

    def select(self, protocol_id: str | None) -> bool:
        """Choose ``protocol_id`` if it is in the list."""
        index = self.findData(protocol_id) if protocol_id else -1
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def _changed(self, _index: int) -> None:
        self.protocol_changed.emit(self.current())
