"""The check: is this sheet what the protocol allows, and nothing more?

One pass produces both the report and the clean values, so packing a sheet
reads it once (:func:`analyse`); :func:`check` only keeps the report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from handoff.core import identifiers
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.protocols import Column, Protocol
from handoff.core.workbook.audit import audit, column_letter
from handoff.core.workbook.findings import CheckReport, Finding, finding
from handoff.core.workbook.reader import Row, read_rows, require_readable_area
from handoff.core.workbook.table import Table, locate
from handoff.core.workbook.values import HAS_DIGIT, CellValue, check_value

# Columns where a worker types free text (names, addresses, remarks).
FREE_TEXT = frozenset({"text", "address"})
# Eleven digits as people write a national number: 85073003328, 85.07.30-033.28,
# 850730 033 28; not part of a longer run of digits.
_NUMBER_SHAPE = re.compile(r"(?<!\d)\d{2}[. ]?\d{2}[. ]?\d{2}[-. ]?\d{3}[-. ]?\d{2}(?!\d)")
# What every such number leaves in ASCII text once spaces, dots and dashes are
# deleted: eleven digits in a row (a cheap test that rules most columns out).
_ELEVEN_DIGITS = re.compile(rb"[0-9]{11}")
_SEPARATORS = b" .-"

# After this many findings of one kind in one column, one summary finding:
# ten thousand lines help nobody, the first ones show the pattern.
MAX_PER_COLUMN = 20


@dataclass
class Analysis:
    """The report plus the clean values (protocol order) for the cleaned copy."""

    report: CheckReport
    columns: list[Column] = field(default_factory=list)
    by_column: list[list[CellValue]] = field(default_factory=list)  # one list per column
    sheet: str = ""
    row_numbers: list[int] = field(default_factory=list)  # 1-based sheet row of each value row

    @property
    def values(self) -> list[list[CellValue]]:
        """The clean values row by row (protocol order within a row)."""
        if not self.by_column:
            return [[] for _ in self.row_numbers]
        return [list(row) for row in zip(*self.by_column, strict=True)]


def sha256_of(path: Path) -> str:
    """The source file's hash, so the journal can name exactly what was checked."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise HandoffError(
            "not_found",
            Text(
                "Bestand '{name}' niet gevonden. Wat te doen: kies het blad opnieuw.",
                "File '{name}' not found. What to do: choose the sheet again.",
            ),
            name=path.name,
        )


class _Collector:
    """Findings per (column, code) with the cap, then a summary per cap hit."""

    def __init__(self, sheet: str, headers: Mapping[int, str] | None = None) -> None:
        self.sheet = sheet
        self.headers = headers or {}
        self.findings: list[Finding] = []
        self.counts: dict[tuple[int, str], int] = {}

    def add(self, code: str, j: int, i: int, **params: object) -> None:
        count = self.counts.get((j, code), 0) + 1
        self.counts[(j, code)] = count
        if count <= MAX_PER_COLUMN:
            header = self.headers.get(j, column_letter(j))
            cell = f"{column_letter(j)}{i + 1}"
            self.findings.append(
                finding(code, sheet=self.sheet, cell=cell, header=header, row=i + 1, **params)
            )

    def summaries(self) -> list[Finding]:
        out = []
        for (j, code), count in self.counts.items():
            if count > MAX_PER_COLUMN:
                more = finding(
                    "more_of_same",
                    sheet=self.sheet,
                    cell=column_letter(j),
                    count=count - MAX_PER_COLUMN,
                )
                out.append(
                    Finding(
                        more.code,
                        more.text,
                        more.params,
                        finding(code).blocking,
                        more.sheet,
                        more.cell,
                    )
                )
        return out


def _check_cells(
    values: Sequence[object], data: Sequence[int], column: Column, j: int, collector: _Collector
) -> list[CellValue]:
    """One column cell by cell, in row order: the path for anything to report."""
    out: list[CellValue] = []
    label = column.label.nl
    plain = column.type == "text"
    address = column.type == "address"
    for i, raw in zip(data, values, strict=True):
        if raw == "" or raw is None or (raw.__class__ is str and not raw.strip()):
            if column.required:
                collector.add("required_empty", j, i, label=label)
            out.append(None)
            continue
        if plain and raw.__class__ is str:
            out.append(raw.strip())  # text needs no check
            continue
        if address and raw.__class__ is str and HAS_DIGIT.search(raw):
            out.append(raw.strip())  # an address with a house number: nothing to say
            continue
        value, code = check_value(raw, column)
        if code:
            collector.add(code, j, i, label=label, choices=", ".join(column.choices))
        out.append(value)
    return out


