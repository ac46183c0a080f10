"""A real aiosmtpd server on loopback: STARTTLS (or implicit TLS), AUTH, size limit."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "handoff-test", "correct horse battery"


@dataclass
class Inbox:
    """What the server accepted: (envelope sender, recipients, raw bytes)."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


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
) -> Iterator[tuple[int, Inbox]]:
    """Run a server; ``certdir=None`` means no TLS at all (no STARTTLS offered)."""
    inbox = Inbox()
    kwargs: dict = {"authenticator": _authenticator, "data_size_limit": data_size_limit}
    if certdir is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(certdir / "cert.pem", certdir / "key.pem")
        if implicit_tls:  # TLS from the first byte; aiosmtpd's AUTH check only knows STARTTLS
            kwargs |= {"ssl_context": context, "auth_require_tls": False}
        else:
            kwargs |= {"tls_context": context, "require_starttls": True, "auth_require_tls": True}
    else:
        kwargs["auth_require_tls"] = False
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()
