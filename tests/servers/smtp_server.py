"""A real aiosmtpd server on loopback: STARTTLS (or implicit TLS), AUTH, size limit.

``hostile`` makes it misbehave as real servers do (issue 18 §3, §5):
``drop_after_data`` keeps the whole message and cuts the line before its final
reply; ``silent_after_data`` keeps it and never answers; ``starttls_454``
refuses TLS for now; ``rcpt_451`` defers the recipient; ``no_auth`` offers no
login at all.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from handoff.core.settings import MailSettings

USER, PASSWORD = "handoff-test", "correct horse battery"


def loopback_mail(port: int, certdir: Path, sender: str = "thuispunt@example.be") -> MailSettings:
    """Handoff's mail settings for this server: STARTTLS on localhost, its login, its certificate."""
    return MailSettings(
        mode="smtp",
        host="localhost",
        port=port,
        security="starttls",
        username=USER,
        sender=sender,
        cafile=str(certdir / "cert.pem"),
    )


@dataclass
class Inbox:
    """What the server accepted: (envelope sender, recipients, raw bytes)."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    hostile: str | None = None
    logins: int = 0

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:
        if self.hostile == "rcpt_451":
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        if self.hostile == "drop_after_data":
            server.transport.abort()  # the whole message is here; the reply never leaves
        elif self.hostile == "silent_after_data":
            await asyncio.sleep(30)
        return "250 OK"


class _RefusingTls(SMTP):
    """Offers STARTTLS, then answers 454 (TLS not available for now)."""

    async def smtp_STARTTLS(self, arg: str) -> None:
        await self.push("454 4.7.0 TLS not available due to temporary reason")


class _Controller(Controller):
    def factory(self) -> SMTP:
        if self.handler.hostile == "starttls_454":
            return _RefusingTls(self.handler, **self.SMTP_kwargs)
        return super().factory()


def _authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login.decode() == USER and auth_data.password.decode() == PASSWORD
    )
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    """A port nobody listens on (bound then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(
    certdir: Path | None,
    *,
    data_size_limit: int = 33554432,
    implicit_tls: bool = False,
    hostile: str | None = None,
) -> Iterator[tuple[int, Inbox]]:
    """Run a server; ``certdir=None`` means no TLS at all (no STARTTLS offered)."""
    inbox = Inbox(hostile=hostile)
    kwargs: dict = {"authenticator": _authenticator, "data_size_limit": data_size_limit}
    if hostile == "no_auth":  # aiosmtpd still prints an empty "AUTH" line: no mechanism at all
        kwargs["auth_exclude_mechanism"] = ["LOGIN", "PLAIN"]
    if certdir is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certdir / "cert.pem", certdir / "key.pem")
        if implicit_tls:  # TLS from the first byte; aiosmtpd's AUTH check only knows STARTTLS
            kwargs |= {"ssl_context": context, "auth_require_tls": False}
        else:
            kwargs |= {"tls_context": context, "require_starttls": True, "auth_require_tls": True}
    else:
        kwargs["auth_require_tls"] = False
    controller = _Controller(inbox, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()
