"""Automatic cycle collection off for the whole process; a GUI-thread timer collects instead.

Checks, packing and sending run on a QThreadPool. If Python's automatic
collection starts on such a worker thread, it may free Qt wrappers that
belong to the GUI thread, and Qt objects must be destroyed in their own
thread: the app then crashes at a random place. So while the window runs,
:class:`GcTimer` switches automatic collection off for the whole
process, and every 500 ms a timer on the GUI thread looks at the allocation
counts: each generation whose count passed its threshold (Python's own
thresholds) is collected, the youngest first. That is not exactly Python's
rule (Python collects only the oldest generation due, which includes the
younger ones), and between two ticks nothing is collected at all; reference
counting still frees everything that is not in a cycle, immediately.

This is the only place besides the command line's defaults that decides GC
policy: the core (the workbook check included) never switches the collector.
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
