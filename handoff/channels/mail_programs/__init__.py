"""Hand a draft with its attachment to the mail program, the way each program supports it.

What the field knows (LibreOffice's senddoc, NAPS2's mail providers), in the
order tried on Windows:

- ``mapi``: Simple MAPI (classic Outlook, Thunderbird) ``MAPISendMailW`` with the
  dialog flag, from the DLL of the default mail client
  (``HKLM\\SOFTWARE\\Clients\\Mail\\<client>``: ``DllPathEx``, then ``DllPath``),
  called in a helper process so a mail client that hangs or crashes never takes
  Handoff with it; when that 64-bit helper cannot load the DLL (a 32-bit
  Outlook), the Windows bundle's 32-bit ``mapi-send-x86.exe`` tries it;
- ``olk``: the new Outlook for Windows (no MAPI, no COM) opens an ``.eml`` with
  ``X-Unsent: 1`` as a draft when started with it explicitly;
- ``outlook_com``: classic Outlook through its object model over COM
  (``CreateItem(0)``, ``To``/``Subject``/``Body``, ``Attachments.Add``,
  ``Display``) when it has no MAPI, detected by ``Outlook.Application`` in
  HKCR; late-bound through comtypes in its own helper process
  (:mod:`outlook_helper`), not PowerShell, whose Constrained Language Mode
  (AppLocker/WDAC on managed office PCs) refuses COM objects;
- ``thunderbird``: ``thunderbird -compose "to='…',subject='…',attachment='file:///…'"``
  (registered under App Paths), the attachment as a ``file:`` URI;
- ``default``: the program Windows associates with ``.eml``.

On Linux: ``xdg-email --attach``, Thunderbird's ``-compose``, then ``xdg-open``.
The first method that reports success wins and is journaled as ``method``; a
forced method (setting) is the only one tried. When none worked the worker is
told, and the draft is shown in Explorer (``explorer /select,``).
"""

from handoff.channels.mail_programs.detect import (
    METHODS,
    Method,
    Registry,
    WindowsRegistry,
    detect,
)
from handoff.channels.mail_programs.handing import Draft, HandOver, hand_over, show_in_folder

__all__ = [
    "METHODS",
    "Draft",
    "HandOver",
    "Method",
    "Registry",
    "WindowsRegistry",
    "detect",
    "hand_over",
    "show_in_folder",
]
