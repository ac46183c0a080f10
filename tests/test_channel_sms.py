"""SMS providers against loopback HTTP servers speaking Twilio's and CM.com's shapes.

Honest and hostile gateways (tests/servers/sms_gateway.py): each case asserts
the outcome, the worker's message, the journal's steps and what the servers
received (issue 18 §1, §2, §4, §5).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sheets import THUISPUNT_RENEWED

from handoff import usecases
from handoff.channels import sms
from handoff.core import credentials, paths, settings
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step
from handoff.core.journal.details import clean_details
from handoff.core.passwords import Password
from handoff.usecases import Context, PasswordNotSent
from tests.servers import sample
from tests.servers.sms_gateway import SID, TOKEN, sms_gateway, sms_target
from tests.servers.smtp_server import free_port

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)

PASSWORD = Password("7KQ2-M9XD-PX4R-T6WZ", "sms", 80.0)
HEX_PASSWORD = Password("0A1B-2C3D-4E5F-6789", "sms", 80.0)  # fits inside an SM + 32 hex sid
E164 = "+32499996757"
THUISPUNT = THUISPUNT_RENEWED  # seed 003: the password by SMS to the responsible worker
REF = "HO-20261127-AB12CD"
PHONE = "0499 12 34 56"
BOTH = ["twilio", "cm"]


@pytest.fixture(autouse=True)
def _fresh_ledger(monkeypatch):
    """The in-process 'never twice' ledger starts empty, like a new run of Handoff."""
    monkeypatch.setattr(sms, "LEDGER", sms.Ledger())


def _settings(provider: str, url: str, timeout: float = 5.0) -> settings.Settings:
    s = settings.Settings()
    s.sms = settings.SmsSettings(provider, url, SID, "Turnhout", timeout)
    s.directory = {"opgroeien-dpo": sample.DPO_PHONE, "ocmw-gent-responsible-phone": PHONE}
    return s


def _send(provider: str, url: str, *, ledger: sms.Ledger | None = None, timeout: float = 5.0):
    """The channel alone, with the test protocol shaped like seed 004."""
    sender = sms.sender_for(_settings(provider, url, timeout))
    sender.ledger = ledger or sms.Ledger()
    return sender, sender.send(PASSWORD, sample.DPO_PHONE, sample.protocol(), sample.HANDOFF_ID)


def _archive_left(step: Step = Step.SENT) -> None:
    details = {"channel": "smtp"} if step is Step.SENT else {}
    with Journal() as journal:
        journal.append(step, handoff_id=REF, protocol_id=THUISPUNT, details=details)


def _pass(url: str, provider: str, *, password: Password = PASSWORD, **kwargs):
    """The use case, as the CLI and the window call it, after the archive left."""
    ctx = Context(settings=_settings(provider, url, kwargs.pop("timeout", 5.0)))
    return usecases.send_password_sms(REF, THUISPUNT, password, ctx=ctx, **kwargs)


def _steps() -> list[Step]:
    with Journal() as journal:
        return [r.step for r in sorted(journal.records(handoff_id=REF), key=lambda r: r.seq)]


def _secret_free(text: str, password: Password = PASSWORD) -> None:
    """Neither the password nor its characters without dashes appear."""
    assert password.value not in text
    assert password.value.replace("-", "") not in text.replace("-", "").upper()


def _journal_secret_free(password: Password = PASSWORD) -> None:
    with Journal() as journal:
        _secret_free(repr([r.details for r in journal.records()]), password)
    _secret_free(paths.journal_path().read_bytes().decode("latin-1"), password)


def _not_sent(caught: pytest.ExceptionInfo, code: str) -> str:
    """A PasswordNotSent that the caller answers by showing the password; its Dutch text."""
    assert isinstance(caught.value, PasswordNotSent)
    assert caught.value.code == code
    assert caught.value.uncertain is (code == "sms_uncertain")
    text = caught.value.message("nl")
    _secret_free(text)
    _secret_free(caught.value.message("en"))
    return text


def _refused(mode: str, provider: str, code: str, *, token: str | None = TOKEN) -> tuple[str, list]:
    """The password SMS after the archive left, through a gateway in ``mode``, not sent for sure.

    Checks what every such case shares (:func:`_not_sent`, and the journal: an
    uncertain SMS is journaled as such, a refused one not at all); returns the
    worker's Dutch text and the requests the gateway received.
    """
    if token is not None:
        credentials.set_secret("sms", token)
    _archive_left()
    with sms_gateway(mode) as gw, pytest.raises(HandoffError) as caught:
        _pass(gw.url, provider)
    text = _not_sent(caught, code)
    uncertain = [Step.PASSWORD_UNCERTAIN] if code == "sms_uncertain" else []
    assert _steps() == [Step.SENT, *uncertain]
    return text, gw.requests


# --- honest answers -----------------------------------------------------------------


def test_twilio_request_shape_and_message_id():
    credentials.set_secret("sms", TOKEN)
    with sms_gateway() as gw:
        _, delivery = _send("twilio", gw.url)
    (request,) = gw.requests
    assert request["path"] == f"/2010-04-01/Accounts/{SID}/Messages.json"
    assert request["auth_ok"]
    assert request["form"]["To"] == E164 and request["form"]["From"] == "Turnhout"
    assert (
        request["form"]["Body"]
        == f"Handoff {sample.HANDOFF_ID}\nWachtwoord/password: {PASSWORD.value}"
    )
    assert delivery.step is Step.PASSWORD_PASSED
    assert delivery.message_id == "SM" + "0" * 31 + "1"
    assert delivery.details["phone"] == "+32 4•• •• •• 57"
    assert clean_details(delivery.step, delivery.details) == delivery.details
    assert PASSWORD.value not in repr(delivery)


def test_cm_request_shape_uses_handoff_id_as_reference():
    credentials.set_secret("sms", TOKEN)
    with sms_gateway() as gw:
        _, delivery = _send("cm", gw.url)
    body = gw.requests[0]["json"]["messages"]
    assert body["authentication"] == {"producttoken": TOKEN}
    (msg,) = body["msg"]
    assert msg["to"] == [{"number": "0032499996757"}]
    assert msg["reference"] == sample.HANDOFF_ID
    assert PASSWORD.value in msg["body"]["content"]
    assert delivery.message_id == sample.HANDOFF_ID
    assert clean_details(delivery.step, delivery.details) == delivery.details


@pytest.mark.parametrize("provider", BOTH)
def test_accepted_sms_is_journaled_as_passed_once(provider):
    credentials.set_secret("sms", TOKEN)
    _archive_left()
    with sms_gateway() as gw:
        delivery = _pass(gw.url, provider)
        with pytest.raises(HandoffError) as again:
            _pass(gw.url, provider, resend=True)  # not even on request: it was confirmed
    assert again.value.code == "password_already_passed"
    assert len(gw.requests) == 1
    assert _steps() == [Step.SENT, Step.PASSWORD_PASSED]
    assert delivery.details["provider_message_id"] in (REF, "SM" + "0" * 31 + "1")
    _journal_secret_free()


# --- readable refusals: nothing sent, nothing journaled, the password shown -----------


@pytest.mark.parametrize("provider", BOTH)
def test_rejected_token(provider):
    text, requests = _refused("accept", provider, "sms_token_rejected", token="expired")
    assert "expired" not in text and "handoff settings secret sms" in text
    assert len(requests) == 1


@pytest.mark.parametrize(("provider", "code"), [("twilio", "21211"), ("cm", "304")])
def test_provider_error_names_status_and_code_but_not_the_echoed_number(provider, code):
    text, _ = _refused("provider_error", provider, "sms_provider_error")
    assert "400" in text and code in text and "geen sms verstuurd" in text
    assert "499" not in text and "Invalid" not in text


@pytest.mark.parametrize("provider", BOTH)
def test_server_error_500_is_a_fault_and_nothing_was_sent(provider):
    text, requests = _refused("server_error", provider, "sms_provider_down")
    assert "storing (HTTP 500)" in text and "internal" not in text
    assert len(requests) == 1


@pytest.mark.parametrize("provider", BOTH)
def test_rate_limited_429_says_so_and_may_be_tried_again(provider):
    credentials.set_secret("sms", TOKEN)
    _archive_left()
    with sms_gateway("busy") as gw:
        with pytest.raises(HandoffError) as caught:
            _pass(gw.url, provider)
        gw.mode = "accept"
        _pass(gw.url, provider)  # nothing left the first time: a retry is safe
    assert "te veel aanvragen" in _not_sent(caught, "sms_busy")
    assert len(gw.requests) == 2
    assert _steps() == [Step.SENT, Step.PASSWORD_PASSED]


def test_cm_accepts_the_request_but_rejects_the_message():
    """CM 200 with errorCode 0 whose one message is ``Rejected``: not sent."""
    text, requests = _refused("rejected", "cm", "sms_provider_error")
    assert "foutcode 403" in text and "Rejected" not in text and "operator" not in text
    assert len(requests) == 1


@pytest.mark.parametrize(("provider", "code"), [("twilio", "21610"), ("cm", "304")])
def test_error_body_with_status_200_is_a_refusal_not_a_timeout(provider, code):
    text, _ = _refused("error_200", provider, "sms_provider_error")
    assert f"foutcode {code}" in text
    assert "op tijd" not in text and "unsubscribed" not in text and "invalid" not in text


@pytest.mark.parametrize("provider", BOTH)
def test_password_as_error_code_is_not_quoted(provider):
    text, _ = _refused("echo_code", provider, "sms_provider_error")
    assert "foutcode -" in text
    _journal_secret_free()


# --- secrets go nowhere else --------------------------------------------------------


@pytest.mark.parametrize("provider", BOTH)
@pytest.mark.parametrize("status", [302, 307])
def test_redirect_to_another_host_is_not_followed_with_the_token(provider, status):
    credentials.set_secret("sms", TOKEN)
    _archive_left()
    with sms_target("127.0.0.2") as target, sms_gateway("redirect") as gw:
        gw.redirect_to, gw.redirect_status = f"{target.url}/steal", status
        with pytest.raises(HandoffError) as caught:
            _pass(gw.url, provider)
    text = _not_sent(caught, "sms_redirect_refused")
    assert f"HTTP {status}" in text and "127.0.0.2" not in text
    assert target.requests == []  # neither the token nor the password reached the second host
    assert len(gw.requests) == 1
    assert _steps() == [Step.SENT]


def test_the_target_host_would_have_recorded_the_token():
    """The redirect test's second host works: a direct request lands in its record."""
    import urllib.request

    with sms_target("127.0.0.2") as target:
        request = urllib.request.Request(
            f"{target.url}/x", data=b"a", headers={"Authorization": "Basic eA=="}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert answer.status == 201
    assert target.requests[0]["headers"]["Authorization"] == "Basic eA=="


@pytest.mark.parametrize("provider", BOTH)
def test_password_echoed_as_message_id_never_reaches_the_journal(provider):
    text, _ = _refused("echo_id", provider, "sms_uncertain")
    assert "bevestigt niet" in text
    with Journal() as journal:
        (record,) = journal.records(step=Step.PASSWORD_UNCERTAIN)
    assert "provider_message_id" not in record.details
    assert record.details["phone"] == "+32 4•• •• •• 56"
    _journal_secret_free()


def test_well_formed_sid_that_contains_the_password_is_refused():
    """Defence in depth: SM + 32 hex is Twilio's format, but this one carries the password."""
    credentials.set_secret("sms", TOKEN)
    _archive_left()
    with sms_gateway("echo_hex_id") as gw, pytest.raises(HandoffError) as caught:
        _pass(gw.url, "twilio", password=HEX_PASSWORD)
    assert caught.value.code == "sms_uncertain"
    assert _steps() == [Step.SENT, Step.PASSWORD_UNCERTAIN]
    _journal_secret_free(HEX_PASSWORD)


def test_password_is_recognised_with_or_without_dashes_and_case():
    assert sms.contains_password("sm0a1b2c3d4e5f6789", HEX_PASSWORD)
    assert sms.contains_password("x 0A1B-2C3D-4E5F-6789 y", HEX_PASSWORD)
    assert not sms.contains_password("SM" + "ab" * 16, HEX_PASSWORD)
    digits = Password("1234-5678-9012-3456", "sms", 80.0)
    assert sms.error_code(1234567890123456, digits) == "-"
    assert sms.error_code("21211", digits) == "21211"
    assert sms.error_code("Invalid number", digits) == "-"
    assert sms.error_code(True, digits) == "-"


def test_a_submission_never_shows_its_text_or_token():
    shown = repr(sms.Submission(E164, sms.text(PASSWORD, REF), REF, TOKEN, PASSWORD))
    _secret_free(shown)
    assert TOKEN not in shown and "499" not in shown


def test_plain_http_is_refused_for_every_url_contacted_not_only_the_setting():
    with pytest.raises(HandoffError) as caught:
        sms.post("http://sms.example.com/x", b"", {}, 1.0)
    assert caught.value.code == "sms_bad_url"


# --- uncertain outcomes: journaled, never resent by themselves --------------------


@pytest.mark.parametrize("provider", BOTH)
@pytest.mark.parametrize(
    ("mode", "words"),
    [
        ("empty_200", "bevestigt niet"),
        ("html_200", "bevestigt niet"),
        ("drop", "verbrak de verbinding"),
        ("garbage", "bevestigt niet"),
    ],
)
def test_unreadable_or_missing_answer_is_uncertain_and_not_resent(provider, mode, words):
    credentials.set_secret("sms", TOKEN)
    _archive_left()
    with sms_gateway(mode) as gw:
        with pytest.raises(HandoffError) as caught:
            _pass(gw.url, provider)
        text = _not_sent(caught, "sms_uncertain")
        assert words in text and "misschien toch aangekomen" in text
        assert "nginx" not in text
        sms.LEDGER.states.clear()  # a later run of Handoff: only the journal remembers
        gw.mode = "accept"
        with pytest.raises(HandoffError) as again:
            _pass(gw.url, provider)
        assert again.value.code == "password_maybe_passed"
        assert len(gw.requests) == 1
        _pass(gw.url, provider, resend=True)  # the worker's explicit choice
    assert len(gw.requests) == 2
    assert _steps() == [Step.SENT, Step.PASSWORD_UNCERTAIN, Step.PASSWORD_PASSED]


@pytest.mark.parametrize("provider", BOTH)
def test_timeout_is_uncertain_and_never_resent(provider):
    credentials.set_secret("sms", TOKEN)
    ledger = sms.Ledger()
    with sms_gateway("slow") as gw:
        gw.delay = 1.5
        with pytest.raises(HandoffError) as caught:
            _send(provider, gw.url, ledger=ledger, timeout=0.5)
        assert caught.value.code == "sms_uncertain"
        assert "niet op tijd" in caught.value.message()
        gw.mode = "accept"
        with pytest.raises(HandoffError) as again:
            _send(provider, gw.url, ledger=ledger)
    assert again.value.code == sms.MAYBE_SENT_BEFORE
    assert "misschien toch aangekomen" in again.value.message()
    assert len(gw.requests) == 1
    assert ledger.state(sample.HANDOFF_ID) == sms.UNCERTAIN


def test_twilio_accepting_without_an_id_counts_as_maybe_sent():
    _, requests = _refused("no_id", "twilio", "sms_uncertain")
    assert len(requests) == 1


def test_phone_confirmation_after_an_uncertain_sms_closes_the_obligation():
    from handoff.core.journal.obligations import open_obligations

    credentials.set_secret("sms", TOKEN)
    _archive_left()
    with sms_gateway("drop") as gw, pytest.raises(HandoffError):
        _pass(gw.url, "cm")
    with Journal() as journal:
        assert [o.kind for o in open_obligations(journal)] == ["password_not_passed"]
    usecases.confirm_password_passed(REF, THUISPUNT, "phone")
    with Journal() as journal:
        assert open_obligations(journal) == []
    assert _steps() == [Step.SENT, Step.PASSWORD_UNCERTAIN, Step.PASSWORD_PASSED]


# --- the password waits for the archive ---------------------------------------------


def test_no_sms_and_no_confirmation_for_an_archive_that_never_left():
    credentials.set_secret("sms", TOKEN)
    with Journal() as journal:
        journal.append(Step.PACKAGED, handoff_id=REF, protocol_id=THUISPUNT, details={})
    with sms_gateway() as gw:
        with pytest.raises(HandoffError) as caught:
            _pass(gw.url, "twilio")
        with pytest.raises(HandoffError) as confirmed:
            usecases.confirm_password_passed(REF, THUISPUNT, "phone")
    assert caught.value.code == confirmed.value.code == "archive_not_sent"
    assert gw.requests == []
    assert _steps() == [Step.PACKAGED]


def test_a_draft_counts_as_left_only_once_the_worker_sent_it():
    _archive_left(Step.DRAFT_HANDED)
    with pytest.raises(HandoffError) as caught:  # issue 18 §4: the password waits for the archive
        usecases.confirm_password_passed(REF, THUISPUNT, "sms")
    assert caught.value.code == "draft_not_confirmed"
    _archive_left(Step.DRAFT_SENT)
    usecases.confirm_password_passed(REF, THUISPUNT, "sms")
    assert _steps() == [Step.DRAFT_HANDED, Step.DRAFT_SENT, Step.PASSWORD_PASSED]


# --- check_sms_ready: before the archive leaves -------------------------------------


def _ready(s: settings.Settings, **kwargs) -> None:
    from handoff.core import protocols

    usecases.check_sms_ready(protocols.get(THUISPUNT), s, **kwargs)


def test_ready_when_settings_number_and_token_are_there():
    credentials.set_secret("sms", TOKEN)
    _ready(_settings("twilio", ""))
    _ready(_settings("cm", ""))


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda s: s.directory.clear(), "no_password_phone"),
        (
            lambda s: s.directory.update({"ocmw-gent-responsible-phone": "09 266 11 11"}),
            "not_a_mobile_number",
        ),
        (lambda s: setattr(s.sms, "base_url", "http://sms.example.com"), "sms_bad_url"),
        (lambda s: setattr(s.sms, "base_url", "mailto:sms@example.com"), "sms_email_gateway"),
        (lambda s: setattr(s.sms, "account", "AC123"), "sms_bad_account"),
        (lambda s: setattr(s.sms, "sender", " "), "sms_no_sender"),
        (lambda s: setattr(s.sms, "provider", "smtp"), "sms_unknown_provider"),
    ],
)
def test_not_ready_says_why(change, code):
    credentials.set_secret("sms", TOKEN)
    s = _settings("twilio", "")
    change(s)
    with pytest.raises(HandoffError) as caught:
        _ready(s)
    assert caught.value.code == code


