"""Direct SMTP delivery, for organisations that run their own mail relay.

STARTTLS on 587 or implicit TLS on 465, with the server certificate always
verified (ssl.create_default_context; an organisation's own CA can be given as
a cafile, verification is never switched off). The login comes from the
keyring. SENT is returned only after the server accepted the message.

Three outcomes (issue 18 §3): SENT after the server's 250 to the message;
a HandoffError when the message certainly did not arrive (refused, or the line
dropped before the message was complete: a server keeps no message without its
final dot); DELIVERY_UNCERTAIN when the whole message went out and the line
dropped (or fell silent) before the server's final reply: the server may have
queued it, so a retry must send the *same* archive, never a new one.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from email import policy
from pathlib import Path

from handoff.channels import email_message
from handoff.channels.base import (
    Delivery,
    allowed_recipient,
    archive_details,
    failure,
    login_secret,
)
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
    "smtp_starttls_refused": Text(
        "De mailserver {host} weigert nu een versleutelde verbinding (code {reply}, tijdelijk). Er is niets verzonden; probeer het later opnieuw en meld het aan uw IT-dienst als het blijft duren.",
        "The mail server {host} refuses an encrypted connection for now (code {reply}, temporary). Nothing was sent; try again later and tell your IT desk if it lasts.",
    ),
    "smtp_no_auth": Text(
        "De mailserver {host}:{port} biedt geen aanmelding aan, dus Handoff kan er niet langs versturen. Er is niets verzonden; vraag uw IT-dienst welke server en poort (mail.host, mail.port) voor verzenden met aanmelding dienen.",
        "The mail server {host}:{port} offers no login, so Handoff cannot send through it. Nothing was sent; ask your IT desk which server and port (mail.host, mail.port) take mail with a login.",
    ),
    "smtp_temporary": Text(
        "De mailserver {host} kan het bericht nu niet aannemen (code {reply}, tijdelijk). Er is niets verzonden; probeer het over enkele minuten opnieuw.",
        "The mail server {host} cannot take the message right now (code {reply}, temporary). Nothing was sent; try again in a few minutes.",
    ),
    "smtp_connection_lost": Text(
        "De verbinding met mailserver {host} viel weg voor het bericht volledig verstuurd was. Een onvolledig bericht houdt de server niet bij: er is niets verzonden. Probeer opnieuw.",
        "The connection to mail server {host} dropped before the message was complete. A server keeps no incomplete message: nothing was sent. Try again.",
    ),
    "smtp_no_final_reply": Text(
        "Het volledige bericht is naar mailserver {host} gegaan, maar de server bevestigde de ontvangst niet (de verbinding viel weg of bleef stil). Het kan dus aangekomen zijn. Geef het wachtwoord pas door als de ontvanger de e-mail heeft; ontbreekt ze, verstuur dan hetzelfde archief opnieuw.",
        "The whole message went to mail server {host}, but the server did not confirm it (the line dropped or stayed silent). So it may have arrived. Pass the password on only once the recipient has the e-mail; if it is missing, send the same archive again.",
    ),
    "smtp_refused": Text(
        "De mailserver {host} weigert het bericht (code {reply}). Er is niets verzonden; meld dit aan uw IT-dienst.",
        "The mail server {host} refuses the message (code {reply}). Nothing was sent; report this to your IT desk.",
    ),
}


def _fail(code: str, **params: object) -> HandoffError:
    return failure(MESSAGES, code, **params)


class _Uncertain(Exception):
    """The whole message went out and no final reply came back."""


def _dot_stuffed(data: bytes) -> bytes:
    """The DATA payload as smtplib.SMTP.data builds it: leading dots doubled, CRLF.CRLF."""
    quoted = re.sub(rb"(?m)^\.", b"..", data)
    if not quoted.endswith(b"\r\n"):
        quoted += b"\r\n"
    return quoted + b".\r\n"


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
        self._secret: str | None = None

    def ready(self) -> None:
        """Have the login's password before anything is packed (asked once, never stored)."""
        if self._secret is None:
            self._secret = login_secret(credentials.SMTP, self.ask)

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cafile) if self.cafile else None)

    def _connect(self) -> smtplib.SMTP:
        host, port = self.settings.host, self.settings.port
        if self.settings.security == "tls":
            return smtplib.SMTP_SSL(host, port, timeout=self.timeout, context=self._context())
        server = smtplib.SMTP(host, port, timeout=self.timeout)
        try:
            server.ehlo()
            if not server.has_extn("starttls"):
                raise _fail("smtp_tls_failed", host=host)
            server.starttls(context=self._context())
            server.ehlo()
        except smtplib.SMTPResponseException as exc:  # 454: no TLS for now; never plain text
            server.close()
            temporary = 400 <= exc.smtp_code < 500
            kind = "smtp_starttls_refused" if temporary else "smtp_tls_failed"
            raise _fail(kind, host=host, reply=exc.smtp_code) from None
        except BaseException:
            server.close()
            raise
        return server

    def _login(self, server: smtplib.SMTP) -> None:
        host = self.settings.host
        server.ehlo_or_helo_if_needed()
        if not server.esmtp_features.get("auth", "").strip():  # no AUTH, or no mechanism
            raise _fail("smtp_no_auth", host=host, port=self.settings.port)
        self.ready()
        try:
            server.login(self.settings.username, self._secret or "")
        except smtplib.SMTPAuthenticationError:
            raise _fail("smtp_auth_failed", host=host) from None
        except smtplib.SMTPNotSupportedError:
            raise _fail("smtp_no_auth", host=host, port=self.settings.port) from None

    def _refused(self, reply: int, size: int) -> HandoffError:
        host = self.settings.host
        if reply == _TOO_LARGE:
            return _fail("smtp_too_large", host=host, size=size)
        if 400 <= reply < 500:
            return _fail("smtp_temporary", host=host, reply=reply)
        return _fail("smtp_refused", host=host, reply=reply)

    def _envelope(self, server: smtplib.SMTP, sender: str, to: str, size: int) -> None:
        options = [f"SIZE={size}"] if server.has_extn("size") else []
        reply, _ = server.mail(sender, options)
        if reply != 250:
            raise self._refused(reply, size)
        reply, _ = server.rcpt(to)
        if reply not in (250, 251):
            raise self._refused(reply, size)
        reply, _ = server.docmd("DATA")
        if reply != 354:
            raise self._refused(reply, size)

    def _send(self, server: smtplib.SMTP, data: bytes, sender: str, to: str) -> None:
        """Envelope, then the message; after its last byte only a reply tells what happened."""
        self._login(server)
        self._envelope(server, sender, to, len(data))
        server.send(_dot_stuffed(data))  # raises: the final dot never left, nothing kept
        try:
            reply, _ = server.getreply()
        except (OSError, smtplib.SMTPServerDisconnected):
            raise _Uncertain from None
        if reply != 250:
            raise self._refused(reply, len(data))

    def deliver(
        self, archive: Path, recipient: Recipient, protocol: Protocol, handoff_id: str
    ) -> Delivery:
        """SENT once the server accepted the message; uncertain without its final reply."""
        listed = allowed_recipient(recipient, protocol, "email")
        sender = self.settings.sender or (
            self.settings.username if "@" in self.settings.username else ""
        )
        message = email_message.build(archive, listed, protocol, handoff_id, sender)
        allowed_recipient(listed, protocol, "email", message["To"])
        data = message.as_bytes(policy=policy.SMTP)  # CRLF: smtplib sends bytes as given
        details: dict[str, object] = {"channel": self.name, "recipient": listed.address}
        details |= {"message_id": message["Message-ID"], "host": self.settings.host}
        details |= {"port": self.settings.port} | archive_details(archive)
        host = self.settings.host
        try:
            with self._connect() as server:
                self._send(server, data, sender, listed.address)
        except _Uncertain:
            problem = _fail("smtp_no_final_reply", host=host)
            return Delivery(
                Step.DELIVERY_UNCERTAIN, details | {"reason": problem.code}, None, problem
            )
        except ssl.SSLError:
            raise _fail("smtp_tls_failed", host=host) from None
        except smtplib.SMTPServerDisconnected:
            raise _fail("smtp_connection_lost", host=host) from None
        except (OSError, smtplib.SMTPException):
            raise _fail("smtp_unreachable", host=host, port=self.settings.port) from None
        return Delivery(Step.SENT, details)
