"""A fresh, locked staging folder, moved into the destination only when all went well.

The received list goes to "een intern beveiligde locatie" (seed 003, decision art. 1, exchange
process step 4); a half-extracted list there would be a file nobody knows is
incomplete. Staging sits inside the folder the command writes to (so moving it
in is a rename on one volume, and the start-up clean-up knows where to look),
and nothing that already exists in the destination is ever replaced.

A process killed mid-extraction leaves its staging folder behind, full of
decrypted data. Each staging folder therefore holds a marker file that its
process keeps locked (``flock`` on POSIX, ``msvcrt.locking`` on Windows) for
as long as it lives: the operating system drops the lock when the process
dies, so :func:`is_stale` tells a leftover from a folder another Handoff is
writing right now (:mod:`handoff.core.leftovers` removes the leftovers).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from handoff.core.archive import errors as msg
from handoff.core.atomic import publish_new, rename_new
from handoff.core.errors import HandoffError

PREFIX = ".handoff-unpack-"
LOCK_NAME = ".handoff-lock"
CONTENT_NAME = "content"
#: How long a staging folder or partial file whose owner has not yet taken its
#: lock (the few microseconds between creating and locking) counts as live.
GRACE_SECONDS = 120.0
_LOCK_OFFSET = 1 << 40  # Windows locks a byte range: one far past any data


def try_lock(fd: int, *, wait: bool = False) -> bool:
    """Take an exclusive lock on the open file ``fd``; False when another process holds it.

    ``wait`` is for the owner of a fresh file: a clean-up in another process
    may hold the lock for an instant while it looks at the file.
    """
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            here = os.lseek(fd, 0, os.SEEK_CUR)
            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
            finally:
                os.lseek(fd, here, os.SEEK_SET)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _age(path: Path) -> float:
    return time.time() - path.lstat().st_mtime


def owner_gone(path: Path) -> bool:
    """True when no live process holds the lock on ``path`` (a marker or a partial file).

    An empty, young file may belong to a process that created it and is about to
    lock it and write its pid: it counts as live for :data:`GRACE_SECONDS`.
    """
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return True
    except OSError:
        return False  # cannot even open it: not ours to judge
    try:
        if not try_lock(fd):
            return False
        return os.fstat(fd).st_size > 0 or _age(path) > GRACE_SECONDS
    finally:
        os.close(fd)


def is_stale(staging: Path) -> bool:
    """A staging folder whose process is gone (or never took its lock and is old)."""
    marker = staging / LOCK_NAME
    try:
        if marker.exists():
            return owner_gone(marker)
        return _age(staging) > GRACE_SECONDS
    except OSError:
        return False


class Staging:
    """A ``.handoff-unpack-*`` folder, locked by this process while it exists.

    Files go into :attr:`content`; :meth:`move_into` moves its top-level items
    into the destination; :meth:`remove` deletes whatever is left.
    """

    def __init__(self, base: Path) -> None:
        try:
            self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=base))
        except OSError as exc:
            raise msg.from_os_error(exc, base.name or str(base)) from None
        self._fd: int | None = None
        try:
            self._fd = self._lock()
            self.content = self.path / CONTENT_NAME
            self.content.mkdir()
        except BaseException:
            self.remove()
            raise

    def _lock(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path / LOCK_NAME, flags, 0o600)
        except OSError as exc:
            raise msg.from_os_error(exc, self.path.parent.name) from None
        # False only where the file system has no locks at all: then a clean-up
        # cannot take the lock either, and leaves this folder alone.
        try_lock(fd, wait=True)
        os.write(fd, f"{os.getpid()}\n".encode())  # non-empty: a dead owner is stale at once
        return fd

    def move_into(self, dest: Path, top_level: tuple[str, ...]) -> None:
        """Move each top-level item into ``dest``; undo the ones already moved if one fails."""
        moved: list[Path] = []
        try:
            for name in top_level:
                _move_one(self.content / name, dest / name, dest)
                moved.append(dest / name)
        except BaseException:
            for target in moved:
                _remove(target)
            raise

    def remove(self) -> None:
        """Delete the folder and its content, then let go of the lock."""
        shutil.rmtree(self.path, ignore_errors=True)  # POSIX: gone before the lock is let go
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        shutil.rmtree(self.path, ignore_errors=True)  # Windows: the marker only goes once closed


def longest_staging(base: Path) -> Path:
    """The deepest folder a :class:`Staging` in ``base`` makes (mkdtemp's random part: 8)."""
    return Path(base).absolute() / f"{PREFIX}{'x' * 8}" / CONTENT_NAME


@contextmanager
def staging(base: Path) -> Iterator[Staging]:
    """A locked staging folder in ``base``, removed with all it holds when the block ends."""
    stage = Staging(base)
    try:
        yield stage
    finally:
        stage.remove()


def refuse_existing(dest: Path, top_level: tuple[str, ...]) -> None:
    """Nothing in ``dest`` is ever replaced: refuse before a byte is decrypted."""
    for name in top_level:
        target = dest / name
        if target.exists() or target.is_symlink():
            raise HandoffError("file_exists", msg.FILE_EXISTS, folder=dest.name or str(dest))


def create_dest(dest: Path) -> list[Path]:
    """Create ``dest`` and missing parents; return those created, deepest last."""
    missing = [p for p in (dest, *dest.parents) if not p.exists()]
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise msg.from_os_error(exc, dest.name) from None
    return list(reversed(missing))


def remove_created(created: list[Path]) -> None:
    """Undo :func:`create_dest`: remove the folders it made, if still empty."""
    for folder in reversed(created):
        with suppress(OSError):
            folder.rmdir()


def _move_one(source: Path, target: Path, dest: Path) -> None:
    """Link a file in (a checked rename where there are no hard links), rename a folder checked."""
    try:
        (rename_new if source.is_dir() else publish_new)(source, target)
    except FileExistsError:
        raise HandoffError("file_exists", msg.FILE_EXISTS, folder=dest.name) from None


def _remove(target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target, ignore_errors=True)
    else:
        target.unlink(missing_ok=True)
