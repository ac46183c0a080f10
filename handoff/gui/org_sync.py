"""The organisation journal, synced in the background while the window is open (issue 16).

The PC's records go to the organisation's journal server on a thread of their
own (``orgjournal.sync.Background``), never on the task runner's pool: the
pool has as many threads as the machine has cores (two here), and a request
to a server that does not answer waits up to its time-out. A handoff must not
wait behind it, nor must closing the window. A server that is down costs the
worker nothing but the status line on the Logboek.

:func:`describe` turns the sync state into that line, in the worker's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from handoff.core import i18n
from handoff.core.i18n import Text

INTERVAL = 300.0  # seconds between syncs when all is well
RETRY = 30.0  # the first retry after a failure; then 60, 120 … up to CEILING
CEILING = 3600.0
FIRST_DELAY = 5.0  # after the window is up, so start-up stays quick


class OrgSync(QObject):
    """Owns the background sync; ``changed`` is emitted (on the GUI thread) after each attempt."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval, self.retry, self.ceiling = INTERVAL, RETRY, CEILING
        self.first_delay = FIRST_DELAY
        self.timeout: float | None = None  # the HTTP time-out; None: the client's own
        self.background: Any = None

    def start(self) -> bool:
        """Start syncing when this PC is enrolled; False (nothing started) when it is not."""
        from handoff.orgjournal import identity, sync

        if self.background is not None:
            return True
        if identity.load("pc") is None:
            return False
        self.background = sync.Background(
            interval=self.interval,
            ceiling=self.ceiling,
            retry=self.retry,
            first_delay=self.first_delay,
            notify=self.changed.emit,  # from the sync thread: queued to the GUI thread
            timeout=self.timeout,
        )
        self.background.start()
        return True

    def sync_now(self) -> None:
        """The worker asked: sync at once (starting the thread if it was not running)."""
        if self.background is None:
            self.first_delay = 0.0
            self.start()
        else:
            self.background.wake()

    @property
    def last_error(self) -> Exception | None:
        return None if self.background is None else self.background.last_error

    def stop(self, timeout: float = 1.0) -> None:
        """Stop at the next moment the thread looks; a request in flight is abandoned."""
        if self.background is not None:
            self.background.stop(timeout)
            self.background = None


NOT_CONNECTED = Text(
    "Logboek van de organisatie: niet verbonden met de organisatie.",
    "Organisation journal: not connected to the organisation.",
)
SYNCED = Text(
    "Logboek van de organisatie: laatst gesynchroniseerd {when}, {pending} wachtend.",
    "Organisation journal: last synchronised {when}, {pending} pending.",
)
NEVER = Text(
    "Logboek van de organisatie: nog niet gesynchroniseerd, {pending} wachtend.",
    "Organisation journal: not synchronised yet, {pending} pending.",
)
UNREACHABLE = Text(
    "Logboek van de organisatie: server onbereikbaar sinds {when}, {pending} wachtend. Uw werk "
    "gaat gewoon door; wat wacht, wordt later doorgestuurd.",
    "Organisation journal: server unreachable since {when}, {pending} pending. Your work goes "
    "on; what waits is sent later.",
)
TROUBLE = Text("Logboek van de organisatie: {problem}", "Organisation journal: {problem}")


@dataclass(frozen=True)
class Line:
    """The status line: its text and whether something needs someone's attention."""

    text: str
    bad: bool = False
    enrolled: bool = False


def when_text(iso: str | None, now: datetime | None = None) -> str:
    """A stored UTC moment as local time: '10:42' today, '03/05/2025 10:42' before."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso).astimezone()
    today = (now or datetime.now().astimezone()).date()
    return moment.strftime("%H:%M" if moment.date() == today else "%d/%m/%Y %H:%M")


def describe(status: Any, last_error: BaseException | None = None) -> Line:
    """``sync.status`` (and the background's last error) as the worker reads it."""
    from handoff.gui import messages
    from handoff.orgjournal import sync

    lang = i18n.language()
    if not status.enrolled:
        return Line(NOT_CONNECTED.render(lang))
    if status.enrol_again is not None:
        return Line(TROUBLE.render(lang, problem=status.enrol_again.message(lang)), True, True)
    if status.problem:
        error = sync.problem_error(status.problem["kind"], status.problem.get("seq"))
        return Line(TROUBLE.render(lang, problem=error.message(lang)), True, True)
    if status.unreachable_since:
        when = when_text(status.unreachable_since)
        return Line(UNREACHABLE.render(lang, when=when, pending=status.pending), True, True)
    if last_error is not None and getattr(last_error, "code", None) not in sync.RETRYABLE:
        return Line(TROUBLE.render(lang, problem=messages.describe(last_error)), True, True)
    if not status.last_sync:
        return Line(NEVER.render(lang, pending=status.pending), False, True)
    when = when_text(status.last_sync)
    return Line(SYNCED.render(lang, when=when, pending=status.pending), False, True)


def current_line(journal: Any, last_error: BaseException | None = None) -> Line:
    """Read the state now (files and one count: instant) and describe it."""
    from handoff.gui import messages
    from handoff.orgjournal import sync

    try:
        return describe(sync.status(journal), last_error)
    except Exception as exc:  # a broken settings file or enrolment: say what it is
        return Line(TROUBLE.render(i18n.language(), problem=messages.describe(exc)), True)
