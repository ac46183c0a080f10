"""`handoff log list|verify|checkpoint|export|open`: the journal for workers and the DPO.

Results go to stdout, messages to stderr. `verify` exits 0 when the chain is
intact and 1 when it is broken (naming the first broken record and how), so
a scheduled task can alert the DPO.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from handoff.cli._prompts import say
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, counted, tr
from handoff.core.journal import Journal, Record, Step, obligations
from handoff.core.journal.export import FORMATS, export_matching
from handoff.core.journal.query import JournalFilter, pages
from handoff.core.journal.sentences import Sentences, local_time

EXIT_BROKEN = 1


def usage(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    """A command without its action: show that command's own help, exit 2."""

    def show(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return show


def _text(rows: Sequence[Sequence[object]]) -> list[list[str]]:
    return [["" if c is None else str(c) for c in r] for r in rows]


def widths(rows: Sequence[Sequence[str]], least: Sequence[int] = ()) -> list[int]:
    """Each column's width but the last (never padded), at least ``least``."""
    found = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return [max([w, *least[i : i + 1]]) for i, w in enumerate(found)]


def aligned(rows: Sequence[Sequence[str]], sizes: Sequence[int]) -> str:
    """Left-aligned columns at ``sizes``; the last column is not padded (details can be long)."""
    return "\n".join(
        "  ".join([*(c.ljust(w) for c, w in zip(r, sizes, strict=False)), r[-1]]) for r in rows
    )


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Left-aligned columns over the headers and all ``rows``."""
    cells = _text([headers, *rows])
    return aligned(cells, widths(cells))


def _since(text: str | None) -> datetime | None:
    """A date (YYYY-MM-DD, local midnight) or a full ISO time."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise HandoffError(
            "bad_date",
            Text(
                "'{value}' is geen datum. Schrijf ze als JJJJ-MM-DD, bv. 2025-03-01.",
                "'{value}' is not a date. Write it as YYYY-MM-DD, e.g. 2025-03-01.",
            ),
            value=text[:30],
        ) from None


def _filter(args: argparse.Namespace) -> JournalFilter:
    """The command line's filters; they mean what the log page's mean (``journal.query``)."""
    return JournalFilter(
        since=_since(args.since),
        protocol=args.protocol,
        step=Step(args.step) if args.step else None,
        handoff_id=args.handoff,
        account=args.account,
    )


def _row(r: Record, words: Sentences) -> tuple[object, ...]:
    """One line as the DPO reads it: local time, the step's name, the details as a sentence."""
    return (
        r.seq,
        local_time(r.time),
        r.account,
        r.handoff_id,
        r.protocol_id or "-",
        words.step(r.step.value),
        words.details(r),
    )


def list_records(args: argparse.Namespace) -> int:
    """The matching records as an aligned table, oldest first, printed a page at a time.

    A column widens when a later page holds a longer value; what fits in one
    page prints exactly as one table.
    """
    headers = [tr(*h) for h in (("nr", "seq"), ("tijd", "time"), ("account", "account"))]
    headers += [tr(*h) for h in (("overdracht", "handoff"), ("protocol", "protocol"))]
    headers += [tr(*h) for h in (("stap", "step"), ("omschrijving", "description"))]
    block, sizes, count = [headers], widths([headers]), 0
    words = Sentences()
    with Journal() as journal:
        for chunk in pages(journal, _filter(args), oldest_first=True):
            block += _text([_row(r, words) for r in chunk])
            sizes = widths(block, sizes)
            print(aligned(block, sizes))
            count, block = count + len(chunk), []
    if block:
        print(aligned(block, sizes))
    if count == 0:
        say("Geen regels.", "No records.")
    else:
        say(
            "{what}.",
            "{what}.",
            what=counted(count, "{n} regel", "{n} regels", "{n} record", "{n} records"),
        )
    return 0


def verify(args: argparse.Namespace) -> int:
    """Check the chain (and a checkpoint); exit 1 naming the first broken record."""
    with Journal() as journal:
        result = journal.verify(Path(args.checkpoint) if args.checkpoint else None)
    if result.ok:
        print(result.message())
        return 0
    print(result.message(), file=sys.stderr)
    say(
        "Het logboek is niet intact. Verander niets aan het bestand en meld dit aan de DPO.",
        "The journal is not intact. Do not change the file and report this to the DPO.",
    )
    return EXIT_BROKEN