def _all_clean(values: Sequence[object], column: Column) -> list[CellValue] | None:
    """The clean column when a whole-column pass proves there is nothing to report.

    A sheet that conforms (what is packed) is the common case, so the
    per-cell branching of :func:`_check_cells` is kept for columns that have
    something to say: ``None`` sends the column there, which then reports in
    row order exactly as before. Text and addresses are stripped in one
    comprehension (a non-text cell raises AttributeError: the slow path);
    national numbers go through :func:`identifiers.national_numbers`, the
    check written for a whole column.
    """
    kind = column.type
    if kind == "text" or kind == "address":
        try:
            out: list[CellValue] = [v.strip() for v in values]  # type: ignore[attr-defined]
        except AttributeError:
            return None
        if not all(out):  # an empty cell ('' or spaces)
            return None
        if kind == "address" and not all(map(HAS_DIGIT.search, out)):  # type: ignore[arg-type]
            return None
        return out
    if kind == "national_number":
        numbers: list[CellValue] = list(identifiers.national_numbers(values))
        return numbers if all(numbers) else None
    return None


def _check_column(
    values: Sequence[object],
    data: Sequence[int],
    column: Column,
    j: int,
    collector: _Collector,
) -> list[CellValue]:
    """One column, top to bottom: column-wise keeps the per-cell cost low."""
    clean = _all_clean(values, column)
    return clean if clean is not None else _check_cells(values, data, column, j, collector)


def _column_values(rows: Sequence[Row], data: Sequence[int], j: int) -> list[object]:
    """Column ``j`` of the data rows (a slice when they are contiguous, the usual case)."""
    if data and data[-1] - data[0] + 1 == len(data):
        return [row[j] for row in rows[data[0] : data[-1] + 1]]
    return [rows[i][j] for i in data]


def check_cells(
    rows: Sequence[Row], table: Table, columns: Sequence[Column]
) -> tuple[list[Finding], list[list[CellValue]]]:
    """Every cell of every data row by its column's type; the clean columns.

    Returns the clean values column by column (protocol order): the copy's
    writer works per column too, so no rows are built in between.
    """
    collector = _Collector(table.sheet, table.headers)
    found = [(c, table.mapped[c.key]) for c in columns if c.key in table.mapped]
    by_column = [
        _check_column(_column_values(rows, table.data, j), table.data, c, j, collector)
        for c, j in found
    ]
    for (column, j), values in zip(found, by_column, strict=True):
        if column.type in FREE_TEXT:
            _numbers_in_text(values, table.data, j, collector)
    return collector.findings + collector.summaries(), by_column


def _numbers_in_text(
    values: Sequence[CellValue], data: Sequence[int], j: int, collector: _Collector
) -> None:
    """A national register or BIS number typed into a name, an address or a remark.

    It is data in the wrong column: the protocol allows the number only in
    its own column (or not at all), so it blocks. One search over the whole
    column first (C speed); only a column with something number-shaped is
    gone through cell by cell, and only a valid checksum counts.
    """
    texts = [v for v in values if v.__class__ is str]
    if not _may_hold_number("\x00".join(texts)):  # type: ignore[arg-type]
        return
    for i, value in zip(data, values, strict=True):
        if value.__class__ is str and any(
            identifiers.national_number(m)
            for m in _NUMBER_SHAPE.findall(value)  # type: ignore[arg-type]
        ):
            collector.add("national_number_in_text", j, i)


def _may_hold_number(text: str) -> bool:
    """Could ``text`` hold something of :data:`_NUMBER_SHAPE`? Exact for non-ASCII
    text (``\\d`` also matches other scripts' digits); for ASCII text the
    bytes without separators must hold eleven digits in a row, which a
    number-shaped run always leaves (about 4x cheaper than the shape itself)."""
    if not text.isascii():
        return _NUMBER_SHAPE.search(text) is not None
    return _ELEVEN_DIGITS.search(text.encode("ascii").translate(None, _SEPARATORS)) is not None


def analyse(path: Path, protocol: Protocol, columns: Sequence[Column] | None = None) -> Analysis:
    """Audit the parts, locate the table, check every cell: one read of the file."""
    _require_file(path)
    columns = tuple(columns if columns is not None else protocol.columns)
    parts = audit(path)
    report = CheckReport(list(parts.findings), 0, [], sha256_of(path))
    if parts.refused:
        return Analysis(report)
    sheet = parts.data_sheet or ""
    require_readable_area(parts.used_rows, parts.used_columns)
    rows = read_rows(path, parts.data_index, sheet) if parts.data_sheet else []
    table = locate(rows, sheet, columns, protocol.article, parts.hidden_rows, parts.hidden_columns)
    if table is None or not table.data:
        report.findings.extend(table.findings if table else [])
        report.findings.append(finding("no_data", sheet=sheet or None))
        return Analysis(report)
    cell_findings, by_column = check_cells(rows, table, columns)
    report.findings.extend(table.findings + cell_findings)
    report.rows = len(table.data)
    found = [c for c in columns if c.key in table.mapped]
    report.columns = [c.key for c in found]
    return Analysis(report, found, by_column, sheet, [i + 1 for i in table.data])


def check(path: Path, protocol: Protocol) -> CheckReport:
    """Does the sheet conform to the protocol? Findings name cell and remedy."""
    return analyse(path, protocol).report
