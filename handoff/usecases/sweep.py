"""The daily sweep: stored files whose date has come, outbox drafts with no use left, policy events.

The core's :func:`handoff.core.retention.run` deletes received files (seed 003
art. 3: "waarna deze automatisch zal worden verwijderd"); the draft e-mails
in the outbox belong to sending, a layer above the core, so the sweep that
covers both lives here. The app runs it at start and daily, `handoff
retention run` on demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from handoff.core import retention
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal
from handoff.usecases.common import Context
from handoff.usecases.organisation import journal_policy_events
from handoff.usecases.sending import clear_sent_drafts


@dataclass(frozen=True)
class Swept:
    """What one sweep removed: stored handoffs, and the drafts (their handoff ids)."""

    deletions: list[retention.Deletion]
    drafts: list[str]


def retention_run(journal: Journal | None = None, today: date | None = None) -> Swept:
    """Delete what is due and the drafts that have no use left; every removal journaled.

    Settings that do not load (their dialog says why) leave the outbox
    unknown: stored files are still deleted, drafts wait for the next run.
    """
    if journal is None:  # opened here, closed here: the app runs this daily
        with Journal() as own:
            return retention_run(own, today)
    deletions = retention.run(journal, today)
    ctx = Context(journal=journal)
    try:
        ctx.config()
    except HandoffError:
        return Swept(deletions, [])
    now = datetime.now(UTC) if today is None else datetime.combine(today, time(12)).astimezone()
    drafts = clear_sent_drafts(ctx, now)
    # Issue 15: a lock that did not hold, or a refused shared profile, is journaled
    # (once a day) also when the worker only uses the window.
    journal_policy_events(journal)
    return Swept(deletions, drafts)
