"""Where the table is: header row, named columns, data rows, and what lies outside.

The table is the first non-empty row (the headers) and the rows below it up
to the first empty row. Hidden rows and columns are not part of it (they are
not sent). Data beside the named columns or below an empty row is ambiguous
(forgotten rows, or leftovers?), so the worker must decide: blocking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from handoff.core.protocols import Column
from handoff.core.workbook import headers
from handoff.core.workbook.audit import column_letter
from handoff.core.workbook.findings import Finding, finding
from handoff.core.workbook.reader import Row
from handoff.core.workbook.values import is_empty


@dataclass
class Table:
    """The located table: which sheet column holds which protocol column."""

    sheet: str
    header_index: int  # 0-based row index of the headers
    mapped: dict[str, int] = field(default_factory=dict)  # column key -> 0-based column index
    data: list[int] = field(default_factory=list)  # 0-based row indexes of the data rows
    headers: dict[int, str] = field(default_factory=dict)  # column index -> header text
    findings: list[Finding] = field(default_factory=list)


def _row_empty(row: Row, visible: Sequence[int]) -> bool:
    """:func:`values.is_empty` for every visible cell, inlined: it runs once per
    row, and a data row usually answers at its first cell."""
    for j in visible:
        value = row[j]
        if value is None or value == "":
            continue
        if isinstance(value, str) and value.isspace():
            continue
        return False
    return True


# Header text quoted in a finding is cut here: enough to recognise the column.
HEADER_CHARS = 40
# After this many forbidden columns one finding sums up the rest: a sheet with
# 16,384 filled header cells needs one line, not 16,377.
MAX_NOT_ALLOWED = 20


def _header_text(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= HEADER_CHARS else text[: HEADER_CHARS - 1] + "…"


def _map_headers(
    table: Table, row: Row, visible: Sequence[int], columns: Sequence[Column], article: str
) -> None:
    number = table.header_index + 1
    refused: list[int] = []
    for j in visible:
        if is_empty(row[j]):
            continue
        table.headers[j] = _header_text(row[j])
        column = headers.match(row[j], columns)
        cell = f"{column_letter(j)}{number}"
        if column is None:
            refused.append(j)
            if len(refused) <= MAX_NOT_ALLOWED:
                table.findings.append(
                    finding(
                        "column_not_allowed",
                        sheet=table.sheet,
                        cell=cell,
                        article=article,
                        column=column_letter(j),
                        header=table.headers[j],
                    )
                )
        elif column.key in table.mapped:
            table.findings.append(
                finding("column_duplicate", sheet=table.sheet, cell=cell, label=column.label.nl)
            )
        else:
            table.mapped[column.key] = j
    _more_not_allowed(table, refused[MAX_NOT_ALLOWED:], article)


def _more_not_allowed(table: Table, more: Sequence[int], article: str) -> None:
    """One finding for the forbidden columns beyond the first ones (two or more)."""
    if len(more) == 1:
        j = more[0]
        table.findings.append(
            finding(
                "column_not_allowed",
                sheet=table.sheet,
                cell=f"{column_letter(j)}{table.header_index + 1}",
                article=article,
                column=column_letter(j),
                header=table.headers[j],
            )
        )
    elif more:
        table.findings.append(
            finding(
                "columns_not_allowed_more",
                sheet=table.sheet,
                count=len(more),
                first=column_letter(more[0]),
                last=column_letter(more[-1]),
                article=article,
            )
        )


def _data_rows(
    table: Table, rows: Sequence[Row], visible: Sequence[int], hidden_rows: set[int]
) -> int:
    """Collect the data rows; return the index where the table ended."""
    index = table.header_index + 1
    while index < len(rows):
        if (index + 1) not in hidden_rows:
            if _row_empty(rows[index], visible):
                break
            table.data.append(index)
        index += 1
    return index


def _outside(table: Table, rows: Sequence[Row], visible: Sequence[int], end: int) -> None:
    named = {j for j in visible if not is_empty(rows[table.header_index][j])}
    width = max(named) + 1 if named else 0
    unnamed = [j for j in visible if j not in named]
    for j in unnamed:
        hit = next((i for i in table.data if not is_empty(rows[i][j])), None)
        if hit is not None:
            code = "header_empty" if j < width else "data_beside_table"
            table.findings.append(
                finding(code, sheet=table.sheet, cell=f"{column_letter(j)}{hit + 1}")
            )
    for i in range(end, len(rows)):
        col = next((c for c in visible if not is_empty(rows[i][c])), None)
        if col is not None:
            table.findings.append(
                finding("data_below_table", sheet=table.sheet, cell=f"{column_letter(col)}{i + 1}")
            )
            return


def locate(
    rows: Sequence[Row],
    sheet: str,
    columns: Sequence[Column],
    article: str,
    hidden_rows: set[int],
    hidden_columns: set[int],
) -> Table | None:
    """The table on the sheet, or None when the sheet holds nothing."""
    width = max((len(r) for r in rows), default=0)
    visible = [j for j in range(width) if j not in hidden_columns]
    header = next(
        (
            i
            for i, r in enumerate(rows)
            if (i + 1) not in hidden_rows and not _row_empty(r, visible)
        ),
        None,
    )
    if header is None:
        return None
    table = Table(sheet, header)
    _map_headers(table, rows[header], visible, columns, article)
    end = _data_rows(table, rows, visible, hidden_rows)
    _outside(table, rows, visible, end)
    for column in columns:
        if column.required and column.key not in table.mapped:
            table.findings.append(finding("column_missing", sheet=sheet, label=column.label.nl))
    return table
