"""Receiving: decrypt an archive into the secure folder (or a chosen one) and journal it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.core import archive, passwords
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.usecases.common import (
    Cancel,
    Progress,
    journal_or_open,
    protocol_by_id,
)

if TYPE_CHECKING:  # these load only when a step uses them: `handoff unpack` needs none
    from handoff.core.protocols import Protocol

HANDOFF_ID = re.compile(r"HO-\d{8}-[0-9A-Z]{6}")


@dataclass(frozen=True)
class Received:
    """A decrypted handoff stored in the secure folder."""

    handoff_id: str
    protocol: Protocol
    folder: Path
    files: tuple[Path, ...]
    due: date | None
    reminder: date | None
    encrypted: bool = True
    headers_encrypted: bool = True  # False: the file names were readable in transit


def handoff_id_from_name(path: Path) -> str | None:
    """The sender's reference when the attachment kept its generic name."""
    match = HANDOFF_ID.search(path.name.upper())
    return match.group(0) if match else None


def _fresh_folder(base: Path, handoff_id: str) -> Path:
    """``base/handoff_id``, or with a counter when that handoff was opened before."""
    candidate, n = base / handoff_id, 1
    while candidate.exists():
        n += 1
        candidate = base / f"{handoff_id}-{n}"
    return candidate


def _file_hashes(files: list[Path]) -> list[dict[str, object]]:
    """Hashes and sizes: names inside an archive may carry personal data."""
    return [{"sha256": archive.sha256_file(p), "size": p.stat().st_size} for p in files]


def _unpack_typed(
    source: Path, folder: Path, typed: str, **options: object
) -> archive.UnpackResult:
    """Unpack with the password as typed, then with its canonical forms (passwords.typed_forms)."""
    forms = passwords.typed_forms(typed)
    for n, form in enumerate(forms, start=1):
        try:
            return archive.unpack(source, folder, form, **options)  # type: ignore[arg-type]
        except HandoffError as exc:
            if exc.code != "wrong_password" or n == len(forms):
                raise
    raise AssertionError("unreachable: typed_forms is never empty")


def receive(
    source: Path,
    protocol_id: str,
    password: str,
    secure_folder: Path,
    *,
    allow_unencrypted: bool = False,
    limits: archive.Limits | None = None,
    journal: Journal | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Received:
    """Decrypt a received archive into its own folder in the secure folder.

    Seed 003 step 4: the OCMW decrypts the list and stores it on an internal
    secured location. 'received' and 'decrypted and stored' are journaled only
    after the whole archive extracted and every CRC matched; a wrong password
    leaves nothing on disk and nothing in the journal, so the worker can retry.
    """
    protocol = protocol_by_id(protocol_id)
    log = journal_or_open(journal)
    handoff_id = handoff_id_from_name(source) or new_handoff_id()
    folder = _fresh_folder(secure_folder, handoff_id)
    result = _unpack_typed(
        source,
        folder,
        password,
        limits=limits or archive.Limits(),
        allow_unencrypted=allow_unencrypted,
        progress=progress,
        cancel=cancel,
    )
    received_on = today or date.today()
    due = protocol.retention.due_date(received_on)
    reminder = protocol.retention.reminder_date(received_on)
    log.append(
        Step.RECEIVED,
        handoff_id=handoff_id,
        protocol_id=protocol.id,
        details={
            "archive_sha256": archive.sha256_file(source),
            "archive_size": source.stat().st_size,
            "encrypted": result.encrypted,
        },
    )
    log.append(
        Step.DECRYPTED,
        handoff_id=handoff_id,
        protocol_id=protocol.id,
        details={
            "destination": "secure_folder",
            "folder": str(folder),
            "files": _file_hashes(result.files),
            "count": len(result.files),
            "due": due.isoformat() if due else None,
            "reminder": reminder.isoformat() if reminder else None,
            "retention": protocol.retention.kind,
        },
    )
    return Received(
        handoff_id,
        protocol,
        folder,
        tuple(result.files),
        due,
        reminder,
        result.encrypted,
        result.headers_encrypted,
    )


def unpack_to(
    source: Path,
    dest: Path,
    password: str,
    *,
    allow_unencrypted: bool = False,
    journal: Journal | None = None,
) -> tuple[str, archive.UnpackResult]:
    """``handoff unpack``: open an archive into a folder the user chose, and journal it.

    The folder's path is not journaled (a name a person chose may carry data)
    and retention never touches it; the open obligation closes when the
    worker confirms the deletion (:func:`confirm_file_deleted`).
    """
    log = journal_or_open(journal)
    handoff_id = handoff_id_from_name(source) or new_handoff_id()
    result = _unpack_typed(source, dest, password, allow_unencrypted=allow_unencrypted)
    log.append(
        Step.RECEIVED,
        handoff_id=handoff_id,
        protocol_id=None,
        details={
            "archive_sha256": archive.sha256_file(source),
            "archive_size": source.stat().st_size,
            "encrypted": result.encrypted,
            "channel": "file",
        },
    )
    log.append(
        Step.DECRYPTED,
        handoff_id=handoff_id,
        protocol_id=None,
        details={
            "destination": "chosen_folder",
            "files": _file_hashes(result.files),
            "count": len(result.files),
        },
    )
    return handoff_id, result