def checkpoint(args: argparse.Namespace) -> int:
    """Print (and optionally save) seq, head hash and time, to keep elsewhere."""
    with Journal() as journal:
        point = journal.checkpoint()
    print(f"{point.seq} {point.head_hash} {point.time.isoformat()}")
    if args.output:
        target = Path(args.output)
        write_atomic(target, point.to_json().encode("utf-8"))
        say(
            "Controlepunt bewaard in {path}. Bewaar een kopie buiten deze computer (bv. bij de DPO).",
            "Checkpoint saved in {path}. Keep a copy off this computer (e.g. with the DPO).",
            path=target,
        )
    return 0


def export_records(args: argparse.Namespace) -> int:
    """CSV or Excel for the DPO's register of processing activities."""
    path = Path(args.output)
    with Journal() as journal:
        count = export_matching(journal, _filter(args), path, args.format)
    what = counted(count, "{n} regel", "{n} regels", "{n} record", "{n} records")
    say("{what} naar {path}.", "{what} to {path}.", what=what, path=path)
    return 0


def open_obligations(args: argparse.Namespace) -> int:
    """What still has to be done, most urgent first: who, by when, and how to close it."""
    with Journal() as journal:
        found = obligations.open_obligations(journal)
    rows = [
        (o.handoff_id, o.who(), o.when(), o.message(), ", ".join(o.actions) or "-") for o in found
    ]
    headers = [tr(*h) for h in (("overdracht", "handoff"), ("wie", "who"), ("wanneer", "when"))]
    headers += [tr(*h) for h in (("te doen", "to do"), ("handeling", "action"))]
    if rows:
        print(format_table(headers, rows))
    if found:
        say(
            "Sluit een taak af met 'handoff log act OVERDRACHT HANDELING'.",
            "Close an item with 'handoff log act HANDOFF ACTION'.",
        )
    say(
        "{what}.",
        "{what}.",
        what=counted(
            len(rows),
            "{n} open verplichting",
            "{n} open verplichtingen",
            "{n} open obligation",
            "{n} open obligations",
        ),
    )
    return 0


def act(args: argparse.Namespace) -> int:
    """Close one open item by its action (the same call the window's to-do buttons make)."""
    from handoff import usecases

    with Journal() as journal:
        record = usecases.act(args.handoff, args.action, ctx=usecases.Context(journal))
        words = Sentences()
        print(f"{record.handoff_id}: {words.step(record.step.value)} — {words.details(record)}")
    return 0


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", help=tr("vanaf datum (JJJJ-MM-DD)", "from date (YYYY-MM-DD)"))
    parser.add_argument("--protocol", help=tr("alleen dit protocol", "only this protocol"))
    parser.add_argument(
        "--step", choices=[s.value for s in Step], help=tr("alleen deze stap", "only this step")
    )
    parser.add_argument("--handoff", help=tr("alleen deze overdracht", "only this handoff"))
    parser.add_argument(
        "--account", help=tr("alleen stappen van dit account", "only steps by this account")
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `handoff log` and its sub-commands."""
    log = subparsers.add_parser(
        "log", help=tr("het logboek van de overdrachten", "the handoff journal")
    )
    log.set_defaults(func=usage(log))
    sub = log.add_subparsers(dest="log_command", metavar="ACTION")
    listing = sub.add_parser("list", help=tr("toon records", "show records"))
    _filters(listing)
    listing.set_defaults(func=list_records)
    check = sub.add_parser("verify", help=tr("controleer de hashketen", "check the hash chain"))
    check.add_argument(
        "--checkpoint", help=tr("vergelijk met dit controlepunt", "compare with this checkpoint")
    )
    check.set_defaults(func=verify)
    point = sub.add_parser(
        "checkpoint", help=tr("toon het huidige controlepunt", "show the current checkpoint")
    )
    point.add_argument("--output", help=tr("bewaar het in dit bestand", "save it in this file"))
    point.set_defaults(func=checkpoint)
    out = sub.add_parser("export", help=tr("exporteer naar csv of xlsx", "export to csv or xlsx"))
    _filters(out)
    out.add_argument("--format", choices=FORMATS, default="csv")
    out.add_argument("--output", required=True, help=tr("doelbestand", "target file"))
    out.set_defaults(func=export_records)
    todo = sub.add_parser("open", help=tr("open verplichtingen", "open obligations"))
    todo.set_defaults(func=open_obligations)
    done = sub.add_parser("act", help=tr("sluit een open taak af", "close an open item"))
    done.add_argument("handoff")
    done.add_argument("action", choices=sorted(obligations.ACTIONS))
    done.set_defaults(func=act)
