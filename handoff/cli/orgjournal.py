"""`handoff journal enrol|sync|status` and `handoff dpo enrol|witness|audit|open|export`.

The organisation journal (docs/server.md): a PC sends its records to the
journal service; the DPO witnesses and audits it without trusting the server.
Results on stdout, messages on stderr; exit 1 when a check finds something.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from handoff.cli._prompts import say
from handoff.cli.log import format_table, usage
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, counted, tr
from handoff.core.journal import Journal


def _server_url(args: argparse.Namespace) -> str:
    """The address given on the command line, else the one IT set (``[journal] server_url``).

    A policy usually sets the address for the whole organisation, so the worker
    or the IT script only has to pass the one-time token.
    """
    if args.url:
        return str(args.url)
    from handoff.core import settings

    if url := settings.load().journal.server_url:
        return url
    raise HandoffError(
        "orgjournal_no_url",
        Text(
            "Er is geen adres van de logboekserver ingesteld. Geef het op: "
            "handoff {command} enrol ADRES CODE.",
            "No journal server address is set. Give it: handoff {command} enrol ADDRESS CODE.",
        ),
        command=args.command,
    )


def journal_enrol(args: argparse.Namespace) -> int:
    from handoff.orgjournal import identity

    e = identity.enrol(_server_url(args), args.token, "pc")
    say(
        "Ingeschreven als {name} bij {url}.",
        "Enrolled as {name} with {url}.",
        name=e.name,
        url=e.url,
    )
    return 0


def journal_sync(args: argparse.Namespace) -> int:
    from handoff.orgjournal import sync

    with Journal() as journal:
        result = sync.sync(journal)
    say(
        "{stored} doorgestuurd, {dup}; bevestigd tot regel {ack}.",
        "{stored} sent, {dup}; confirmed up to record {ack}.",
        stored=counted(result.stored, "{n} regel", "{n} regels", "{n} record", "{n} records"),
        dup=counted(
            result.duplicate,
            "{n} was er al",
            "{n} waren er al",
            "{n} was there already",
            "{n} were there already",
        ),
        ack=result.acknowledged_seq,
    )
    return 0


def _when(text: str | None) -> str:
    if not text:
        return tr("nog nooit", "never")
    return datetime.fromisoformat(text).astimezone().strftime("%d/%m/%Y %H:%M")


def journal_status(args: argparse.Namespace) -> int:
    from handoff.orgjournal import sync

    with Journal() as journal:
        state = sync.status(journal)
    if not state.enrolled:
        say(
            "Niet ingeschreven bij een logboekserver; {n} wachtend.",
            "Not enrolled with a journal server; {n} pending.",
            n=counted(state.pending, "{n} regel", "{n} regels", "{n} record", "{n} records"),
        )
        return 0
    print(
        tr(
            "laatst gesynchroniseerd {when}, {n} wachtend",
            "last synchronised {when}, {n} pending",
            when=_when(state.last_sync),
            n=state.pending,
        )
    )
    if state.unreachable_since:
        print(
            tr(
                "server onbereikbaar sinds {when}",
                "server unreachable since {when}",
                when=_when(state.unreachable_since),
            )
        )
    if state.enrol_again is not None:
        print(state.enrol_again.message())
        return 1
    if state.problem:
        print(sync.problem_error(state.problem["kind"], state.problem.get("seq")).message())
        return 1
    return 0


def dpo_enrol(args: argparse.Namespace) -> int:
    from handoff.orgjournal import identity

    e = identity.enrol(_server_url(args), args.token, "dpo")
    say(
        "Ingeschreven als DPO ({name}) bij {url}. Sleutel van het logboek: {vkey}",
        "Enrolled as DPO ({name}) with {url}. The log's key: {vkey}",
        name=e.name,
        url=e.url,
        vkey=e.vkey,
    )
    return 0


def dpo_witness(args: argparse.Namespace) -> int:
    from handoff.orgjournal import dpo

    state = dpo.witness(args.state)
    print(
        tr(
            "Medeondertekend: controlepunt van {size} records.",
            "Cosigned: checkpoint of {size} records.",
            size=state.size,
        )
    )
    return 0


def dpo_audit(args: argparse.Namespace) -> int:
    from handoff.orgjournal import dpo

    result = dpo.audit(args.state)
    print(result.message())
    if result.incidents:
        say(
            "De server meldt {n} (vork of vreemd record).",
            "The server reports {n} (fork or foreign record).",
            n=counted(
                len(result.incidents),
                "{n} geweigerde poging",
                "{n} geweigerde pogingen",
                "{n} refused attempt",
                "{n} refused attempts",
            ),
        )
    return 0 if result.ok else 1


def dpo_open(args: argparse.Namespace) -> int:
    from handoff.orgjournal import dpo

    items = dpo.open_items(args.state)
    rows = [
        (
            i.pc,
            i.account,
            i.obligation.protocol_id or "-",
            i.obligation.since.strftime("%Y-%m"),
            i.obligation.handoff_id,
            tr("ja", "yes") if i.obligation.overdue else "",
            i.obligation.message(),
        )
        for i in items
    ]
    headers = [
        tr(*h)
        for h in (
            ("pc", "pc"),
            ("account", "account"),
            ("protocol", "protocol"),
            ("periode", "period"),
            ("overdracht", "handoff"),
            ("te laat", "overdue"),
            ("wat", "what"),
        )
    ]
    if rows:
        print(format_table(headers, rows))
    say("{n}.", "{n}.", n=counted(
        len(rows), "{n} open verplichting", "{n} open verplichtingen",
        "{n} open obligation", "{n} open obligations",
    ))  # fmt: skip
    return 0


def dpo_export(args: argparse.Namespace) -> int:
    from handoff.orgjournal import dpo

    count = dpo.export(Path(args.output), args.format, args.state)
    say(
        "{n} geëxporteerd naar {path}.",
        "{n} exported to {path}.",
        n=counted(count, "{n} regel", "{n} regels", "{n} record", "{n} records"),
        path=args.output,
    )
    return 0


def _enrol_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url",
        nargs="?",
        help=tr(
            "adres van de logboekserver (standaard: de instelling van IT)",
            "journal server address (default: the setting IT made)",
        ),
    )
    parser.add_argument("token", help=tr("eenmalige code", "one-time token"))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `handoff journal` and `handoff dpo`."""
    journal = subparsers.add_parser(
        "journal", help=tr("logboek van de organisatie: doorsturen", "organisation journal: send")
    )
    journal.set_defaults(func=usage(journal))
    sub = journal.add_subparsers(dest="journal_command", metavar="ACTION")
    enrol = sub.add_parser("enrol", help=tr("schrijf deze computer in", "enrol this computer"))
    _enrol_arguments(enrol)
    enrol.set_defaults(func=journal_enrol)
    sub.add_parser("sync", help=tr("stuur nu door", "send now")).set_defaults(func=journal_sync)
    sub.add_parser("status", help=tr("laatste synchronisatie", "last sync")).set_defaults(
        func=journal_status
    )

    dpo = subparsers.add_parser(
        "dpo", help=tr("DPO: logboek van de organisatie", "DPO: organisation journal")
    )
    dpo.set_defaults(func=usage(dpo))
    dsub = dpo.add_subparsers(dest="dpo_command", metavar="ACTION")
    denrol = dsub.add_parser("enrol", help=tr("schrijf u in als DPO", "enrol as DPO"))
    _enrol_arguments(denrol)
    denrol.set_defaults(func=dpo_enrol)
    for name, func, text in (
        ("witness", dpo_witness, ("controleer en onderteken mee", "check and cosign")),
        ("audit", dpo_audit, ("controleer alles", "check everything")),
        ("open", dpo_open, ("open verplichtingen", "open obligations")),
        ("export", dpo_export, ("exporteer als csv of xlsx", "export as csv or xlsx")),
    ):
        p = dsub.add_parser(name, help=tr(*text))
        p.add_argument(
            "--state",
            type=Path,
            default=None,
            help=tr("map van de DPO (standaard in de gegevensmap)", "the DPO's folder"),
        )
        p.set_defaults(func=func)
        if name == "export":
            p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
            p.add_argument("--output", required=True)
