"""Write a file so it is either absent (or the old one) or complete: never half-written.

The settings, a journal checkpoint, the DPO's export and every archive are
written through :func:`partial_beside`: a hidden partial file in the target's
own folder (so the rename stays on one volume and never crosses into a temp
folder), flushed and fsynced, then renamed into place. On any failure, or when
the ``with`` body raises (a cancel, a full disk), the partial is removed and
the target is untouched.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def partial_name(target: Path) -> Path:
    """The hidden partial beside ``target``; random, so two writers never share one."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


@contextmanager
def partial_beside(target: Path, *, replace: bool = False) -> Iterator[IO[bytes]]:
    """A new binary file (read/write, owner-only) published at ``target`` when the block ends.

    ``replace=False`` never replaces an existing ``target``: publishing raises
    :class:`FileExistsError` if one appeared meanwhile. ``replace=True`` swaps
    the old file for the new one in one step (the settings, a checkpoint).
    Opening the partial or publishing raises :class:`OSError`; callers turn it
    into their own message.
    """
    target = Path(target)
    partial = partial_name(target)
    fd = os.open(partial, _FLAGS, 0o600)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        (os.replace if replace else publish_new)(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def publish_new(partial: Path, target: Path) -> None:
    """Put ``partial`` at ``target`` without ever replacing an existing file.

    A hard link fails if ``target`` appeared meanwhile; on a volume without
    hard links (FAT, some shares) fall back to a checked rename.
    """
    try:
        os.link(partial, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass
    rename_new(partial, target)


def rename_new(source: Path, target: Path) -> None:
    """Rename ``source`` (a file or a folder) to ``target`` unless something is there already.

    Checked, not atomic: the fallback where no hard link can be made, and the
    way a folder is moved in. A dangling symbolic link counts as something.
    """
    if target.exists() or target.is_symlink():
        raise FileExistsError(target)
    os.rename(source, target)


def write_atomic(target: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` so ``target`` is either the old file (or none) or the complete new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with partial_beside(target, replace=replace) as handle:
        handle.write(data)
