"""Turnhout two-way flow (seed 004, overweging C2): the answer against the request."""

from __future__ import annotations

import pytest
from sheets import (
    BIS_1998,
    NN_1985,
    NN_2001,
    TURNHOUT_ANSWER_HEADERS,
    TURNHOUT_HEADERS,
    turnhout_rows,
    write_sheet,
)

from handoff.cli import main
from handoff.core import protocols
from handoff.core.workbook import check_answer

PROTOCOL = "turnhout-social-supplement"


def answer_rows():
    children = [r[0] for r in turnhout_rows()]
    return [[children[0], "ja", NN_1985, BIS_1998], [children[1], "nee", None, None]]


def run(tmp_path, rows, request_rows=None):
    request = write_sheet(
        tmp_path / "aanvraag.xlsx", TURNHOUT_HEADERS, request_rows or turnhout_rows()
    )
    answer = write_sheet(tmp_path / "antwoord.xlsx", TURNHOUT_ANSWER_HEADERS, rows)
    return check_answer(request, answer, protocols.get(PROTOCOL))


def codes(report):
    return [f.code for f in report.findings]


def test_conforming_answer(tmp_path):
    report = run(tmp_path, answer_rows())
    assert report.ok and report.findings == []
    assert report.columns == ["child_insz", "entitled", "beneficiary_1", "beneficiary_2"]


def test_column_a_in_another_notation_is_still_the_same_number(tmp_path):
    rows = answer_rows()
    rows[0][0] = int(rows[0][0])  # Excel turned it into a number
    assert run(tmp_path, rows).ok


def test_column_a_changed(tmp_path):
    rows = answer_rows()
    rows[0][0], rows[1][0] = rows[1][0], rows[0][0]
    report = run(tmp_path, rows)
    assert codes(report) == ["answer_request_changed"] and report.findings[0].cell == "A2"


def test_rows_added_or_dropped(tmp_path):
    report = run(tmp_path, answer_rows()[:1])
    assert codes(report) == ["answer_rows_differ"] and not report.ok


def test_b_must_be_yes_or_no(tmp_path):
    rows = answer_rows()
    rows[1][1] = "misschien"
    report = run(tmp_path, rows)
    assert codes(report) == ["invalid_yes_no"] and report.findings[0].cell == "B3"


def test_c_and_d_must_be_valid_insz(tmp_path):
    rows = answer_rows()
    rows[0][3] = "12345678901"
    report = run(tmp_path, rows)
    assert codes(report) == ["invalid_national_number"] and report.findings[0].cell == "D2"


@pytest.mark.parametrize(
    ("row", "change", "code", "cell"),
    [
        (0, {2: None, 3: None}, "answer_beneficiary_missing", "C2"),
        (1, {2: NN_2001}, "answer_beneficiary_not_allowed", "C3"),
    ],
)
def test_beneficiaries_follow_the_answer(tmp_path, row, change, code, cell):
    rows = answer_rows()
    for column, value in change.items():
        rows[row][column] = value
    report = run(tmp_path, rows)
    assert codes(report) == [code] and report.findings[0].cell == cell and not report.ok


def test_column_not_in_protocol_in_answer(tmp_path):
    rows = [[*r, "Turnhout"] for r in answer_rows()]
    answer = write_sheet(tmp_path / "antwoord.xlsx", [*TURNHOUT_ANSWER_HEADERS, "Gemeente"], rows)
    request = write_sheet(tmp_path / "aanvraag.xlsx", TURNHOUT_HEADERS, turnhout_rows())
    report = check_answer(request, answer, protocols.get(PROTOCOL))
    assert "column_not_allowed" in codes(report)


def test_broken_request_is_reported(tmp_path):
    report = run(tmp_path, answer_rows(), request_rows=[["123"], [NN_2001]])
    assert "invalid_national_number" in codes(report) and not report.ok


def test_cli_answer_to(tmp_path, capsys):
    request = write_sheet(tmp_path / "aanvraag.xlsx", TURNHOUT_HEADERS, turnhout_rows())
    answer = write_sheet(tmp_path / "antwoord.xlsx", TURNHOUT_ANSWER_HEADERS, answer_rows())
    assert main(["check", str(answer), "--protocol", PROTOCOL, "--answer-to", str(request)]) == 0
    rows = answer_rows()
    rows[1][1] = "?"
    bad = write_sheet(tmp_path / "fout.xlsx", TURNHOUT_ANSWER_HEADERS, rows)
    capsys.readouterr()
    assert main(["check", str(bad), "--protocol", PROTOCOL, "--answer-to", str(request)]) == 1
    assert capsys.readouterr().out.startswith(
        "Te verbeteren — Rij 3, kolom 'Recht op sociale toeslag': "
    )


def test_clean_answer_keeps_a_to_d_only_and_drops_what_the_protocol_does_not_allow(tmp_path):
    """The copy that goes back: column A from the request, B-D from Opgroeien (seed 004, C2)."""
    import io

    import openpyxl

    from handoff.core.workbook import clean_answer

    request = write_sheet(tmp_path / "aanvraag.xlsx", TURNHOUT_HEADERS, turnhout_rows())

    def hide_a_comment(book, sheet):
        from openpyxl.comments import Comment

        sheet["B2"].comment = Comment("nagekeken door Els", "Els")

    answer = write_sheet(
        tmp_path / "antwoord.xlsx", TURNHOUT_ANSWER_HEADERS, answer_rows(), setup=hide_a_comment
    )
    sheet = clean_answer(request, answer, protocols.get(PROTOCOL))
    assert sheet.columns == ["child_insz", "entitled", "beneficiary_1", "beneficiary_2"]
    book = openpyxl.load_workbook(io.BytesIO(sheet.data))
    cells = [[c.value for c in row] for row in book.active.iter_rows(min_row=2)]
    assert len(cells) == 2 and cells[1][1] == "nee" and cells[1][2:] == [None, None]
    assert all(c.comment is None for row in book.active.iter_rows() for c in row)


def test_clean_answer_refuses_a_changed_request_column(tmp_path):
    from handoff.core.errors import HandoffError
    from handoff.core.workbook import clean_answer

    request = write_sheet(tmp_path / "aanvraag.xlsx", TURNHOUT_HEADERS, turnhout_rows())
    rows = answer_rows()
    rows[0][0], rows[1][0] = rows[1][0], rows[0][0]
    answer = write_sheet(tmp_path / "antwoord.xlsx", TURNHOUT_ANSWER_HEADERS, rows)
    with pytest.raises(HandoffError) as caught:
        clean_answer(request, answer, protocols.get(PROTOCOL))
    assert caught.value.code == "blocking_findings"
