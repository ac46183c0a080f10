"""Passing the password on by its own channel, and journaling that it was.

Seed 003 exchange step 3: the password goes through another channel (e.g. SMS)
to the responsible worker; seed 004 art. 3: by SMS to a fixed number or by phone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Record, Step
from handoff.core.passwords import Password
from handoff.usecases.common import (
    journal_or_open,
    message,
    protocol_by_id,
    settings_or_load,
)
from handoff.usecases.standing import require_archive_out

if TYPE_CHECKING:  # these load only when a step uses them: `handoff unpack` needs none
    from handoff.channels.base import PasswordDelivery, PasswordSender
    from handoff.channels.phone import Via
    from handoff.core.credentials import Ask
    from handoff.core.protocols import Protocol
    from handoff.core.settings import Settings


def password_phone(protocol: Protocol, settings: Settings) -> str | None:
    """The receiving role's phone number from the recipients directory, if configured."""
    key = protocol.password_channel.directory_key
    return settings.directory.get(key) if key else None


def check_sms_ready(protocol: Protocol, settings: Settings) -> None:
    """Raise unless an SMS for this protocol could go now: provider, token, number (issue 18 §4).

    Called before the archive is packed, so an SMS that cannot work never
    leaves an archive on its way whose password cannot follow.
    """
    from handoff.core import credentials

    if not (settings.sms.provider and settings.sms.base_url):
        raise message(
            "sms_not_configured",
            "Er is geen sms-dienst ingesteld (instellingen, sms). Er is niets verpakt of "
            "verstuurd; stel de sms-dienst in of geef het wachtwoord telefonisch door.",
            "No SMS service is set up (settings, sms). Nothing was packed or sent; set up the "
            "SMS service or pass the password on by phone.",
        )
    if not credentials.has_secret(credentials.SMS):
        raise message(
            "sms_token_missing",
            "De sleutel van de sms-dienst is niet bewaard. Er is niets verpakt of verstuurd; "
            "bewaar hem met 'handoff settings secret sms' of geef het wachtwoord telefonisch door.",
            "The SMS service's token is not stored. Nothing was packed or sent; store it with "
            "'handoff settings secret sms' or pass the password on by phone.",
        )
    if not password_phone(protocol, settings):
        raise _no_phone(protocol)


def _no_phone(protocol: Protocol) -> HandoffError:
    return message(
        "no_password_phone",
        "Er is geen gsm-nummer ingesteld voor {role} (instellingen, adresboek '{key}'). "
        "Vul het in of geef het wachtwoord telefonisch door.",
        "No mobile number is set for {role} (settings, directory '{key}'). "
        "Fill it in or pass the password on by phone.",
        role=protocol.password_channel.role.render(),
        key=protocol.password_channel.directory_key or "-",
    )


def _refuse_second_password(handoff_id: str, log: Journal) -> None:
    from handoff.channels import sms

    require_archive_out(handoff_id, log)

    if log.count(handoff_id=handoff_id, step=Step.PASSWORD_PASSED):
        raise message(
            "password_already_passed",
            "Het wachtwoord van {handoff} is al doorgegeven; Handoff stuurt het geen tweede keer.",
            "The password of {handoff} was already passed on; Handoff does not send it twice.",
            handoff=handoff_id,
        )
    if sms.LEDGER.state(handoff_id) is not None:
        raise message(
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
    protocol = protocol_by_id(protocol_id)
    log = journal_or_open(journal)
    settings = settings_or_load(settings)
    _refuse_second_password(handoff_id, log)
    number = password_phone(protocol, settings)
    if not number:
        raise _no_phone(protocol)
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
    protocol = protocol_by_id(protocol_id)
    log = journal_or_open(journal)
    _refuse_second_password(handoff_id, log)
    from handoff.channels import phone

    delivery = phone.confirmation(protocol.password_channel.role, via)
    return log.append(
        delivery.step, handoff_id=handoff_id, protocol_id=protocol.id, details=delivery.details
    )
