"""Deleting received files when their protocol says so, and only those files.

Each protocol fixes how long a receiver may keep the data: until a fixed date
(seed 003 art. 3: "tot uiterlijk 27/09/2024 bewaard ... waarna deze
automatisch zal worden verwijderd"), at most a year (seed 004 art. 3: "met een
maximum van 1 jaar"), or until contact was made (seeds 001/002 art. 3). The
due date was written into the DECRYPTED record when the file was stored, so
retention needs only the journal. Handoff deletes only files in the recorded
folder whose sha256 matches a recorded hash; anything else there was not put
there by Handoff and is left and reported. The FILE_DELETED record says what
was really done: deleted, with the volume encrypted yes/no/unknown, never
"securely wiped" (overwriting does not erase an SSD).

On Windows a file another program holds open (a received sheet open in Excel)
can be neither renamed nor deleted. Every file is first set aside (renamed
beside itself), retrying briefly; when one stays locked, the others are put
back, nothing is deleted or journaled, the obligation stays open, and the
worker is asked to close the file in Excel.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from handoff.core import leftovers
from handoff.core.errors import HandoffError
from handoff.core.hashing import sha256_file
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Step, os_account
from handoff.core.journal.obligations import open_rows
from handoff.core.retention_volume import volume_encrypted

RETENTION_ACCOUNT = "retention"
#: Windows errors of a file another program holds open: sharing and lock violation.
IN_USE_ERRORS = (32, 33)
#: How long a locked file is retried before the worker is asked to close it.
IN_USE_RETRY_SECONDS = 2.0
ASIDE_SUFFIX = ".handoff-deleting"


@dataclass(frozen=True)
class Stored:
    """The open DECRYPTED records of one handoff: where its files are and when they go."""

    handoff_id: str
    protocol_id: str | None
    folders: tuple[Path, ...]
    hashes: tuple[str, ...]
    due: date | None
    reminder: date | None


@dataclass(frozen=True)
class Deletion:
    """What one deletion really did; ``left`` are files Handoff did not store."""

    handoff_id: str
    protocol_id: str | None
    deleted: int
    missing: int
    left: tuple[Path, ...]
    folders_removed: bool
    volume_encrypted: str
    journaled: bool  # False: the secure folder was unreachable, nothing was touched


@dataclass(frozen=True)
class Due:
    """A stored handoff whose deletion date or contact reminder falls soon (or passed)."""

    handoff_id: str
    protocol_id: str | None
    due: date | None
    reminder: date | None
    count: int
    overdue: bool


def stored(journal: Journal) -> list[Stored]:
    """Every handoff with received files not yet deleted, from the journal alone."""
    grouped: dict[str, list[tuple]] = {}
    for row in open_rows(journal, "stored"):
        grouped.setdefault(row[0], []).append(row)
    result = []
    for handoff_id, rows in grouped.items():
        infos = [i for i in (json.loads(r[3]) for r in rows) if "folder" in i]
        if not infos:  # unpacked into a folder the user chose: not Handoff's to delete
            continue
        dues = [date.fromisoformat(i["due"]) for i in infos if i.get("due")]
        reminders = [date.fromisoformat(i["reminder"]) for i in infos if i.get("reminder")]
        result.append(
            Stored(
                handoff_id,
                rows[0][1],
                tuple(dict.fromkeys(Path(i["folder"]) for i in infos)),
                tuple(f["sha256"] for i in infos for f in i.get("files", [])),
                min(dues) if dues else None,
                min(reminders) if reminders else None,
            )
        )
    return result


def _files(folder: Path) -> list[Path]:
    """Regular files under ``folder``; symbolic links are never followed or deleted."""
    found: list[Path] = []
    for root, _dirs, names in os.walk(folder, followlinks=False):
        found.extend(Path(root) / n for n in sorted(names))
    return found


def _remove_empty(folder: Path) -> bool:
    """Remove empty sub-folders bottom-up, then ``folder``; True when it is gone."""
    for root, _dirs, _names in sorted(os.walk(folder), key=lambda w: -len(w[0])):
        with contextlib.suppress(OSError):  # not empty: what Handoff did not store stays
            Path(root).rmdir()
    return not folder.exists()


def _matching(folders: list[Path], expected: Counter) -> tuple[list[Path], list[Path]]:
    """(files whose hash Handoff recorded, everything else) under ``folders``."""
    matched, left = [], []
    for folder in folders:
        for path in _files(folder):
            if path.is_symlink() or not path.is_file():
                left.append(path)
                continue
            digest = sha256_file(path)
            if expected[digest] > 0:
                expected[digest] -= 1
                matched.append(path)
            else:
                left.append(path)
    return matched, left


def _file_in_use(path: Path) -> HandoffError:
    return HandoffError(
        "file_in_use",
        Text(
            "Het bestand {name} is nog geopend in een ander programma, wellicht Excel. "
            "Sluit het bestand in Excel en probeer opnieuw. Er is niets verwijderd.",
            "The file {name} is still open in another program, probably Excel. "
            "Close the file in Excel and try again. Nothing was deleted.",
        ),
        name=path.name,
    )


def _set_aside(path: Path) -> Path:
    """Rename ``path`` beside itself, retrying while another program holds it open."""
    aside = path.with_name(path.name + ASIDE_SUFFIX)
    deadline = time.monotonic() + IN_USE_RETRY_SECONDS
    while True:
        try:
            os.replace(path, aside)
            return aside
        except OSError as exc:
            if getattr(exc, "winerror", None) not in IN_USE_ERRORS:
                raise
            if time.monotonic() >= deadline:
                raise _file_in_use(path) from None
            time.sleep(0.1)


def _set_all_aside(paths: list[Path]) -> list[Path]:
    """Every file set aside, or none: on failure those already moved are put back."""
    moved: list[tuple[Path, Path]] = []
    try:
        for path in paths:
            moved.append((path, _set_aside(path)))
    except (OSError, HandoffError):
        for original, aside in reversed(moved):
            os.replace(aside, original)
        raise
    return [aside for _, aside in moved]


def _unreachable(item: Stored) -> bool:
    """A missing secure folder (share not mounted) must not look like 'already deleted'."""
    return any(not folder.parent.is_dir() for folder in item.folders)


def delete_stored(journal: Journal, item: Stored, by: str, reason: str) -> Deletion:
    """Delete one handoff's stored files and journal FILE_DELETED truthfully."""
    if _unreachable(item):
        return Deletion(item.handoff_id, item.protocol_id, 0, 0, (), False, "unknown", False)
    volume = volume_encrypted(item.folders[0].parent)
    expected = Counter(item.hashes)
    matched, left = _matching([f for f in item.folders if f.is_dir()], expected)
    aside = _set_all_aside(matched)  # raises file_in_use before anything is deleted
    for path in aside:
        path.unlink()
    deleted = len(aside)
    removed = all(_remove_empty(f) for f in item.folders if f.exists())
    missing = sum(expected.values())
    journal.append(
        Step.FILE_DELETED,
        handoff_id=item.handoff_id,
        protocol_id=item.protocol_id,
        details={
            "by": by,
            "count": deleted,
            "missing": missing,
            "left": len(left),
            "folder_removed": removed,
            "volume_encrypted": volume,
            "reason": reason,
        },
    )
    return Deletion(
        item.handoff_id, item.protocol_id, deleted, missing, tuple(left), removed, volume, True
    )


