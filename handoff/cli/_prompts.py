"""Talking to the person at the terminal: messages on stderr, passwords in.

Shared by every command, so results alone go to stdout (scripts read them)
and a script that gives no password always gets the same clear error.
"""

from __future__ import annotations

import getpass
import sys

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, tr


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


def read_password(from_stdin: bool) -> str:
    """Whichever of the two the caller's flag asks for."""
    return stdin_password() if from_stdin else prompted_password()
