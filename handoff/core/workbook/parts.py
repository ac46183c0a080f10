"""The workbook's parts, read once, bounded, with a real XML parser.

An .xlsx is a zip of XML parts. Everything the check believes about a sheet
(which sheet is the data sheet, which rows and columns are hidden, how far
the cells reach) comes from here, read the way Excel reads it:

- the zip directory first: too many entries, two entries of one name, or a
  part whose declared size or ratio is out of bounds is refused before
  anything is inflated; then every part is inflated as a stream and its real
  bytes are counted (a declared size can lie);
- XML through expat with namespaces, so ``<x:row>`` and ``<row>``, single or
  double quotes, any attribute order are one thing; a ``<!DOCTYPE`` stops
  the parse before any entity could be defined (no billion laughs, whatever
  expat version is bundled);
- rows and cells without ``r`` are placed as Excel places them (ECMA-376
  18.3.1.73 and 18.3.1.4: a row without ``r`` follows the previous row, a
  cell without ``r`` the previous cell of its row);
- sheets are found by relationship id (``r:id``), never by name, and two
  sheets of one name are a damaged workbook.

The sheet XML is never held whole: one streaming pass (:class:`SheetScan`)
finds hidden rows and columns and the real extent of the cells, so a stray
cell in ``XFD1048576`` is refused here, before a reader would try to
allocate a grid of seventeen billion cells.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, methodcaller
from pathlib import PurePosixPath
from xml.parsers import expat

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

# Both spellings of SpreadsheetML: transitional (what Excel writes) and strict.
MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SEP = "\x1f"  # between namespace and local name in expat's element names

# Limits. An input of up to 20 MB must never take more than 1 GiB or abort
# the process; a protocol's table is a list of people, far below these.
MAX_ENTRIES = 10_000  # parts in the zip
MAX_PART_BYTES = 128 * 2**20  # real inflated bytes of one part (a 100,000-row sheet: ~36 MB)
MAX_TOTAL_BYTES = 256 * 2**20  # real inflated bytes of all parts read
MAX_RATIO = 150  # inflated / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 8 * 2**20
MAX_ROWS = 500_000  # sheet rows the check reads
MAX_CELLS = 4_000_000  # rows x columns from A1 to the last cell (a reader pads the grid)
MAX_TEXT_BYTES = 256 * 2**20  # shared-string text a reader copies into the cells
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
_CHUNK = 1 << 20


def damaged() -> HandoffError:
    """The refusal for a workbook that is not valid SpreadsheetML."""
    return HandoffError(
        "damaged_workbook",
        Text(
            "De werkmap is beschadigd of ongewoon opgebouwd en kan niet veilig gelezen worden. Wat te doen: open ze in Excel, bewaar ze opnieuw als 'Excel-werkmap (*.xlsx)' en probeer opnieuw.",
            "The workbook is damaged or unusually built and cannot be read safely. What to do: open it in Excel, save it again as 'Excel Workbook (*.xlsx)' and try again.",
        ),
    )


def too_large_part() -> HandoffError:
    """Refusal for a part that inflates beyond the limits (a zip bomb, or far too much data)."""
    return HandoffError(
        "workbook_too_large",
        Text(
            "De werkmap pakt uit tot meer dan {limit} MB aan gegevens (of is verdacht sterk gecomprimeerd) en wordt niet gelezen. Wat te doen: bewaar enkel de tabel voor deze overdracht in een nieuwe werkmap en probeer opnieuw.",
            "The workbook unpacks to more than {limit} MB of data (or is suspiciously highly compressed) and is not read. What to do: save only the table for this handoff in a new workbook and try again.",
        ),
        limit=MAX_TOTAL_BYTES // 2**20,
    )


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """'A' -> 1, 'AB' -> 28, 'XFD' -> 16384 (0 for anything else)."""
    number = 0
    for letter in letters:
        if not "A" <= letter <= "Z":
            return 0
        number = number * 26 + ord(letter) - 64
    return number


def is_true(value: str | None) -> bool:
    """An xsd:boolean that says yes. Anything but an explicit no counts as yes:
    a row wrongly taken as hidden is left out and named, never sent."""
    return value is not None and value.strip() not in ("0", "false")


def _is_zero(value: str | None) -> bool:
    try:
        return value is not None and float(value) <= 0
    except ValueError:
        return False


def _refuse_dtd(*_: object) -> None:
    raise damaged()


def make_parser() -> expat.XMLParserType:
    """A namespace-aware expat parser that refuses any DTD (so any entity)."""
    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    return parser


def names(local: str, spaces: tuple[str, ...] = MAIN_NS) -> frozenset[str]:
    """Expat's names for ``local`` in each of ``spaces``."""
    return frozenset(f"{ns}{_SEP}{local}" for ns in spaces)


