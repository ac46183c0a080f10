"""The password by SMS: one interface, one small adapter per provider's HTTP API.

The password never travels with the archive (seed 003 art. 3 step 3: "via een
ander communicatiekanaal ... (bv sms)"; seed 004: "via sms naar nr. ... ofwel
telefonisch"). That is also why an e-mail-to-SMS gateway is not offered: the
password would leave through the same mail system as the archive. A provider
whose base URL is a ``mailto:`` or contains an ``@`` is refused for that reason.

Retry rule: an SMS is never sent twice for one handoff. After an accepted SMS a
second send is refused; after a timeout the outcome is unknown (the provider
may have accepted it), so it is NOT resent automatically: the user is told it
may have arrived and can pass the password by phone instead. The in-process
:data:`LEDGER` enforces this; the use case also checks the journal
(PASSWORD_PASSED) across runs. CM also receives the handoff id as its
``reference``.

The SMS holds only the handoff reference and the password: no personal data.
"""

from __future__ import annotations

import importlib
import ipaddress
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from handoff.channels.base import PasswordDelivery, check_handoff_id, failure
from handoff.core import credentials, identifiers
from handoff.core.credentials import Ask
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.journal.details import mask_phone
from handoff.core.passwords import Password
from handoff.core.protocols import Protocol
from handoff.core.settings import Settings

SENT, UNCERTAIN = "sent", "uncertain"


MESSAGES = {
    "sms_already_sent": Text(
        "Voor deze overdracht is het wachtwoord al per sms verstuurd. Er is geen tweede sms verstuurd.",
        "The password for this handoff was already sent by SMS. No second SMS was sent.",
    ),
    "sms_uncertain": Text(
        "De sms-dienst antwoordde niet op tijd: de sms is misschien toch aangekomen. Handoff verstuurt hem niet opnieuw. Vraag de ontvanger of hij aankwam, of geef het wachtwoord telefonisch door.",
        "The SMS service did not answer in time: the SMS may still have arrived. Handoff does not send it again. Ask the receiver whether it arrived, or pass the password on by phone.",
    ),
    "sms_email_gateway": Text(
        "Een e-mail-naar-sms-dienst is niet toegestaan: het wachtwoord zou met het archief meereizen. Gebruik de HTTP-API van de sms-dienst (sms.base_url = https://...).",
        "An e-mail-to-SMS gateway is not allowed: the password would travel with the archive. Use the SMS provider's HTTP API (sms.base_url = https://...).",
    ),
    "sms_bad_url": Text(
        "Het adres van de sms-dienst moet met https:// beginnen. Pas sms.base_url aan.",
        "The SMS provider address must start with https://. Correct sms.base_url.",
    ),
    "sms_unreachable": Text(
        "De sms-dienst is niet bereikbaar. Er is geen sms verstuurd. Controleer de netwerkverbinding of geef het wachtwoord telefonisch door.",
        "The SMS provider cannot be reached. No SMS was sent. Check the network or pass the password on by phone.",
    ),
    "sms_provider_error": Text(
        "De sms-dienst weigert het bericht (HTTP {status}, code {reply}). Er is geen sms verstuurd; geef het wachtwoord telefonisch door en meld dit aan uw IT-dienst.",
        "The SMS provider refuses the message (HTTP {status}, code {reply}). No SMS was sent; pass the password on by phone and report this to your IT desk.",
    ),
    "sms_token_rejected": Text(
        "De sms-dienst weigert de toegangssleutel. Er is geen sms verstuurd. Bewaar de sleutel opnieuw met 'handoff settings secret sms' (en controleer sms.account).",
        "The SMS provider rejects the access token. No SMS was sent. Store the token again with 'handoff settings secret sms' (and check sms.account).",
    ),
    "sms_not_allowed": Text(
        "Protocol '{protocol}' laat het wachtwoord niet per sms doorgeven.",
        "Protocol '{protocol}' does not allow passing the password by SMS.",
    ),
    "phone_not_in_directory": Text(
        "Dit nummer is niet het nummer dat protocol '{protocol}' voorschrijft (directory.{key}). Er is geen sms verstuurd.",
        "This number is not the one protocol '{protocol}' prescribes (directory.{key}). No SMS was sent.",
    ),
    "not_a_mobile_number": Text(
        "Dit is geen Belgisch gsm-nummer; een sms kan er niet heen. Controleer het nummer in de instellingen (directory) of geef het wachtwoord telefonisch door.",
        "This is not a Belgian mobile number; an SMS cannot go there. Check the number in the settings (directory) or pass the password on by phone.",
    ),
}


def _fail(code: str, **params: object) -> HandoffError:
    return failure(MESSAGES, code, **params)


@dataclass
class Ledger:
    """Which handoffs already had an SMS (or an attempt with unknown outcome)."""

    states: dict[str, str] = field(default_factory=dict)

    def check(self, handoff_id: str) -> None:
        """Refuse a second SMS for the same handoff."""
        state = self.states.get(handoff_id)
        if state == SENT:
            raise _fail("sms_already_sent")
        if state == UNCERTAIN:
            raise may_have_arrived()

    def mark(self, handoff_id: str, state: str) -> None:
        self.states[handoff_id] = state

    def state(self, handoff_id: str) -> str | None:
        """SENT, UNCERTAIN or None: lets the use case offer 'phone instead'."""
        return self.states.get(handoff_id)


