"""Direct SMTP delivery, for organisations that run their own mail relay.

STARTTLS on 587 or implicit TLS on 465, with the server certificate always
verified (ssl.create_default_context; an organisation's own CA can be given as
a cafile, verification is never switched off). The login comes from the
keyring. SENT is returned only after the server accepted the message.
"""

from __future__ import annotations

import smtplib
import ssl
from email import policy
from pathlib import Path

from handoff.channels import email_message
from handoff.channels.base import Delivery, allowed_recipient, archive_details, failure
from handoff.core import credentials
from handoff.core.credentials import Ask
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.protocols import Protocol, Recipient
from handoff.core.settings import MailSettings

_TOO_LARGE = 552


MESSAGES = {
    "smtp_unreachable": Text(
        "De mailserver {host}:{port} is niet bereikbaar. Er is niets verzonden. Controleer de netwerkverbinding en de instellingen (mail.host, mail.port).",
        "The mail server {host}:{port} cannot be reached. Nothing was sent. Check the network and the settings (mail.host, mail.port).",
    ),
    "smtp_tls_failed": Text(
        "Geen veilige (TLS) verbinding met {host}: de server biedt geen versleuteling aan of zijn certificaat is niet te vertrouwen. Er is niets verzonden; vraag uw IT-dienst de mailinstellingen na te kijken.",
        "No secure (TLS) connection to {host}: the server offers no encryption or its certificate cannot be trusted. Nothing was sent; ask your IT desk to check the mail settings.",
    ),
    "smtp_auth_failed": Text(
        "De mailserver {host} weigert de aanmelding. Er is niets verzonden. Controleer de gebruikersnaam (mail.username) en bewaar het wachtwoord opnieuw met 'handoff settings secret smtp'.",
        "The mail server {host} refuses the login. Nothing was sent. Check the user name (mail.username) and store the password again with 'handoff settings secret smtp'.",
    ),
    "smtp_too_large": Text(
        "De mailserver {host} weigert het bericht: te groot ({size} bytes). Er is niets verzonden; gebruik SFTP of splits de lijst.",
        "The mail server {host} refuses the message: too large ({size} bytes). Nothing was sent; use SFTP or split the list.",
    ),
    "smtp_refused": Text(
        "De mailserver {host} weigert het bericht (code {reply}). Er is niets verzonden; meld dit aan uw IT-dienst.",
        "The mail server {host} refuses the message (code {reply}). Nothing was sent; report this to your IT desk.",
    ),
}


def _fail(code: str, **params: object) -> HandoffError:
    return failure(MESSAGES, code, **params)


class SmtpChannel:
    """Sends the archive through the configured SMTP server."""

    name = "smtp"

    def __init__(
        self,
        settings: MailSettings,
        *,
        ask: Ask | None = None,
        cafile: Path | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.settings = settings
        self.ask = ask
        self.cafile = cafile or (Path(settings.cafile) if settings.cafile else None)
        self.timeout = timeout

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cafile) if self.cafile else None)

    def _connect(self) -> smtplib.SMTP:
        host, port = self.settings.host, self.settings.port
        if self.settings.security == "tls":
            return smtplib.SMTP_SSL(host, port, timeout=self.timeout, context=self._context())
        server = smtplib.SMTP(host, port, timeout=self.timeout)
        server.ehlo()
        if not server.has_extn("starttls"):
            server.close()
            raise _fail("smtp_tls_failed", host=host)
        server.starttls(context=self._context())
        server.ehlo()
        return server

    def _password(self) -> str:
        password = credentials.get_secret(credentials.SMTP, ask=self.ask)
        if not password:
            raise _fail("smtp_auth_failed", host=self.settings.host)
        return password

    def _send(self, server: smtplib.SMTP, data: bytes, sender: str, to: str) -> None:
        host = self.settings.host
        try:
            server.login(self.settings.username, self._password())
        except smtplib.SMTPAuthenticationError:
            raise _fail("smtp_auth_failed", host=host) from None
        except smtplib.SMTPNotSupportedError:
            raise _fail("smtp_tls_failed", host=host) from None
        try:
            refused = server.sendmail(sender, [to], data)
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            if exc.smtp_code == _TOO_LARGE:
                raise _fail("smtp_too_large", host=host, size=len(data)) from None
            raise _fail("smtp_refused", host=host, reply=exc.smtp_code) from None
        except smtplib.SMTPRecipientsRefused:
            raise _fail("smtp_refused", host=host, reply=550) from None
        if refused:
            raise _fail("smtp_refused", host=host, reply=550)

    def deliver(
        self, archive: Path, recipient: Recipient, protocol: Protocol, handoff_id: str
    ) -> Delivery:
        """SENT with the Message-ID once the server accepted the message; else HandoffError."""
        listed = allowed_recipient(recipient, protocol, "email")
        sender = self.settings.sender or (
            self.settings.username if "@" in self.settings.username else ""
        )
        message = email_message.build(archive, listed, protocol, handoff_id, sender)
        allowed_recipient(listed, protocol, "email", message["To"])
        data = message.as_bytes(policy=policy.SMTP)  # CRLF: smtplib sends bytes as given
        try:
            with self._connect() as server:
                self._send(server, data, sender, listed.address)
        except ssl.SSLError:
            raise _fail("smtp_tls_failed", host=self.settings.host) from None
        except (OSError, smtplib.SMTPException):
            raise _fail(
                "smtp_unreachable", host=self.settings.host, port=self.settings.port
            ) from None
        details = {"channel": self.name, "recipient": listed.address}
        details |= {"message_id": message["Message-ID"], "host": self.settings.host}
        details |= {"port": self.settings.port}
        return Delivery(Step.SENT, details | archive_details(archive))
