"""The cleaned copy: only what the protocol allows, built in memory.

The copy is written by :mod:`handoff.core.workbook.xlsx` straight into a
BytesIO (openpyxl would put the sheet XML in a temp file; XlsxWriter is too
slow for 100,000 rows), so the plaintext copy only ever exists in RAM until
the archive encrypts it. The copy holds values (no formulas), the protocol's
columns in the protocol's order with its Dutch labels, no hidden sheets,
rows, columns, comments, names or links, and 'Handoff' as author.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.protocols import Column, Protocol
from handoff.core.workbook.check import analyse
from handoff.core.workbook.findings import CheckReport, CleanSheet
from handoff.core.workbook.reader import read_bytes
from handoff.core.workbook.values import CellValue
from handoff.core.workbook.xlsx import storable, write_columns

AUTHOR = "Handoff"
SHEET_NAME = "Gegevens"


def _write(
    columns: Sequence[Column], values: Sequence[Sequence[CellValue]], rows: int, title: str
) -> bytes:
    header = [column.label.nl for column in columns]
    return write_columns(header, values, rows, sheet=SHEET_NAME, title=title, author=AUTHOR)


def blocking_error(report: CheckReport) -> HandoffError:
    """The refusal for a sheet with blocking findings; ``error.findings`` lists them
    so every caller (the CLI's pack, the window) can say which."""
    error = HandoffError(
        "blocking_findings",
        Text(
            "Het blad voldoet niet aan het protocol ({count} probleem/problemen). Wat te doen: verbeter wat de controle meldt en probeer opnieuw.",
            "The sheet does not conform to the protocol ({count} problem(s)). What to do: correct what the check reports and try again.",
        ),
        count=sum(1 for f in report.findings if f.blocking),
    )
    error.findings = list(report.findings)  # type: ignore[attr-defined]
    return error


def sheet_name(protocol: Protocol) -> str:
    """The file name inside the archive: the protocol id, never the source name.

    The original file name may carry a client's name ('referral Jan Peeters.xlsx').
    """
    return f"{protocol.id}.xlsx"


def build(
    protocol: Protocol, columns: Sequence[Column], rows: Sequence[Sequence[CellValue]]
) -> CleanSheet:
    """The cleaned xlsx for clean values already checked, given row by row."""
    by_column = [list(column) for column in zip(*rows, strict=True)]
    return build_columns(protocol, columns, by_column, len(rows))


def build_columns(
    protocol: Protocol,
    columns: Sequence[Column],
    by_column: Sequence[Sequence[CellValue]],
    rows: int,
) -> CleanSheet:
    """The cleaned xlsx for clean values already checked, given column by column,
    read back and compared before it is returned (:func:`verified`)."""
    data = _write(columns, by_column, rows, protocol.title.nl)
    sheet = CleanSheet(data, rows, [c.key for c in columns], sheet_name(protocol))
    return verified(columns, by_column, sheet)


def _differs(
    columns: Sequence[Column], by_column: Sequence[Sequence[CellValue]], read: Sequence[list]
) -> bool:
    """Does the copy as read back differ from what the check said would go?"""
    if not by_column:
        return any(value != "" for row in read for value in row)
    if len(read) != len(by_column[0]) + 1 or list(read[0]) != [c.label.nl for c in columns]:
        return True
    for j, expected in enumerate(by_column):
        got = [row[j] for row in read[1:]]
        if got != _stored(expected):
            return True
    return False


def _stored(values: Sequence[CellValue]) -> Sequence[object]:
    """A column as the copy holds it and calamine reads it back: '' for an empty
    cell, control characters left out (:func:`storable`). A column of text
    without any (the usual case) is itself: one test over the joined column."""
    texts = [v for v in values if v.__class__ is str]
    if len(texts) == len(values):
        joined = "".join(texts)  # type: ignore[arg-type]
        if storable(joined) == joined:
            return list(values)
    return ["" if v is None else storable(v) for v in values]


def copy_differs() -> HandoffError:
    """The refusal when the copy read back is not what the check reported as going."""
    return HandoffError(
        "copy_differs",
        Text(
            "De opgeschoonde kopie bevat niet precies wat de controle toeliet; er is niets verpakt of verstuurd. Wat te doen: probeer opnieuw; blijft dit gebeuren, meld het dan aan uw IT-dienst.",
            "The cleaned copy does not hold exactly what the check allowed; nothing was packed or sent. What to do: try again; if it keeps happening, report it to your IT desk.",
        ),
    )


def verified(
    columns: Sequence[Column], by_column: Sequence[Sequence[CellValue]], sheet: CleanSheet
) -> CleanSheet:
    """``sheet`` after reading it back independently (calamine, not the writer) and
    comparing every row and value with what the check reported as going.

    This is what makes "only what the protocol allows leaves" hold by
    construction: whatever the writer did, a copy that differs never reaches
    the archive (HandoffError copy_differs).
    """
    if _differs(columns, by_column, read_bytes(sheet.data, SHEET_NAME)):
        raise copy_differs()
    return sheet


def prepare(path: Path, protocol: Protocol) -> tuple[CheckReport, CleanSheet | None]:
    """Check and, when nothing blocks, clean and verify the copy, reading the file once."""
    analysis = analyse(path, protocol)
    if not analysis.report.ok:
        return analysis.report, None
    rows = len(analysis.row_numbers)
    return analysis.report, build_columns(protocol, analysis.columns, analysis.by_column, rows)


def clean(path: Path, protocol: Protocol) -> CleanSheet:
    """The cleaned copy, or HandoffError blocking_findings. The original is never modified."""
    report, sheet = prepare(path, protocol)
    if sheet is None:
        raise blocking_error(report)
    return sheet
