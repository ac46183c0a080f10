"""`handoff seal FILE --protocol ID --custodian ROLE`: encryption at rest (seed 000 art. 8 c).

The password is the only line on stdout, printed once for the custodian
("Het wachtwoord is steeds alleen bekend bij de financieel directeur"); all
messages go to stderr, so `handoff seal ... > file` never mixes them.
`handoff seal --confirm-custodian HO-...` records that the custodian has it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.cli._prompts import say
from handoff.core.errors import HandoffError
from handoff.core.i18n import tr

if TYPE_CHECKING:
    from handoff.usecases.sealing import Sealed


def _say_sealed(sealed: Sealed) -> None:
    say(
        "Verzegeld als {archive} (overdracht {id}). Geef het wachtwoord hieronder aan de "
        "bewaarder; Handoff bewaart het nergens.",
        "Sealed as {archive} (handoff {id}). Give the password below to the custodian; "
        "Handoff keeps it nowhere.",
        archive=sealed.archive.path,
        id=sealed.handoff_id,
    )
    say("Sterkte: {bits} bits.", "Strength: {bits} bits.", bits=round(sealed.password.bits))
    if not sealed.plaintext_removed:
        say(
            "Het origineel kon niet verwijderd worden: verwijder het zelf.",
            "The original could not be removed: delete it yourself.",
        )
    print(sealed.password.grouped(), flush=True)


def seal(args: argparse.Namespace) -> int:
    if args.confirm_custodian:
        from handoff.usecases import sealing

        sealing.confirm_custodian(args.confirm_custodian)
        say("Bevestigd.", "Confirmed.")
        return 0
    if not (args.file and args.protocol and args.custodian):
        say(
            "Geef FILE, --protocol en --custodian (of --confirm-custodian HO-...).",
            "Give FILE, --protocol and --custodian (or --confirm-custodian HO-...).",
        )
        return 2
    output = Path(args.output) if args.output else None
    try:
        from handoff.usecases import sealing

        sealed = sealing.seal(Path(args.file), args.protocol, args.custodian, output=output)
    except HandoffError as exc:
        kept = getattr(exc, "sealed", None)
        if kept is not None:  # sealed but not journaled: the password must not be lost
            _say_sealed(kept)
        raise
    _say_sealed(sealed)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "seal",
        help=tr(
            "versleutel een bestand dat niet meer nodig is, voor één bewaarder",
            "encrypt a file no longer needed, for one custodian",
        ),
    )
    parser.add_argument("file", nargs="?")
    parser.add_argument("--protocol")
    parser.add_argument(
        "--custodian",
        help=tr("rol, bv. 'financieel directeur'", "role, e.g. 'financieel directeur'"),
    )
    parser.add_argument("--output", help=tr("pad van het archief", "path of the archive"))
    parser.add_argument(
        "--confirm-custodian",
        metavar="HANDOFF",
        help=tr("de bewaarder heeft het wachtwoord", "the custodian has the password"),
    )
    parser.set_defaults(func=seal)