def test_not_ready_without_a_token_unless_it_can_be_asked():
    with pytest.raises(HandoffError) as caught:
        _ready(_settings("twilio", ""))
    assert caught.value.code == "sms_no_token"
    assert "handoff settings secret sms" in caught.value.message()
    _ready(_settings("twilio", ""), ask=lambda _name: "typed")


def test_no_secure_keyring_and_nothing_typed_is_not_called_a_rejected_token(monkeypatch):
    """§5: the provider saw no login, so the message must not say it refused one."""
    monkeypatch.setattr(credentials, "secure_backend_available", lambda: False)
    text, requests = _refused("accept", "twilio", "sms_no_token", token=None)
    assert "geen beveiligde opslag voor geheimen" in text and "terminal" in text
    assert "(de sleutelbos van uw bureaublad ontbreekt of is niet beveiligd)" in text  # Linux
    assert "weigert" not in text and "settings secret" not in text
    assert requests == []


def test_settings_broken_after_the_archive_left_still_let_the_caller_show_the_password():
    credentials.set_secret("sms", TOKEN)
    _archive_left()
    s = _settings("twilio", "")
    s.sms.account = "AC-typo"
    with pytest.raises(HandoffError) as caught:
        usecases.send_password_sms(REF, THUISPUNT, PASSWORD, ctx=Context(settings=s))
    _not_sent(caught, "sms_bad_account")
    s.directory.clear()
    with pytest.raises(HandoffError) as caught:
        usecases.send_password_sms(REF, THUISPUNT, PASSWORD, ctx=Context(settings=s))
    _not_sent(caught, "no_password_phone")
    assert _steps() == [Step.SENT]


