"""Spreadsheet checks against a protocol, and the cleaned copy that is sent.

``check`` says whether a sheet holds exactly what the protocol allows;
``clean`` builds the copy that is packed (in memory, never on disk);
``sheet_from_fields`` writes the sheet for a one-person referral;
``check_answer`` checks the Turnhout answer against its request and
``clean_answer`` builds the copy that goes back.
"""

from handoff.core.workbook.answer import check_answer, clean_answer
from handoff.core.workbook.check import check
from handoff.core.workbook.clean import clean, prepare
from handoff.core.workbook.findings import CheckReport, CleanSheet, Finding
from handoff.core.workbook.form import sheet_from_fields

__all__ = [
    "CheckReport",
    "CleanSheet",
    "Finding",
    "check",
    "check_answer",
    "clean",
    "clean_answer",
    "prepare",
    "sheet_from_fields",
]
