"""The default mail channel: an unsent draft for the user's own mail program.

Needs no server and no account (Exchange Online is retiring basic SMTP AUTH,
ARCHITECTURE.md). The .eml carries ``X-Unsent: 1`` so Outlook opens it as a
message still to be sent; it is written atomically to the outbox and handed to
the system's mail program. Handoff cannot know whether the user then pressed
Send, so the step is DRAFT_HANDED ("draft handed to the mail program"), never
SENT; the password waits until the worker confirms the mail left (DRAFT_SENT,
issue 18 §4).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from email import policy
from pathlib import Path

from handoff.channels import email_message
from handoff.channels.base import Delivery, allowed_recipient, archive_details
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.protocols import Protocol, Recipient
from handoff.core.settings import Settings

Opener = Callable[[Path], None]


def system_opener(path: Path) -> None:
    """Open ``path`` with the program the system associates with .eml files."""
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]
        return
    command = "open" if sys.platform == "darwin" else "xdg-open"
    subprocess.Popen(  # returns at once; the mail program lives on its own
        [command, str(path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


class DraftChannel:
    """Writes ``<outbox>/<handoff_id>.eml`` and (optionally) opens it."""

    name = "eml"

    def __init__(self, settings: Settings, opener: Opener | None = system_opener) -> None:
        self.settings = settings
        self.opener = opener

    def ready(self) -> None:
        """A draft needs no login: nothing to fetch before packing."""

    def _write(self, target: Path, data: bytes) -> None:
        if target.exists():
            raise HandoffError(
                "draft_exists",
                Text(
                    "Er staat al een concept {file} in de uitgaande map. Verstuur of verwijder het eerst.",
                    "A draft {file} is already in the outbox. Send or delete it first.",
                ),
                file=target.name,
            )
        write_atomic(target, data)

    def _open(self, target: Path) -> bool:
        """Ask the mail program to open the draft; False when it could not be started.

        The draft exists either way: a mail program that does not start (none
        installed, a server without a desktop) is not a failed handoff, and the
        worker is told where the draft is instead.
        """
        try:
            self.opener(target)  # type: ignore[misc]
        except OSError:
            return False
        return True

    def deliver(
        self, archive: Path, recipient: Recipient, protocol: Protocol, handoff_id: str
    ) -> Delivery:
        """Write the draft; DRAFT_HANDED once it exists (and the mail program was asked to open it)."""
        listed = allowed_recipient(recipient, protocol, "email")
        message = email_message.build(
            archive, listed, protocol, handoff_id, self.settings.mail.sender
        )
        message["X-Unsent"] = "1"
        target = self.settings.outbox / f"{handoff_id}.eml"
        self._write(target, message.as_bytes(policy=policy.SMTP))
        details: dict[str, object] = {"channel": self.name, "recipient": listed.address}
        if self.opener is not None:
            details["opened"] = self._open(target)
        details["message_id"] = message["Message-ID"]
        return Delivery(Step.DRAFT_HANDED, details | archive_details(archive), target)
