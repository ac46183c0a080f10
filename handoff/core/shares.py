"""A secure folder on a network share: reachable, or refused with one clear message.

Many offices keep the secure folder on a file server, as a UNC path
(``\\\\server\\share\\...``) or a mapped drive (``S:\\...``). When the VPN is down
or the server is away, Windows answers with a handful of codes (measured under
Wine and listed in Microsoft's system error codes) that would reach the worker
as "The network path was not found" or, worse, "path not found". This module
is the one place that turns them into "the secure folder on \\\\server\\share is
not reachable: check the network or VPN connection", and that a step calls
before it decrypts anything, so nothing ever goes elsewhere (no temp folder).
"""

from __future__ import annotations

import errno
import ntpath
import os
from pathlib import Path, PureWindowsPath

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

UNREACHABLE = Text(
    "De beveiligde map op {share} is niet bereikbaar. Controleer de netwerkverbinding of de "
    "VPN-verbinding en probeer opnieuw. Er is niets ontsleuteld of weggeschreven.",
    "The secure folder on {share} cannot be reached. Check the network or VPN connection and "
    "try again. Nothing was decrypted or written.",
)

#: Windows system error codes that mean "the network (share) is away".
NETWORK_WINERRORS = frozenset(
    {
        51,  # ERROR_REM_NOT_LIST: the remote computer is not available
        53,  # ERROR_BAD_NETPATH: the network path was not found (no such server)
        54,  # ERROR_NETWORK_BUSY
        59,  # ERROR_UNEXP_NET_ERR
        64,  # ERROR_NETNAME_DELETED: the connection dropped
        67,  # ERROR_BAD_NET_NAME: no such share on the server
        121,  # ERROR_SEM_TIMEOUT: an SMB request timed out
        1201,  # ERROR_CONNECTION_UNAVAIL: a mapped drive not connected
        1203,  # ERROR_NO_NET_OR_BAD_PATH
        1222,  # ERROR_NO_NETWORK
        1231,  # ERROR_NETWORK_UNREACHABLE
        1232,  # ERROR_HOST_UNREACHABLE
        2250,  # ERROR_NOT_CONNECTED: a mapped drive whose connection is gone
    }
)
#: "Not found" codes, which mean "share away" only when the share's root is missing too.
NOT_FOUND_WINERRORS = frozenset({2, 3, 15, 21})  # file, path, drive not found; not ready
#: POSIX errors of a CIFS/NFS mount whose server went away.
NETWORK_ERRNOS = frozenset(
    getattr(errno, name)
    for name in (
        "ENOTCONN", "EHOSTDOWN", "EHOSTUNREACH", "ENETDOWN", "ENETUNREACH", "ESTALE",
        "ETIMEDOUT", "ECONNABORTED", "ECONNRESET", "ECONNREFUSED", "EREMOTEIO",
    )
    if hasattr(errno, name)
)  # fmt: skip


def share_of(folder: Path | str) -> str:
    """What the message names: ``\\\\server\\share`` or ``S:`` on Windows, else the folder."""
    text = str(folder)
    drive = ntpath.splitdrive(text)[0] if _windows_style(text) else ""
    return drive or text


def _windows_style(text: str) -> bool:
    return text.startswith(("\\\\", "//")) or (len(text) >= 2 and text[1] == ":")


def _root(folder: Path | str) -> str | None:
    """The share's root (``\\\\server\\share\\`` or ``S:\\``); None for a POSIX path."""
    text = str(folder)
    if not _windows_style(text):
        return None
    return PureWindowsPath(text).anchor or None


def root_missing(folder: Path | str) -> bool:
    """True when the share or drive that holds ``folder`` is not there at all."""
    root = _root(folder)
    return root is not None and not os.path.isdir(root)


def is_network_error(exc: OSError, folder: Path | str | None = None) -> bool:
    """True when ``exc`` says the share holding ``folder`` (or the failed path) is away."""
    if getattr(exc, "winerror", None) in NETWORK_WINERRORS or exc.errno in NETWORK_ERRNOS:
        return True
    where = folder if folder is not None else exc.filename
    not_found = getattr(exc, "winerror", None) in NOT_FOUND_WINERRORS or exc.errno == errno.ENOENT
    return not_found and where is not None and root_missing(where)


def unreachable(folder: Path | str) -> HandoffError:
    """The one message for a secure folder whose share cannot be reached."""
    return HandoffError("share_unreachable", UNREACHABLE, share=share_of(folder))


def translate(exc: OSError, name: str) -> HandoffError | None:
    """The share message for a network ``exc`` (naming its share, else ``name``); else None."""
    if not is_network_error(exc):
        return None
    failed = exc.filename if isinstance(exc.filename, str) else None
    return unreachable(failed if failed and _root(failed) else name)


def require_reachable(folder: Path) -> None:
    """Refuse before a step starts when the share or drive holding ``folder`` is away.

    Only the root is looked at (a missing subfolder is created by the step);
    an error while looking that means "network away" counts the same.
    """
    if root_missing(folder):
        raise unreachable(folder)
    try:
        os.stat(_nearest_existing(folder))
    except OSError as exc:
        if is_network_error(exc, folder):
            raise unreachable(folder) from None


def _nearest_existing(folder: Path) -> Path:
    """``folder`` or its deepest parent that exists (stat-ing it touches the share)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder
