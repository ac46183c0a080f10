"""A raw-zip .xlsx writer for tests: the same table in the shapes different writers produce.

Every other test sheet is written by openpyxl, so the audit was only ever
shown openpyxl's serialisation. Real sheets come from Excel (shared strings,
``r`` on every row and cell, ``spans``), LibreOffice (``hidden="true"``,
every attribute spelt out) and the Open XML SDK (a namespace prefix such as
``<x:row>``, rows and cells without ``r``, inline strings). All are valid
SpreadsheetML (ECMA-376 Part 1, 18.3.1.73 row, 18.3.1.4 c: ``r`` is
optional) and Excel shows all alike. :class:`Dialect` says how to spell a
part; :func:`write_workbook` zips the parts directly, no library in between.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKSHEET_TYPE = f"{REL}/worksheet"

Value = str | int | float | None


@dataclass(frozen=True)
class Dialect:
    """How one writer spells the same SpreadsheetML."""

    name: str = "excel"
    prefix: str = ""  # "x" gives <x:row>
    quote: str = '"'  # or "'"
    equals: str = "="  # or " = "
    row_r: bool = True  # rows carry r="7"
    cell_r: bool = True  # cells carry r="B7"
    shared_strings: bool = True  # else t="inlineStr"
    style_first: bool = False  # s="1" before r= (the XFD380000 case)
    true: str = "1"  # how hidden="..." says yes ("1" or "true")
    hide_by: str = "hidden"  # or "zero_height": ht="0" customHeight="1"


EXCEL = Dialect()
LIBREOFFICE = Dialect("libreoffice", true="true")
OPEN_XML_SDK = Dialect(
    "openxml-sdk", prefix="x", row_r=False, cell_r=False, shared_strings=False, quote="'"
)
ODD_SPACING = Dialect(
    "odd-spacing", equals=" = ", quote="'", style_first=True, hide_by="zero_height"
)
DIALECTS = (EXCEL, LIBREOFFICE, OPEN_XML_SDK, ODD_SPACING)


@dataclass
class Sheet:
    """One worksheet: rows of values from A1, and what is hidden (1-based rows, 0-based columns)."""

    name: str
    rows: Sequence[Sequence[Value]]
    state: str = "visible"
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def letter(index: int) -> str:
    """0 -> 'A'."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


