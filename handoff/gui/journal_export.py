"""Export the (filtered) journal to CSV or Excel for the DPO's report.

Written beside the target under a hidden partial name and renamed into place
only when complete, so a cancel or a full disk leaves no half-written file.
Only journal fields are exported; they hold no personal data by design.
Plain Python (no Qt) so the CLI could reuse it.
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.gui.journal_paging import JournalFilter, all_pages

HEADER = (
    "seq",
    "time_utc",
    "handoff_id",
    "protocol_id",
    "step",
    "account",
    "machine",
    "details",
    "hash",
)


def _row(record: Any) -> list[Any]:
    from handoff.gui.journal_model import details_text

    return [
        record.seq,
        record.time.isoformat(),
        record.handoff_id,
        record.protocol_id or "",
        str(record.step),
        record.account,
        record.machine,
        details_text(record.details),
        record.hash,
    ]


def _rows(
    journal: Any,
    where: JournalFilter,
    progress: Callable[[int, int], None],
    cancel: Callable[[], bool],
) -> Iterator[list[Any]]:
    total = journal.count(**where.as_kwargs())
    done = 0
    for chunk in all_pages(journal, where):
        if cancel():
            raise HandoffError(
                "cancelled",
                Text(
                    "Export afgebroken; er is geen bestand geschreven.",
                    "Export cancelled; no file was written.",
                ),
            )
        for record in chunk:
            yield _row(record)
        done += len(chunk)
        progress(done, total)


def _write_csv(partial: Path, rows: Iterator[list[Any]]) -> None:
    with partial.open("w", newline="", encoding="utf-8-sig") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)


def _write_xlsx(partial: Path, rows: Iterator[list[Any]]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet("Logboek")
    sheet.write_row(0, 0, HEADER)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    book.close()


def export(
    journal: Any,
    where: JournalFilter,
    target: Path,
    progress: Callable[[int, int], None],
    cancel: Callable[[], bool],
) -> int:
    """Write the records to ``target`` (.csv or .xlsx); returns how many were written."""
    writer = _write_xlsx if target.suffix.lower() == ".xlsx" else _write_csv
    partial = target.with_name(f".{target.name}.partial")
    count = 0

    def counted() -> Iterator[list[Any]]:
        nonlocal count
        for row in _rows(journal, where, progress, cancel):
            count += 1
            yield row

    try:
        writer(partial, counted())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return count