def test_token_typed_at_the_terminal_is_used_and_not_stored():
    _archive_left()
    s = _settings("twilio", "")
    with sms_gateway() as gw:
        s.sms.base_url = gw.url
        usecases.send_password_sms(
            REF, THUISPUNT, PASSWORD, ctx=Context(settings=s, ask=lambda _name: TOKEN)
        )
    assert gw.requests[0]["auth_ok"]
    assert credentials.get_secret("sms") is None
    assert _steps() == [Step.SENT, Step.PASSWORD_PASSED]


# --- the channel's own checks --------------------------------------------------------


def test_second_send_after_success_is_refused():
    credentials.set_secret("sms", TOKEN)
    ledger = sms.Ledger()
    with sms_gateway() as gw:
        _send("twilio", gw.url, ledger=ledger)
        with pytest.raises(HandoffError) as caught:
            _send("twilio", gw.url, ledger=ledger)
    assert caught.value.code == "sms_already_sent"
    assert len(gw.requests) == 1


def test_unreachable_provider_sent_nothing_and_may_be_retried():
    credentials.set_secret("sms", TOKEN)
    ledger = sms.Ledger()
    with pytest.raises(HandoffError) as caught:
        _send("twilio", f"http://127.0.0.1:{free_port()}", ledger=ledger)
    assert caught.value.code == "sms_unreachable"
    assert ledger.state(sample.HANDOFF_ID) is None


