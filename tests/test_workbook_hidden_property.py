"""Property: whatever valid serialisation hides rows, columns or sheets, no hidden value leaves.

Issue 12 §1. Hypothesis draws a table, which of its rows and columns are
hidden, extra hidden sheets, and how each part is spelt (prefix, quotes,
spacing, attribute order, ``r`` or not, shared or inline strings, hidden by
flag or by zero height). Every hidden cell holds a unique marker; the
cleaned copy must hold none of them, and a few examples go on into a real
7-Zip archive, unpacked again and searched.
"""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rawxlsx import Dialect, Sheet, write_workbook
from sheets import LIEVEGEM_HEADERS, national_number

from handoff.core import protocols
from handoff.core.workbook import prepare

PROTOCOL = protocols.get("lievegem-debtors")

dialects = st.builds(
    Dialect,
    name=st.just("random"),
    prefix=st.sampled_from(["", "x", "main"]),
    quote=st.sampled_from(['"', "'"]),
    equals=st.sampled_from(["=", " = ", "= "]),
    row_r=st.booleans(),
    cell_r=st.booleans(),
    shared_strings=st.booleans(),
    style_first=st.booleans(),
    true=st.sampled_from(["1", "true"]),
    hide_by=st.sampled_from(["hidden", "zero_height"]),
)


def visible_row(i: int) -> list[object]:
    return [f"Voornaam{i}", f"Naam{i}", national_number("850730", i + 1), f"Straat {i}", f"D-{i}"]


@st.composite
def workbooks(draw):
    count = draw(st.integers(1, 8))
    hidden_rows = draw(st.sets(st.integers(3, count + 2), max_size=count))  # never header or row 2
    rows: list[list[object]] = [[*LIEVEGEM_HEADERS, "Verborgen"]]
    for i in range(count + 1):
        row = visible_row(i)
        if i + 2 in hidden_rows:
            row = [f"HIDDENROW{i}C{j}" for j in range(5)]
        rows.append([*row, f"HIDDENCOL{i}"])
    sheets = [Sheet("Blad1", rows, hidden_rows=hidden_rows, hidden_columns={5})]
    for n in range(draw(st.integers(0, 2))):
        state = draw(st.sampled_from(["hidden", "veryHidden"]))
        sheets.insert(
            draw(st.integers(0, len(sheets))),
            Sheet(f"Geheim{n}", [[f"HIDDENSHEET{n}"]], state=state),
        )
    return sheets, draw(dialects)


def copy_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode() for n in z.namelist())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(book=workbooks())
def test_no_hidden_value_survives_in_the_cleaned_copy(tmp_path, book):
    sheets, dialect = book
    path = write_workbook(tmp_path / "in.xlsx", sheets, dialect)
    report, sheet = prepare(path, PROTOCOL)
    assert report.ok, [f.message() for f in report.findings]
    assert sheet is not None and "HIDDEN" not in copy_text(sheet.data)
    data = next(s for s in sheets if s.state == "visible")
    assert report.rows == len(data.rows) - 1 - len(data.hidden_rows)


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(book=workbooks())
def test_no_hidden_value_survives_in_the_packed_archive(tmp_path, book, sevenzip):
    import subprocess

    from handoff.core import archive

    sheets, dialect = book
    path = write_workbook(tmp_path / "in.xlsx", sheets, dialect)
    _, sheet = prepare(path, PROTOCOL)
    assert sheet is not None
    packed = tmp_path / "uit.7z"
    packed.unlink(missing_ok=True)
    archive.pack({sheet.name: sheet.data}, packed, "proef-wachtwoord-1234")
    out = tmp_path / "uit"
    subprocess.run(
        [sevenzip, "x", "-y", "-pproef-wachtwoord-1234", f"-o{out}", str(packed)],
        check=True,
        capture_output=True,
    )
    assert "HIDDEN" not in copy_text((out / sheet.name).read_bytes())
