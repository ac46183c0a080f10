"""SMTP against a real aiosmtpd server on loopback with STARTTLS, AUTH and a size limit."""

from __future__ import annotations

import hashlib
from email import policy
from email.parser import BytesParser

import pytest

from handoff.channels.smtp import SmtpChannel
from handoff.core import credentials
from handoff.core.errors import HandoffError
from handoff.core.journal import Step
from handoff.core.journal.details import clean_details
from handoff.core.settings import MailSettings
from tests.servers import sample
from tests.servers.smtp_server import PASSWORD, USER, free_port, smtp_server


def _channel(
    port: int, certdir, *, security: str = "starttls", trusted: bool = True
) -> SmtpChannel:
    mail = MailSettings("smtp", "localhost", port, security, USER, "sociaal@turnhout.be")
    return SmtpChannel(mail, cafile=certdir / "cert.pem" if trusted else None, timeout=5)


def _deliver(channel: SmtpChannel, tmp_path):
    protocol = sample.protocol()
    archive = sample.archive(tmp_path)
    return archive, channel.deliver(archive, protocol.recipients[0], protocol, sample.HANDOFF_ID)


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_message_arrives_with_attachment_intact(tmp_path, certdir, security):
    credentials.set_secret("smtp", PASSWORD)
    with smtp_server(certdir, implicit_tls=security == "tls") as (port, inbox):
        archive, delivery = _deliver(_channel(port, certdir, security=security), tmp_path)
    ((mail_from, rcpt, raw),) = inbox.messages
    assert rcpt == [sample.MAILBOX] and mail_from == "sociaal@turnhout.be"
    message = BytesParser(policy=policy.default).parsebytes(raw)
    (part,) = list(message.iter_attachments())
    assert (
        hashlib.sha256(part.get_content()).digest() == hashlib.sha256(archive.read_bytes()).digest()
    )
    assert delivery.step is Step.SENT
    assert delivery.details["message_id"] == message["Message-ID"]
    assert clean_details(delivery.step, delivery.details) == delivery.details


def test_wrong_login(tmp_path, certdir):
    credentials.set_secret("smtp", "wrong")
    with smtp_server(certdir) as (port, inbox), pytest.raises(HandoffError) as caught:
        _deliver(_channel(port, certdir), tmp_path)
    assert caught.value.code == "smtp_auth_failed"
    assert "wrong" not in caught.value.message()
    assert inbox.messages == []


def test_asks_for_the_password_when_none_is_stored(tmp_path, certdir):
    asked = []
    channel = _channel(0, certdir)
    channel.ask = lambda name: asked.append(name) or PASSWORD
    with smtp_server(certdir) as (port, inbox):
        channel.settings.port = port
        _deliver(channel, tmp_path)
    assert asked == ["smtp"] and len(inbox.messages) == 1


def test_server_without_starttls_is_refused_before_login(tmp_path, certdir):
    credentials.set_secret("smtp", PASSWORD)
    with smtp_server(None) as (port, inbox), pytest.raises(HandoffError) as caught:
        _deliver(_channel(port, certdir), tmp_path)
    assert caught.value.code == "smtp_tls_failed"
    assert inbox.messages == []


def test_untrusted_certificate_is_refused(tmp_path, certdir):
    credentials.set_secret("smtp", PASSWORD)
    with smtp_server(certdir) as (port, inbox), pytest.raises(HandoffError) as caught:
        _deliver(_channel(port, certdir, trusted=False), tmp_path)
    assert caught.value.code == "smtp_tls_failed"
    assert inbox.messages == []


def test_server_down(tmp_path, certdir):
    credentials.set_secret("smtp", PASSWORD)
    with pytest.raises(HandoffError) as caught:
        _deliver(_channel(free_port(), certdir), tmp_path)
    assert caught.value.code == "smtp_unreachable"
    assert "Er is niets verzonden" in caught.value.message()


def test_message_too_large(tmp_path, certdir):
    credentials.set_secret("smtp", PASSWORD)
    server = smtp_server(certdir, data_size_limit=20_000)
    with server as (port, inbox), pytest.raises(HandoffError) as caught:
        _deliver(_channel(port, certdir), tmp_path)
    assert caught.value.code == "smtp_too_large"
    assert inbox.messages == []


def test_recipient_outside_protocol_never_reaches_server(tmp_path, certdir):
    from handoff.core.protocols import Recipient

    credentials.set_secret("smtp", PASSWORD)
    protocol = sample.protocol()
    forged = Recipient("opgroeien-mail", protocol.recipients[0].label, "email", "x@evil.example")
    with smtp_server(certdir) as (port, inbox), pytest.raises(HandoffError) as caught:
        _channel(port, certdir).deliver(
            sample.archive(tmp_path), forged, protocol, sample.HANDOFF_ID
        )
    assert caught.value.code == "recipient_mismatch"
    assert inbox.messages == []


# Issue 18 §3 and §5: hostile servers, each with its own outcome and message.


def _hostile(tmp_path, certdir, hostile: str, *, timeout: float = 5):
    credentials.set_secret("smtp", PASSWORD)
    with smtp_server(certdir, hostile=hostile) as (port, inbox):
        channel = _channel(port, certdir)
        channel.timeout = timeout
        try:
            return _deliver(channel, tmp_path)[1], inbox, None
        except HandoffError as exc:
            return None, inbox, exc


@pytest.mark.parametrize("hostile", ["drop_after_data", "silent_after_data"])
def test_message_received_without_a_final_reply_is_uncertain(tmp_path, certdir, hostile):
    delivery, inbox, error = _hostile(tmp_path, certdir, hostile, timeout=1.5)
    assert error is None
    assert len(inbox.messages) == 1  # the server has the whole message
    assert delivery.step is Step.DELIVERY_UNCERTAIN
    assert delivery.details["reason"] == "smtp_no_final_reply"
    assert "kan dus aangekomen zijn" in delivery.problem.message()
    assert "niets verzonden" not in delivery.problem.message()
    assert clean_details(delivery.step, delivery.details) == delivery.details


@pytest.mark.parametrize(
    ("hostile", "code", "words"),
    [
        ("starttls_454", "smtp_starttls_refused", "code 454, tijdelijk"),
        ("rcpt_451", "smtp_temporary", "code 451, tijdelijk"),
        ("no_auth", "smtp_no_auth", "biedt geen aanmelding aan"),
    ],
)
def test_refusals_say_what_happened(tmp_path, certdir, hostile, code, words):
    delivery, inbox, error = _hostile(tmp_path, certdir, hostile)
    assert delivery is None and error.code == code
    assert words in error.message() and "niets verzonden" in error.message()
    assert "550" not in error.message() and "weigert de aanmelding" not in error.message()
    assert inbox.messages == []


def test_no_secret_and_no_keyring_says_so_instead_of_blaming_the_server(
    tmp_path, certdir, monkeypatch
):
    monkeypatch.setattr(credentials, "secure_backend_available", lambda: False)
    with smtp_server(certdir) as (port, inbox), pytest.raises(HandoffError) as caught:
        _deliver(_channel(port, certdir), tmp_path)
    assert caught.value.code == "secret_not_stored"
    assert (
        "de sleutelbos van uw bureaublad" in caught.value.message()
        and "weigert" not in caught.value.message()
    )
    assert inbox.messages == []
