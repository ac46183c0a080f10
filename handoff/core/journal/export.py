"""The journal as a CSV or Excel file, for the DPO's register of processing activities.

The export holds exactly what the journal holds (no personal data: see
journal_details) and is written beside its target and renamed into place, so
a failed export never leaves a half-written file; an existing file is never
replaced.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal.records import Record

HEADERS = ("seq", "time", "account", "machine", "handoff", "protocol", "step", "details", "hash")
FORMATS = ("csv", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def _write_csv(path: Path, records: Iterable[Record]) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, delimiter=";")  # Excel in nl-BE expects ';'
        writer.writerow(HEADERS)
        for record in records:
            writer.writerow([_inert(v) for v in row(record)])


def _write_xlsx(path: Path, records: Iterable[Record]) -> None:
    import xlsxwriter  # only the DPO's xlsx export needs it: keep it off start-up

    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = book.add_worksheet("journal")
    sheet.write_row(0, 0, HEADERS)
    for n, record in enumerate(records, start=1):
        sheet.write_row(n, 0, row(record))
    book.close()


def export(records: Iterable[Record], output: Path, fmt: str) -> Path:
    """Write ``records`` to ``output`` as csv or xlsx; all or nothing."""
    output = Path(output)
    if output.exists():
        raise HandoffError(
            "output_exists",
            Text(
                "{name} bestaat al. Kies een andere naam; Handoff overschrijft geen bestand.",
                "{name} already exists. Choose another name; Handoff overwrites no file.",
            ),
            name=output.name,
        )
    partial = output.with_name(f".{output.name}.partial")
    try:
        (_write_xlsx if fmt == "xlsx" else _write_csv)(partial, records)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return output
