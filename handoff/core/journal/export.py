"""The journal as a CSV or Excel file, for the DPO's register of processing activities.

The export holds exactly what the journal holds (no personal data: see
``details``) and is written beside its target and renamed into place
(``handoff.core.atomic``), so a failed or cancelled export never leaves a
half-written file; an existing file is never replaced. The records come a page
at a time (``query``), so a million-record journal never sits in memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from handoff.core.atomic import partial_beside
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal.book import Journal
from handoff.core.journal.query import JournalFilter, pages
from handoff.core.journal.records import Record

HEADERS = ("seq", "time", "account", "machine", "handoff", "protocol", "step", "details", "hash")
FORMATS = ("csv", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CANCELLED = Text(
    "Export afgebroken; er is geen bestand geschreven.", "Export cancelled; no file was written."
)


def row(record: Record) -> list[object]:
    """One export line; details as compact JSON so every key stays visible."""
    return [
        record.seq,
        record.time.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        record.account,
        record.machine,
        record.handoff_id,
        record.protocol_id or "",
        record.step.value,
        json.dumps(record.details, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        record.hash,
    ]


def _inert(value: object) -> object:
    """Spreadsheet programs run text starting with '=' as a formula: keep it text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(handle: IO[bytes], records: Iterable[Record]) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";")  # Excel in nl-BE expects ';'
    writer.writerow(HEADERS)
    for record in records:
        writer.writerow([_inert(v) for v in row(record)])
    text.flush()
    text.detach()  # the handle stays open for the fsync and rename


def _write_xlsx(handle: IO[bytes], records: Iterable[Record]) -> None:
    import xlsxwriter  # only the DPO's xlsx export needs it: keep it off start-up

    book = xlsxwriter.Workbook(
        handle,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    sheet = book.add_worksheet("journal")
    sheet.write_row(0, 0, HEADERS)
    for n, record in enumerate(records, start=1):
        sheet.write_row(n, 0, row(record))
    book.close()


def _exists(output: Path) -> HandoffError:
    return HandoffError(
        "output_exists",
        Text(
            "{name} bestaat al. Kies een andere naam; Handoff overschrijft geen bestand.",
            "{name} already exists. Choose another name; Handoff overwrites no file.",
        ),
        name=output.name,
    )


def export(records: Iterable[Record], output: Path, fmt: str) -> Path:
    """Write ``records`` to ``output`` as csv or xlsx; all or nothing, never over a file."""
    output = Path(output)
    if output.exists():
        raise _exists(output)
    try:
        with partial_beside(output) as handle:
            (_write_xlsx if fmt == "xlsx" else _write_csv)(handle, records)
    except FileExistsError:
        raise _exists(output) from None
    return output


def export_matching(
    journal: Journal,
    where: JournalFilter,
    output: Path,
    fmt: str,
    *,
    oldest_first: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Export the records ``where`` selects, a page at a time; returns how many.

    The log page reports ``progress(done, total)`` after each page and stops
    with ``cancelled`` when ``cancel()`` says so, which drops the partial file.
    """
    total = journal.count(**where.as_kwargs()) if progress else 0
    count = 0

    def matching() -> Iterator[Record]:
        nonlocal count
        for chunk in pages(journal, where, oldest_first=oldest_first):
            if cancel and cancel():
                raise HandoffError("cancelled", CANCELLED)
            yield from chunk
            count += len(chunk)
            if progress:
                progress(count, total)

    export(matching(), output, fmt)
    return count
