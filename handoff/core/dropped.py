"""Attachments dragged straight out of Outlook, kept in the secure folder until received.

Outlook hands a dragged attachment over as bytes with no path (issue 14 §3). The
receive page writes them into :data:`DROPPED_FOLDER` inside the secure folder,
never a temp folder: the archive is encrypted, but seed 003 (exchange process,
step 4) wants the list only "op een interne beveiligde locatie", and a copy in
%TEMP% is one nobody cleans up. The page removes its copy once the archive was
received, or another file chosen; a Handoff killed in between leaves the file,
which :mod:`handoff.core.leftovers` removes at the next start. To tell that from
a copy a live Handoff (this one or another, on a shared folder) is still
holding, the writer keeps the file locked as long as it holds it, like a
partial archive (:func:`handoff.core.archive.stage.owner_gone`).
"""

from __future__ import annotations

import os
from pathlib import Path

from handoff.core.archive import errors as msg
from handoff.core.archive.stage import owner_gone, try_lock

#: The secure folder's area for dropped attachments (hidden: not a received list).
DROPPED_FOLDER = ".handoff-dropped"


def folder_in(secure: Path) -> Path:
    """The drop area of the secure folder ``secure``."""
    return Path(secure) / DROPPED_FOLDER


class Dropped:
    """One dropped attachment in the drop area, locked by this process until :meth:`release`."""

    def __init__(self, secure: Path, name: str, data: bytes) -> None:
        folder = folder_in(secure)
        self._fd: int | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.path, self._fd = _create(folder, name)
        except OSError as exc:
            raise msg.from_os_error(exc, Path(secure).name or str(secure)) from None
        try:
            _write_all(self._fd, data)
        except OSError as exc:
            self.release()
            raise msg.from_os_error(exc, Path(secure).name or str(secure)) from None

    def release(self) -> None:
        """Remove the copy (received, or no longer wanted), then let go of the lock.

        On Windows an open file cannot be deleted, so it is closed first; the
        instant in between is covered by the clean-up's grace for young files.
        """
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self.path.unlink(missing_ok=True)


def _create(folder: Path, name: str) -> tuple[Path, int]:
    """``folder/name``, or ``name (2)`` … when a live Handoff holds that one; locked at once.

    A file of that name whose owner is gone is an abandoned copy: it is replaced.
    """
    stem, suffix = Path(name).stem, Path(name).suffix
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    n = 1
    while True:
        path = folder / (name if n == 1 else f"{stem} ({n}){suffix}")
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            if path.is_file() and not path.is_symlink() and owner_gone(path):
                path.unlink(missing_ok=True)
            else:
                n += 1
            continue
        try_lock(fd, wait=True)
        return path, fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)
