"""Passing the password on by its own channel, and journaling that it was.

Seed 003 exchange step 3: the password goes through another channel (e.g. SMS)
to the responsible worker; seed 004 art. 3: by SMS to a fixed number or by phone.

The password waits for the archive: it is passed on (or confirmed passed) only
for a handoff whose archive the journal shows leaving. And it is never lost
(issue 18 §4): :func:`check_sms_ready` lets the send flow refuse before
packing when the SMS cannot work, and when an SMS still fails the use case
raises :class:`PasswordNotSent`, which tells the caller to show the password
it holds so the worker can pass it on by phone. The obligation
"password not passed" stays open until a channel confirms it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import IO, TYPE_CHECKING

from handoff.core import archive
from handoff.core.errors import HandoffError
from handoff.core.i18n import Phrase, Text
from handoff.core.journal import Journal, Record, Step
from handoff.core.passwords import Password
from handoff.core.settings import require_policy_sound
from handoff.usecases.common import Context, message, protocol_by_id
from handoff.usecases.standing import outbox_archive, outbox_draft, require_archive_out

if TYPE_CHECKING:  # these load only when a step uses them: `handoff unpack` needs none
    from handoff.channels.base import PasswordDelivery, PasswordSender
    from handoff.channels.phone import Via
    from handoff.core.credentials import Ask
    from handoff.core.protocols import Protocol
    from handoff.core.settings import Settings

#: Steps that show the archive left this computer (or may have: delivery_uncertain).


class PasswordNotSent(HandoffError):
    """The SMS did not (certainly) go: the caller shows the password it holds, once.

    Carries the channel's code and message (``sms_uncertain``, ``sms_busy``,
    ...); ``uncertain`` says whether the SMS may still have arrived;
    ``journal_failure`` is the journal's error when even that could not be recorded. The
    password itself is never put in an exception: the caller already has it.
    """

    def __init__(self, cause: HandoffError, *, unjournaled: HandoffError | None = None) -> None:
        if unjournaled is None:
            super().__init__(cause.code, cause.text, **cause.params)
        else:  # both: what happened to the SMS, and why the journal could not say so
            super().__init__(
                cause.code,
                _NOT_JOURNALED,
                sms=Phrase(cause.text, cause.params),
                journal=Phrase(unjournaled.text, unjournaled.params),
            )
        self.uncertain = cause.code in ("sms_uncertain", "sms_maybe_sent_before")
        self.journal_failure = unjournaled


_NOT_JOURNALED = Text(
    "{sms} Het logboek kon dat niet noteren: {journal}",
    "{sms} The journal could not record this: {journal}",
)


def password_phone(protocol: Protocol, settings: Settings) -> str | None:
    """The receiving role's phone number from the recipients directory, if configured."""
    key = protocol.password_channel.directory_key
    return settings.directory.get(key) if key else None


def _phone_or_fail(protocol: Protocol, settings: Settings) -> str:
    number = password_phone(protocol, settings)
    if not number:
        raise message(
            "no_password_phone",
            "Er is geen gsm-nummer ingesteld voor {role} (instellingen, adresboek '{key}'). "
            "Vul het in of geef het wachtwoord telefonisch door.",
            "No mobile number is set for {role} (settings, directory '{key}'). "
            "Fill it in or pass the password on by phone.",
            role=protocol.password_channel.role,
            key=protocol.password_channel.directory_key or "-",
        )
    return number


#: The settings an SMS with the password depends on: a broken lock on any stops it (issue 15).
SMS_POLICY = ("sms.provider", "sms.base_url", "directory")


def check_sms_ready(protocol: Protocol, settings: Settings, *, ask: Ask | None = None) -> None:
    """Raise HandoffError when an SMS for this protocol cannot possibly go.

    The send flow calls this BEFORE packing (issue 18 §4): provider, URL,
    account and sender in the settings, the protocol allowing SMS, a Belgian
    mobile number in the directory entry the protocol names, and a token in
    the keyring (or ``ask`` to get one from the worker when sending).
    """
    from handoff.channels import sms

    require_policy_sound(*SMS_POLICY)
    sender = sms.sender_for(settings, ask=ask)
    sender.number(_phone_or_fail(protocol, settings), protocol)
    sender.check_token()


def check_typed_password(
    handoff_id: str, password: Password, *, ctx: Context | None = None
) -> bool:
    """Refuse a password typed back that does not open this handoff's archive, before any SMS.

    ``handoff password`` takes the password as the worker copies it from the
    screen, and another handoff's password looks just as valid. While the
    archive is still on this computer (the outbox copy after an uncertain
    delivery, or the draft e-mail that carries it) its encrypted header is
    tried with the password in memory. False: no archive is left to check
    against, and the caller says the password could not be checked.
    """
    settings = (ctx or Context()).config()
    for name, data in _archives_left(settings, handoff_id):
        try:
            opens = archive.password_opens(data, Path(name), password.value)
        except HandoffError:  # damaged or no archive after all: it cannot tell
            continue
        if opens is False:
            raise message(
                "password_mismatch",
                "Dit wachtwoord opent het archief van {ref} niet. Er is geen sms verstuurd. "
                "Neem het wachtwoord over zoals het bij deze overdracht getoond werd.",
                "This password does not open the archive of {ref}. No SMS was sent. Copy the "
                "password as it was shown for this handoff.",
                ref=handoff_id,
            )
        if opens:
            return True
    return False