class Package:
    """The zip, its directory checked, every part inflated under the byte limits."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.read_bytes = 0
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise too_large_part()
        folded = [i.filename.casefold() for i in infos]
        if len(set(folded)) != len(folded):
            raise damaged()  # two parts of one name: which one would a reader take?
        self.infos = {i.filename: i for i in infos}
        for info in infos:
            self._check_declared(info)

    def names(self) -> list[str]:
        return list(self.infos)

    def __contains__(self, name: str) -> bool:
        return name in self.infos

    @staticmethod
    def _check_declared(info: zipfile.ZipInfo) -> None:
        if info.file_size > MAX_PART_BYTES:
            raise too_large_part()
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise too_large_part()

    def chunks(self, name: str) -> Iterator[bytes]:
        """The part's bytes in pieces, counting what really comes out of the inflater."""
        info = self.infos[name]
        real = 0
        with self.archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                real += len(chunk)
                self.read_bytes += len(chunk)
                if real > MAX_PART_BYTES or self.read_bytes > MAX_TOTAL_BYTES:
                    raise too_large_part()
                if real > RATIO_FLOOR and real > MAX_RATIO * max(info.compress_size, 1):
                    raise too_large_part()
                yield chunk

    def read(self, name: str) -> bytes:
        """A small part whole (workbook, relationships, comments, properties)."""
        return b"".join(self.chunks(name))

    def parse(
        self,
        name: str,
        start: Callable[[str, dict[str, str]], None],
        text: Callable[[str], None] | None = None,
        tap: Callable[[bytes], None] | None = None,
        parser: expat.XMLParserType | None = None,
    ) -> int:
        """Stream part ``name`` through a safe parser calling ``start`` per element
        (``text`` per text node; ``tap`` sees each raw chunk); returns the part's size.

        ``parser``: one from :func:`make_parser` whose position a handler reads.
        """
        if parser is None:
            parser = make_parser()
        parser.StartElementHandler = start
        if text is not None:
            parser.CharacterDataHandler = text
        size = 0
        try:
            for chunk in self.chunks(name):
                size += len(chunk)
                if tap is not None:
                    tap(chunk)
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError:
            raise damaged() from None
        return size


@dataclass(frozen=True)
class SheetPart:
    """One sheet as workbook.xml lists it, found through its relationship."""

    name: str
    state: str  # "visible", "hidden", "veryHidden"
    part: str  # "xl/worksheets/sheet1.xml"
    worksheet: bool  # False for a chart sheet or dialog sheet
    position: int  # 0-based place in workbook.xml (a reader's sheet index)


def _target(base: str, target: str) -> str:
    """A relationship target as a part name (relative to ``base``'s folder, or absolute)."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (PurePosixPath(base).parent / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def relationships(package: Package, rels: str, base: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, part name) of a relationships part."""
    found: dict[str, tuple[str, str]] = {}
    wanted = f"{PKG_REL_NS}{_SEP}Relationship"

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == wanted:
            rid = attrs.get("Id", "")
            if rid in found:
                raise damaged()
            mode = attrs.get("TargetMode", "Internal")
            target = attrs.get("Target", "")
            found[rid] = (
                attrs.get("Type", ""),
                target if mode == "External" else _target(base, target),
            )

    if rels in package:
        package.parse(rels, start)
    return found


@dataclass
class WorkbookPart:
    """What xl/workbook.xml says: the sheets in order and the defined names."""

    sheets: list[SheetPart] = field(default_factory=list)
    defined_names: int = 0


