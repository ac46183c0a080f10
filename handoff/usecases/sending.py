"""Sending: check and pack the sheet, deliver the archive, journal each step.

Seeds 001/002 art. 6 and seed 003 exchange steps 1-2: the sender encrypts the
list and e-mails (or uploads) it to the mailbox fixed in the protocol.

Issue 18: everything the handoff will need (recipient, channel, its login,
the password's channel) is checked before anything is packed; a delivery is
delivered, not delivered (journaled ``delivery_failed``) or uncertain
(journaled ``delivery_uncertain``). An uncertain archive stays in the outbox so
:func:`resend` can send the *same* archive (whose password the worker already
has) until it arrives or the worker voids it (:func:`void`). A draft is only
"handed to the mail program": the password waits until the worker confirms the
mail went out (:func:`confirm_draft_sent`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.core import archive, passwords
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Record, Step, new_handoff_id
from handoff.core.passwords import Password
from handoff.core.settings import require_policy_sound
from handoff.usecases.common import Context, message, protocol_by_id, require_in_force
from handoff.usecases.standing import (
    history,
    open_draft,
    open_uncertain,
    outbox_archive,
    outbox_draft,
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


def password_style(protocol: Protocol) -> passwords.Style:
    """Words for a password read aloud on the phone, grouped characters for SMS."""
    return passwords.style_for(protocol.password_channel.kind)


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
    ctx: Context | None = None,
) -> Packaged:
    """Check and clean the sheet, encrypt the cleaned copy, journal 'packaged'.

    A sheet with blocking findings raises before anything is written. The
    archive holds one entry named after the handoff, never after the data.
    """
    ctx = ctx or Context()
    protocol = protocol_by_id(protocol_id)
    require_in_force(protocol)
    _require_consent(protocol, consent_confirmed)
    password = password or passwords.generate(password_style(protocol))
    handoff_id = handoff_id or new_handoff_id()
    clean, source_sha256 = cleaned_sheet(sheet, protocol)
    log = _journal_ready(ctx, output)
    result = archive.pack(
        {f"{handoff_id}.xlsx": clean.data},
        output,
        password.value,
        progress=ctx.progress,
        cancel=ctx.cancel,
    )
    with _removed_on_failure(result.path):
        _journal_packaged(log, protocol, handoff_id, result, password, clean, source_sha256)
    return Packaged(handoff_id, protocol, result, password, clean.rows, tuple(clean.columns))


def _journal_ready(ctx: Context, output: Path) -> Journal:
    """The journal, proven writable before an archive exists; stale partial archives swept.

    An archive whose 'packaged' record cannot be written would be one whose
    password nobody was shown (issue 12 §3).
    """
    from handoff.core import leftovers

    log = ctx.log()
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
    ctx: Context | None = None,
) -> tuple[str, archive.PackResult, Password]:
    """Encrypt any file without a protocol check (``handoff pack`` without --protocol).

    Still journaled as 'packaged', with no protocol id, so the DPO sees it.
    """
    ctx = ctx or Context()
    log = _journal_ready(ctx, output)
    handoff_id = new_handoff_id()
    password = password or passwords.generate("sms")
    result = archive.pack(
        {source.name: source}, output, password.value, progress=ctx.progress, cancel=ctx.cancel
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


def _route(
    ctx: Context,
    protocol_id: str,
    recipient: str,
    via: str | None,
    channel: ArchiveChannel | None,
    open_draft: bool,
) -> tuple[Protocol, Recipient, Settings, ArchiveChannel]:
    """The protocol, the recipient it lists and the way out to it (``channel`` if given).

    The recipient's address is checked before the channel is made, so an
    unfilled protocol stops before a login is asked for (issue 13 item 3).
    """
    protocol = protocol_by_id(protocol_id)
    listed = protocol.recipient(recipient)
    listed.require_filled_in(protocol.id)
    settings = ctx.config()
    channel = channel or archive_channel(settings, listed, via, ask=ctx.ask, open_draft=open_draft)
    return protocol, listed, settings, channel


def deliver(
    handoff_id: str,
    protocol_id: str,
    archive_path: Path,
    recipient: str,
    *,
    via: str | None = None,
    channel: ArchiveChannel | None = None,
    open_draft: bool = True,
    attempt: int = 1,
    ctx: Context | None = None,
) -> Delivery:
    """Send the archive to a recipient the protocol lists, then journal what really happened.

    A draft is journaled as 'draft handed to the mail program', never as
    'sent' (ARCHITECTURE.md); a recipient outside the protocol raises
    recipient_not_allowed before any channel is touched. A channel's failure
    is journaled as ``delivery_failed`` (with its message code) and raised; an
    uncertain outcome is journaled as ``delivery_uncertain`` and returned.
    """
    ctx = ctx or Context()
    protocol, listed, _, channel = _route(ctx, protocol_id, recipient, via, channel, open_draft)
    log = ctx.log()
    numbered: dict[str, object] = {"attempt": attempt} if attempt > 1 else {}
    try:
        delivery = channel.deliver(archive_path, listed, protocol, handoff_id)
    except HandoffError as exc:
        failed = {"channel": channel.name, "reason": exc.code} | numbered
        _journal_failure(log, handoff_id, protocol.id, archive_path, failed)
        raise
    details = delivery.details | numbered
    log.append(delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=details)
    return delivery


def _journal_failure(
    log: Journal, handoff_id: str, protocol_id: str, path: Path, details: dict[str, object]
) -> None:
    """``delivery_failed``: the DPO never sees a packaged archive whose fate is unknown."""
    if not path.is_file():
        return
    from handoff.channels.base import archive_details

    details = details | archive_details(path)
    log.append(
        Step.DELIVERY_FAILED, handoff_id=handoff_id, protocol_id=protocol_id, details=details
    )


def check_ready(
    protocol: Protocol,
    recipient: str,
    channel: ArchiveChannel,
    password_via: str | None,
    ctx: Context,
) -> None:
    """Everything the handoff will need, before anything is packed (issue 12 §4, 18 §4).

    The recipient, the archive channel's login (asked for now if it is not
    stored), the password's channel and its settings, and the journal.
    """
    require_in_force(protocol)
    protocol.recipient(recipient).require_filled_in(protocol.id)
    require_policy_sound("mail.mode")  # a broken lock is never replaced by a weaker default
    channel.ready()
    if password_via == "sms":
        from handoff.usecases.password import check_sms_ready

        check_sms_ready(protocol, ctx.config(), ask=ctx.ask)
    ctx.log()


@dataclass(frozen=True)
class Sent:
    """A packaged handoff that reached its channel; the password still to be passed on.

    ``delivery.uncertain``: the archive may have arrived; it stays in the outbox
    (``kept``) for :func:`resend` and the password is shown as for a sent one.
    """

    packaged: Packaged
    delivery: Delivery
    kept: Path | None = None

    @property
    def password_may_follow(self) -> bool:
        """Whether the password may go now: not for a draft the worker has not sent yet."""
        return self.delivery.step is not Step.DRAFT_HANDED


#: How long a sent draft stays after its password went, for the worker to resend it by hand.
DRAFT_GRACE = timedelta(days=2)


def clear_sent_drafts(ctx: Context, now: datetime | None = None) -> list[str]:
    """Delete outbox drafts that have no use left, each journaled as ``draft_removed``.

    The .eml holds the archive. Once the password passed more than
    DRAFT_GRACE ago it has no use left (issue 18 §4, reason
    ``password_passed``); a draft whose password never passed goes when the
    protocol's retention date, counted from the day it was handed to the mail
    program, has come (reason ``retention``): no copy of the data outlives
    what the receiver may keep. Runs at each send and in the retention sweep
    (:func:`handoff.usecases.retention_run`), so an outbox never keeps an
    archive for long.
    """
    now = now or datetime.now(UTC)
    outbox = ctx.config().outbox
    removed = []
    for draft in sorted(outbox.glob("HO-*.eml")) if outbox.is_dir() else []:
        records = ctx.log().records(handoff_id=draft.stem)
        why = _draft_expired(records, now)
        if why is None:
            continue
        draft.unlink(missing_ok=True)
        ctx.log().append(
            Step.DRAFT_REMOVED,
            handoff_id=draft.stem,
            protocol_id=records[-1].protocol_id,
            details=why,
        )
        removed.append(draft.stem)
    return removed


def _draft_expired(records: list[Record], now: datetime) -> dict[str, object] | None:
    """Why a draft with these records goes now (its draft_removed details), or None."""
    passed = [r for r in records if r.step is Step.PASSWORD_PASSED]
    if passed:
        if now - passed[-1].time < DRAFT_GRACE:
            return None
        return {"reason": "password_passed", "days": DRAFT_GRACE.days}
    handed = [r for r in records if r.step is Step.DRAFT_HANDED]
    if not handed or handed[-1].protocol_id is None:
        return None
    try:
        retention = protocol_by_id(handed[-1].protocol_id).retention
    except HandoffError:  # a profile since removed: no rule to apply
        return None
    day, today = handed[-1].time.astimezone().date(), now.astimezone().date()
    due = retention.due_date(day)
    if due is None or today < due:
        return None
    return {"reason": "retention", "days": (today - day).days}


def send(
    sheet: Path | CleanSheet,
    protocol_id: str,
    recipient: str,
    *,
    via: str | None = None,
    password_via: str | None = None,
    consent_confirmed: bool = False,
    handoff_id: str | None = None,
    channel: ArchiveChannel | None = None,
    open_draft: bool = True,
    style: passwords.Style | None = None,
    ctx: Context | None = None,
) -> Sent:
    """Check, pack and deliver as one handoff (``handoff send`` and the send page).

    Everything is checked before anything is packed (:func:`check_ready`). The
    encrypted archive is built in the outbox and removed once it travelled or
    certainly did not (a draft carries its own copy); an uncertain delivery
    keeps it there for :func:`resend`. ``style`` overrides the protocol's password
    style (the worker chose words to read aloud, issue 13 item 6).
    """
    ctx = ctx or Context()
    protocol, _, settings, channel = _route(ctx, protocol_id, recipient, via, channel, open_draft)
    check_ready(protocol, recipient, channel, password_via, ctx)
    clear_sent_drafts(ctx)
    handoff_id = handoff_id or new_handoff_id()
    settings.outbox.mkdir(parents=True, exist_ok=True)
    target = outbox_archive(settings, handoff_id)
    packaged = package(
        sheet,
        protocol.id,
        target,
        consent_confirmed=consent_confirmed,
        handoff_id=handoff_id,
        password=passwords.generate(style) if style else None,
        ctx=ctx,
    )
    delivery = None
    try:
        delivery = deliver(handoff_id, protocol.id, target, recipient, channel=channel, ctx=ctx)
    finally:
        if delivery is None or not delivery.uncertain:
            target.unlink(missing_ok=True)
    return Sent(packaged, delivery, target if delivery.uncertain else None)


def _not_uncertain(handoff_id: str) -> HandoffError:
    return message(
        "nothing_to_resend",
        "Van overdracht {ref} is geen archief onderweg waarvan de aankomst onzeker is; er is "
        "niets opnieuw te versturen.",
        "Handoff {ref} has no archive whose arrival is uncertain; there is nothing to send again.",
        ref=handoff_id,
    )


def _kept_archive(settings: Settings, handoff_id: str, uncertain: Record) -> Path:
    """The very archive that left, checked by its hash; never a rebuilt one."""
    path = outbox_archive(settings, handoff_id)
    if not path.is_file() or archive.sha256_file(path) != uncertain.details.get("archive_sha256"):
        raise message(
            "kept_archive_missing",
            "Het archief van {ref} staat niet meer (ongewijzigd) in de uitgaande map, dus "
            "Handoff kan het niet opnieuw versturen. Vernietig het en start een nieuwe overdracht.",
            "The archive of {ref} is no longer (unchanged) in the outbox, so Handoff cannot send "
            "it again. Void it and start a new handoff.",
            ref=handoff_id,
        )
    return path


def _recipient_of(protocol: Protocol, uncertain: Record) -> str:
    kind = "sftp" if uncertain.details.get("channel") == "sftp" else "email"
    address = str(uncertain.details.get("recipient", "")).lower()
    for listed in protocol.recipients:
        if listed.kind == kind and (kind == "sftp" or listed.address.lower() == address):
            return listed.id
    protocol.recipient(address)  # raises recipient_not_allowed for an address not listed
    raise message(
        "recipient_gone",
        "Protocol '{protocol}' heeft geen ontvanger meer voor dit kanaal.",
        "Protocol '{protocol}' no longer has a recipient for this channel.",
        protocol=protocol.id,
    )


def resend(
    handoff_id: str, *, channel: ArchiveChannel | None = None, ctx: Context | None = None
) -> Delivery:
    """Send the *same* archive again after an uncertain delivery (issue 18 §3).

    Same channel, same recipient, same bytes (checked against the hash that
    was journaled), so the password the worker already has still opens it.
    The archive leaves the outbox once it was delivered.
    """
    ctx = ctx or Context()
    log = ctx.log()
    records = history(log, handoff_id)
    uncertain = open_uncertain(records)
    if uncertain is None or uncertain.protocol_id is None:
        raise _not_uncertain(handoff_id)
    protocol = protocol_by_id(uncertain.protocol_id)
    settings = ctx.config()
    path = _kept_archive(settings, handoff_id, uncertain)
    recipient = _recipient_of(protocol, uncertain)
    via = str(uncertain.details.get("channel"))
    channel = channel or archive_channel(settings, protocol.recipient(recipient), via, ask=ctx.ask)
    channel.ready()
    attempts = sum(r.step in (Step.DELIVERY_UNCERTAIN, Step.DELIVERY_FAILED) for r in records)
    delivery = deliver(
        handoff_id, protocol.id, path, recipient, channel=channel, attempt=attempts + 1, ctx=ctx
    )
    if not delivery.uncertain:
        path.unlink(missing_ok=True)
    return delivery


def void(handoff_id: str, *, ctx: Context | None = None) -> Record:
    """Give up an archive whose arrival is uncertain or whose draft was never sent (journaled).

    Its outbox copy (archive and draft) is deleted; a new handoff (new archive,
    new password) may then be made. Nothing to void raises, journaling nothing.
    """
    ctx = ctx or Context()
    log = ctx.log()
    records = history(log, handoff_id)
    target = open_uncertain(records) or open_draft(records)
    if target is None or target.protocol_id is None:
        raise message(
            "nothing_to_void",
            "Overdracht {ref} heeft geen archief met een onzekere aankomst en geen onverstuurd "
            "concept; er is niets te vernietigen.",
            "Handoff {ref} has no archive of uncertain arrival and no unsent draft; there is "
            "nothing to void.",
            ref=handoff_id,
        )
    settings = ctx.config()
    removed = False
    for path in (outbox_archive(settings, handoff_id), outbox_draft(settings, handoff_id)):
        removed |= path.exists()
        path.unlink(missing_ok=True)
    details = {"confirmed_by": "user", "archive_removed": removed}
    details |= {
        k: target.details[k] for k in ("archive_sha256", "archive_size") if k in target.details
    }
    return log.append(
        Step.ARCHIVE_VOIDED, handoff_id=handoff_id, protocol_id=target.protocol_id, details=details
    )


def confirm_draft_sent(handoff_id: str, *, ctx: Context | None = None) -> Record:
    """Journal that the worker sent the draft; only now may the password follow (issue 18 §4)."""
    log = (ctx or Context()).log()
    draft = open_draft(history(log, handoff_id))
    if draft is None:
        raise message(
            "no_open_draft",
            "Overdracht {ref} heeft geen concept dat nog verstuurd moet worden.",
            "Handoff {ref} has no draft still to be sent.",
            ref=handoff_id,
        )
    return log.append(
        Step.DRAFT_SENT,
        handoff_id=handoff_id,
        protocol_id=draft.protocol_id,
        details={"confirmed_by": "user"},
    )
