"""The password by SMS: one interface, one small adapter per provider's HTTP API.

The password never travels with the archive (seed 003 art. 3 step 3: "via een
ander communicatiekanaal ... (bv sms)"; seed 004: "via sms naar nr. ... ofwel
telefonisch"). That is also why an e-mail-to-SMS gateway is not offered: the
password would leave through the same mail system as the archive. A provider
whose base URL is a ``mailto:`` or contains an ``@`` is refused for that reason.

Three outcomes, never a guess (issue 18 §2):

- *sent*: only the provider's documented success shape counts (Twilio: 201,
  an ``SM`` + 32 hex sid and an accepted status; CM: ``errorCode`` 0 and every
  message ``Accepted``). The caller journals PASSWORD_PASSED.
- *not sent*: the request never reached the provider, or the provider answered
  with a readable refusal (401, 429, 4xx/5xx, an error body, ``Rejected``).
- *uncertain* (code ``sms_uncertain``): the request left but no readable
  answer came back (timeout, dropped line, an empty/HTML/garbled 2xx). The SMS
  may have gone out, so it is never resent automatically: the :data:`LEDGER`
  refuses it in this process and the use case journals PASSWORD_UNCERTAIN
  for later runs. Only the worker's explicit choice sends a second one.

Secrets go nowhere else (issue 18 §1): no redirect is followed (urllib would
keep the ``Authorization`` header on it); the https / loopback-only-http rule
holds for the URL actually contacted; a loopback http URL never goes through
a proxy. Nothing from a provider's answer is quoted: only the HTTP status, a
numeric error code and an id that matches the provider's documented format,
and none of those if it contains the password with or without its dashes.

The SMS holds only the handoff reference and the password: no personal data.
"""

from __future__ import annotations

import http.client
import importlib
import json
import re
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from typing import Protocol as Interface
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
from handoff.core.settings import Settings, sms_url_fault

SENT, UNCERTAIN = "sent", "uncertain"
MAYBE_SENT_BEFORE = "sms_maybe_sent_before"
MAX_ANSWER = 64 * 1024  # a provider's JSON answer is a few hundred bytes
_ERROR_CODE = re.compile(r"^\d{1,6}$")

_MAYBE = (
    " De sms is misschien toch aangekomen. Handoff verstuurt de sms niet vanzelf opnieuw: "
    "vraag de ontvanger of de sms aankwam en geef het wachtwoord anders telefonisch door.",
    " The SMS may still have arrived. Handoff does not send it again by itself: ask the "
    "receiver whether it arrived, and otherwise pass the password on by phone.",
)
_NOT_SENT = (
    " Er is geen sms verstuurd; geef het wachtwoord telefonisch door of probeer later opnieuw.",
    " No SMS was sent; pass the password on by phone or try again later.",
)


def _maybe(nl: str, en: str) -> Text:
    return Text(nl + _MAYBE[0], en + _MAYBE[1])


def _not_sent(nl: str, en: str) -> Text:
    return Text(nl + _NOT_SENT[0], en + _NOT_SENT[1])


