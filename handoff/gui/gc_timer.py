"""Automatic cycle collection off for the whole process; a GUI-thread timer collects instead.

Checks, packing and sending run on a QThreadPool. If Python's automatic
collection happens to start on such a worker thread, it may free Qt wrappers
that belong to the GUI thread, and Qt objects must be destroyed in their own
thread: the app then crashes at a random place. So while the window runs,
automatic collection is off and this timer collects on the GUI thread,
generation by generation, with the same thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GcTimer(QObject):
    """Owns a timer on the GUI thread that does what automatic collection would."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def collect(self) -> None:
        """Collect each generation whose count passed its threshold, oldest last."""
        counts, limits = gc.get_count(), gc.get_threshold()
        for generation in range(3):
            if counts[generation] > limits[generation]:
                gc.collect(generation)

    def stop(self) -> None:
        """Give collection back to Python (tests, shutdown)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
