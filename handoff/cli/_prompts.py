"""Talking to the person at the terminal: messages on stderr, passwords in, shared options.

Shared by every command, so results alone go to stdout (scripts read them),
a script that gives no password always gets the same clear error, and an
option such as ``--password-stdin`` means the same everywhere.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, tr

if TYPE_CHECKING:  # keyring loads only when a command needs a secret
    from handoff.core.credentials import Ask


def say(nl: str, en: str, **params: object) -> None:
    """A message for the person, in their language, on stderr (stdout is for results)."""
    print(tr(nl, en, **params), file=sys.stderr)


NO_PASSWORD = Text(
    "Geen wachtwoord: geef het op de eerste regel van de invoer (--password-stdin) of start "
    "de opdracht in een terminal om het te typen.",
    "No password: give it on the first line of input (--password-stdin) or run the command "
    "in a terminal to type it.",
)


def stdin_password() -> str:
    """The first line of stdin, without its line ending; empty means none given."""
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise HandoffError("empty_password", NO_PASSWORD)
    return line


def prompted_password() -> str:
    """Ask on the terminal; a script without --password-stdin gets a clear error."""
    if not sys.stdin.isatty():
        raise HandoffError("password_required", NO_PASSWORD)
    return getpass.getpass(tr("Wachtwoord: ", "Password: "))


#: What each stored secret unlocks, in the worker's words (never the internal name).
_SECRET_LABELS = {
    "smtp": ("de mailserver", "the mail server"),
    "sftp": ("de SFTP-server", "the SFTP server"),
    "sms": ("de sms-dienst", "the SMS service"),
}


def terminal_ask() -> Ask | None:
    """Ask for a missing secret (SMTP, SFTP, SMS) with getpass, only on a terminal.

    Without a secure keyring Handoff stores no secret and asks each time
    (core/credentials.py); a script without a terminal gets the channel's own
    "no secret" message instead of a prompt that would hang.
    """
    if not sys.stdin.isatty():
        return None

    def ask(name: str) -> str | None:
        nl, en = _SECRET_LABELS.get(name, (name, name))
        return (
            getpass.getpass(tr("Wachtwoord voor {nl}: ", "Password for {en}: ", nl=nl, en=en))
            or None
        )

    return ask


def read_password(from_stdin: bool) -> str:
    """Whichever of the two the caller's flag asks for."""
    return stdin_password() if from_stdin else prompted_password()


def add_password_stdin(parser: argparse.ArgumentParser) -> None:
    """``--password-stdin``: the password from the first input line, never an argument."""
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=tr("wachtwoord van de eerste invoerregel", "password from the first input line"),
    )


def add_allow_unencrypted(parser: argparse.ArgumentParser) -> None:
    """``--allow-unencrypted``: open an archive the sender did not encrypt (protocol broken)."""
    parser.add_argument(
        "--allow-unencrypted",
        action="store_true",
        help=tr("ook een niet-versleuteld archief openen", "also open an unencrypted archive"),
    )


def add_consent_confirmed(parser: argparse.ArgumentParser) -> None:
    """``--consent-confirmed``: the referral protocol's consent (seeds 001/002)."""
    parser.add_argument(
        "--consent-confirmed",
        action="store_true",
        help=tr(
            "de cliënt is ingelicht en gaf uitdrukkelijk toestemming",
            "the client was informed and explicitly agreed",
        ),
    )