def workbook(package: Package) -> WorkbookPart:
    """The sheets by relationship id; a sheet without a part, or two of one name, is damage."""
    rels = relationships(package, "xl/_rels/workbook.xml.rels", "xl/workbook.xml")
    out = WorkbookPart()
    sheet_names = names("sheet")
    defined = names("definedName")
    rid_names = [f"{ns}{_SEP}id" for ns in REL_NS]
    listed: list[tuple[str, str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name in sheet_names:
            rid = next((attrs[k] for k in rid_names if k in attrs), "")
            listed.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
        elif name in defined and not attrs.get("name", "").startswith("_xlnm."):
            out.defined_names += 1

    package.parse("xl/workbook.xml", start)
    seen: set[str] = set()
    for position, (name, state, rid) in enumerate(listed):
        kind, part = rels.get(rid, ("", ""))
        if not name or name.casefold() in seen or part not in package:
            raise damaged()
        seen.add(name.casefold())
        worksheet = kind.endswith("/worksheet")
        out.sheets.append(SheetPart(name, state, part, worksheet, position))
    return out


_REF = methodcaller("get", "r")
_TYPE = methodcaller("get", "t")


class SheetScan:
    """One streaming pass over a worksheet: hidden rows and columns, the cells' extent.

    The start handler runs once per element of a 100,000-row sheet (about
    1.6 million), so it does as little as it can: two set lookups, and for a
    cell only keeping its attributes. A row's cells are placed when the next
    row starts (:meth:`_place`), all at once: when their references are the
    previous row's column letters with this row's number (a table's usual
    shape) one list comparison settles them; any other row goes cell by cell
    (:meth:`_place_each`) under the same rules.
    """

    def __init__(self) -> None:
        self.row = 0  # current row number (1-based)
        self.rows = 0  # largest row number holding a cell
        self.columns = 0  # largest column number holding a cell
        self.cells = 0
        self.hidden_rows: set[int] = set()
        self.hidden_columns: set[int] = set()  # 0-based
        self.shown_columns: set[int] = set()  # 0-based, with a width (when the default is 0)
        self.rows_hidden_by_default = False
        self.columns_hidden_by_default = False
        self.shared_cells = 0  # cells with t="s" (they copy a shared string)
        self._row_text = ""
        self._pending: list[dict[str, str]] = []  # attributes of the current row's cells
        self._letters: list[str] | None = []  # column letters of the last row placed
        self._numbers: list[int] = []  # and their column numbers
        self._columns: dict[str, int] = {}  # letters -> column number, seen before
        self._others: dict[str, Callable[[dict[str, str]], None]] = {}
        for local, handler in (
            ("row", self._row),
            ("col", self._col),
            ("sheetFormatPr", self._format),
        ):
            for name in names(local):
                self._others[name] = handler
        self.start = self._handler()

    def _handler(self) -> Callable[[str, dict[str, str]], None]:
        """The start handler as a closure over locals (no attribute look-ups per element)."""
        cells, keep, others = names("c"), self._pending.append, self._others

        def start(name: str, attrs: dict[str, str]) -> None:
            if name in cells:
                keep(attrs)
            elif name in others:
                others[name](attrs)

        return start

    def _format(self, attrs: dict[str, str]) -> None:
        """sheetFormatPr: zeroHeight="1" hides every row without its own height."""
        self.rows_hidden_by_default = is_true(attrs.get("zeroHeight")) or _is_zero(
            attrs.get("defaultRowHeight")
        )
        self.columns_hidden_by_default = _is_zero(attrs.get("defaultColWidth"))

    def _row(self, attrs: dict[str, str]) -> None:
        self._place()
        ref = attrs.get("r")
        if ref is None:
            number = self.row + 1
        elif ref.isdigit() and int(ref) > self.row:
            number = int(ref)
        else:
            raise damaged()  # rows go down the sheet, each once
        if number > EXCEL_ROWS:
            raise damaged()
        self.row, self._row_text = number, str(number)
        if (self.rows_hidden_by_default or "hidden" in attrs or "ht" in attrs) and self._row_hidden(
            attrs
        ):
            self.hidden_rows.add(number)

    def _row_hidden(self, attrs: dict[str, str]) -> bool:
        if is_true(attrs.get("hidden")) or _is_zero(attrs.get("ht")):
            return True
        if self.rows_hidden_by_default:
            return not (is_true(attrs.get("customHeight")) and attrs.get("ht"))
        return False

    def _place(self) -> None:
        """The current row's cells: their columns, the extent, the shared-string cells."""
        pending = self._pending
        if not pending:
            return
        if self.row == 0:
            raise damaged()  # a cell outside any row
        refs = list(map(_REF, pending))
        text = self._row_text
        if self._letters is not None and refs == list(map(add, self._letters, repeat(text))):
            numbers = self._numbers  # the previous row's columns, already checked
        else:
            numbers = self._place_each(refs)
        self.cells += len(refs)
        self.columns = max(self.columns, numbers[-1])  # numbers only go up
        self.rows = self.row
        self.shared_cells += list(map(_TYPE, pending)).count("s")
        pending.clear()

    def _place_each(self, refs: list[str | None]) -> list[int]:
        """Cell by cell (ECMA-376 18.3.1.4): without ``r`` a cell follows the previous
        one; with it, it lies in this row, right of the previous cell, within Excel."""
        numbers: list[int] = []
        column = 0
        for ref in refs:
            if ref is None:
                column += 1
            else:
                known = self._columns.get(
                    ref[: -len(self._row_text)] if ref.endswith(self._row_text) else ""
                )
                number = self._parse_ref(ref) if known is None else known
                if number <= column:
                    raise damaged()  # cells go left to right, each once
                column = number
            if column > EXCEL_COLUMNS:
                raise damaged()
            numbers.append(column)
        self._numbers = numbers
        self._letters = None if None in refs else [column_letter(n - 1) for n in numbers]
        return numbers

    def _parse_ref(self, ref: str) -> int:
        """The column of a cell reference in the current row (cached per letters)."""
        digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        letters = ref[: len(ref) - len(digits)]
        column = column_number(letters)
        if digits != self._row_text or not column:
            raise damaged()  # a cell outside its row
        self._columns[letters] = column
        return column

    def _col(self, attrs: dict[str, str]) -> None:
        low, high = attrs.get("min", ""), attrs.get("max", "")
        if (
            not (low.isdigit() and high.isdigit())
            or not 1 <= int(low) <= int(high) <= EXCEL_COLUMNS
        ):
            raise damaged()
        span = range(int(low) - 1, int(high))
        if is_true(attrs.get("hidden")) or _is_zero(attrs.get("width")):
            self.hidden_columns.update(span)
        elif attrs.get("width"):
            self.shown_columns.update(span)

    def finish(self) -> None:
        """The last row's cells; columns hidden by a zero default width: every one
        without a width of its own."""
        self._place()
        if self.columns_hidden_by_default:
            self.hidden_columns |= set(range(self.columns)) - self.shown_columns


class SharedStrings:
    """The byte length of each shared string (up to the next item: an upper bound).

    Only item starts are handled, from expat's byte position, so a large
    table of strings costs one call per string.
    """

    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.starts: list[int] = []
        self._item = names("si")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in self._item:
            self.starts.append(self.parser.CurrentByteIndex)

    def lengths(self, total: int) -> list[int]:
        ends = [*self.starts[1:], total]
        return [end - begin for begin, end in zip(self.starts, ends, strict=True)]


class SharedText:
    """The shared-string bytes a sheet's cells copy, summed cell by cell (the exact pass)."""

    def __init__(self, lengths: list[int]) -> None:
        self.lengths = lengths
        self.total = 0
        self._shared = False
        self._value: list[str] | None = None
        self._cell, self._v = names("c"), names("v")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in self._cell:
            self._shared = attrs.get("t") == "s"
        elif name in self._v and self._shared:
            self._value = []
            self._shared = False

    def text(self, data: str) -> None:
        if self._value is None:
            return
        index = data.strip()
        self._value = None
        if index.isdigit() and int(index) < len(self.lengths):
            self.total += self.lengths[int(index)]
            if self.total > MAX_TEXT_BYTES:
                raise too_large_part()


def scan_sheet(
    package: Package, part: str, tap: Callable[[bytes], None] | None = None
) -> SheetScan:
    """The streaming pass over the data sheet."""
    scan = SheetScan()
    package.parse(part, scan.start, tap=tap)
    scan.finish()
    return scan


def check_shared_text(
    package: Package, part: str, scan: SheetScan, tap: Callable[[bytes], None] | None = None
) -> None:
    """Refuse when the shared-string text a reader copies into the cells exceeds the limit.

    A tiny sheet can point a million cells at one long shared string and a
    reader copies it into each. The longest string times the cells that use
    one settles almost every sheet; only when that bound is too high are the
    cells' indexes read (a second pass) and the real total counted.
    """
    name = "xl/sharedStrings.xml"
    if not scan.shared_cells or name not in package:
        return
    parser = make_parser()
    strings = SharedStrings(parser)
    total = package.parse(name, strings.start, tap=tap, parser=parser)
    lengths = strings.lengths(total)
    if max(lengths, default=0) * scan.shared_cells <= MAX_TEXT_BYTES:
        return
    exact = SharedText(lengths)
    package.parse(part, exact.start, exact.text)
