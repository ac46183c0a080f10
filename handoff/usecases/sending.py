"""Sending: check and pack the sheet, deliver the archive, journal each step.

Seeds 001/002 art. 6 and seed 003 exchange steps 1-2: the sender encrypts the
list and e-mails (or uploads) it to the mailbox fixed in the protocol.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.core import archive, passwords
from handoff.core.archive import kdf as archive_kdf
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.passwords import Password
from handoff.usecases.common import (
    Cancel,
    Progress,
    journal_or_open,
    message,
    protocol_by_id,
    settings_or_load,
)

if TYPE_CHECKING:  # these load only when a step uses them: `handoff unpack` needs none
    from handoff.channels.base import ArchiveChannel, Delivery
    from handoff.core.credentials import Ask
    from handoff.core.protocols import Protocol, Recipient
    from handoff.core.settings import Settings
    from handoff.core.workbook import CleanSheet


@dataclass(frozen=True)
class Packaged:
    """An archive ready to travel; the password lives only in this object."""

    handoff_id: str
    protocol: Protocol
    archive: archive.PackResult
    password: Password = field(repr=False)
    rows: int
    columns: tuple[str, ...]


def password_style(protocol: Protocol) -> str:
    """Words for a password read aloud on the phone, grouped characters for SMS."""
    return "words" if protocol.password_channel.kind in ("phone", "custodian") else "sms"


def _require_consent(protocol: Protocol, consent_confirmed: bool) -> None:
    # Seeds 001/002 (Kind en Gezin referral): a referral only after the client
    # was informed and gave free, explicit consent.
    if protocol.consent_required and not consent_confirmed:
        raise HandoffError(
            "consent_required",
            Text(
                "Protocol '{protocol}' vraagt dat u bevestigt dat de cliënt ingelicht is en "
                "uitdrukkelijk toestemming gaf. Vink de bevestiging aan en probeer opnieuw.",
                "Protocol '{protocol}' requires you to confirm that the client was informed "
                "and explicitly agreed. Tick the confirmation and try again.",
            ),
            protocol=protocol.id,
        )


def cleaned_sheet(sheet: Path | CleanSheet, protocol: Protocol) -> tuple[CleanSheet, str | None]:
    """The copy that may leave the building, and the source's hash, from one read of the sheet.

    Raises blocking_findings when the check finds anything that blocks.
    """
    if not isinstance(sheet, Path):
        return sheet, None
    from handoff.core import workbook
    from handoff.core.workbook.clean import blocking_error

    report, clean = workbook.prepare(sheet, protocol)
    if clean is None:
        raise blocking_error(report)
    return clean, report.source_sha256


def _archive_details(result: archive.PackResult, password: Password) -> dict[str, object]:
    """What the DPO may know of a packed archive: hash, size and the password's strength."""
    details: dict[str, object] = {"archive_sha256": result.sha256, "archive_size": result.size}
    if password.bits:  # a password the user typed has no known entropy
        details["password_bits"] = round(password.bits)
    return details


