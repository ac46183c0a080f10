"""Handoff set up to send through the loopback servers: SMTP for the list, the gateway for the SMS.

Seed 003 art. 6 steps 1-3 (the list by e-mail, the password by SMS to the
responsible worker), as the send page and its failure tests need it.
"""

from __future__ import annotations

from pathlib import Path

from handoff.core import credentials, protocols, settings
from tests.servers.sms_gateway import SID, TOKEN
from tests.servers.smtp_server import PASSWORD, loopback_mail

PHONE = "0470 99 88 77"


def configure_smtp_and_sms(
    port: int, certdir: Path, gateway_url: str, protocol_id: str, provider: str = "cm"
) -> None:
    """Saved settings for both servers, the protocol's phone number, and both logins stored."""
    config = settings.load()
    config.mail = loopback_mail(port, certdir, "lijsten@thuispunt.be")
    config.sms = settings.SmsSettings(provider, gateway_url, SID, "Thuispunt", 5.0)
    key = protocols.get(protocol_id).password_channel.directory_key
    config.directory = {key: PHONE}
    settings.save(config)
    credentials.set_secret(credentials.SMTP, PASSWORD)
    credentials.set_secret(credentials.SMS, TOKEN)
