"""Turnhout two-way flow: check Opgroeien's answer against the request.

Seed 004, overweging C2: the local government sends column A (INSZ of the
children); Opgroeien answers "in het aangeleverde Excelbestand": column B
yes/no (right to the social supplement after 1 March 2020), columns C and D
the INSZ of the last known beneficiaries. So column A must come back
unchanged, in the same order, and a 'no' carries no beneficiaries (only the
data needed, art. 3).
"""

from __future__ import annotations

from pathlib import Path

from handoff.core.protocols import Protocol
from handoff.core.workbook.check import Analysis, analyse
from handoff.core.workbook.clean import blocking_error, build_columns
from handoff.core.workbook.findings import CheckReport, CleanSheet, Finding, finding


def _column(analysis: Analysis, key: str) -> list[object]:
    keys = [c.key for c in analysis.columns]
    if key not in keys:
        return [None] * len(analysis.row_numbers)
    return list(analysis.by_column[keys.index(key)])


def _compare(request: Analysis, answer: Analysis, key: str) -> list[Finding]:
    asked, answered = _column(request, key), _column(answer, key)
    if len(asked) != len(answered):
        return [
            finding(
                "answer_rows_differ", sheet=answer.sheet, answer=len(answered), request=len(asked)
            )
        ]
    for n, (a, b) in enumerate(zip(asked, answered, strict=True)):
        if a != b:
            row = answer.row_numbers[n]
            return [finding("answer_request_changed", sheet=answer.sheet, cell=f"A{row}", row=row)]
    return []


def _beneficiaries(answer: Analysis) -> list[Finding]:
    found = []
    rows = zip(
        answer.row_numbers,
        _column(answer, "entitled"),
        _column(answer, "beneficiary_1"),
        _column(answer, "beneficiary_2"),
        strict=True,
    )
    for row, entitled, first, second in rows:
        if entitled == "ja" and first is None:
            found.append(finding("answer_beneficiary_missing", sheet=answer.sheet, cell=f"C{row}"))
        elif entitled == "nee" and (first is not None or second is not None):
            found.append(
                finding("answer_beneficiary_not_allowed", sheet=answer.sheet, cell=f"C{row}")
            )
    return found


def prepare_answer(
    request: Path, answer: Path, protocol: Protocol
) -> tuple[CheckReport, CleanSheet | None]:
    """The answer's findings and, when nothing blocks, its cleaned copy, from one read of each.

    The copy holds the request's column A and the answer's columns B-D (seed
    004, C2: Opgroeien answers "in het aangeleverde Excelbestand"), nothing else.
    """
    asked = analyse(request, protocol)
    answered = analyse(answer, protocol, protocol.columns + protocol.answer_columns)
    report = answered.report
    report.findings.extend(f for f in asked.report.findings if f.blocking)
    if asked.report.ok and answered.row_numbers:
        key = protocol.columns[0].key
        report.findings.extend(_compare(asked, answered, key) + _beneficiaries(answered))
    if not report.ok:
        return report, None
    rows = len(answered.row_numbers)
    return report, build_columns(protocol, answered.columns, answered.by_column, rows)


def check_answer(request: Path, answer: Path, protocol: Protocol) -> CheckReport:
    """The answer's findings: its own checks, column A against the request, B-D rules."""
    return prepare_answer(request, answer, protocol)[0]


def clean_answer(request: Path, answer: Path, protocol: Protocol) -> CleanSheet:
    """The answer's cleaned copy to send back, or HandoffError blocking_findings."""
    report, sheet = prepare_answer(request, answer, protocol)
    if sheet is None:
        raise blocking_error(report)
    return sheet
