"""Hidden content, found by reading the workbook's parts (the zip's XML) directly.

openpyxl's read-only mode loads no comments and no row or column
dimensions, and a full load is slow (about 8x 7-Zip on a 100,000-row sheet).
An .xlsx is a zip of XML parts, so the audit opens the parts that can hide
something and looks: sheet states in ``xl/workbook.xml``, hidden rows and
columns in the sheet XML, comment parts, external links, embeddings, the VBA
project and the author names in ``docProps/core.xml``. Macros and encrypted
workbooks are refused before anything else is read.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from handoff.core.workbook.findings import Finding, finding

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted .xlsx is a Compound File holding an "EncryptionInfo" stream
# (MS-OFFCRYPTO 2.3.4); a legacy .xls is a Compound File without one.
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN_COL = re.compile(rb'<col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_LAST_ROW = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_WIDE_REF = re.compile(rb'<c r="([A-Z]{2,3})\d')
_COL_RANGE = re.compile(rb'\bmin="(\d+)"[^>]*?\bmax="(\d+)"|\bmax="(\d+)"[^>]*?\bmin="(\d+)"')
_COMMENT = re.compile(rb"<(?:\w+:)?(?:comment|threadedComment)\b")
# Excel writes xl/comments1.xml, openpyxl xl/comments/comment1.xml, threaded
# comments xl/threadedComments/threadedComment1.xml: match them all.
_COMMENT_PART = re.compile(r"(?i)xl/.*comment[^/]*\.xml$")
_SHEET_RELS = re.compile(r"xl/worksheets/_rels/[^/]+\.rels$")
_OLE_REL = re.compile(rb'Type="[^"]*/(?:oleObject|package)"')
_CREATOR = re.compile(rb"<(dc:creator|cp:lastModifiedBy)>([^<]*)</")
# Tool names, not people: openpyxl and XlsxWriter write these by default.
_NEUTRAL_AUTHORS = frozenset({"", "handoff", "openpyxl", "microsoft office user"})


@dataclass(frozen=True)
class SheetPart:
    """One worksheet as workbook.xml lists it."""

    name: str
    state: str  # "visible", "hidden", "veryHidden"
    part: str  # "xl/worksheets/sheet1.xml"


@dataclass
class Audit:
    """What the parts revealed; ``refused`` means nothing else may be read."""

    findings: list[Finding] = field(default_factory=list)
    refused: bool = False
    data_sheet: str | None = None
    hidden_rows: set[int] = field(default_factory=set)  # 1-based row numbers
    hidden_columns: set[int] = field(default_factory=set)  # 0-based column indexes
    used_rows: int = 0  # last row number and column count of the data sheet,
    used_columns: int = 0  # known before any reader allocates the area
    # The data sheet's XML as read here, for a caller that can use it once more
    # (check.py warms its national-number memo from it); never printed.
    sheet_xml: bytes = field(default=b"", repr=False)


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _refuse(audit: Audit, code: str) -> Audit:
    audit.findings.append(finding(code))
    audit.refused = True
    return audit


def _sheets(archive: zipfile.ZipFile) -> tuple[list[SheetPart], ElementTree.Element]:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    sheets = []
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        sheets.append(SheetPart(sheet.get("name", ""), sheet.get("state", "visible"), part))
    return sheets, workbook


def column_number(letters: str) -> int:
    """'A' -> 1, 'AB' -> 28, 'XFD' -> 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _used_area(xml: bytes, audit: Audit) -> None:
    """The data sheet's extent from its XML: a reader pads every row from A1 to
    the last cell, so one stray value in XFD1048576 would ask for 17 billion
    cells (calamine aborts the process). Rows come in order: the last row tag
    is the extent; wide columns are found by their two- or three-letter refs."""
    tail = xml.rfind(b"<row ")
    last = _LAST_ROW.match(xml, tail) if tail >= 0 else None
    audit.used_rows = int(last.group(1)) if last else xml.count(b"<row")
    wide = {m.group(1) for m in _WIDE_REF.finditer(xml)}
    audit.used_columns = max((column_number(w.decode()) for w in wide), default=26)


