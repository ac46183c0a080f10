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

from handoff.core import credentials
from handoff.core.credentials import Ask
from handoff.core.errors import HandoffError
from handoff.core.hashing import sha256_file
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.passwords import Password
from handoff.core.protocols import Protocol, Recipient

_HANDOFF_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{2,63}$")


@dataclass(frozen=True)
class Delivery:
    """A completed step and the details the journal may hold (no personal data).

    Three outcomes (issue 18 §3): a delivered archive returns its step (SENT,
    UPLOADED, DRAFT_HANDED); one that may or may not have arrived returns
    DELIVERY_UNCERTAIN with ``problem`` saying why; one that certainly did not
    leave raises a HandoffError.
    """

    step: Step
    details: dict[str, object] = field(default_factory=dict)
    location: Path | None = None  # the draft file, to show the user; not journaled
    problem: HandoffError | None = None  # why the outcome is uncertain; not journaled

    @property
    def uncertain(self) -> bool:
        return self.step is Step.DELIVERY_UNCERTAIN


@dataclass(frozen=True)
class PasswordDelivery(Delivery):
    """A password handed to a provider; ``message_id`` is the provider's id."""

    message_id: str | None = None


class ArchiveChannel(Interface):
    """E-mail draft, SMTP or SFTP: takes the archive to the protocol's recipient."""

    name: str

    def ready(self) -> None:
        """Fetch (or ask for) the login before anything is packed; raise when there is none."""

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


SECRET_LABELS = {
    "smtp": ("de mailserver", "the mail server"),
    "sftp": ("de SFTP-server", "the SFTP server"),
}
_NOT_STORED = (
    "Er is geen beveiligde opslag voor geheimen op deze computer ({store} ontbreekt of is "
    "niet beveiligd), dus Handoff bewaart het wachtwoord voor {nl} niet en moet het telkens vragen. Er is niets verzonden; start de opdracht in "
    "een terminal, dan vraagt Handoff het wachtwoord.",
    "There is no secure store for secrets on this computer ({store} is missing or not "
    "secure), so Handoff does not keep the password for {en} and has to ask for it each time. Nothing was sent; run the command in a terminal "
    "and Handoff will ask for the password.",
)
_MISSING = (
    "Er is geen wachtwoord voor {nl} bewaard. Er is niets verzonden; bewaar het met "
    "'handoff settings secret {name}' of typ het wanneer Handoff erom vraagt.",
    "No password for {en} is stored. Nothing was sent; store it with "
    "'handoff settings secret {name}' or type it when Handoff asks for it.",
)


def login_secret(name: str, ask: Ask | None) -> str:
    """The stored (or asked) secret for ``name``; a message that says why there is none.

    Not "the server refuses the login" (issue 18 §5): no server saw a login yet.
    Without a secure keyring nothing can be stored, so only asking helps.
    """
    secret = credentials.get_secret(name, ask=ask)
    if secret:
        return secret
    nl, en = SECRET_LABELS[name]
    if not credentials.secure_backend_available():
        code, (tnl, ten) = "secret_not_stored", _NOT_STORED
    else:
        code, (tnl, ten) = "secret_missing", _MISSING
    text = Text(tnl.replace("{nl}", nl), ten.replace("{en}", en))
    raise HandoffError(code, text, name=name, store=credentials.store_name())


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
