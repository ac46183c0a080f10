"""Helper process: a draft in classic Outlook through its object model over COM.

    python -m handoff.channels.mail_programs.outlook_helper ATTACHMENT TO SUBJECT BODY

Run by :mod:`handing`, never inside the Qt process: Outlook may show its
profile dialog or hang, and that must end this process, not Handoff. It uses
comtypes' late-bound dispatch (``CreateObject(..., dynamic=True)``), not
PowerShell: on managed office PCs PowerShell runs in Constrained Language
Mode and refuses ``New-Object -ComObject``, and late binding needs neither
Outlook's type library nor a generated wrapper module (nothing written into a
``comtypes.gen`` cache, which a frozen bundle cannot hold).

``CoCreateInstance`` asks for any server context (in-process or local): real
Outlook is an out-of-process LocalServer32, the test stand-in an in-process
DLL (tools/wine/outlook_standin.c); the client code is the same for both.

Exit codes (:data:`SHOWN`, :data:`NOT_AVAILABLE`, :data:`FAILED`): the caller
moves on to the next method on anything but ``SHOWN``. Nothing is printed: the
arguments hold personal data (the recipient) and the body never holds the
password.
"""

from __future__ import annotations

import sys
from typing import Any

#: The draft is open in Outlook's compose window.
SHOWN = 0
#: Wrong arguments.
USAGE = 2
#: Outlook is not registered for COM, or its server could not be started.
NOT_AVAILABLE = 3
#: Outlook started but refused the draft (e.g. the attachment, an error dialog).
FAILED = 4

PROG_ID = "Outlook.Application"
OL_MAIL_ITEM = 0


def _com_errors() -> tuple[type[BaseException], ...]:
    """What comtypes raises for a failed COM call (COMError is no OSError)."""
    from comtypes import COMError

    return (OSError, COMError)


def _outlook() -> Any:
    """Outlook.Application, started (or the running instance) by CoCreateInstance."""
    from comtypes.client import CreateObject

    return CreateObject(PROG_ID, dynamic=True)


def compose(attachment: str, to: str, subject: str, body: str) -> int:
    """Open a new mail with ``attachment`` in Outlook's compose window; an exit code."""
    try:
        errors = _com_errors()
    except ImportError:  # comtypes is installed on Windows only
        return NOT_AVAILABLE
    try:
        outlook = _outlook()
    except errors:
        return NOT_AVAILABLE
    try:
        mail = outlook.CreateItem(OL_MAIL_ITEM)
        mail.To = to
        mail.Subject = subject
        mail.Body = body
        mail.Attachments.Add(attachment)
        mail.Display(False)  # not modal: this helper ends, the draft stays open
    except errors:
        return FAILED
    return SHOWN


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print("usage: outlook_helper ATTACHMENT TO SUBJECT BODY", file=sys.stderr)
        return USAGE
    return compose(*argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
