"""Paths longer than Windows allows on this PC: refused before a step writes anything.

Windows refuses a path of 260 characters or more (MAX_PATH, its final NUL
included; a folder 248, room for an 8.3 name) unless the machine has
``HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem\\LongPathsEnabled`` = 1 and
the program says it is long-path aware (python.exe does; so does a PyInstaller
bundle, whose bootloader manifest sets ``longPathAware`` since PyInstaller 5).
Without it the failure comes half-way, as "path not found" or "the file name
is too long", about a hidden staging or partial name the worker never chose.
So a step computes the longest path it will write (the hidden partial beside
an archive, the staging folder with the longest name inside the archive, the
final place) and :func:`require_fits` refuses it at once with the length, the
limit and what to do. :func:`limits` is the one place the limit comes from.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from handoff.core.errors import HandoffError
from handoff.core.i18n import Phrase, Text, counted_phrase

#: MAX_PATH less its final NUL: the longest file path Win32 takes without long paths.
WINDOWS_FILE_LIMIT = 259
#: CreateDirectory keeps room for an 8.3 file name (MAX_PATH - 12, its NUL included).
WINDOWS_FOLDER_LIMIT = 247
_FILESYSTEM_KEY = r"SYSTEM\CurrentControlSet\Control\FileSystem"

TOO_LONG = Text(
    "Het pad is te lang: {length}, Windows laat er op deze pc {limit} toe. Kies een kortere "
    "map of een kortere bestandsnaam. Er is niets weggeschreven.",
    "The path is too long: {length}; Windows allows {limit} on this PC. Choose a shorter "
    "folder or a shorter file name. Nothing was written.",
)


@dataclass(frozen=True)
class Limits:
    """The longest file and folder path, in characters; None where there is no limit."""

    file: int | None
    folder: int | None


NO_LIMIT = Limits(None, None)


def long_paths_enabled() -> bool:
    """Whether Windows' ``LongPathsEnabled`` is 1 (a missing key or value means no)."""
    # The one registry reader (policy's), not its policy factory: this is the
    # machine's setting, read on Windows only (the caller checks the platform).
    from handoff.core.policy import HKLM, WinRegistry

    found = WinRegistry().values(HKLM, _FILESYSTEM_KEY) or []
    return any(name.lower() == "longpathsenabled" and data == 1 for name, data, _ in found)


def limits() -> Limits:
    """This PC's limits: Windows' without long paths, none on Windows with them or elsewhere."""
    if sys.platform != "win32" or long_paths_enabled():
        return NO_LIMIT
    return Limits(WINDOWS_FILE_LIMIT, WINDOWS_FOLDER_LIMIT)


def _characters(n: int) -> Phrase:
    return counted_phrase(n, "{n} teken", "{n} tekens", "{n} character", "{n} characters")


def require_fits(
    files: Iterable[Path | str] = (),
    folders: Iterable[Path | str] = (),
    *,
    within: Limits | None = None,
) -> None:
    """Refuse when a path the step will write is longer than ``within`` (default: :func:`limits`).

    The path furthest over its limit is named by its length only: its folder
    and name may be anywhere in it, and what to do is the same.
    """
    within = limits() if within is None else within
    worst: tuple[int, int, int] | None = None  # excess, length, limit
    for paths, limit in ((files, within.file), (folders, within.folder)):
        if limit is None:
            continue
        for path in paths:
            length = len(str(path))
            if length > limit and (worst is None or length - limit > worst[0]):
                worst = (length - limit, length, limit)
    if worst is not None:
        raise HandoffError(
            "path_too_long",
            TOO_LONG,
            length=_characters(worst[1]),
            limit=_characters(worst[2]),
        )
