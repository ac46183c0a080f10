"""Feed the core's journal export page by page, with progress and cancel.

``handoff.core.journal.export.export`` writes CSV or Excel all-or-nothing from
any iterable of records; this adapter gives it the filtered records a page at
a time (never the whole journal in memory), reports progress, and stops with
``cancelled`` when asked, which makes the core drop its partial file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.gui.journal_paging import JournalFilter, all_pages

CANCELLED = Text(
    "Export afgebroken; er is geen bestand geschreven.", "Export cancelled; no file was written."
)


def _records(
    journal: Any,
    where: JournalFilter,
    progress: Callable[[int, int], None],
    cancel: Callable[[], bool],
) -> Iterator[Any]:
    total = journal.count(**where.as_kwargs())
    done = 0
    for chunk in all_pages(journal, where):
        if cancel():
            raise HandoffError("cancelled", CANCELLED)
        yield from chunk
        done += len(chunk)
        progress(done, total)


def export(
    journal: Any,
    where: JournalFilter,
    target: Path,
    progress: Callable[[int, int], None],
    cancel: Callable[[], bool],
) -> int:
    """Write the filtered records to ``target`` (.csv or .xlsx); returns how many."""
    from handoff.core.journal import export as journal_export

    fmt = "xlsx" if target.suffix.lower() == ".xlsx" else "csv"
    count = 0

    def counted() -> Iterator[Any]:
        nonlocal count
        for record in _records(journal, where, progress, cancel):
            count += 1
            yield record

    journal_export.export(counted(), target, fmt)
    return count