def package(
    sheet: Path | CleanSheet,
    protocol_id: str,
    output: Path,
    *,
    password: Password | None = None,
    consent_confirmed: bool = False,
    handoff_id: str | None = None,
    journal: Journal | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Packaged:
    """Check and clean the sheet, encrypt the cleaned copy, journal 'packaged'.

    A sheet with blocking findings raises before anything is written. The
    archive holds one entry named after the handoff, never after the data.
    """
    protocol = protocol_by_id(protocol_id)
    _require_consent(protocol, consent_confirmed)
    password = password or passwords.generate(password_style(protocol))
    handoff_id = handoff_id or new_handoff_id()
    with archive_kdf.ahead(password.value):  # the key while the sheet is checked
        clean, source_sha256 = cleaned_sheet(sheet, protocol)
        log = _journal_ready(journal, output)
        result = archive.pack(
            {f"{handoff_id}.xlsx": clean.data},
            output,
            password.value,
            progress=progress,
            cancel=cancel,
        )
    with _removed_on_failure(result.path):
        _journal_packaged(log, protocol, handoff_id, result, password, clean, source_sha256)
    return Packaged(handoff_id, protocol, result, password, clean.rows, tuple(clean.columns))


def _journal_ready(journal: Journal | None, output: Path) -> Journal:
    """The journal, proven writable before an archive exists; stale partial archives swept.

    An archive whose 'packaged' record cannot be written would be one whose
    password nobody was shown (issue 12 §3).
    """
    from handoff.core import leftovers

    log = journal_or_open(journal)
    log.check_writable()
    leftovers.clean(log, partials_in=[Path(output).absolute().parent])
    return log


@contextmanager
def _removed_on_failure(path: Path) -> Iterator[None]:
    """Remove the finished archive when its journaling fails: no record, no archive."""
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _journal_packaged(
    log: Journal,
    protocol: Protocol,
    handoff_id: str,
    result: archive.PackResult,
    password: Password,
    clean: CleanSheet,
    source_sha256: str | None,
) -> None:
    if protocol.consent_required:
        log.append(
            Step.CONSENT_CONFIRMED,
            handoff_id=handoff_id,
            protocol_id=protocol.id,
            details={"confirmed_by": "sender"},
        )
    details = _archive_details(result, password) | {
        "rows": clean.rows,
        "columns": list(clean.columns),
        "cleaned_sha256": hashlib.sha256(clean.data).hexdigest(),
    }
    if source_sha256:
        details |= {"source": "sheet", "source_sha256": source_sha256}
    else:
        details["source"] = "form"
    log.append(Step.PACKAGED, handoff_id=handoff_id, protocol_id=protocol.id, details=details)


def package_file(
    source: Path,
    output: Path,
    *,
    password: Password | None = None,
    journal: Journal | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[str, archive.PackResult, Password]:
    """Encrypt any file without a protocol check (``handoff pack`` without --protocol).

    Still journaled as 'packaged', with no protocol id, so the DPO sees it.
    """
    log = _journal_ready(journal, output)
    handoff_id = new_handoff_id()
    password = password or passwords.generate("sms")
    result = archive.pack(
        {source.name: source}, output, password.value, progress=progress, cancel=cancel
    )
    with _removed_on_failure(result.path):
        log.append(
            Step.PACKAGED,
            handoff_id=handoff_id,
            protocol_id=None,
            details=_archive_details(result, password)
            | {"source": "file", "source_sha256": archive.sha256_file(source)},
        )
    return handoff_id, result, password


def channel_name(recipient: Recipient, settings: Settings, via: str | None = None) -> str:
    """SFTP for a host, else the configured mail mode (draft or smtp), unless ``via`` says."""
    return via or ("sftp" if recipient.kind == "sftp" else settings.mail.mode)


def archive_channel(
    settings: Settings,
    recipient: Recipient,
    via: str | None = None,
    *,
    ask: Ask | None = None,
    open_draft: bool = True,
) -> ArchiveChannel:
    """The way out for this recipient (:func:`channel_name`).

    ``open_draft=False`` writes a draft without starting the mail program, for
    a caller (the desktop) that opens it itself from the GUI thread. Imports
    lazily so the desktop's first page does not load paramiko or smtplib.
    """
    via = channel_name(recipient, settings, via)
    if via == "draft":
        from handoff.channels.email_draft import DraftChannel

        return DraftChannel(settings) if open_draft else DraftChannel(settings, opener=None)
    if via == "smtp":
        from handoff.channels.smtp import SmtpChannel

        return SmtpChannel(settings.mail, ask=ask)
    if via == "sftp":
        from handoff.channels.sftp import SftpChannel

        return SftpChannel(settings.sftp, ask=ask)
    raise message(
        "unknown_channel",
        "Onbekend kanaal '{via}': kies draft, smtp of sftp.",
        "Unknown channel '{via}': choose draft, smtp or sftp.",
        via=via,
    )


def deliver(
    handoff_id: str,
    protocol_id: str,
    archive_path: Path,
    recipient: str,
    *,
    via: str | None = None,
    settings: Settings | None = None,
    channel: ArchiveChannel | None = None,
    ask: Ask | None = None,
    open_draft: bool = True,
    journal: Journal | None = None,
) -> Delivery:
    """Send the archive to a recipient the protocol lists, then journal what really happened.

    A draft is journaled as 'draft handed to the mail program', never as
    'sent' (ARCHITECTURE.md); a recipient outside the protocol raises
    recipient_not_allowed before any channel is touched.
    """
    protocol = protocol_by_id(protocol_id)
    listed = protocol.recipient(recipient)
    settings = settings_or_load(settings)
    channel = channel or archive_channel(settings, listed, via, ask=ask, open_draft=open_draft)
    delivery = channel.deliver(archive_path, listed, protocol, handoff_id)
    journal_or_open(journal).append(
        delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=delivery.details
    )
    return delivery


@dataclass(frozen=True)
class Sent:
    """A packaged handoff that reached its channel; the password still to be passed on."""

    packaged: Packaged
    delivery: Delivery


def send(
    sheet: Path | CleanSheet,
    protocol_id: str,
    recipient: str,
    *,
    via: str | None = None,
    consent_confirmed: bool = False,
    handoff_id: str | None = None,
    settings: Settings | None = None,
    channel: ArchiveChannel | None = None,
    ask: Ask | None = None,
    open_draft: bool = True,
    journal: Journal | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Sent:
    """Check, pack and deliver as one handoff (``handoff send`` and the send page).

    The recipient is checked against the protocol before anything is packed.
    The encrypted archive is built in the outbox and removed once it travelled
    (a draft carries its own copy), so no stray copy is left behind.
    """
    protocol = protocol_by_id(protocol_id)
    protocol.recipient(recipient)
    settings = settings_or_load(settings)
    handoff_id = handoff_id or new_handoff_id()
    outbox = settings.outbox
    outbox.mkdir(parents=True, exist_ok=True)
    target = outbox / f"{handoff_id}.7z"
    packaged = package(
        sheet,
        protocol.id,
        target,
        consent_confirmed=consent_confirmed,
        handoff_id=handoff_id,
        journal=journal,
        progress=progress,
        cancel=cancel,
    )
    try:
        delivery = deliver(
            handoff_id,
            protocol.id,
            target,
            recipient,
            via=via,
            settings=settings,
            channel=channel,
            ask=ask,
            open_draft=open_draft,
            journal=journal,
        )
    finally:
        target.unlink(missing_ok=True)
    return Sent(packaged, delivery)