class _Writer:
    def __init__(self, dialect: Dialect) -> None:
        self.d = dialect
        self.strings: list[str] = []
        self.index: dict[str, int] = {}

    def tag(self, name: str) -> str:
        return f"{self.d.prefix}:{name}" if self.d.prefix else name

    def attrs(self, pairs: Sequence[tuple[str, object]]) -> str:
        q, eq = self.d.quote, self.d.equals
        entity = {"'": "&apos;", '"': "&quot;"}
        return "".join(f" {k}{eq}{q}{escape(str(v), {q: entity[q]})}{q}" for k, v in pairs)

    def root(self, name: str) -> str:
        ns = f"xmlns:{self.d.prefix}" if self.d.prefix else "xmlns"
        return f"<{self.tag(name)}{self.attrs([(ns, MAIN), ('xmlns:r', REL)])}>"

    def shared(self, text: str) -> int:
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def cell(self, ref: str, value: Value) -> str:
        pairs: list[tuple[str, object]] = []
        if self.d.cell_r:
            pairs.append(("r", ref))
        if self.d.style_first:
            pairs.insert(0, ("s", 0))
        if isinstance(value, str):
            if self.d.shared_strings:
                pairs.append(("t", "s"))
                body = f"<{self.tag('v')}>{self.shared(value)}</{self.tag('v')}>"
            else:
                pairs.append(("t", "inlineStr"))
                t = self.tag("t")
                body = f"<{self.tag('is')}><{t}>{escape(value)}</{t}></{self.tag('is')}>"
        else:
            body = f"<{self.tag('v')}>{value!r}</{self.tag('v')}>"
        return f"<{self.tag('c')}{self.attrs(pairs)}>{body}</{self.tag('c')}>"

    def row(self, number: int, values: Sequence[Value], hidden: bool) -> str:
        pairs: list[tuple[str, object]] = [("r", number)] if self.d.row_r else []
        if hidden and self.d.hide_by == "zero_height":
            pairs += [("ht", 0), ("customHeight", 1)]
        elif hidden:
            pairs.append(("hidden", self.d.true))
        cells = []
        for j, value in enumerate(values):
            if value is None:
                if not self.d.cell_r:  # positions are implicit: an empty cell holds the place
                    cells.append(f"<{self.tag('c')}/>")
                continue
            cells.append(self.cell(f"{letter(j)}{number}", value))
        return f"<{self.tag('row')}{self.attrs(pairs)}>{''.join(cells)}</{self.tag('row')}>"

    def sheet(self, sheet: Sheet) -> str:
        parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', self.root("worksheet")]
        if sheet.hidden_columns:
            cols = []
            for j in sorted(sheet.hidden_columns):
                pairs: list[tuple[str, object]] = [("min", j + 1), ("max", j + 1)]
                pairs += (
                    [("width", 0), ("customWidth", 1)]
                    if self.d.hide_by == "zero_height"
                    else [("hidden", self.d.true)]
                )
                cols.append(f"<{self.tag('col')}{self.attrs(pairs)}/>")
            parts.append(f"<{self.tag('cols')}>{''.join(cols)}</{self.tag('cols')}>")
        parts.append(f"<{self.tag('sheetData')}>")
        for i, values in enumerate(sheet.rows):
            if (
                not self.d.row_r
                or any(v is not None for v in values)
                or (i + 1) in sheet.hidden_rows
            ):
                parts.append(self.row(i + 1, values, (i + 1) in sheet.hidden_rows))
        parts.append(f"</{self.tag('sheetData')}></{self.tag('worksheet')}>")
        return "".join(parts)

    def workbook(self, sheets: Sequence[Sheet]) -> str:
        entries = []
        for n, sheet in enumerate(sheets, start=1):
            pairs: list[tuple[str, object]] = [("name", sheet.name), ("sheetId", n)]
            if sheet.state != "visible":
                pairs.append(("state", sheet.state))
            pairs.append(("r:id", f"rId{n}"))
            entries.append(f"<{self.tag('sheet')}{self.attrs(pairs)}/>")
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            + self.root("workbook")
            + f"<{self.tag('sheets')}>{''.join(entries)}</{self.tag('sheets')}></{self.tag('workbook')}>"
        )

    def shared_part(self) -> str:
        si, t = self.tag("si"), self.tag("t")
        items = "".join(f"<{si}><{t}>{escape(s)}</{t}></{si}>" for s in self.strings)
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            + f"<{self.tag('sst')}{self.attrs([(f'xmlns:{self.d.prefix}' if self.d.prefix else 'xmlns', MAIN)])}>"
            + f"{items}</{self.tag('sst')}>"
        )


def parts(
    sheets: Sequence[Sheet], dialect: Dialect = EXCEL, *, order: Sequence[int] | None = None
) -> dict[str, bytes]:
    """The zip parts of a workbook; ``order`` maps sheet n to its part number (default n)."""
    writer = _Writer(dialect)
    order = list(order) if order is not None else list(range(1, len(sheets) + 1))
    out: dict[str, bytes] = {}
    for n, sheet in enumerate(sheets, start=1):
        out[f"xl/worksheets/sheet{order[n - 1]}.xml"] = writer.sheet(sheet).encode()
    out["xl/workbook.xml"] = writer.workbook(sheets).encode()
    rels = [
        f'<Relationship Id="rId{n}" Type="{WORKSHEET_TYPE}" Target="worksheets/sheet{order[n - 1]}.xml"/>'
        for n in range(1, len(sheets) + 1)
    ]
    overrides = [
        f'<Override PartName="/xl/worksheets/sheet{p}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for p in order
    ]
    if writer.strings:
        out["xl/sharedStrings.xml"] = writer.shared_part().encode()
        rels.append(
            f'<Relationship Id="rId{len(sheets) + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        overrides.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    out["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'
    ).encode()
    out["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ).encode()
    out["[Content_Types].xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{CT}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{''.join(overrides)}</Types>"
    ).encode()
    return out


def zip_parts(path: Path, items: dict[str, bytes], *, level: int = 6) -> Path:
    """Zip ``items`` to ``path`` (deflated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in items.items():
            archive.writestr(name, data)
    return path


def write_workbook(
    path: Path, sheets: Sequence[Sheet], dialect: Dialect = EXCEL, **kw: object
) -> Path:
    """An .xlsx of ``sheets`` as ``dialect`` writes it."""
    return zip_parts(path, parts(sheets, dialect, **kw))  # type: ignore[arg-type]