def sweep_leftovers(journal: Journal) -> leftovers.Removed:
    """Remove what killed Handoff processes left (:mod:`handoff.core.leftovers`).

    Looks in the configured secure folder and every secure folder that still
    holds a stored handoff, in Handoff's temp folder and in the outbox. A
    settings file that does not load (its dialog reports why) must not stop
    retention: the folders the journal names are still swept.
    """
    from handoff.core import paths
    from handoff.core import settings as settings_module

    secure = [folder.parent for item in stored(journal) for folder in item.folders]
    partials: list[Path] = []
    try:
        settings = settings_module.load()
    except HandoffError:
        settings = None
    if settings is not None:
        secure.insert(0, settings.secure_folder)
        partials.append(settings.outbox)
    return leftovers.clean(
        journal, secure=secure, staging_in=[paths.temp_dir()], partials_in=partials
    )


def run(journal: Journal | None = None, today: date | None = None) -> list[Deletion]:
    """Delete everything whose due date has come; the app calls this at start and daily.

    Leftovers of a crashed run are swept first (:func:`sweep_leftovers`), so
    the app's start is also where they go.
    """
    if journal is None:  # opened here, closed here: the app runs this daily
        with Journal() as own:
            return run(own, today)
    today = today or date.today()
    sweep_leftovers(journal)
    done = []
    for item in stored(journal):
        if item.due is not None and item.due <= today:
            try:
                done.append(delete_stored(journal, item, RETENTION_ACCOUNT, "due"))
            except HandoffError as exc:
                if exc.code != "file_in_use":
                    raise
                # Still open in Excel: the overdue obligation stays; the next run retries.
    return done


def delete_now(handoff_id: str, by: str | None = None, journal: Journal | None = None) -> Deletion:
    """A worker deletes early, e.g. once contact was made (seed 003 art. 6, seeds 001/002 art. 3)."""
    journal = journal or Journal()
    sweep_leftovers(journal)
    for item in stored(journal):
        if item.handoff_id == handoff_id:
            return delete_stored(journal, item, by or os_account(), "early")
    raise HandoffError(
        "nothing_stored",
        Text(
            "Voor overdracht {handoff} zijn geen bewaarde bestanden meer geregistreerd. "
            "Controleer het nummer met 'handoff log open'.",
            "No stored files are recorded any more for handoff {handoff}. "
            "Check the number with 'handoff log open'.",
        ),
        handoff=handoff_id,
    )


def upcoming(
    journal: Journal | None = None, today: date | None = None, days: int = 14
) -> list[Due]:
    """What falls due (or reaches its contact reminder) within ``days``, overdue first."""
    journal = journal or Journal()
    today = today or date.today()
    horizon = today + timedelta(days=days)
    soon = []
    for item in stored(journal):
        when = item.due or item.reminder
        if when is not None and when <= horizon:
            overdue = item.due is not None and item.due <= today
            soon.append(
                Due(
                    item.handoff_id,
                    item.protocol_id,
                    item.due,
                    item.reminder,
                    len(item.hashes),
                    overdue,
                )
            )
    return sorted(soon, key=lambda d: (not d.overdue, d.due or d.reminder))
