"""The default mail channel: an unsent draft for the user's own mail program.

Needs no server and no account (Exchange Online is retiring basic SMTP AUTH,
ARCHITECTURE.md). The .eml carries ``X-Unsent: 1`` so Outlook opens it as a
message still to be sent; it is written atomically to the outbox and handed to
the mail program the way that program supports a draft with an attachment
(handoff/channels/mail_programs: Simple MAPI, the new Outlook, COM,
Thunderbird, xdg-email, the default program), and the way that worked is
journaled as ``method``. Handoff cannot know whether the user then pressed
Send, so the step is DRAFT_HANDED ("draft handed to the mail program"), never
SENT; the password waits until the worker confirms the mail left (DRAFT_SENT,
issue 18 §4).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from email import policy
from pathlib import Path

from handoff.channels import email_message
from handoff.channels.base import Delivery, allowed_recipient, archive_details
from handoff.channels.mail_programs import Draft, HandOver, detect, hand_over
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.protocols import Protocol, Recipient
from handoff.core.settings import Settings

Opener = Callable[[Draft], HandOver]


def system_opener(draft: Draft, forced: str | None = None) -> HandOver:
    """Hand ``draft`` to this machine's mail program by the first method that works."""
    return hand_over(draft, detect(forced))


class DraftChannel:
    """Writes ``<outbox>/<handoff_id>.eml`` and (optionally) opens it."""

    name = "eml"

    def __init__(self, settings: Settings, opener: Opener | None = system_opener) -> None:
        self.settings = settings
        if opener is system_opener:  # the settings may force one way to the mail program
            opener = functools.partial(system_opener, forced=settings.mail.program or None)
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

    def _open(self, draft: Draft) -> HandOver:
        """Ask the mail program to open the draft; ``opened`` False when none could be started.

        The draft exists either way: a mail program that does not start (none
        installed, a server without a desktop) is not a failed handoff, and the
        worker is told where the draft is instead.
        """
        try:
            return self.opener(draft)  # type: ignore[misc]
        except OSError:
            return HandOver("none", opened=False)

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
            body = message.get_body(("plain",))
            draft = Draft(
                target, archive, listed.address, str(message["Subject"]),
                body.get_content() if body is not None else "",
            )  # fmt: skip
            handed = self._open(draft)
            details["opened"] = handed.opened
            details["method"] = handed.method
        details["message_id"] = message["Message-ID"]
        return Delivery(Step.DRAFT_HANDED, details | archive_details(archive), target)
