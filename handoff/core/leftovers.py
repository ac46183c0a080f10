"""What a killed Handoff left behind: found and removed at the next start, and journaled.

A process killed while it decrypts leaves a ``.handoff-unpack-*`` staging
folder full of decrypted data; one killed while it packs leaves a hidden
``.<name>.<hex>.partial`` file; one killed while a worker was about to open
an attachment dragged out of Outlook leaves it in the secure folder's
``.handoff-dropped`` area (:mod:`handoff.core.dropped`); an older Handoff killed between moving a
received folder into place and journaling it left a ``HO-…`` folder that no
record names, so neither ``log open`` nor retention ever saw it. Seed 003
(exchange process, step 4) wants the list only "op een interne beveiligde
locatie", and every protocol (decree of 18 July 2008, art. 8 §1, 13°, quoted
in seed 000) wants access logged: a decrypted copy outside the journal is
both a stray copy and an unlogged one.

So the app at start (its retention run), the retention sweep, and every
command that writes into the secure folder, an unpack folder or an outbox call
:func:`clean` first. It removes only what is provably abandoned (see
:func:`handoff.core.archive.stage.is_stale`: the owner's lock is gone), so two
Handoff processes at once never remove each other's work, and journals one
LEFTOVERS_REMOVED record with counts and bytes, never a name.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from handoff.core.archive.stage import GRACE_SECONDS, LOCK_NAME, PREFIX, is_stale, owner_gone
from handoff.core.dropped import folder_in
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.mounts import mount_of

#: A folder ``usecases.receive`` makes in the secure folder: the handoff id, maybe a counter.
RECEIVED_FOLDER = re.compile(r"^(HO-\d{8}-[0-9A-Z]{6})(?:-\d+)?$")
#: The hidden file ``archive.pack`` writes beside its output (sevenzip._partial_beside).
PARTIAL_FILE = re.compile(r"^\..+\.[0-9a-f]{8}\.partial$")


@dataclass(frozen=True)
class Removed:
    """What one clean-up removed: counts and bytes, the only things the journal may hear."""

    staging_folders: int = 0
    unrecorded_folders: int = 0
    partial_files: int = 0
    files: int = 0
    dropped_files: int = 0
    bytes: int = 0

    def __add__(self, other: Removed) -> Removed:
        return Removed(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def __bool__(self) -> bool:
        return bool(
            self.staging_folders
            or self.unrecorded_folders
            or self.partial_files
            or self.dropped_files
        )


def _children(folder: Path) -> list[Path]:
    """The entries of ``folder``; a folder that is not there (share not mounted) has none."""
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _is_real_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _size(path: Path) -> tuple[int, int]:
    """Files and bytes under ``path`` (a file or a folder), links not followed."""
    if not _is_real_dir(path):
        try:
            return 1, path.lstat().st_size
        except OSError:
            return 0, 0
    count = total = 0
    for root, _dirs, names in os.walk(path, followlinks=False):
        for name in names:
            if name == LOCK_NAME:
                continue  # the staging folder's own marker, not something decrypted
            try:
                total += (Path(root) / name).lstat().st_size
                count += 1
            except OSError:
                continue
    return count, total


def _remove_tree(path: Path) -> Removed | None:
    """Remove a folder; what it held, or None when it is (partly) still there."""
    count, total = _size(path)
    shutil.rmtree(path, ignore_errors=True)
    return None if path.exists() else Removed(files=count, bytes=total)


#: On a network share another PC's lock may not be visible here (Linux keeps
#: flock on CIFS local): there a leftover must also have been quiet this long.
SHARE_QUIET_SECONDS = 600.0


def _quiet(path: Path) -> bool:
    """Nothing under ``path`` changed for :data:`SHARE_QUIET_SECONDS`."""
    newest = path.lstat().st_mtime
    for root, _dirs, names in os.walk(path, followlinks=False):
        for name in names:
            with contextlib.suppress(OSError):
                newest = max(newest, (Path(root) / name).lstat().st_mtime)
    return time.time() - newest > SHARE_QUIET_SECONDS


def _abandoned(folder: Path, found: list[Path]) -> list[Path]:
    """On a share, only what also stayed quiet; locally the lock alone tells."""
    return [p for p in found if _quiet(p)] if found and on_network_share(folder) else found


def stale_stagings(folder: Path) -> list[Path]:
    """Staging folders in ``folder`` whose process is gone."""
    found = [
        p
        for p in _children(folder)
        if p.name.startswith(PREFIX) and _is_real_dir(p) and is_stale(p)
    ]
    return _abandoned(folder, found)


def stale_partials(folder: Path) -> list[Path]:
    """Half-written archives in ``folder`` whose process is gone."""
    found = [
        p
        for p in _children(folder)
        if PARTIAL_FILE.match(p.name) and p.is_file() and not p.is_symlink() and owner_gone(p)
    ]
    return _abandoned(folder, found)


def stale_dropped(secure: Path) -> list[Path]:
    """Dropped Outlook attachments in ``secure``'s drop area that no live Handoff holds.

    The page that wrote one keeps it locked until it was received (then it
    removes it) or given up; an unlocked one was left by a killed Handoff.
    """
    folder = folder_in(secure)
    found = [p for p in _children(folder) if p.is_file() and not p.is_symlink() and owner_gone(p)]
    return _abandoned(folder, found)


def _recorded_names(journal: Journal, handoff_id: str) -> set[str]:
    """The folder names the DECRYPTED records of one handoff give (any secure folder)."""
    rows = journal.select(
        "SELECT details FROM records WHERE handoff_id = ? AND step = ?",
        (handoff_id, Step.DECRYPTED.value),
    )
    names = set()
    for (details,) in rows:
        folder = json.loads(details).get("folder")
        if folder:
            names.add(Path(folder).name)
    return names


def _someone_elses(path: Path) -> bool:
    """Owned by another OS account (POSIX): a colleague's, under a journal of their own.

    Windows gives no owner through ``os.stat``; there the volume check alone applies.
    """
    geteuid = getattr(os, "geteuid", None)
    try:
        return geteuid is not None and path.lstat().st_uid != geteuid()
    except OSError:
        return True


def _young_and_empty(path: Path) -> bool:
    """A folder a live receive just reserved, about to journal and fill it."""
    try:
        return not any(path.iterdir()) and time.time() - path.stat().st_mtime < GRACE_SECONDS
    except OSError:
        return True


#: File systems whose folders other PCs (with journals of their own) may write to.
NETWORK_FS = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ceph", "glusterfs", "9p", "davfs"}
)


def on_network_share(path: Path) -> bool:
    """True when ``path`` is on a network share (or it cannot be told: then also True).

    Colleagues' PCs may receive into the same shared secure folder, each with
    its own journal: a folder this journal does not name may be theirs.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        # The path as given first: resolve() may turn a UNC path into the folder it
        # stands for (Wine does), and a mapped drive into its UNC path (Windows does).
        drive_remote = 4
        for text in (str(path.absolute()), str(path.resolve())):
            if text.startswith("\\\\"):
                return True
            if ctypes.windll.kernel32.GetDriveTypeW(text[:3]) == drive_remote:
                return True
        return False
    mount = mount_of(path)
    fs_type = mount.fs_type if mount else None  # macOS has no mountinfo: unknown, so "shared"
    if fs_type is None:
        return True
    return fs_type in NETWORK_FS or fs_type.startswith("fuse.")


