"""Hidden content, found by reading the workbook's parts (the zip's XML) directly.

openpyxl's read-only mode loads no comments and no row or column
dimensions, and a full load is slow (about 8x 7-Zip on a 100,000-row sheet).
So the audit opens the parts that can hide something, through
:mod:`handoff.core.workbook.parts` (bounded inflating, a namespace-aware XML
parser that refuses DTDs, no patterns over the text): sheet states in
``xl/workbook.xml``, hidden rows and columns and the real extent of the data
sheet, comment parts, external links, embeddings, the VBA project and the
author names in ``docProps/core.xml``. Macros and encrypted workbooks are
refused before anything else is read.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from handoff.core.workbook import parts
from handoff.core.workbook.findings import Finding, finding
from handoff.core.workbook.parts import Package, column_letter, column_number

__all__ = ["Audit", "audit", "column_letter", "column_number"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted .xlsx is a Compound File holding an "EncryptionInfo" stream
# (MS-OFFCRYPTO 2.3.4); a legacy .xls is a Compound File without one.
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

# Excel writes xl/comments1.xml, openpyxl xl/comments/comment1.xml, threaded
# comments xl/threadedComments/threadedComment1.xml: match them all (names of
# parts, not their text).
_COMMENT_PART = re.compile(r"(?i)xl/.*comment[^/]*\.xml$")
_SHEET_RELS = re.compile(r"xl/worksheets/_rels/([^/]+)\.rels$")
_COMMENT_ELEMENTS = frozenset({"comment", "threadedComment"})
_DC = "http://purl.org/dc/elements/1.1/"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_AUTHOR_ELEMENTS = frozenset({f"{_DC}\x1fcreator", f"{_CP}\x1flastModifiedBy"})
# Tool names, not people: openpyxl and XlsxWriter write these by default.
_NEUTRAL_AUTHORS = frozenset({"", "handoff", "openpyxl", "microsoft office user"})


@dataclass
class Audit:
    """What the parts revealed; ``refused`` means nothing else may be read."""

    findings: list[Finding] = field(default_factory=list)
    refused: bool = False
    data_sheet: str | None = None
    data_index: int = 0  # the data sheet's place in workbook.xml (the reader's index)
    hidden_rows: set[int] = field(default_factory=set)  # 1-based row numbers
    hidden_columns: set[int] = field(default_factory=set)  # 0-based column indexes
    used_rows: int = 0  # largest row and column holding a cell in the data sheet,
    used_columns: int = 0  # known before any reader allocates the area


def _refuse(audit: Audit, code: str) -> Audit:
    audit.findings.append(finding(code))
    audit.refused = True
    return audit


def _audit_sheets(package: Package, audit: Audit) -> None:
    book = parts.workbook(package)
    visible = [s for s in book.sheets if s.state == "visible" and s.worksheet]
    if visible:
        data = visible[0]
        audit.data_sheet, audit.data_index = data.name, data.position
        scan = parts.scan_sheet(package, data.part)
        parts.check_shared_text(package, data.part, scan)
        audit.hidden_rows, audit.hidden_columns = scan.hidden_rows, scan.hidden_columns
        audit.used_rows, audit.used_columns = scan.rows, scan.columns
    for sheet in book.sheets:
        if sheet.state == "hidden":
            audit.findings.append(finding("hidden_sheet", sheet=sheet.name, name=sheet.name))
        elif sheet.state == "veryHidden":
            audit.findings.append(finding("very_hidden_sheet", sheet=sheet.name, name=sheet.name))
        elif sheet.name != audit.data_sheet:
            audit.findings.append(finding("extra_sheet", sheet=sheet.name, name=sheet.name))
    if book.defined_names:
        audit.findings.append(finding("defined_names", count=book.defined_names))
    _hidden_findings(audit)


def _hidden_findings(audit: Audit) -> None:
    sheet = audit.data_sheet
    if audit.hidden_rows:
        audit.findings.append(
            finding(
                "hidden_rows",
                sheet=sheet,
                count=len(audit.hidden_rows),
                first=min(audit.hidden_rows),
            )
        )
    if audit.hidden_columns:
        shown = sorted(audit.hidden_columns)
        letters = ", ".join(column_letter(i) for i in shown[:10])
        if len(shown) > 10:
            letters += f", … {column_letter(shown[-1])}"
        audit.findings.append(finding("hidden_columns", sheet=sheet, columns=letters))


def _count_elements(package: Package, name: str, wanted: Callable[[str], bool]) -> int:
    count = 0

    def start(element: str, attrs: dict[str, str]) -> None:
        nonlocal count
        if wanted(element):
            count += 1

    package.parse(name, start)
    return count


def _local(element: str) -> str:
    return element.rpartition("\x1f")[2]


def _ole_objects(package: Package, rels: str, sheet: str) -> int:
    """OLE objects and packages a sheet links to, from its (small) rels part:
    a linked object may have no data in xl/embeddings."""
    found = parts.relationships(package, rels, f"xl/worksheets/{sheet}")
    return sum(1 for kind, _ in found.values() if kind.endswith(("/oleObject", "/package")))


def _authors(package: Package) -> set[str]:
    """dc:creator and cp:lastModifiedBy, lower-cased (Excel fills in the user's name)."""
    found: list[list[str]] = []
    current: list[str] | None = None

    def start(element: str, attrs: dict[str, str]) -> None:
        nonlocal current
        current = [] if element in _AUTHOR_ELEMENTS else None
        if current is not None:
            found.append(current)

    def text(data: str) -> None:
        if current is not None:
            current.append(data)

    package.parse("docProps/core.xml", start, text)
    return {"".join(chunks).strip().lower() for chunks in found}


def _audit_parts(package: Package, audit: Audit) -> None:
    names = package.names()
    comments = sum(
        _count_elements(package, n, lambda e: _local(e) in _COMMENT_ELEMENTS)
        for n in names
        if _COMMENT_PART.match(n)
    )
    if comments:
        audit.findings.append(finding("comments", count=comments))
    if any(n.startswith("xl/externalLinks/") for n in names):
        audit.findings.append(finding("external_links"))
    embedded = [n for n in names if n.startswith("xl/embeddings/")]
    ole = 0
    if not embedded:
        for n in names:
            if match := _SHEET_RELS.match(n):
                ole += _ole_objects(package, n, match.group(1))
    if embedded or ole:
        audit.findings.append(finding("embedded_objects", count=len(embedded) or ole))
    if "docProps/core.xml" in package and _authors(package) - _NEUTRAL_AUTHORS:
        audit.findings.append(finding("personal_properties"))


def _is_macro_enabled(package: Package) -> bool:
    if any(n.lower().endswith("vbaproject.bin") for n in package.names()):
        return True
    if "[Content_Types].xml" not in package:
        return False
    macro = False

    def start(element: str, attrs: dict[str, str]) -> None:
        nonlocal macro
        macro = macro or "macroenabled" in attrs.get("ContentType", "").lower()

    package.parse("[Content_Types].xml", start)
    return macro


def audit(path: Path) -> Audit:
    """Everything hidden in the workbook at ``path``, or why it cannot be read.

    Raises HandoffError damaged_workbook or workbook_too_large for a
    workbook that cannot be read safely (see :mod:`parts`).
    """
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
            package = Package(archive)
            if "xl/workbook.xml" not in package:
                return _refuse(result, "not_a_workbook")
            if _is_macro_enabled(package):
                return _refuse(result, "macros")
            _audit_sheets(package, result)
            _audit_parts(package, result)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        return _refuse(Audit(), "not_a_workbook")
    return result
