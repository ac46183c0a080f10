"""Helper process: one Simple MAPI ``MAPISendMailW`` call with the compose dialog.

    python -m handoff.channels.mail_programs.mapi_helper DLL ATTACHMENT TO SUBJECT BODY

Run by :mod:`handing`, never inside the Qt process: a mail client's MAPI DLL
that hangs or crashes ends this process, not Handoff. The exit code is the
MAPI result (0 SUCCESS_SUCCESS, 1 MAPI_USER_ABORT, ...), or 100 when the DLL
could not be loaded (e.g. a 32-bit DLL in this 64-bit process). Falls back to
the ANSI ``MAPISendMail`` for clients without the wide entry point.
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import POINTER, Structure, c_char_p, c_ulong, c_void_p, c_wchar_p

MAPI_LOGON_UI = 0x1
MAPI_DIALOG = 0x8
MAPI_TO = 1
MAPI_UNICODE = 0  # MAPISendMailW takes no flag for wide strings
NOT_LOADED = 100


def _structures(text: type) -> tuple[type, type, type]:
    """MapiRecipDesc(W), MapiFileDesc(W), MapiMessage(W) for ``text`` (c_wchar_p or c_char_p)."""

    class Recipient(Structure):
        _fields_ = [("ulReserved", c_ulong), ("ulRecipClass", c_ulong), ("lpszName", text),
                    ("lpszAddress", text), ("ulEIDSize", c_ulong), ("lpEntryID", c_void_p)]  # fmt: skip

    class File(Structure):
        _fields_ = [("ulReserved", c_ulong), ("flFlags", c_ulong), ("nPosition", c_ulong),
                    ("lpszPathName", text), ("lpszFileName", text), ("lpFileType", c_void_p)]  # fmt: skip

    class Message(Structure):
        _fields_ = [("ulReserved", c_ulong), ("lpszSubject", text), ("lpszNoteText", text),
                    ("lpszMessageType", text), ("lpszDateReceived", text),
                    ("lpszConversationID", text), ("flFlags", c_ulong),
                    ("lpOriginator", POINTER(Recipient)), ("nRecipCount", c_ulong),
                    ("lpRecips", POINTER(Recipient)), ("nFileCount", c_ulong),
                    ("lpFiles", POINTER(File))]  # fmt: skip

    return Recipient, File, Message


def send(dll_path: str, attachment: str, to: str, subject: str, body: str) -> int:
    """One MAPI compose dialog with ``attachment``; returns the MAPI result code."""
    try:
        dll = ctypes.WinDLL(dll_path)  # type: ignore[attr-defined]
    except OSError:
        return NOT_LOADED
    wide = getattr(dll, "MAPISendMailW", None)
    function = wide or getattr(dll, "MAPISendMail", None)
    if function is None:
        return NOT_LOADED
    text = c_wchar_p if wide else c_char_p

    def conv(value: str) -> object:
        return value if wide else value.encode("mbcs", errors="replace")

    recipient_t, file_t, message_t = _structures(text)
    name = attachment.replace("/", "\\").rsplit("\\", 1)[-1]
    recipient = recipient_t(0, MAPI_TO, conv(to), conv(f"SMTP:{to}"), 0, None)
    file = file_t(0, 0, 0xFFFFFFFF, conv(attachment), conv(name), None)
    message = message_t(0, conv(subject), conv(body), None, None, None, 0, None,
                        1, ctypes.pointer(recipient), 1, ctypes.pointer(file))  # fmt: skip
    function.restype = c_ulong
    return int(function(None, None, ctypes.byref(message), MAPI_DIALOG | MAPI_LOGON_UI, 0))


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print("usage: mapi_helper DLL ATTACHMENT TO SUBJECT BODY", file=sys.stderr)
        return 2
    return send(*argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