def _hidden_dimensions(xml: bytes, audit: Audit) -> None:
    """Hidden rows and columns of the data sheet (they are not sent)."""
    if b'hidden="' not in xml:  # one fast scan before the regexes
        return
    for tag in _HIDDEN_ROW.finditer(xml):
        number = _ROW_NUMBER.search(tag.group(0))
        if number:
            audit.hidden_rows.add(int(number.group(1)))
    for tag in _HIDDEN_COL.finditer(xml):
        bounds = _COL_RANGE.search(tag.group(0))
        if bounds:
            low, high = (
                (bounds.group(1), bounds.group(2))
                if bounds.group(1)
                else (bounds.group(4), bounds.group(3))
            )
            audit.hidden_columns.update(range(int(low) - 1, int(high)))


def _audit_sheets(archive: zipfile.ZipFile, audit: Audit) -> None:
    sheets, workbook = _sheets(archive)
    visible = [s for s in sheets if s.state == "visible"]
    if visible:
        audit.data_sheet = visible[0].name
        xml = archive.read(visible[0].part)
        _used_area(xml, audit)
        _hidden_dimensions(xml, audit)
        audit.sheet_xml = xml
    for sheet in sheets:
        if sheet.state == "hidden":
            audit.findings.append(finding("hidden_sheet", sheet=sheet.name, name=sheet.name))
        elif sheet.state == "veryHidden":
            audit.findings.append(finding("very_hidden_sheet", sheet=sheet.name, name=sheet.name))
        elif sheet.name != audit.data_sheet:
            audit.findings.append(finding("extra_sheet", sheet=sheet.name, name=sheet.name))
    names = [
        n
        for n in workbook.iter(f"{_MAIN}definedName")
        if not n.get("name", "").startswith("_xlnm.")
    ]
    if names:
        audit.findings.append(finding("defined_names", count=len(names)))
    data_sheet = audit.data_sheet
    if audit.hidden_rows:
        audit.findings.append(
            finding(
                "hidden_rows",
                sheet=data_sheet,
                count=len(audit.hidden_rows),
                first=min(audit.hidden_rows),
            )
        )
    if audit.hidden_columns:
        letters = ", ".join(column_letter(i) for i in sorted(audit.hidden_columns)[:10])
        audit.findings.append(finding("hidden_columns", sheet=data_sheet, columns=letters))


def _ole_objects(archive: zipfile.ZipFile, name: str) -> int:
    """OLE objects and packages a sheet links to, from its (small) rels part:
    a linked object may have no data in xl/embeddings, and the sheet XML
    itself is too big to scan twice."""
    return len(_OLE_REL.findall(archive.read(name)))


def _authors(core: bytes) -> set[str]:
    """dc:creator and cp:lastModifiedBy, lower-cased (Excel fills in the user's name)."""
    return {m.group(2).decode("utf-8", "replace").strip().lower() for m in _CREATOR.finditer(core)}


def _audit_parts(archive: zipfile.ZipFile, audit: Audit) -> None:
    names = archive.namelist()
    comments = sum(len(_COMMENT.findall(archive.read(n))) for n in names if _COMMENT_PART.match(n))
    if comments:
        audit.findings.append(finding("comments", count=comments))
    if any(n.startswith("xl/externalLinks/") for n in names):
        audit.findings.append(finding("external_links"))
    embedded = [n for n in names if n.startswith("xl/embeddings/")]
    ole = 0 if embedded else sum(_ole_objects(archive, n) for n in names if _SHEET_RELS.match(n))
    if embedded or ole:
        audit.findings.append(finding("embedded_objects", count=len(embedded) or ole))
    if (
        "docProps/core.xml" in names
        and _authors(archive.read("docProps/core.xml")) - _NEUTRAL_AUTHORS
    ):
        audit.findings.append(finding("personal_properties"))


def _is_macro_enabled(archive: zipfile.ZipFile) -> bool:
    names = set(archive.namelist())
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        return True
    types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    return b"macroEnabled" in types


def audit(path: Path) -> Audit:
    """Everything hidden in the workbook at ``path``, or why it cannot be read."""
    result = Audit()
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == OLE_MAGIC:
                encrypted = _ENCRYPTION_STREAM in handle.read()
                return _refuse(result, "encrypted_workbook" if encrypted else "not_a_workbook")
        if head[:4] != ZIP_MAGIC:
            return _refuse(result, "not_a_workbook")
        with zipfile.ZipFile(path) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return _refuse(result, "not_a_workbook")
            if _is_macro_enabled(archive):
                return _refuse(result, "macros")
            _audit_sheets(archive, result)
            _audit_parts(archive, result)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        return _refuse(Audit(), "not_a_workbook")
    return result
