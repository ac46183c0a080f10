"""Cell values of the data sheet, read with python-calamine.

Calamine (Rust) reads a 100,000-row sheet several times faster than
openpyxl and gives the cached values of formulas, which is what the cleaned
copy must hold. It reads from the file into memory: no temp file.

Calamine pads every row from A1 to the last cell, so a reader is only called
once the audit's streaming pass has found the real extent of the cells and
:func:`require_readable_area` has accepted it: one stray value in XFD380000
would otherwise ask for six billion cells and abort the whole process.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import cast

import python_calamine

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.workbook.parts import EXCEL_ROWS, MAX_CELLS, MAX_ROWS, column_letter, damaged

Row = list[object]


def require_readable_area(rows: int, columns: int) -> None:
    """HandoffError when the cells reach further than the check reads.

    Rows first, said plainly (a sheet down to row 1,048,576 is usually a
    formula or format dragged to the bottom); then the area from A1 to the
    last cell, which is what a reader allocates.
    """
    if rows > MAX_ROWS:
        raise _too_many_rows(rows)
    if rows * columns > MAX_CELLS:
        raise _too_large(rows, columns)


def _too_many_rows(rows: int) -> HandoffError:
    bottom = rows >= EXCEL_ROWS
    return HandoffError(
        "sheet_too_many_rows",
        Text(
            "Het blad loopt door tot rij {rows}"
            + (" (de laatste rij van Excel)" if bottom else "")
            + "; Handoff controleert hoogstens {limit} rijen. Wat te doen: verwijder de rijen onder de tabel (klik op het rijnummer onder de laatste rij, Ctrl+Shift+pijl omlaag, Verwijderen), bewaar en probeer opnieuw; of splits een te lange lijst over meerdere bladen.",
            "The sheet runs down to row {rows}"
            + (" (Excel's last row)" if bottom else "")
            + "; Handoff checks at most {limit} rows. What to do: delete the rows below the table (click the row number below the last row, Ctrl+Shift+Down, Delete), save and try again; or split a list that is too long over several sheets.",
        ),
        rows=rows,
        limit=MAX_ROWS,
    )


def _too_large(rows: int, columns: int) -> HandoffError:
    return HandoffError(
        "sheet_too_large",
        Text(
            "Het blad is te groot om te controleren: de cellen lopen tot {cell} ({rows} rijen op {columns} kolommen), meer dan de {limit} cellen die Handoff leest. Wat te doen: verwijder cellen ver buiten de tabel (Ctrl+End toont de laatste gebruikte cel), of splits het blad.",
            "The sheet is too large to check: its cells reach {cell} ({rows} rows by {columns} columns), more than the {limit} cells Handoff reads. What to do: delete cells far outside the table (Ctrl+End shows the last used cell), or split the sheet.",
        ),
        cell=f"{column_letter(columns - 1)}{rows}",
        rows=rows,
        columns=columns,
        limit=MAX_CELLS,
    )


def _unreadable(exc: Exception) -> HandoffError:
    return HandoffError(
        "unreadable_workbook",
        Text(
            "De werkmap kan niet gelezen worden ({kind}). Wat te doen: open ze in Excel, bewaar ze opnieuw als .xlsx en probeer opnieuw.",
            "The workbook cannot be read ({kind}). What to do: open it in Excel, save it again as .xlsx and try again.",
        ),
        kind=type(exc).__name__,
    )


def _rows(workbook: python_calamine.CalamineWorkbook, index: int, name: str) -> list[Row]:
    """Sheet ``index`` (its place in workbook.xml), checked to be the sheet the audit read."""
    if workbook.sheet_names[index : index + 1] != [name]:
        raise damaged()
    rows = workbook.get_sheet_by_index(index).to_python(skip_empty_area=False)
    return cast(list[Row], rows)  # calamine's cells are the objects a Row holds


def read_rows(path: Path, index: int, name: str) -> list[Row]:
    """All rows of sheet ``index`` from A1, padded to the same width ('' = empty)."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            return _rows(workbook, index, name)
        finally:
            workbook.close()
    except python_calamine.CalamineError as exc:
        raise _unreadable(exc) from None


def read_bytes(data: bytes, name: str) -> list[Row]:
    """The rows of the first sheet of an in-memory workbook (the cleaned copy, read back)."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            return _rows(workbook, 0, name)
        finally:
            workbook.close()
    except python_calamine.CalamineError as exc:
        raise _unreadable(exc) from None