def test_number_other_than_the_directory_entry_is_refused():
    credentials.set_secret("sms", TOKEN)
    with sms_gateway() as gw:
        sender = sms.sender_for(_settings("twilio", gw.url))
        with pytest.raises(HandoffError) as caught:
            sender.send(PASSWORD, "0477 95 06 76", sample.protocol(), sample.HANDOFF_ID)
    assert caught.value.code == "phone_not_in_directory"
    assert gw.requests == []


def test_landline_cannot_receive_an_sms():
    with pytest.raises(HandoffError) as caught:
        sms.mobile("014 44 33 22")
    assert caught.value.code == "not_a_mobile_number"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("mailto:sms@gateway.example", "sms_email_gateway"),
        ("https://0499996757@sms.example.com", "sms_email_gateway"),
        ("smtp://x", "sms_bad_url"),
    ],
)
def test_email_to_sms_gateways_and_odd_urls_are_refused(url, code):
    with pytest.raises(HandoffError) as caught:
        sms.sender_for(_settings("twilio", url))
    assert caught.value.code == code


def test_plain_http_only_on_loopback():
    with pytest.raises(HandoffError) as caught:
        sms.sender_for(_settings("cm", "http://gw.cmtelecom.com"))
    assert caught.value.code == "sms_bad_url"
    assert sms.check_base_url("https://gw.cmtelecom.com/") == "https://gw.cmtelecom.com"


