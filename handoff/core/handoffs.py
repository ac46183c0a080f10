"""The use cases: every step of a handoff, each doing its work and then journaling it.

ARCHITECTURE.md rule 2: each step is one function that does the step and
appends one journal record, or fails and appends nothing. The CLI and the
desktop app call only these functions, so there is no second path that skips
the journal. Nothing here keeps a password: it is returned to the caller to
show once and then forgotten.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.core import archive, archive_kdf, passwords
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Record, Step, new_handoff_id, os_account
from handoff.core.passwords import Password

if TYPE_CHECKING:  # these load only when a step uses them: `handoff unpack` needs none
    from handoff.channels.base import ArchiveChannel, Delivery, PasswordDelivery, PasswordSender
    from handoff.channels.phone import Via
    from handoff.core.credentials import Ask
    from handoff.core.protocols import Protocol, Recipient
    from handoff.core.sealing import Sealed
    from handoff.core.settings import Settings
    from handoff.core.workbook import CleanSheet

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

HANDOFF_ID = re.compile(r"HO-\d{8}-[0-9A-Z]{6}")

#: Steps a user confirms by hand; each is journaled only when confirmed.
CONFIRMABLE = (
    Step.CONSENT_CONFIRMED,
    Step.EMAIL_DELETED,
    Step.PASSWORD_DELETED,
    Step.CUSTODIAN_CONFIRMED,  # through sealing.confirm_custodian, which checks the seal
)


@dataclass(frozen=True)
class Packaged:
    """An archive ready to travel; the password lives only in this object."""

    handoff_id: str
    protocol: Protocol
    archive: archive.PackResult
    password: Password = field(repr=False)
    rows: int
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Received:
    """A decrypted handoff stored in the secure folder."""

    handoff_id: str
    protocol: Protocol
    folder: Path
    files: tuple[Path, ...]
    due: date | None
    reminder: date | None


def _protocol(protocol_id: str) -> Protocol:
    from handoff.core import protocols

    return protocols.get(protocol_id)


def _settings(settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    from handoff.core import settings as settings_module

    return settings_module.load()


def _journal(journal: Journal | None) -> Journal:
    return journal if journal is not None else Journal()


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
    protocol = _protocol(protocol_id)
    _require_consent(protocol, consent_confirmed)
    password = password or passwords.generate(password_style(protocol))
    handoff_id = handoff_id or new_handoff_id()
    with archive_kdf.ahead(password.value):  # the key while the sheet is checked
        clean, source_sha256 = cleaned_sheet(sheet, protocol)
        log = _journal(journal)
        result = archive.pack(
            {f"{handoff_id}.xlsx": clean.data},
            output,
            password.value,
            progress=progress,
            cancel=cancel,
        )
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
    return Packaged(handoff_id, protocol, result, password, clean.rows, tuple(clean.columns))


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
    log = _journal(journal)
    handoff_id = new_handoff_id()
    password = password or passwords.generate("sms")
    result = archive.pack(
        {source.name: source}, output, password.value, progress=progress, cancel=cancel
    )
    log.append(
        Step.PACKAGED,
        handoff_id=handoff_id,
        protocol_id=None,
        details=_archive_details(result, password)
        | {"source": "file", "source_sha256": archive.sha256_file(source)},
    )
    return handoff_id, result, password


def handoff_id_from_name(path: Path) -> str | None:
    """The sender's reference when the attachment kept its generic name."""
    match = HANDOFF_ID.search(path.name.upper())
    return match.group(0) if match else None


def _fresh_folder(base: Path, handoff_id: str) -> Path:
    """``base/handoff_id``, or with a counter when that handoff was opened before."""
    candidate, n = base / handoff_id, 1
    while candidate.exists():
        n += 1
        candidate = base / f"{handoff_id}-{n}"
    return candidate


def _file_hashes(files: list[Path]) -> list[dict[str, object]]:
    """Hashes and sizes: names inside an archive may carry personal data."""
    return [{"sha256": archive.sha256_file(p), "size": p.stat().st_size} for p in files]


def _unpack_typed(
    source: Path, folder: Path, typed: str, **options: object
) -> archive.UnpackResult:
    """Unpack with the password as typed, then with its canonical forms (passwords.typed_forms)."""
    forms = passwords.typed_forms(typed)
    for n, form in enumerate(forms, start=1):
        try:
            return archive.unpack(source, folder, form, **options)  # type: ignore[arg-type]
        except HandoffError as exc:
            if exc.code != "wrong_password" or n == len(forms):
                raise
    raise AssertionError("unreachable: typed_forms is never empty")


