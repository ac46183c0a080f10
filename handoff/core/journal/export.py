"""The journal as a CSV or Excel file, for the DPO's register of processing activities.

The export holds exactly what the journal holds (no personal data: see
``details``), twice: as the DPO reads it (local time, step and protocol in
words, details as a sentence, in the reader's language; issue 13 §12) and as
stored, with the hashes, for auditors (extra CSV columns, a second sheet).
It is written beside its target and renamed into place (``handoff.core.atomic``), so a failed or cancelled export never leaves a
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
from handoff.core.i18n import Text, language
from handoff.core.journal.book import Journal
from handoff.core.journal.query import JournalFilter, pages
from handoff.core.journal.records import Record
from handoff.core.journal.sentences import Sentences, local_time

#: What the DPO reads (issue 13 §12): local time, the step and protocol in words,
#: the details as a sentence, in the reader's language.
READABLE = (
    Text("Nr", "No."),
    Text("Tijd (lokaal)", "Time (local)"),
    Text("Gebruiker", "User"),
    Text("Computer", "Computer"),
    Text("Overdracht", "Handoff"),
    Text("Protocol", "Protocol"),
    Text("Stap", "Step"),
    Text("Omschrijving", "Description"),
)
#: What an auditor checks: the stored fields as they are, hashes included.
TECHNICAL = (
    Text("Tijd (UTC)", "Time (UTC)"),
    Text("Protocol-id", "Protocol id"),
    Text("Stapcode", "Step code"),
    Text("Details (ruw)", "Details (raw)"),
    Text("Vorige hash", "Previous hash"),
    Text("Hash", "Hash"),
)
SHEETS = (Text("Logboek", "Journal"), Text("Technisch", "Technical"))
FORMATS = ("csv", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CANCELLED = Text(
    "Export afgebroken; er is geen bestand geschreven.", "Export cancelled; no file was written."
)


def headers(lang: str | None = None, *, technical: bool = True) -> list[str]:
    """The column titles in ``lang``; the CSV carries both groups, the workbook one per sheet."""
    lang = lang or language()
    chosen = READABLE + TECHNICAL if technical else READABLE
    return [h.render(lang) for h in chosen]


def readable(record: Record, words: Sentences) -> list[object]:
    """The DPO's columns: local time, names instead of codes, details as a sentence."""
    return [
        record.seq,
        local_time(record.time),
        record.account,
        record.machine,
        record.handoff_id,
        words.protocol(record.protocol_id),
        words.step(record.step.value),
        words.details(record),
    ]


def technical(record: Record) -> list[object]:
    """The auditors' columns: the stored values, details as compact JSON, the chain's hashes."""
    return [
        record.time.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        record.protocol_id or "",
        record.step.value,
        json.dumps(record.details, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        record.prev_hash,
        record.hash,
    ]


def row(record: Record, words: Sentences | None = None) -> list[object]:
    """One CSV line: the readable columns, then the technical ones."""
    return readable(record, words or Sentences()) + technical(record)


def _inert(value: object) -> object:
    """Spreadsheet programs run text starting with '=' as a formula: keep it text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(handle: IO[bytes], records: Iterable[Record], words: Sentences) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";")  # Excel in nl-BE expects ';'
    writer.writerow(headers(words.lang))
    for record in records:
        writer.writerow([_inert(v) for v in row(record, words)])
    text.flush()
    text.detach()  # the handle stays open for the fsync and rename


def _write_xlsx(handle: IO[bytes], records: Iterable[Record], words: Sentences) -> None:
    """Sheet 'Logboek' for reading, sheet 'Technisch' (same rows, by number) for auditors."""
    import xlsxwriter  # only the DPO's xlsx export needs it: keep it off start-up

    book = xlsxwriter.Workbook(
        handle,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    lang = words.lang
    sheet = book.add_worksheet(SHEETS[0].render(lang))
    audit = book.add_worksheet(SHEETS[1].render(lang))
    sheet.write_row(0, 0, headers(lang, technical=False))
    audit.write_row(0, 0, [READABLE[0].render(lang), *(h.render(lang) for h in TECHNICAL)])
    for widths_of, titles in (
        (sheet, (6, 17, 14, 14, 20, 34, 30, 80)),
        (audit, (6, 28, 20, 18, 80, 66, 66)),
    ):
        for column, width in enumerate(titles):
            widths_of.set_column(column, column, width)
    for n, record in enumerate(records, start=1):
        sheet.write_row(n, 0, readable(record, words))
        audit.write_row(n, 0, [record.seq, *technical(record)])
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


def export(records: Iterable[Record], output: Path, fmt: str, lang: str | None = None) -> Path:
    """Write ``records`` to ``output`` as csv or xlsx; all or nothing, never over a file."""
    output = Path(output)
    words = Sentences(lang=lang)
    if output.exists():
        raise _exists(output)
    try:
        with partial_beside(output) as handle:
            (_write_xlsx if fmt == "xlsx" else _write_csv)(handle, records, words)
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
