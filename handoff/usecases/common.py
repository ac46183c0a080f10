"""What every use case shares: the protocol, settings and journal it works with, and its callbacks.

The use cases (ARCHITECTURE.md rule 2) are the only callers of channels and
journal together. A caller (the CLI, a desktop worker thread) gives them a
:class:`Context` once instead of the same five keyword arguments to each step;
anything left out is loaded the usual way when first needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal

if TYPE_CHECKING:  # these load only when a step uses them: `handoff unpack` needs none
    from handoff.core.credentials import Ask
    from handoff.core.protocols import Protocol
    from handoff.core.settings import Settings

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass
class Context:
    """Where a use case journals, which settings it uses, and how it reports and is stopped.

    ``None`` means the default: the user's journal and settings, loaded when a
    step first needs them; no progress, never cancelled; no way to ask for a
    missing secret (the step then fails with a message that says so).
    """

    journal: Journal | None = None
    settings: Settings | None = None
    progress: Progress | None = None
    cancel: Cancel | None = None
    ask: Ask | None = None

    def log(self) -> Journal:
        """The journal, opened once for this context."""
        if self.journal is None:
            self.journal = Journal()
        return self.journal

    def config(self) -> Settings:
        """The settings, loaded once for this context."""
        if self.settings is None:
            from handoff.core import settings as settings_module

            self.settings = settings_module.load()
        return self.settings


def protocol_by_id(protocol_id: str) -> Protocol:
    from handoff.core import protocols

    return protocols.get(protocol_id)


def require_in_force(protocol: Protocol, today: date | None = None) -> None:
    """Refuse a protocol whose fixed retention date has come (``protocols.require_in_force``)."""
    from handoff.core import protocols

    protocols.require_in_force(protocol, today)


def settings_or_load(settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    from handoff.core import settings as settings_module

    return settings_module.load()


def journal_or_open(journal: Journal | None) -> Journal:
    return journal if journal is not None else Journal()


def message(code: str, nl: str, en: str, **params: object) -> HandoffError:
    return HandoffError(code, Text(nl, en), **params)
