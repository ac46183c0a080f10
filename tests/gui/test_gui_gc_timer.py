"""Cycle collection runs on the GUI thread while the window runs (handoff.gui.gc_timer)."""

from __future__ import annotations

import gc

from handoff.gui.gc_timer import GcTimer


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_is_off_for_threads_and_done_by_the_gui_timer(qapp, qtbot):
    outer = gc.isenabled()  # the harness's own collector may already hold it off
    gc.enable()  # as at the app's start
    collector = GcTimer(qapp, interval_ms=10)
    try:
        assert not gc.isenabled()
        gc.collect()
        for _ in range(gc.get_threshold()[0] + 50):
            _Cycle()
        assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected them yet
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled()  # given back as it was found
    if not outer:
        gc.disable()