LEDGER = Ledger()


def may_have_arrived() -> HandoffError:
    return _fail("sms_uncertain")


def check_base_url(url: str) -> str:
    """https (http only on this machine, for tests); never an e-mail address."""
    parts = urlsplit(url)
    if parts.scheme == "mailto" or "@" in url:
        raise _fail("sms_email_gateway")
    loopback = parts.hostname in ("localhost",) or _is_loopback(parts.hostname)
    if not parts.hostname or not (parts.scheme == "https" or (parts.scheme == "http" and loopback)):
        raise _fail("sms_bad_url")
    return url.rstrip("/")


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> dict[str, Any]:
    """POST and parse the JSON answer; errors become HandoffErrors without the body.

    A provider's error body can echo the phone number or the text (the
    password), so only the HTTP status and the provider's numeric code are kept.
    """
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _json(response.read())
    except urllib.error.HTTPError as exc:
        raise http_error(exc.code, _json(exc.read())) from None
    except TimeoutError:
        raise may_have_arrived() from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise may_have_arrived() from None
        raise _fail("sms_unreachable") from None


def _json(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def provider_code(answer: dict[str, Any]) -> str:
    """The provider's own error code (Twilio 'code', CM 'errorCode'), never its text."""
    code = answer.get("code", answer.get("errorCode", "-"))
    return str(code) if isinstance(code, int | str) and str(code).isalnum() else "-"


def http_error(status: int, answer: dict[str, Any]) -> HandoffError:
    if status in (401, 403):
        return token_rejected()
    return _fail("sms_provider_error", status=status, reply=provider_code(answer))


def token_rejected() -> HandoffError:
    return _fail("sms_token_rejected")


def text(password: Password, handoff_id: str) -> str:
    """The SMS: the reference and the password, nothing else."""
    return f"Handoff {check_handoff_id(handoff_id)}\nWachtwoord/password: {password.value}"


class SmsSender:
    """Shared rules; an adapter implements :meth:`submit` for its provider's API."""

    name = "sms"
    provider = ""
    default_base_url = ""

    def __init__(
        self, settings: Settings, *, ask: Ask | None = None, ledger: Ledger = LEDGER
    ) -> None:
        self.settings = settings
        self.base_url = check_base_url(settings.sms.base_url or self.default_base_url)
        self.ask = ask
        self.ledger = ledger

    def submit(self, number: str, body: str, reference: str, token: str) -> str:
        """Send one SMS to ``number`` (+32 form); return the provider's message id."""
        raise NotImplementedError

    def _token(self) -> str:
        token = credentials.get_secret(credentials.SMS, ask=self.ask)
        if not token:
            raise token_rejected()
        return token

    def _number(self, phone: str, protocol: Protocol) -> str:
        """The mobile number, re-checked against the protocol's directory entry."""
        channel = protocol.password_channel
        if channel.kind == "custodian":
            raise _fail("sms_not_allowed", protocol=protocol.id)
        number = mobile(phone)
        if channel.directory_key:
            listed = mobile(self.settings.directory.get(channel.directory_key, ""))
            if listed != number:
                raise _fail(
                    "phone_not_in_directory", protocol=protocol.id, key=channel.directory_key
                )
        return number

    def send(
        self, password: Password, phone: str, protocol: Protocol, handoff_id: str
    ) -> PasswordDelivery:
        """PASSWORD_PASSED with the provider's message id; never twice per handoff."""
        number = self._number(phone, protocol)
        body = text(password, handoff_id)
        self.ledger.check(handoff_id)
        token = self._token()
        try:
            message_id = self.submit(number, body, handoff_id, token)
        except HandoffError as exc:
            if exc.code == "sms_uncertain":
                self.ledger.mark(handoff_id, UNCERTAIN)
            raise
        self.ledger.mark(handoff_id, SENT)
        details: dict[str, object] = {"channel": "sms", "role": protocol.password_channel.role.nl}
        details |= {"provider": self.provider, "phone": mask_phone(number)}
        details |= {"provider_message_id": message_id, "style": password.style}
        return PasswordDelivery(Step.PASSWORD_PASSED, details, message_id=message_id)


def mobile(value: str) -> str:
    """The +32 form of a Belgian mobile number; nothing else receives an SMS."""
    number = identifiers.phone(value)
    if number is None or not identifiers.is_mobile(number):
        raise _fail("not_a_mobile_number")
    return number


PROVIDERS: dict[str, type[SmsSender]] = {}


def register(cls: type[SmsSender]) -> type[SmsSender]:
    """Class decorator: an adapter module adds itself under its provider name."""
    PROVIDERS[cls.provider] = cls
    return cls


def sender_for(settings: Settings, *, ask: Ask | None = None) -> SmsSender:
    """The configured provider's adapter (settings.sms.provider)."""
    importlib.import_module(f"handoff.channels.sms_{settings.sms.provider}")
    return PROVIDERS[settings.sms.provider](settings, ask=ask)