MESSAGES = {
    "sms_already_sent": Text(
        "Voor deze overdracht is het wachtwoord al per sms verstuurd. Er is geen tweede sms verstuurd.",
        "The password for this handoff was already sent by SMS. No second SMS was sent.",
    ),
    "sms_uncertain": _maybe(
        "De sms-dienst antwoordde niet op tijd.",
        "The SMS provider did not answer in time.",
    ),
    "sms_uncertain_dropped": _maybe(
        "De sms-dienst verbrak de verbinding nadat Handoff het bericht had doorgegeven.",
        "The SMS provider closed the connection after Handoff had handed over the message.",
    ),
    "sms_uncertain_answer": _maybe(
        "De sms-dienst nam het bericht aan, maar zijn antwoord bevestigt niet dat de sms vertrekt.",
        "The SMS provider took the message, but its answer does not confirm that the SMS goes out.",
    ),
    "sms_uncertain_before": _maybe(
        "Een eerdere poging om dit wachtwoord per sms te versturen kreeg geen duidelijk antwoord.",
        "An earlier attempt to send this password by SMS got no clear answer.",
    ),
    "sms_email_gateway": Text(
        "Een e-mail-naar-sms-dienst is niet toegestaan: het wachtwoord zou met het archief meereizen. Gebruik de HTTP-API van de sms-dienst (sms.base_url = https://...).",
        "An e-mail-to-SMS gateway is not allowed: the password would travel with the archive. Use the SMS provider's HTTP API (sms.base_url = https://...).",
    ),
    "sms_bad_url": Text(
        "Het adres van de sms-dienst moet met https:// beginnen. Pas sms.base_url aan.",
        "The SMS provider address must start with https://. Correct sms.base_url.",
    ),
    "sms_unknown_provider": Text(
        "Onbekende sms-dienst in de instellingen (sms.provider). Kies twilio of cm.",
        "Unknown SMS provider in the settings (sms.provider). Choose twilio or cm.",
    ),
    "sms_bad_account": Text(
        "Het Twilio-account in de instellingen (sms.account) is geen Account SID (AC gevolgd door 32 tekens). Pas het aan.",
        "The Twilio account in the settings (sms.account) is not an Account SID (AC followed by 32 characters). Correct it.",
    ),
    "sms_no_sender": Text(
        "Er is geen afzender voor de sms ingesteld (sms.sender). Vul de naam of het nummer in dat de sms-dienst voor u toeliet.",
        "No SMS sender is set (sms.sender). Fill in the name or number your SMS provider allowed for you.",
    ),
    "sms_no_token": Text(
        "Er is geen toegangssleutel voor de sms-dienst bewaard. Bewaar de sleutel met 'handoff settings secret sms', of start de opdracht in een terminal om hem te typen. Er is geen sms verstuurd.",
        "No SMS provider access token is stored. Store it with 'handoff settings secret sms', or run the command in a terminal to type it. No SMS was sent.",
    ),
    "sms_no_token_typed": Text(
        "Deze computer heeft geen beveiligde opslag voor geheimen ({store} ontbreekt of is niet beveiligd), dus Handoff bewaart de toegangssleutel van de sms-dienst niet en vraagt hem telkens. Start de opdracht in een terminal (of gebruik het venster) om hem te typen. Er is geen sms verstuurd.",
        "This computer has no secure store for secrets ({store} is missing or not secure), so Handoff does not keep the SMS provider's access token and asks for it each time. Run the command in a terminal (or use the window) to type it. No SMS was sent.",
    ),
    "sms_unreachable": _not_sent(
        "De sms-dienst is niet bereikbaar. Controleer de netwerkverbinding.",
        "The SMS provider cannot be reached. Check the network.",
    ),
    "sms_tls_failed": _not_sent(
        "Handoff kon geen veilige verbinding met de sms-dienst opzetten: het certificaat wordt niet vertrouwd. Meld dit aan uw IT-dienst.",
        "Handoff could not set up a secure connection to the SMS provider: its certificate is not trusted. Report this to your IT desk.",
    ),
    "sms_redirect_refused": _not_sent(
        "De sms-dienst stuurde Handoff door naar een ander adres (HTTP {status}). Handoff volgt zo'n doorverwijzing niet, zodat de toegangssleutel nergens anders heen gaat. Controleer sms.base_url.",
        "The SMS provider redirected Handoff to another address (HTTP {status}). Handoff does not follow such a redirect, so the access token goes nowhere else. Check sms.base_url.",
    ),
    "sms_busy": _not_sent(
        "De sms-dienst weigert voorlopig nieuwe berichten (te veel aanvragen, HTTP 429).",
        "The SMS provider refuses new messages for now (too many requests, HTTP 429).",
    ),
    "sms_provider_down": _not_sent(
        "De sms-dienst heeft een storing (HTTP {status}).",
        "The SMS provider has a fault (HTTP {status}).",
    ),
    "sms_no_credit": _not_sent(
        "Het tegoed bij de sms-dienst is op. Vraag uw IT-dienst het aan te vullen.",
        "The credit at the SMS provider has run out. Ask your IT desk to top it up.",
    ),
    "sms_provider_error": _not_sent(
        "De sms-dienst weigert het bericht (HTTP {status}, foutcode {reply}). Meld dit aan uw IT-dienst.",
        "The SMS provider refuses the message (HTTP {status}, error code {reply}). Report this to your IT desk.",
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


def uncertain(why: str = "sms_uncertain") -> HandoffError:
    """Code ``sms_uncertain`` whatever the cause; the message says which it was."""
    return HandoffError("sms_uncertain", MESSAGES[why])


def may_have_arrived() -> HandoffError:
    return uncertain()


@dataclass
class Ledger:
    """Which handoffs already had an SMS (or an attempt with unknown outcome) in this process."""

    states: dict[str, str] = field(default_factory=dict)

    def check(self, handoff_id: str) -> None:
        """Refuse a second SMS for the same handoff."""
        state = self.states.get(handoff_id)
        if state == SENT:
            raise _fail("sms_already_sent")
        if state == UNCERTAIN:  # nothing leaves now, so not "sms_uncertain" (no new record)
            raise HandoffError(MAYBE_SENT_BEFORE, MESSAGES["sms_uncertain_before"])

    def mark(self, handoff_id: str, state: str) -> None:
        self.states[handoff_id] = state

    def forget(self, handoff_id: str) -> None:
        """The worker chose to send again after an uncertain attempt (never after SENT)."""
        if self.states.get(handoff_id) == UNCERTAIN:
            del self.states[handoff_id]

    def state(self, handoff_id: str) -> str | None:
        """SENT, UNCERTAIN or None: lets the use case offer 'phone instead'."""
        return self.states.get(handoff_id)


LEDGER = Ledger()


def check_url(url: str) -> str:
    """https (http only on this machine, for tests); never an e-mail address.

    The rule is the settings' own (:func:`handoff.core.settings.sms_url_fault`), applied
    again to every URL contacted, not only to the configured one.
    """
    fault = sms_url_fault(url)
    if fault == "email":
        raise _fail("sms_email_gateway")
    if fault:
        raise _fail("sms_bad_url")
    return url


def check_base_url(url: str) -> str:
    """The configured base URL, checked and without its trailing slash."""
    return check_url(url).rstrip("/")


def contains_password(value: object, password: Password) -> bool:
    """True when ``value`` holds the password, with or without its dashes, spaces or case."""
    secret = _letters(password.value)
    return bool(secret) and secret in _letters(str(value))


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text).upper()


def checked_id(value: object, pattern: re.Pattern[str], password: Password) -> str | None:
    """A provider id in its documented format that does not carry the password, else None."""
    if not isinstance(value, str) or not pattern.fullmatch(value):
        return None
    return None if contains_password(value, password) else value


def error_code(value: object, password: Password) -> str:
    """A provider's numeric error code to quote, or '-' (never its text, never the password)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return "-"
    text = str(value)
    if not _ERROR_CODE.fullmatch(text) or contains_password(text, password):
        return "-"
    return text


@dataclass(frozen=True)
class Answer:
    """What came back: the status, and the JSON object when the body was one and arrived whole."""

    status: int
    data: dict[str, Any] | None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Follow nothing: urllib keeps the Authorization header on a redirect (issue 18 §1)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError with the 3xx status


def _opener(url: str) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
    if urlsplit(url).scheme == "http":  # loopback only: never in clear through a proxy
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Answer:
    """POST once; sort every way it can go into an Answer or a not-sent / uncertain error.

    urllib raises URLError only while connecting and writing the request
    (nothing complete reached the provider); anything that fails after that,
    while waiting for or reading the answer, leaves the outcome unknown.
    """
    request = urllib.request.Request(check_url(url), data=body, headers=headers, method="POST")
    try:
        response = _opener(url).open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        with exc:
            return _answer(exc.code, exc)
    except urllib.error.URLError as exc:
        raise _not_reached(exc.reason) from None
    except (OSError, http.client.HTTPException) as exc:
        raise uncertain(_why_unknown(exc)) from None
    with response:
        return _answer(response.status, response)


def _why_unknown(exc: BaseException) -> str:
    """Which message fits a request that left but got no readable answer."""
    if isinstance(exc, TimeoutError):
        return "sms_uncertain"
    if isinstance(exc, ConnectionError) or not isinstance(exc, http.client.HTTPException):
        return "sms_uncertain_dropped"  # RemoteDisconnected is a ConnectionError too
    return "sms_uncertain_answer"  # bytes that are not an HTTP answer


def _not_reached(reason: object) -> HandoffError:
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return _fail("sms_tls_failed")
    return _fail("sms_unreachable")


class _Body(Interface):
    """An HTTP response body (a response or an HTTPError): something to read bytes from."""

    def read(self, amt: int, /) -> bytes: ...


def _answer(status: int, stream: _Body) -> Answer:
    """Read at most MAX_ANSWER bytes; a 2xx answer that breaks off is uncertain."""
    try:
        raw = stream.read(MAX_ANSWER + 1)
    except (OSError, http.client.HTTPException) as exc:
        if 200 <= status < 300:
            raise uncertain(_why_unknown(exc)) from None
        return Answer(status, None)
    return Answer(status, _json(raw) if len(raw) <= MAX_ANSWER else None)


def _json(raw: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def refused(answer: Answer, code: object, password: Password) -> HandoffError:
    """A readable refusal: nothing was sent; quote the status and a checked numeric code."""
    return _fail("sms_provider_error", status=answer.status, reply=error_code(code, password))


def http_failure(answer: Answer) -> HandoffError | None:
    """The statuses every provider means alike; None for a 2xx or another 4xx."""
    if 300 <= answer.status < 400:
        return _fail("sms_redirect_refused", status=answer.status)
    if answer.status in (401, 403):
        return token_rejected()
    if answer.status == 429:
        return _fail("sms_busy")
    if answer.status >= 500 or answer.status < 200:
        return _fail("sms_provider_down", status=answer.status)
    return None


def token_rejected() -> HandoffError:
    return _fail("sms_token_rejected")


def no_token() -> HandoffError:
    """Code sms_no_token; without a secure keyring storing it is no advice (§5)."""
    if credentials.secure_backend_available():
        return _fail("sms_no_token")
    return HandoffError(
        "sms_no_token", MESSAGES["sms_no_token_typed"], store=credentials.store_name()
    )


def no_credit() -> HandoffError:
    return _fail("sms_no_credit")


def text(password: Password, handoff_id: str) -> str:
    """The SMS: the reference and the password, nothing else."""
    return f"Handoff {check_handoff_id(handoff_id)}\nWachtwoord/password: {password.value}"


@dataclass(frozen=True)
class Submission:
    """One SMS to hand over: where, what, and the password to keep out of any answer.

    ``repr`` shows neither the text (it holds the password) nor the token.
    """

    number: str = field(repr=False)  # +32 form
    body: str = field(repr=False)
    reference: str  # the handoff id
    token: str = field(repr=False)
    password: Password


class SmsSender:
    """Shared rules; an adapter builds the request and reads its provider's answer."""

    name = "sms"
    provider = ""
    default_base_url = ""

    def __init__(
        self, settings: Settings, *, ask: Ask | None = None, ledger: Ledger | None = None
    ) -> None:
        self.settings = settings
        self.base_url = check_base_url(settings.sms.base_url or self.default_base_url)
        self.ask = ask
        self.ledger = ledger if ledger is not None else LEDGER  # looked up now, not at import
        self.check_settings()

    def check_settings(self) -> None:
        """Refuse settings the provider cannot work with, before anything leaves."""
        if not self.settings.sms.sender.strip():
            raise _fail("sms_no_sender")

    def submit(self, sms: Submission) -> str:
        """Send one SMS; return the provider's message id, or raise not-sent / uncertain."""
        raise NotImplementedError

    def check_token(self) -> None:
        """A token is stored, or can be asked for when sending; else sms_no_token."""
        if self.ask is None and not credentials.has_secret(credentials.SMS):
            raise no_token()

    def _token(self) -> str:
        token = credentials.get_secret(credentials.SMS, ask=self.ask)
        if not token:
            raise no_token()
        return token

    def number(self, phone: str, protocol: Protocol) -> str:
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
        number = self.number(phone, protocol)
        body = text(password, handoff_id)
        self.ledger.check(handoff_id)
        sms = Submission(number, body, handoff_id, self._token(), password)
        try:
            message_id = self.submit(sms)
        except HandoffError as exc:
            if exc.code == "sms_uncertain":
                self.ledger.mark(handoff_id, UNCERTAIN)
            raise
        self.ledger.mark(handoff_id, SENT)
        details = self.details(protocol, number, password)
        details["provider_message_id"] = message_id
        return PasswordDelivery(Step.PASSWORD_PASSED, details, message_id=message_id)

    def details(self, protocol: Protocol, number: str, password: Password) -> dict[str, object]:
        """What the journal may say about an attempt: no id, no text from the provider."""
        details: dict[str, object] = {"channel": "sms", "role": protocol.password_channel.role.nl}
        details |= {"provider": self.provider, "phone": mask_phone(number)}
        return details | {"style": password.style}


def mobile(value: str) -> str:
    """The +32 form of a Belgian mobile number; nothing else receives an SMS."""
    number = identifiers.phone(value)
    if number is None or not identifiers.is_mobile(number):
        raise _fail("not_a_mobile_number")
    return number


PROVIDERS: dict[str, type[SmsSender]] = {}
_MODULES = {"twilio": "handoff.channels.sms_twilio", "cm": "handoff.channels.sms_cm"}


def register(cls: type[SmsSender]) -> type[SmsSender]:
    """Class decorator: an adapter module adds itself under its provider name."""
    PROVIDERS[cls.provider] = cls
    return cls


def sender_for(settings: Settings, *, ask: Ask | None = None) -> SmsSender:
    """The configured provider's adapter (settings.sms.provider), its settings checked."""
    module = _MODULES.get(settings.sms.provider)
    if module is None:
        raise _fail("sms_unknown_provider")
    importlib.import_module(module)
    return PROVIDERS[settings.sms.provider](settings, ask=ask)