@pytest.mark.parametrize(
    "url",
    [
        "https://gw.cmtelecom.com",
        "http://127.0.0.1:8080/sms",
        "http://localhost:8080",
        "https://gw.cmtelecom.com/v1/ message",
        "https://gw.cmtelecom.com/v1\nX-Extra: 1",
        "HTTPS://gw.cmtelecom.com",
        "http://sms.example.com",
        "file:///etc/passwd",
        "mailto:sms@example.com",
    ],
)
def test_the_channel_and_the_settings_judge_an_sms_url_alike(url):
    """One rule: what the settings would refuse, the channel refuses before posting anything."""
    refused_by_settings = settings.sms_url_problem(url) is not None
    try:
        sms.check_url(url)
        refused_by_channel = False
    except HandoffError:
        refused_by_channel = True
    assert refused_by_channel == refused_by_settings


def test_sms_text_has_only_reference_and_password():
    text = sms.text(PASSWORD, sample.HANDOFF_ID)
    assert text.splitlines() == [
        f"Handoff {sample.HANDOFF_ID}",
        f"Wachtwoord/password: {PASSWORD.value}",
    ]


def test_twilio_wrong_account_sid_is_a_rejected_login():
    credentials.set_secret("sms", TOKEN)
    s = _settings("twilio", "")
    with sms_gateway() as gw:
        s.sms.base_url, s.sms.account = gw.url, "AC" + "f" * 32
        with pytest.raises(HandoffError) as caught:
            sms.sender_for(s).send(PASSWORD, sample.DPO_PHONE, sample.protocol(), sample.HANDOFF_ID)
    assert caught.value.code == "sms_token_rejected"
    assert gw.requests[0]["auth_ok"] is False


def test_protocol_with_a_custodian_refuses_sms():
    credentials.set_secret("sms", TOKEN)
    protocol = sample.protocol()
    custodian = replace(
        protocol, password_channel=replace(protocol.password_channel, kind="custodian")
    )
    with sms_gateway() as gw:
        sender = sms.sender_for(_settings("cm", gw.url))
        with pytest.raises(HandoffError) as caught:
            sender.send(PASSWORD, sample.DPO_PHONE, custodian, sample.HANDOFF_ID)
    assert caught.value.code == "sms_not_allowed"
    assert gw.requests == []