def _archives_left(settings: Settings, handoff_id: str) -> Iterator[tuple[str, IO[bytes]]]:
    """The handoff's archive wherever it is still on this computer: outbox copy, draft's attachment."""
    from handoff.channels.email_message import attachment_name

    kept, draft = outbox_archive(settings, handoff_id), outbox_draft(settings, handoff_id)
    if kept.is_file():
        with kept.open("rb") as fh:
            yield kept.name, fh
    if draft.is_file():
        with draft.open("rb") as fh:
            mail = BytesParser(policy=policy.default).parse(fh)
        wanted = attachment_name(handoff_id)
        for part in mail.iter_attachments():
            if part.get_filename() == wanted:
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    yield wanted, io.BytesIO(payload)


def _refuse_if_passed(handoff_id: str, log: Journal) -> None:
    if log.count(handoff_id=handoff_id, step=Step.PASSWORD_PASSED):
        raise message(
            "password_already_passed",
            "Het wachtwoord van {handoff} is al doorgegeven; Handoff stuurt het geen tweede keer.",
            "The password of {handoff} was already passed on; Handoff does not send it twice.",
            handoff=handoff_id,
        )


def _refuse_if_maybe_sent(handoff_id: str, log: Journal) -> None:
    from handoff.channels import sms

    earlier = log.count(handoff_id=handoff_id, step=Step.PASSWORD_UNCERTAIN)
    if earlier or sms.LEDGER.state(handoff_id) is not None:
        raise message(
            "password_maybe_passed",
            "Een sms met het wachtwoord van {handoff} is mogelijk al aangekomen. Vraag het de "
            "ontvanger en geef het wachtwoord anders telefonisch door; een tweede sms gaat "
            "alleen als u er uitdrukkelijk voor kiest.",
            "An SMS with the password of {handoff} may already have arrived. Ask the receiver "
            "and otherwise pass the password on by phone; a second SMS goes only if you "
            "explicitly choose to send it again.",
            handoff=handoff_id,
        )


def send_password_sms(
    handoff_id: str,
    protocol_id: str,
    password: Password,
    *,
    sender: PasswordSender | None = None,
    ctx: Context | None = None,
    resend: bool = False,
) -> PasswordDelivery:
    """Send the password by the SMS provider to the role the protocol names (seed 003 step 3).

    Never twice for one handoff: not after a confirmed send, and after an
    uncertain one (journaled PASSWORD_UNCERTAIN) only when the worker chose
    ``resend``. Once the archive left, every way the SMS can fail (settings,
    number, token, provider) raises :class:`PasswordNotSent`.
    """
    protocol = protocol_by_id(protocol_id)
    ctx = ctx or Context()
    log = ctx.log()
    _refuse_if_passed(handoff_id, log)
    if not resend:
        _refuse_if_maybe_sent(handoff_id, log)
    with _or_not_sent():
        require_policy_sound(*SMS_POLICY)
        number = _phone_or_fail(protocol, ctx.config())
    require_archive_out(handoff_id, log)
    with _or_not_sent():
        sender = _sender(sender, ctx, handoff_id, resend)
        delivery = _hand_over(sender, log, protocol, number, password, handoff_id)
    log.append(
        delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=delivery.details
    )
    return delivery


@contextmanager
def _or_not_sent() -> Iterator[None]:
    """Any foreseen failure of the SMS itself becomes PasswordNotSent: show the password."""
    try:
        yield
    except PasswordNotSent:
        raise
    except HandoffError as exc:
        raise PasswordNotSent(exc) from None


def _sender(
    sender: PasswordSender | None, ctx: Context, handoff_id: str, resend: bool
) -> PasswordSender:
    from handoff.channels import sms

    sender = sender or sms.sender_for(ctx.config(), ask=ctx.ask)
    if resend and isinstance(sender, sms.SmsSender):
        sender.ledger.forget(handoff_id)  # the worker's explicit choice, after an uncertain SMS
    return sender


def _hand_over(
    sender: PasswordSender,
    log: Journal,
    protocol: Protocol,
    number: str,
    password: Password,
    handoff_id: str,
) -> PasswordDelivery:
    """The provider's call; an uncertain outcome is journaled before it is raised.

    If that record itself cannot be written, the SMS's fate still decides:
    PasswordNotSent (uncertain), carrying the journal's failure, so the caller
    shows the password and warns that an SMS may have gone (issue 18 §4).
    """
    try:
        return sender.send(password, number, protocol, handoff_id)
    except HandoffError as exc:
        if exc.code == "sms_uncertain":
            try:
                log.append(
                    Step.PASSWORD_UNCERTAIN,
                    handoff_id=handoff_id,
                    protocol_id=protocol.id,
                    details=sender.details(protocol, number, password),
                )
            except HandoffError as failure:
                raise PasswordNotSent(exc, unjournaled=failure) from failure
        raise


def confirm_password_passed(
    handoff_id: str, protocol_id: str, via: Via, *, journal: Journal | None = None
) -> Record:
    """Journal 'password passed on by phone/SMS to <role>' once the user confirms it.

    Allowed after an uncertain SMS (the worker checked with the receiver or
    phoned), refused when the archive never left or the password was passed.
    """
    protocol = protocol_by_id(protocol_id)
    log = Context(journal=journal).log()
    _refuse_if_passed(handoff_id, log)
    require_archive_out(handoff_id, log)
    from handoff.channels import phone

    delivery = phone.confirmation(protocol.password_channel.role, via)
    return log.append(
        delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=delivery.details
    )
