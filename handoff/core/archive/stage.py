"""A fresh staging folder, moved into the destination only when all went well.

The received list goes to "een intern beveiligde locatie" (seed 003, decision art. 1, exchange
process step 4); a half-extracted list there would be a file nobody knows is
incomplete. Staging sits on the destination's volume, so moving it in is a
rename, and nothing that already exists in the destination is ever replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from handoff.core import paths
from handoff.core.archive import errors as msg
from handoff.core.errors import HandoffError

_PREFIX = ".handoff-unpack-"


def _refuse_existing(dest: Path, top_level: tuple[str, ...]) -> None:
    for name in top_level:
        target = dest / name
        if target.exists() or target.is_symlink():
            raise HandoffError("file_exists", msg.FILE_EXISTS, folder=dest.name or str(dest))


def _create_dest(dest: Path) -> list[Path]:
    """Create ``dest`` and missing parents; return those created, deepest last."""
    missing = [p for p in (dest, *dest.parents) if not p.exists()]
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise msg.from_os_error(exc, dest.name) from None
    return list(reversed(missing))


def _make_staging(dest: Path) -> Path:
    """A fresh folder on ``dest``'s volume: beside it, in Handoff's temp, or inside it."""
    device = dest.stat().st_dev
    for base in (dest.parent, paths.temp_dir(), dest):
        try:
            if base.stat().st_dev == device:
                return Path(tempfile.mkdtemp(prefix=_PREFIX, dir=base))
        except OSError:
            continue
    raise HandoffError("write_failed", msg.WRITE_FAILED, name=dest.name, reason="staging")


def _move_in(staging: Path, dest: Path, top_level: tuple[str, ...]) -> None:
    """Move each top-level item in; undo the ones already moved if one fails."""
    moved: list[Path] = []
    try:
        for name in top_level:
            _move_one(staging / name, dest / name, dest)
            moved.append(dest / name)
    except BaseException:
        for target in moved:
            _remove(target)
        raise


def _move_one(source: Path, target: Path, dest: Path) -> None:
    """Link a file (fails if the target exists) or rename a folder after a check."""
    try:
        if source.is_dir():
            if target.exists():
                raise FileExistsError
            os.rename(source, target)
        else:
            os.link(source, target)
    except FileExistsError:
        raise HandoffError("file_exists", msg.FILE_EXISTS, folder=dest.name) from None
    except OSError:  # no hard links on this volume: checked rename
        if target.exists():
            raise HandoffError("file_exists", msg.FILE_EXISTS, folder=dest.name) from None
        os.rename(source, target)


def _remove(target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target, ignore_errors=True)
    else:
        target.unlink(missing_ok=True)


@contextmanager
def staged_into(dest: Path, top_level: tuple[str, ...]) -> Iterator[Path]:
    """Yield a staging folder; on normal exit move its content into ``dest``.

    On any failure the staging folder, and ``dest`` itself if this call
    created it, are removed: nothing is left behind.
    """
    if dest.exists():
        _refuse_existing(dest, top_level)
    created = _create_dest(dest)
    staging: Path | None = None
    try:
        staging = _make_staging(dest)
        yield staging
        _move_in(staging, dest, top_level)
    except BaseException:
        for folder in reversed(created):
            with suppress(OSError):
                folder.rmdir()
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
