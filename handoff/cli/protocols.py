"""`handoff protocols` and `handoff check`: which protocols exist, does a sheet conform.

Results go to stdout (one protocol or one finding per line, so scripts can
grep them); problems with profile files go to stderr. `check` exits 0 when
the sheet conforms (warnings may be printed), 1 when a finding blocks it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handoff.cli._prompts import say
from handoff.core import paths, protocols
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, counted, tr

EXIT_NOT_CONFORM = 1


def list_protocols(args: argparse.Namespace) -> int:
    """One line per protocol: id <TAB> title in the current language; none at all is an error."""
    found, problems = protocols.load_all()
    if not found:
        raise HandoffError(
            "no_protocols",
            Text(
                "Er is geen enkel protocol gevonden (gezocht in {shipped} en {own}). Deze "
                "installatie is onvolledig: installeer Handoff opnieuw of meld het aan uw IT-dienst.",
                "No protocol was found (looked in {shipped} and {own}). This installation is "
                "incomplete: reinstall Handoff or report it to your IT desk.",
            ),
            shipped=str(protocols.shipped_dir()),
            own=str(paths.user_protocols_dir()),
        )
    for protocol_id in sorted(found):
        print(f"{protocol_id}\t{found[protocol_id].title.render()}")
    for problem in problems:
        where = f"{problem.file}:{problem.line}" if problem.line else str(problem.file)
        print(f"{where}: {problem.text.render()}", file=sys.stderr)
    _journal_refusals(problems)
    return 0


def _journal_refusals(problems: list[protocols.ProfileProblem]) -> None:
    """Refused shared profiles go into the journal (issue 15); a journal problem only warns."""
    from handoff.core import settings
    from handoff.core.journal import Journal
    from handoff.usecases.organisation import journal_policy_events

    try:
        with Journal() as journal:
            journal_policy_events(journal, settings.resolve(), problems)
    except HandoffError as exc:
        print(exc.message(), file=sys.stderr)


def check_sheet(args: argparse.Namespace) -> int:
    """Check SHEET against --protocol; with --answer-to, as the answer to that request."""
    from handoff.core import workbook  # calamine loads only when a sheet is checked

    protocol = protocols.get(args.protocol)
    sheet = Path(args.sheet)
    if args.answer_to:
        report = workbook.check_answer(Path(args.answer_to), sheet, protocol)
    else:
        report = workbook.check(sheet, protocol)
    for found in sorted(report.findings, key=lambda f: not f.blocking):
        print(found.line())  # worded as the window words it (issue 13 §4)
    if report.ok:
        say(
            "In orde: {rows} volgens protocol {id}.",
            "Conforms: {rows} under protocol {id}.",
            rows=counted(report.rows, "{n} rij", "{n} rijen", "{n} row", "{n} rows"),
            id=protocol.id,
        )
        return 0
    return EXIT_NOT_CONFORM


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `protocols` and `check` commands."""
    listing = subparsers.add_parser(
        "protocols",
        help=tr("toon de protocollen (id en titel)", "list the protocols (id and title)"),
    )
    listing.set_defaults(func=list_protocols)
    checking = subparsers.add_parser(
        "check",
        help=tr("controleer een blad tegen een protocol", "check a sheet against a protocol"),
    )
    checking.add_argument(
        "sheet", metavar="SHEET", help=tr("het Excel-blad (.xlsx)", "the Excel sheet (.xlsx)")
    )
    checking.add_argument(
        "--protocol", required=True, metavar="ID", help=tr("protocol-id", "protocol id")
    )
    checking.add_argument(
        "--answer-to",
        metavar="REQUEST",
        help=tr(
            "controleer SHEET als antwoord op deze aanvraag (Turnhout)",
            "check SHEET as the answer to this request (Turnhout)",
        ),
    )
    checking.set_defaults(func=check_sheet)
