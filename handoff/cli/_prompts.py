"""Reading a password on the command line: the first stdin line, or a hidden prompt.

Shared by every command that opens or makes an archive, so a script always
gets the same clear error when it gives no password.
"""

from __future__ import annotations

import getpass
import sys

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, tr

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
