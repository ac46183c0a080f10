"""Passing the password by voice or from the worker's own phone: a user confirmation.

Seed 004: the key goes to the other DPO "ofwel via sms naar nr. 0499 99 67 57,
ofwel telefonisch via dit nummer". Handoff cannot see a phone call or an SMS
typed on a personal phone, so the desktop shows the password and the worker
confirms; only that confirmation produces a PASSWORD_PASSED record
("password passed on by phone/SMS to <role>"). Call :func:`confirmation` when,
and only when, the user confirmed.
"""

from __future__ import annotations

from typing import Literal

from handoff.channels.base import Delivery
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.journal.details import mask_phone

Via = Literal["phone", "sms"]


def confirmation(role: Text | str, via: Via, phone: str | None = None) -> Delivery:
    """The Delivery for "password passed on by <via> to <role>", confirmed by the user.

    ``via`` is "phone" (read aloud) or "sms" (typed into the worker's own
    phone); the journal records provider "manual". ``phone``, when known, is
    only ever kept masked.
    """
    if via not in ("phone", "sms"):
        raise HandoffError(
            "unknown_password_channel",
            Text("Kies 'telefoon' of 'sms'.", "Choose 'phone' or 'SMS'."),
        )
    name = role.nl if isinstance(role, Text) else role
    details: dict[str, object] = {"channel": via, "role": name, "provider": "manual"}
    if phone:
        details["phone"] = mask_phone(phone)
    return Delivery(Step.PASSWORD_PASSED, details)


def summary(role: Text | str, via: Via) -> Text:
    """What the confirmation button says, so the worker knows what they confirm."""
    nl_role, en_role = (role.nl, role.en) if isinstance(role, Text) else (role, role)
    how_nl, how_en = ("telefonisch", "by phone") if via == "phone" else ("per sms", "by SMS")
    return Text(
        f"Ik heb het wachtwoord {how_nl} doorgegeven aan {nl_role}.",
        f"I passed the password on {how_en} to {en_role}.",
    )
