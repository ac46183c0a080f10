"""What every way out shares: the Delivery it returns and the recipient re-check.

Channels do not write the journal: they return a :class:`Delivery` whose
details are safe to record (channel, mailbox or host, Message-ID, provider
message id, masked phone) and the use case in ``handoff/usecases`` appends
the record, so there is one path into the journal.

Before anything leaves, :func:`allowed_recipient` checks the address the channel
is about to use against the protocol again: the protocol lists its recipients
(decree of 18 July 2008, art. 8 §1 4°), and nothing goes anywhere else even if
a caller passed a Recipient that did not come from the protocol.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol as Interface

from handoff.core.errors import HandoffError
from handoff.core.hashing import sha256_file
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.passwords import Password
from handoff.core.protocols import Protocol, Recipient

_HANDOFF_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{2,63}$")


@dataclass(frozen=True)
class Delivery:
    """A completed step and the details the journal may hold (no personal data)."""

    step: Step
    details: dict[str, object] = field(default_factory=dict)
    location: Path | None = None  # the draft file, to show the user; not journaled


@dataclass(frozen=True)
class PasswordDelivery(Delivery):
    """A password handed to a provider; ``message_id`` is the provider's id."""

    message_id: str | None = None


class ArchiveChannel(Interface):
    """E-mail draft, SMTP or SFTP: takes the archive to the protocol's recipient."""

    name: str

    def deliver(
        self, archive: Path, recipient: Recipient, protocol: Protocol, handoff_id: str
    ) -> Delivery: ...


class PasswordSender(Interface):
    """An SMS provider: sends the password to the role's phone."""

    name: str

    def send(
        self, password: Password, phone: str, protocol: Protocol, handoff_id: str
    ) -> PasswordDelivery: ...

    def details(self, protocol: Protocol, phone: str, password: Password) -> dict[str, object]:
        """What the journal may say about an attempt whose outcome is unknown."""
        ...


def failure(messages: Mapping[str, Text], code: str, **params: object) -> HandoffError:
    """A channel's HandoffError from its table of messages (one table per channel)."""
    return HandoffError(code, messages[code], **params)


def check_handoff_id(handoff_id: str) -> str:
    """The id goes into a subject, a file name and an SMS: letters, digits, dashes only."""
    if not _HANDOFF_ID.match(handoff_id):
        raise HandoffError(
            "invalid_handoff_id",
            Text(
                "De overdrachtsreferentie is ongeldig. Start de overdracht opnieuw.",
                "The handoff reference is invalid. Start the handoff again.",
            ),
        )
    return handoff_id


def allowed_recipient(
    recipient: Recipient, protocol: Protocol, kind: str, address: str | None = None
) -> Recipient:
    """The protocol's own recipient, after checking ``address`` is really its address.

    Raises recipient_not_allowed (from the protocol) when the recipient is not
    listed, and wrong_recipient_kind when the channel does not fit it.
    """
    listed = protocol.recipient(recipient.id)
    expected = listed.address.strip().lower()
    for candidate in (recipient.address, address if address is not None else recipient.address):
        if candidate.strip().lower() != expected:
            raise HandoffError(
                "recipient_mismatch",
                Text(
                    "Het adres waarnaar verzonden zou worden is niet het adres van ontvanger '{recipient}' in protocol '{protocol}'. Er is niets verzonden; kies de ontvanger opnieuw.",
                    "The address about to be used is not the address of recipient '{recipient}' in protocol '{protocol}'. Nothing was sent; choose the recipient again.",
                ),
                recipient=listed.id,
                protocol=protocol.id,
            )
    if listed.kind != kind:
        raise HandoffError(
            "wrong_recipient_kind",
            Text(
                "Ontvanger '{recipient}' van protocol '{protocol}' verwacht {expected}, niet {kind}. Kies het juiste kanaal.",
                "Recipient '{recipient}' of protocol '{protocol}' expects {expected}, not {kind}. Choose the right channel.",
            ),
            recipient=listed.id,
            protocol=protocol.id,
            expected=listed.kind,
            kind=kind,
        )
    return listed


def archive_details(archive: Path) -> dict[str, object]:
    """Hash and size of what left, so the DPO can match it to the PACKAGED record."""
    return {"archive_sha256": sha256_file(archive), "archive_size": archive.stat().st_size}