def unrecorded_folders(journal: Journal, secure_folder: Path) -> list[Path]:
    """``HO-…`` folders in the secure folder that no DECRYPTED record names.

    A receive journals before it moves anything into its folder, so a folder
    with content and no record was left by a crash (of an older Handoff, which
    moved first); an empty one is spared for a while, as a live receive may
    have just reserved it. On a network share nothing is taken for a leftover,
    nor a folder another OS account owns: a colleague's Handoff, with its own
    journal, may have stored it.
    """
    if on_network_share(secure_folder):
        return []
    found = []
    for path in _children(secure_folder):
        match = RECEIVED_FOLDER.match(path.name)
        if not match or not _is_real_dir(path) or _young_and_empty(path):
            continue
        if _someone_elses(path):
            continue
        if path.name not in _recorded_names(journal, match.group(1)):
            found.append(path)
    return found


def _absolute(folders: Iterable[Path]) -> list[Path]:
    """Each folder once, only absolute ones (a relative one would mean the current directory)."""
    return [f for f in dict.fromkeys(Path(f) for f in folders) if f.is_absolute()]


def clean(
    journal: Journal,
    *,
    secure: Iterable[Path] = (),
    staging_in: Iterable[Path] = (),
    partials_in: Iterable[Path] = (),
) -> Removed:
    """Remove what crashed Handoff processes left, and journal it if there was anything.

    ``secure``: secure folders (stale staging folders and unrecorded ``HO-…``
    folders); ``staging_in``: other folders an unpack wrote to (staging only);
    ``partials_in``: folders a pack wrote to (outbox, ``--output``'s folder).
    A secure folder's drop area (dropped Outlook attachments) is swept too.
    The journal is checked first, so nothing is removed unjournaled.
    """
    journal.check_writable()
    secure, staging_in = _absolute(secure), _absolute(staging_in)
    doomed: list[tuple[Path, str]] = []
    for folder in _absolute([*secure, *staging_in]):
        doomed += [(p, "staging_folders") for p in stale_stagings(folder)]
    for folder in secure:
        doomed += [(p, "unrecorded_folders") for p in unrecorded_folders(journal, folder)]
        doomed += [(p, "dropped_files") for p in stale_dropped(folder)]
    for folder in _absolute(partials_in):
        doomed += [(p, "partial_files") for p in stale_partials(folder)]
    removed = Removed()
    for path, kind in doomed:
        as_file = kind in ("partial_files", "dropped_files")
        gone = _remove_partial(path) if as_file else _remove_tree(path)
        if gone is not None:
            removed += Removed(**{kind: 1}) + gone
    if removed:
        journal.append(
            Step.LEFTOVERS_REMOVED,
            handoff_id=new_handoff_id(),
            protocol_id=None,
            details={f.name: getattr(removed, f.name) for f in fields(removed)},
        )
    return removed


def _remove_partial(path: Path) -> Removed | None:
    count, total = _size(path)
    try:
        path.unlink()
    except OSError:
        return None
    return Removed(files=count, bytes=total)
