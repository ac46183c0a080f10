"""The sheet pre-scan places a row's cells at once (issue 17): same answers as one at a time.

parts.SheetScan keeps a row's cell attributes and settles the usual row
(the previous row's column letters with this row's number) with one list
comparison. This test runs it against a plain element-by-element reading of
the same rules (the pre-scan as it was before issue 17) on thousands of small
random sheets built to look like tables with the faults a hostile or broken
file has: a missing, swapped, repeated or misplaced cell, rows out of order,
references without ``r``, hidden and zero-height rows, cells past XFD.
"""

from __future__ import annotations

import random

from handoff.core.errors import HandoffError
from handoff.core.workbook import parts

NS = parts.MAIN_NS[0]


class Reference:
    """Element by element, as the pre-scan read sheets before issue 17."""

    def __init__(self) -> None:
        self.row = self.column = self.rows = self.columns = self.cells = self.shared = 0
        self.hidden: set[int] = set()
        self.by_default = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(parts._SEP)[2]
        if local == "sheetFormatPr":
            self.by_default = parts.is_true(attrs.get("zeroHeight"))
        elif local == "row":
            self._row(attrs)
        elif local == "c":
            self._cell(attrs)

    def _row(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref is None:
            number = self.row + 1
        elif ref.isdigit() and int(ref) > self.row:
            number = int(ref)
        else:
            raise parts.damaged()
        if number > parts.EXCEL_ROWS:
            raise parts.damaged()
        self.row, self.column = number, 0
        hidden = parts.is_true(attrs.get("hidden")) or parts._is_zero(attrs.get("ht"))
        if not hidden and self.by_default:
            hidden = not (parts.is_true(attrs.get("customHeight")) and attrs.get("ht"))
        if hidden:
            self.hidden.add(number)

    def _cell(self, attrs: dict[str, str]) -> None:
        if self.row == 0:
            raise parts.damaged()
        ref = attrs.get("r")
        if ref is None:
            column = self.column + 1
        else:
            digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            column = parts.column_number(ref[: len(ref) - len(digits)])
            if digits != str(self.row) or not column or column <= self.column:
                raise parts.damaged()
        if column > parts.EXCEL_COLUMNS:
            raise parts.damaged()
        self.column, self.cells, self.rows = column, self.cells + 1, self.row
        self.columns = max(self.columns, column)
        self.shared += attrs.get("t") == "s"


def outcome(scan_start, finish, xml: bytes, chunk: int) -> object:
    """What a scan concludes from ``xml`` fed in pieces of ``chunk`` bytes."""
    parser = parts.make_parser()
    parser.StartElementHandler = scan_start
    try:
        for i in range(0, len(xml), chunk):
            parser.Parse(xml[i : i + chunk], False)
        parser.Parse(b"", True)
        return finish()
    except HandoffError as error:
        return error.code


def random_sheet(rng: random.Random) -> bytes:
    letters = sorted(rng.sample(["A", "B", "C", "D", "E", "Z", "AA", "XFD"], rng.randint(1, 5)))
    letters.sort(key=lambda x: (len(x), x))
    out = [f'<worksheet xmlns="{NS}">']
    if rng.random() < 0.15:
        out.append('<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/>')
    out.append("<sheetData>")
    row = 0
    for _ in range(rng.randint(0, 14)):
        fault = rng.random()
        row = row + 1 if fault > 0.05 else max(row - 1, 0) + rng.choice([0, 5])
        attrs = "" if rng.random() < 0.08 else f' r="{row}"'
        if rng.random() < 0.1:
            attrs += rng.choice([' hidden="1"', ' ht="0"', ' ht="12" customHeight="1"'])
        cells = [f"{x}{row}" for x in letters]
        fault = rng.random()
        if fault < 0.05 and cells:
            cells.pop(rng.randrange(len(cells)))
        elif fault < 0.08 and len(cells) > 1:
            cells[0], cells[1] = cells[1], cells[0]
        elif fault < 0.10:
            cells.append(f"XFE{row}")
        elif fault < 0.12 and cells:
            cells[-1] = f"{letters[-1]}{row + 1}"
        elif fault < 0.14 and cells:
            cells.insert(0, cells[0])
        elif fault < 0.17:
            cells = [None] * len(cells)  # type: ignore[list-item]
        out.append(f"<row{attrs}>")
        for ref in cells:
            r = "" if ref is None else f' r="{ref}"'
            kind = ' t="s"' if rng.random() < 0.3 else ' t="inlineStr"'
            out.append(f"<c{r}{kind}><v>1</v></c>")
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode()


def test_placing_a_row_at_once_concludes_what_one_cell_at_a_time_did(monkeypatch):
    slow = []
    real = parts.SheetScan._place_each
    monkeypatch.setattr(parts.SheetScan, "_place_each", lambda s, r: slow.append(1) or real(s, r))
    rng = random.Random(17)
    damaged = settled = 0
    for _ in range(3000):
        xml = random_sheet(rng)
        chunk = rng.choice([7, 64, 1 << 20])
        reference = Reference()
        expected = outcome(
            reference.start,
            lambda r=reference: (r.rows, r.columns, r.cells, r.shared, sorted(r.hidden)),
            xml,
            chunk,
        )
        scan = parts.SheetScan()

        def finish(s=scan):
            s.finish()
            return (s.rows, s.columns, s.cells, s.shared_cells, sorted(s.hidden_rows))

        assert outcome(scan.start, finish, xml, chunk) == expected, xml.decode()
        damaged += expected == "damaged_workbook"
        settled += expected != "damaged_workbook"
    assert damaged > 800 and settled > 800  # both kinds of sheet were tried
    assert len(slow) < 6000  # of about 12,800 rows with cells: most took one comparison
