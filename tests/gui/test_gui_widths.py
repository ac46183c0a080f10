"""Pages scroll vertically only (issue 13 §15).

"Pages scroll vertically only; the Logboek needs no horizontal scroll at 1024
px", and at 150 % on a 1280x800 screen (about 853x507 logical pixels) the
receive page must fit too. Each page is filled the way a worker sees it (a
list received and its to-do items, the journal with records), the window is
set to each width, and neither the page's scroll area nor a table on it may
have anything to scroll sideways. The scroll range is asserted, not only the
bar: a bar switched off over content that does not fit would cut it off.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea
from sheets import THUISPUNT_HEADERS, THUISPUNT_RENEWED, thuispunt_rows, write_sheet

from handoff import usecases
from handoff.core.journal import Journal
from handoff.gui.main_window import PAGES
from handoff.gui.widgets.todo_list import HANDOFF, TODO, WHEN, WHO

pytestmark = pytest.mark.usefixtures("thuispunt")

#: (width, height) of the window: 1024 px at 100 %, and 1280x800 at 150 % in
#: logical pixels less the task bar (what QT_SCALE_FACTOR=1.5 gives the window).
SIZES = ((1024, 700), (853, 507))


def _received(window, qtbot, dialogs, tmp_path: Path) -> None:
    """A Thuispunt list received (seed 003 step 4): result panel and to-do items on screen."""
    sheet = write_sheet(tmp_path / "lijst.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    sender = tmp_path / "afzender"
    sender.mkdir()
    packaged = usecases.package(
        sheet,
        THUISPUNT_RENEWED,
        sender / "HO-20260312-4FJ7QX.7z",
        handoff_id="HO-20260312-4FJ7QX",
        ctx=usecases.Context(Journal(tmp_path / "afzender.sqlite3")),
    )
    page = window.show_page("receive")
    dialogs.open_path = packaged.archive.path
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    page.picker.select(THUISPUNT_RENEWED)
    qtbot.keyClicks(page.password, packaged.password.value)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: page.todo.table.rowCount() >= 2, timeout=10_000)


def _sideways(page) -> dict[str, int]:
    """Every scroll area on the page that can scroll sideways, with how far."""
    found = {}
    for area in page.findChildren(QAbstractScrollArea):
        if not area.isVisibleTo(page):
            continue
        bar = area.horizontalScrollBar()
        if bar.maximum() > 0 or bar.isVisible():
            kind = "page" if isinstance(area, QScrollArea) else type(area).__name__
            found[f"{kind} {area.accessibleName()}".strip()] = bar.maximum()
    return found


def test_every_page_fits_the_width_without_sideways_scrolling(window, qtbot, dialogs, tmp_path):
    _received(window, qtbot, dialogs, tmp_path)
    for key, _module, _cls in PAGES:
        window.show_page(key)
    window.pages["log"].refresh()
    qtbot.waitUntil(lambda: window.pages["log"].model.rowCount() > 0, timeout=10_000)
    too_wide = {}
    for width, height in SIZES:
        window.resize(width, height)
        for key, _module, _cls in PAGES:
            page = window.show_page(key)
            for _ in range(3):
                QApplication.processEvents()
            assert window.width() == width, (key, window.minimumSizeHint())
            found = _sideways(page)
            if found:
                too_wide[(width, key)] = found
        todo = window.pages["receive"].todo.table  # fitting, not crushing: the task stays legible
        assert todo.columnWidth(TODO) >= todo.viewport().width() * 30 // 100, width
        handoff = todo.item(0, HANDOFF).text()
        if todo.isColumnHidden(HANDOFF):  # given way to the task: its tooltip still names it
            assert todo.item(0, TODO).toolTip().startswith(f"{handoff}: ")
        else:
            assert todo.columnWidth(HANDOFF) >= todo.fontMetrics().horizontalAdvance(handoff)
        for row in range(todo.rowCount()):  # who and when wrap between words, never cut one
            for column in (WHO, WHEN):
                for word in todo.item(row, column).text().split():
                    assert todo.fontMetrics().horizontalAdvance(word) < todo.columnWidth(column)
    assert too_wide == {}


def test_a_narrow_journal_hides_number_and_reference_before_it_cuts_titles(
    window, qtbot, dialogs, tmp_path
):
    from handoff.gui.pages.log import HANDOFF, PROTOCOL, SEQ, STEP

    _received(window, qtbot, dialogs, tmp_path)
    page = window.show_page("log")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    x = page.fontMetrics().horizontalAdvance("x")
    shown = {}
    for width, height in ((1280, 760), *SIZES, (1280, 760)):  # back to wide: all come back
        window.resize(width, height)
        for _ in range(3):
            QApplication.processEvents()
        table = page.table
        shown[width] = [not table.isColumnHidden(c) for c in (SEQ, HANDOFF)]
        for column in (PROTOCOL, STEP):  # "Lie…" says nothing: never cut below 12 characters
            assert table.columnWidth(column) >= 12 * x, (width, column)
        if not table.isColumnHidden(HANDOFF):  # a reference is shown whole or not at all
            assert table.columnWidth(HANDOFF) >= table.sizeHintForColumn(HANDOFF), width
    assert shown[1280] == [True, True]
    assert shown[853] != [True, True]  # 150 % on 1280x800: something had to give way
    page.table.selectRow(0)
    assert page.model.record(0).handoff_id in page.detail.toPlainText()  # still in the detail
