"""`handoff retention run|upcoming|delete`: received files deleted when their protocol says.

The desktop app runs the same `retention.run()` at start and daily; this is
for scheduled tasks and admins. Only counts and handoff ids are printed, never
file names (names inside an archive may carry personal data).
"""

from __future__ import annotations

import argparse

from handoff.cli._prompts import say
from handoff.cli.log import format_table, usage
from handoff.core import retention
from handoff.core.i18n import counted, tr
from handoff.core.journal import Journal
from handoff.core.journal.sentences import YES_NO_UNKNOWN, day_text


def _report(deletion: retention.Deletion) -> str:
    if not deletion.journaled:
        return tr(
            "{id}: de beveiligde map is niet bereikbaar; niets verwijderd. Koppel de netwerkschijf "
            "en probeer opnieuw.",
            "{id}: the secure folder cannot be reached; nothing deleted. Connect the network "
            "drive and try again.",
            id=deletion.handoff_id,
        )
    files = counted(deletion.deleted, "{n} bestand", "{n} bestanden", "{n} file", "{n} files")
    volume = YES_NO_UNKNOWN.get(deletion.volume_encrypted, YES_NO_UNKNOWN["unknown"]).render()
    text = tr(
        "{id}: {files} verwijderd (schijf versleuteld: {vol}).",
        "{id}: {files} deleted (volume encrypted: {vol}).",
        id=deletion.handoff_id,
        files=files,
        vol=volume,
    )
    if deletion.left:
        text += " " + tr(
            "Niet door Handoff bewaard, blijven staan: {files}; kijk ze zelf na.",
            "Not stored by Handoff, left in place: {files}; check them yourself.",
            files=counted(
                len(deletion.left), "{n} bestand", "{n} bestanden", "{n} file", "{n} files"
            ),
        )
    return text


def run(args: argparse.Namespace) -> int:
    """Delete what is due; exit 1 when a secure folder could not be reached."""
    from handoff import usecases

    with Journal() as journal:
        swept = retention.sweep_leftovers(journal)
        outcome = usecases.retention_run(journal)
    done = outcome.deletions
    if swept:
        one = swept.files == 1
        say(
            "Opgeruimd na een onderbroken Handoff: {n} "
            + ("bestand" if one else "bestanden")
            + ", {bytes} bytes.",
            "Cleaned up after an interrupted Handoff: {n} " + ("file" if one else "files") + ", "
            "{bytes} bytes.",
            n=swept.files,
            bytes=swept.bytes,
        )
    for deletion in done:
        print(_report(deletion))
    if outcome.drafts:
        drafts = counted(
            len(outcome.drafts), "{n} concept", "{n} concepten", "{n} draft", "{n} drafts"
        )
        say(
            "{what} met het archief uit de outbox verwijderd (zie het logboek).",
            "{what} holding the archive removed from the outbox (see the journal).",
            what=drafts,
        )
    what = counted(len(done), "{n} overdracht", "{n} overdrachten", "{n} handoff", "{n} handoffs")
    say("{what} verwerkt.", "{what} processed.", what=what)
    return 0 if all(d.journaled for d in done) else 1


def delete(args: argparse.Namespace) -> int:
    """Delete one handoff's stored files now (contact was made)."""
    with Journal() as journal:
        print(_report(retention.delete_now(args.handoff, journal=journal)))
    return 0


def upcoming(args: argparse.Namespace) -> int:
    """What falls due within --days, overdue first."""
    with Journal() as journal:
        soon = retention.upcoming(journal, days=args.days)
    rows = [
        (
            d.handoff_id,
            d.protocol_id or "-",
            day_text(d.due),
            day_text(d.reminder),
            d.count,
            tr("ja", "yes") if d.overdue else "",
        )
        for d in soon
    ]
    headers = [
        tr(*h) for h in (("overdracht", "handoff"), ("protocol", "protocol"), ("uiterlijk", "due"))
    ]
    headers += [
        tr(*h)
        for h in (("herinnering", "reminder"), ("bestanden", "files"), ("te laat", "overdue"))
    ]
    if rows:
        print(format_table(headers, rows))
    say(
        "{what}.",
        "{what}.",
        what=counted(
            len(rows), "{n} overdracht", "{n} overdrachten", "{n} handoff", "{n} handoffs"
        ),
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `handoff retention`."""
    parser = subparsers.add_parser(
        "retention",
        help=tr("bewaartermijnen: verwijderen wat vervallen is", "retention: delete what is due"),
    )
    parser.set_defaults(func=usage(parser))
    sub = parser.add_subparsers(dest="retention_command", metavar="ACTION")
    sub.add_parser("run", help=tr("verwijder wat vervallen is", "delete what is due")).set_defaults(
        func=run
    )
    soon = sub.add_parser("upcoming", help=tr("wat binnenkort vervalt", "what falls due soon"))
    soon.add_argument("--days", type=int, default=14)
    soon.set_defaults(func=upcoming)
    now = sub.add_parser(
        "delete", help=tr("verwijder nu (contact gehad)", "delete now (contact made)")
    )
    now.add_argument("handoff")
    now.set_defaults(func=delete)
