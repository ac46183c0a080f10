"""Cell values of the data sheet, read with python-calamine.

Calamine (Rust) reads a 100,000-row sheet several times faster than
openpyxl and gives the cached values of formulas, which is what the cleaned
copy must hold. It reads from the file into memory: no temp file.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import python_calamine

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

Row = list[object]

# Rows are padded from A1 to the last used cell: one stray value in XFD1048576
# would ask for 17 billion cells, and calamine aborts the whole process. Ten
# million cells (a million rows of ten columns) is far beyond any protocol's
# table, so a larger area is refused before a reader is called.
MAX_CELLS = 10_000_000


def require_readable_area(rows: int, columns: int) -> None:
    """HandoffError sheet_too_large when the used area could not fit in memory."""
    if rows * columns > MAX_CELLS:
        raise _too_large(rows)


def _too_large(rows: int) -> HandoffError:
    return HandoffError(
        "sheet_too_large",
        Text(
            "Het blad is te groot om te controleren (gebruikt gebied tot rij {rows}). Wat te doen: verwijder cellen ver buiten de tabel, of splits het blad.",
            "The sheet is too large to check (used area up to row {rows}). What to do: delete cells far outside the table, or split the sheet.",
        ),
        rows=rows,
    )


def read_rows(path: Path, sheet: str) -> list[Row]:
    """All rows of ``sheet`` from A1, padded to the same width ('' = empty)."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            return cast(list[Row], rows)  # calamine's cells are the objects a Row holds
        finally:
            workbook.close()
    except python_calamine.CalamineError as exc:
        raise HandoffError(
            "unreadable_workbook",
            Text(
                "De werkmap kan niet gelezen worden ({kind}). Wat te doen: open ze in Excel, bewaar ze opnieuw als .xlsx en probeer opnieuw.",
                "The workbook cannot be read ({kind}). What to do: open it in Excel, save it again as .xlsx and try again.",
            ),
            kind=type(exc).__name__,
        ) from None