def receive(
    source: Path,
    protocol_id: str,
    password: str,
    secure_folder: Path,
    *,
    allow_unencrypted: bool = False,
    limits: archive.Limits | None = None,
    journal: Journal | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Received:
    """Decrypt a received archive into its own folder in the secure folder.

    Seed 003 step 4: the OCMW decrypts the list and stores it on an internal
    secured location. 'received' and 'decrypted and stored' are journaled only
    after the whole archive extracted and every CRC matched; a wrong password
    leaves nothing on disk and nothing in the journal, so the worker can retry.
    """
    protocol = _protocol(protocol_id)
    log = _journal(journal)
    handoff_id = handoff_id_from_name(source) or new_handoff_id()
    folder = _fresh_folder(secure_folder, handoff_id)
    result = _unpack_typed(
        source,
        folder,
        password,
        limits=limits or archive.Limits(),
        allow_unencrypted=allow_unencrypted,
        progress=progress,
        cancel=cancel,
    )
    received_on = today or date.today()
    due = protocol.retention.due_date(received_on)
    reminder = protocol.retention.reminder_date(received_on)
    log.append(
        Step.RECEIVED,
        handoff_id=handoff_id,
        protocol_id=protocol.id,
        details={
            "archive_sha256": archive.sha256_file(source),
            "archive_size": source.stat().st_size,
            "encrypted": result.encrypted,
        },
    )
    log.append(
        Step.DECRYPTED,
        handoff_id=handoff_id,
        protocol_id=protocol.id,
        details={
            "destination": "secure_folder",
            "folder": str(folder),
            "files": _file_hashes(result.files),
            "count": len(result.files),
            "due": due.isoformat() if due else None,
            "reminder": reminder.isoformat() if reminder else None,
            "retention": protocol.retention.kind,
        },
    )
    return Received(handoff_id, protocol, folder, tuple(result.files), due, reminder)


def unpack_to(
    source: Path,
    dest: Path,
    password: str,
    *,
    allow_unencrypted: bool = False,
    journal: Journal | None = None,
) -> tuple[str, archive.UnpackResult]:
    """``handoff unpack``: open an archive into a folder the user chose, and journal it.

    The folder's path is not journaled (a name a person chose may carry data)
    and retention never touches it; the open obligation closes when the
    worker confirms the deletion (:func:`confirm_file_deleted`).
    """
    log = _journal(journal)
    handoff_id = handoff_id_from_name(source) or new_handoff_id()
    result = _unpack_typed(source, dest, password, allow_unencrypted=allow_unencrypted)
    log.append(
        Step.RECEIVED,
        handoff_id=handoff_id,
        protocol_id=None,
        details={
            "archive_sha256": archive.sha256_file(source),
            "archive_size": source.stat().st_size,
            "encrypted": result.encrypted,
            "channel": "file",
        },
    )
    log.append(
        Step.DECRYPTED,
        handoff_id=handoff_id,
        protocol_id=None,
        details={
            "destination": "chosen_folder",
            "files": _file_hashes(result.files),
            "count": len(result.files),
        },
    )
    return handoff_id, result


def confirm_file_deleted(handoff_id: str, *, journal: Journal | None = None) -> Record:
    """The worker deleted, outside Handoff, files unpacked into a folder they chose."""
    log = _journal(journal)
    stored = log.records(handoff_id=handoff_id, step=Step.DECRYPTED)
    if not stored:
        raise _message(
            "nothing_stored",
            "Overdracht {handoff} heeft geen uitgepakte bestanden in het logboek.",
            "Handoff {handoff} has no unpacked files in the journal.",
            handoff=handoff_id,
        )
    return log.append(
        Step.FILE_DELETED,
        handoff_id=handoff_id,
        protocol_id=stored[-1].protocol_id,
        details={
            "by": os_account(),
            "count": sum(int(r.details.get("count", 0)) for r in stored),
            "volume_encrypted": "unknown",
            "reason": "early",
            "confirmed_by": "user",
        },
    )


def confirm(
    handoff_id: str,
    protocol_id: str | None,
    step: Step,
    *,
    journal: Journal | None = None,
) -> Record:
    """Journal a step the user did outside Handoff and confirms here.

    Seed 003 step 5: the OCMW explicitly deletes the e-mail with the encrypted
    list, and the password. Handoff cannot see the mail program or the phone,
    so the record says 'confirmed by the user', never 'deleted by Handoff'.
    """
    if step not in CONFIRMABLE:
        raise HandoffError(
            "not_confirmable",
            Text(
                "Stap '{step}' kan niet met de hand bevestigd worden.",
                "Step '{step}' cannot be confirmed by hand.",
            ),
            step=str(step),
        )
    if step is Step.CUSTODIAN_CONFIRMED:
        from handoff.core import sealing

        return sealing.confirm_custodian(handoff_id, journal=_journal(journal))
    return _journal(journal).append(
        step, handoff_id=handoff_id, protocol_id=protocol_id, details={"confirmed_by": "user"}
    )


def seal(
    path: Path,
    protocol_id: str,
    custodian: str,
    *,
    journal: Journal | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Sealed:
    """Seed 000: encrypt a file no longer needed for one custodian (see :mod:`sealing`)."""
    from handoff.core import sealing

    return sealing.seal(
        path, protocol_id, custodian, journal=journal, progress=progress, cancel=cancel
    )


def _message(code: str, nl: str, en: str, **params: object) -> HandoffError:
    return HandoffError(code, Text(nl, en), **params)


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
    raise _message(
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
    protocol = _protocol(protocol_id)
    listed = protocol.recipient(recipient)
    settings = _settings(settings)
    channel = channel or archive_channel(settings, listed, via, ask=ask, open_draft=open_draft)
    delivery = channel.deliver(archive_path, listed, protocol, handoff_id)
    _journal(journal).append(
        delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=delivery.details
    )
    return delivery


def password_phone(protocol: Protocol, settings: Settings) -> str | None:
    """The receiving role's phone number from the recipients directory, if configured."""
    key = protocol.password_channel.directory_key
    return settings.directory.get(key) if key else None


def _refuse_second_password(handoff_id: str, log: Journal) -> None:
    from handoff.channels import sms

    if log.count(handoff_id=handoff_id, step=Step.PASSWORD_PASSED):
        raise _message(
            "password_already_passed",
            "Het wachtwoord van {handoff} is al doorgegeven; Handoff stuurt het geen tweede keer.",
            "The password of {handoff} was already passed on; Handoff does not send it twice.",
            handoff=handoff_id,
        )
    if sms.LEDGER.state(handoff_id) is not None:
        raise _message(
            "password_maybe_passed",
            "Een sms met het wachtwoord van {handoff} is mogelijk al aangekomen. Bel de "
            "ontvanger om het na te gaan en geef het wachtwoord zo nodig telefonisch door.",
            "An SMS with the password of {handoff} may already have arrived. Call the "
            "receiver to check, and pass the password on by phone if needed.",
            handoff=handoff_id,
        )


def send_password_sms(
    handoff_id: str,
    protocol_id: str,
    password: Password,
    *,
    settings: Settings | None = None,
    sender: PasswordSender | None = None,
    ask: Ask | None = None,
    journal: Journal | None = None,
) -> PasswordDelivery:
    """Send the password by the SMS provider to the role the protocol names (seed 003 step 3).

    Never twice for one handoff: neither after a confirmed send (the journal
    says so) nor after a timeout that may have delivered it (the ledger says so).
    """
    protocol = _protocol(protocol_id)
    log = _journal(journal)
    settings = _settings(settings)
    _refuse_second_password(handoff_id, log)
    number = password_phone(protocol, settings)
    if not number:
        raise _message(
            "no_password_phone",
            "Er is geen gsm-nummer ingesteld voor {role} (instellingen, adresboek '{key}'). "
            "Vul het in of geef het wachtwoord telefonisch door.",
            "No mobile number is set for {role} (settings, directory '{key}'). "
            "Fill it in or pass the password on by phone.",
            role=protocol.password_channel.role.render(),
            key=protocol.password_channel.directory_key or "-",
        )
    if sender is None:
        from handoff.channels import sms

        sender = sms.sender_for(settings, ask=ask)
    delivery = sender.send(password, number, protocol, handoff_id)
    log.append(
        delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=delivery.details
    )
    return delivery


def confirm_password_passed(
    handoff_id: str, protocol_id: str, via: Via, *, journal: Journal | None = None
) -> Record:
    """Journal 'password passed on by phone/SMS to <role>' once the user confirms it."""
    protocol = _protocol(protocol_id)
    log = _journal(journal)
    _refuse_second_password(handoff_id, log)
    from handoff.channels import phone

    delivery = phone.confirmation(protocol.password_channel.role, via)
    return log.append(
        delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=delivery.details
    )


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
    protocol = _protocol(protocol_id)
    protocol.recipient(recipient)
    settings = _settings(settings)
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
