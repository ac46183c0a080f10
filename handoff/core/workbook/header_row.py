"""The header row of a workbook, read without reading the rows below it.

Receiving a list must say when it is opened under the wrong protocol (issue
13 §11), before anything is journaled. The full check (audit, then a reader
that loads the whole sheet) takes seconds on a 100,000-row list; the headers
are the first non-empty row of the first visible worksheet, so this reads the
sheet's XML only that far, and of the shared strings only the ones those
cells use. It goes through :mod:`parts`, so the same bounds and the same safe
parser apply, and a damaged workbook is refused the same way.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

from handoff.core.workbook import parts
from handoff.core.workbook.parts import Package

_SHARED = "xl/sharedStrings.xml"


class _Stop(Exception):
    """Raised from a handler: the part has told us what we need."""


def _stream(
    package: Package,
    name: str,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    text: Callable[[str], None],
) -> None:
    """Feed part ``name`` to a safe parser until it ends or a handler raises _Stop."""
    parser = parts.make_parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        for chunk in package.chunks(name):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Stop:
        return
    except expat.ExpatError:
        raise parts.damaged() from None


class _FirstRow:
    """Cells of the first visible row that holds a value; hidden columns left out.

    Rows, cells and columns go through the check's own :class:`parts.SheetScan`,
    so a row or column is hidden here exactly when the check leaves it out
    (``hidden``, zero height or width, hidden by default). ``<cols>`` comes
    before ``<sheetData>`` (ECMA-376 18.3.1.99): hidden columns are known before
    the first row is read.
    """

    def __init__(self) -> None:
        self.scan = parts.SheetScan()
        self.cells: dict[int, tuple[str, str]] = {}  # 0-based column -> (type, raw text)
        self._type = ""
        self._text: list[str] | None = None
        self._in_is = False
        self._row, self._cell = parts.names("row"), parts.names("c")
        self._v, self._t, self._is = parts.names("v"), parts.names("t"), parts.names("is")
        self._rph = parts.names("rPh")
        self._skip = 0  # depth inside a phonetic run, whose text is not the cell's
        self._column = 0  # 1-based column of the current cell (the scan places a row at its end)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in self._row:
            if self.cells:
                raise _Stop  # the headers were the row before
            self._column = 0
        self.scan.start(name, attrs)
        if name in self._cell:
            self._type = attrs.get("t", "n")
            self._column = self._cell_column(attrs.get("r"))
        elif name in self._rph:
            self._skip += 1
        elif not self._skip and (name in self._v or (self._in_is and name in self._t)):
            self._text = []
        elif name in self._is:
            self._in_is = True

    def end(self, name: str) -> None:
        if name in self._rph:
            self._skip -= 1
        elif name in self._is:
            self._in_is = False
        elif self._text is not None and (name in self._v or name in self._t):
            self._keep("".join(self._text))
            self._text = None

    def _cell_column(self, ref: str | None) -> int:
        """ECMA-376 18.3.1.4: without ``r`` a cell follows the previous one in its row."""
        if ref is None:
            return self._column + 1
        letters = ref.rstrip("0123456789")
        return parts.column_number(letters) or self._column + 1

    def _hidden(self) -> bool:
        scan, column = self.scan, self._column - 1
        if scan.row in scan.hidden_rows or column in scan.hidden_columns:
            return True
        return scan.columns_hidden_by_default and column not in scan.shown_columns

    def _keep(self, raw: str) -> None:
        if not raw.strip() or self._hidden():
            return
        column = self._column - 1
        kind, before = self.cells.get(column, (self._type, ""))
        self.cells[column] = (kind, before + raw)  # rich inline text comes in runs

    def text(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


class _Strings:
    """The shared strings with the wanted indexes; stops after the last of them."""

    def __init__(self, wanted: set[int]) -> None:
        self.found: dict[int, str] = {}
        self._wanted, self._last = wanted, max(wanted)
        self._index = -1
        self._text: list[str] | None = None
        self._skip = 0
        self._si, self._t, self._rph = parts.names("si"), parts.names("t"), parts.names("rPh")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in self._si:
            self._index += 1
            if self._index > self._last:
                raise _Stop
        elif name in self._rph:
            self._skip += 1
        elif name in self._t and not self._skip and self._index in self._wanted:
            self._text = []

    def end(self, name: str) -> None:
        if name in self._rph:
            self._skip -= 1
        elif name in self._t and self._text is not None:
            self.found[self._index] = self.found.get(self._index, "") + "".join(self._text)
            self._text = None

    def text(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _first_sheet(package: Package) -> str | None:
    """The data sheet as the check takes it: the first visible worksheet."""
    book = parts.workbook(package)
    return next((s.part for s in book.sheets if s.state == "visible" and s.worksheet), None)


def _resolve(package: Package, cells: dict[int, tuple[str, str]]) -> list[str]:
    """The cells' texts left to right, shared-string indexes replaced by their text."""
    wanted = {int(raw) for kind, raw in cells.values() if kind == "s" and raw.strip().isdigit()}
    strings = _Strings(wanted) if wanted else None
    if strings is not None and _SHARED in package:
        _stream(package, _SHARED, strings.start, strings.end, strings.text)
    out = []
    for column in sorted(cells):
        kind, raw = cells[column]
        text = strings.found.get(int(raw.strip()), "") if kind == "s" and strings else raw
        if text.strip():
            out.append(text)
    return out


def read(path: Path) -> list[str] | None:
    """The header texts of the workbook at ``path``, or None when it is no workbook.

    None also for an encrypted or legacy file (not a zip): the caller cannot
    judge its columns. A damaged or oversized workbook raises as the check does.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            package = Package(archive)
            if "xl/workbook.xml" not in package:
                return None
            sheet = _first_sheet(package)
            if sheet is None:
                return []
            row = _FirstRow()
            _stream(package, sheet, row.start, row.end, row.text)
            return _resolve(package, row.cells)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        return None
