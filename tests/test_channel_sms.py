"""SMS providers against a loopback HTTP server speaking Twilio's and CM.com's request shapes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from handoff.channels import sms
from handoff.core import credentials, settings
from handoff.core.errors import HandoffError
from handoff.core.journal import Step
from handoff.core.journal.details import clean_details
from handoff.core.passwords import Password
from tests.servers import sample
from tests.servers.sms_gateway import SID, TOKEN, sms_gateway
from tests.servers.smtp_server import free_port

PASSWORD = Password("7KQ2M9XDPL4RT", "sms", 65.0)
E164 = "+32499996757"


def _settings(provider: str, url: str, timeout: float = 5.0) -> settings.Settings:
    s = settings.Settings()
    s.sms = settings.SmsSettings(provider, url, SID, "Turnhout", timeout)
    s.directory = {"opgroeien-dpo": sample.DPO_PHONE}
    return s


def _send(provider: str, url: str, *, ledger: sms.Ledger | None = None, timeout: float = 5.0):
    sender = sms.sender_for(_settings(provider, url, timeout))
    sender.ledger = ledger or sms.Ledger()
    return sender, sender.send(PASSWORD, sample.DPO_PHONE, sample.protocol(), sample.HANDOFF_ID)


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
    assert delivery.message_id and delivery.message_id.startswith("SM")
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


@pytest.mark.parametrize("provider", ["twilio", "cm"])
def test_rejected_token(provider):
    credentials.set_secret("sms", "expired")
    with sms_gateway() as gw, pytest.raises(HandoffError) as caught:
        _send(provider, gw.url)
    assert caught.value.code == "sms_token_rejected"
    assert "expired" not in caught.value.message()


@pytest.mark.parametrize(("provider", "code"), [("twilio", "21211"), ("cm", "304")])
def test_provider_error_names_status_and_code_but_not_the_echoed_number(provider, code):
    credentials.set_secret("sms", TOKEN)
    with sms_gateway("provider_error") as gw, pytest.raises(HandoffError) as caught:
        _send(provider, gw.url)
    text = caught.value.message()
    assert caught.value.code == "sms_provider_error"
    assert "400" in text and code in text
    assert "499" not in text


def test_server_error_5xx():
    credentials.set_secret("sms", TOKEN)
    with sms_gateway("server_error") as gw, pytest.raises(HandoffError) as caught:
        _send("twilio", gw.url)
    assert caught.value.code == "sms_provider_error"
    assert "500" in caught.value.message()


@pytest.mark.parametrize("provider", ["twilio", "cm"])
def test_timeout_is_uncertain_and_never_resent(provider):
    credentials.set_secret("sms", TOKEN)
    ledger = sms.Ledger()
    with sms_gateway("slow") as gw:
        gw.delay = 1.5
        with pytest.raises(HandoffError) as caught:
            _send(provider, gw.url, ledger=ledger, timeout=0.5)
        assert caught.value.code == "sms_uncertain"
        assert "telefonisch" in caught.value.message()
        gw.mode = "accept"
        with pytest.raises(HandoffError) as again:
            _send(provider, gw.url, ledger=ledger)
    assert again.value.code == "sms_uncertain"
    assert len(gw.requests) == 1
    assert ledger.state(sample.HANDOFF_ID) == sms.UNCERTAIN


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
        s.sms.base_url, s.sms.account = gw.url, "AC-someone-else"
        with pytest.raises(HandoffError) as caught:
            sms.sender_for(s).send(PASSWORD, sample.DPO_PHONE, sample.protocol(), sample.HANDOFF_ID)
    assert caught.value.code == "sms_token_rejected"
    assert gw.requests[0]["auth_ok"] is False


def test_twilio_accepting_without_an_id_counts_as_maybe_sent():
    credentials.set_secret("sms", TOKEN)
    ledger = sms.Ledger()
    with sms_gateway("no_id") as gw, pytest.raises(HandoffError) as caught:
        _send("twilio", gw.url, ledger=ledger)
    assert caught.value.code == "sms_uncertain"
    assert ledger.state(sample.HANDOFF_ID) == sms.UNCERTAIN


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
