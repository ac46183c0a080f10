"""Encryption at rest: seal a file that is no longer needed, for one custodian.

Seed 000 art. 8 c (Lievegem, debtors): "Nadat het bestand niet meer nodig is
wordt het geëncrypteerd. Het wachtwoord is steeds alleen bekend bij de
financieel directeur." So the file is packed with a generated password, the
archive is read back and compared before the plaintext goes, the password is
shown once for the custodian and kept nowhere, and the journal records SEALED
(file and archive hashes, custodian role); the plaintext is removed only after
that record, and its removal is journaled as FILE_DELETED (reason "sealed"). Seed 000 art. 13 b admits there is no access logging for that file;
this record and CUSTODIAN_CONFIRMED are what the DPO can check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import py7zr
from py7zr.io import HashIO, HashIOFactory

from handoff.core import archive, passwords, protocols
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Record, Step, new_handoff_id, os_account
from handoff.core.journal.details import DetailError, role
from handoff.core.passwords import Password
from handoff.core.retention_volume import volume_encrypted


@dataclass(frozen=True)
class Sealed:
    """The sealed archive; the password lives only here, to be shown once."""

    handoff_id: str
    archive: archive.PackResult
    password: Password = field(repr=False)
    plaintext_removed: bool


def _error(code: str, nl: str, en: str, **params: object) -> HandoffError:
    return HandoffError(code, Text(nl, en), **params)


def _custodian(custodian: str) -> str:
    try:
        return role(custodian)
    except DetailError:
        raise _error(
            "bad_custodian",
            "Geef de rol van de bewaarder, geen naam of nummer (bv. 'financieel directeur').",
            "Give the custodian's role, not a name or number (e.g. 'financieel directeur').",
        ) from None


def _source(path: Path) -> Path:
    if path.is_symlink() or not path.is_file():
        raise _error(
            "not_found",
            "Bestand {name} niet gevonden. Kies een bestaand bestand.",
            "File {name} not found. Choose an existing file.",
            name=path.name,
        )
    return path


def read_back(sealed: Path, password: str, name: str, expected_sha256: str) -> None:
    """Decrypt the new archive in memory and compare: no plaintext copy on disk."""
    factory = HashIOFactory()
    try:
        with py7zr.SevenZipFile(sealed, "r", password=password) as reader:
            reader.extractall(factory=factory)
        digest = cast(HashIO, factory.get(name)).hash.hexdigest()
    except Exception:  # any failure to read back means: keep the plaintext
        digest = None
    if digest != expected_sha256:
        raise _error(
            "seal_not_verified",
            "Het verzegelde archief kon niet gecontroleerd worden; het origineel blijft staan "
            "en er is geen archief gemaakt. Controleer de schijf en probeer opnieuw.",
            "The sealed archive could not be verified; the original stays and no archive was "
            "kept. Check the disk and try again.",
        )


def _pack_verified(
    path: Path, output: Path, password: Password, sha: str, **callbacks: object
) -> archive.PackResult:
    packed = archive.pack({path.name: path}, output, password.value, **callbacks)  # type: ignore[arg-type]
    try:
        read_back(packed.path, password.value, path.name, sha)
    except BaseException:
        packed.path.unlink(missing_ok=True)
        raise
    return packed


def seal(
    path: Path,
    protocol_id: str,
    custodian: str,
    *,
    output: Path | None = None,
    journal: Journal | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Sealed:
    """Encrypt ``path`` for ``custodian``, journal SEALED, then remove the plaintext.

    As in packing, the journal is proven writable before an archive exists,
    and an archive whose SEALED record cannot be written is removed again
    with the plaintext untouched: nothing happened. Only after that record is
    the plaintext removed, and its removal is journaled in its own
    FILE_DELETED record, so the journal never claims a removal that failed.
    If that last record cannot be written, the HandoffError carries the
    Sealed result as ``.sealed`` so the caller still shows the password:
    losing it would lose the file.
    """
    protocol = protocols.get(protocol_id)
    holder = _custodian(custodian)
    path = _source(Path(path))
    journal = journal or Journal()
    journal.check_writable()
    output = Path(output) if output else path.with_name(path.name + ".7z")
    sha, size = archive.sha256_file(path), path.stat().st_size
    # A password read aloud or written down by one person: words (as for 'phone').
    password = passwords.generate("words")
    packed = _pack_verified(path, output, password, sha, progress=progress, cancel=cancel)
    handoff_id = new_handoff_id()
    details = {
        "file_sha256": sha,
        "file_size": size,
        "archive_sha256": packed.sha256,
        "archive_size": packed.size,
        "custodian": holder,
        "encrypted_at_rest": True,
        "verified": True,
    }
    try:
        journal.append(Step.SEALED, handoff_id=handoff_id, protocol_id=protocol.id, details=details)
    except BaseException:
        packed.path.unlink(missing_ok=True)
        raise
    sealed = Sealed(handoff_id, packed, password, _remove_plaintext(path))
    if sealed.plaintext_removed:
        try:
            _journal_removed(journal, sealed, protocol.id, path.parent)
        except HandoffError as exc:
            exc.sealed = sealed  # type: ignore[attr-defined]
            raise
    return sealed


def _remove_plaintext(path: Path) -> bool:
    """False when the file cannot go (e.g. still open in Excel on Windows): the worker deletes it."""
    try:
        path.unlink()
    except OSError:
        return False
    return True


def _journal_removed(journal: Journal, sealed: Sealed, protocol_id: str, folder: Path) -> None:
    """FILE_DELETED for the plaintext: deleted, never "wiped" (see core.retention_volume)."""
    journal.append(
        Step.FILE_DELETED,
        handoff_id=sealed.handoff_id,
        protocol_id=protocol_id,
        details={
            "by": os_account(),
            "count": 1,
            "volume_encrypted": volume_encrypted(folder),
            "reason": "sealed",
        },
    )


def confirm_custodian(handoff_id: str, journal: Journal | None = None) -> Record:
    """The custodian confirms they hold the password (closes the open obligation)."""
    journal = journal or Journal()
    found = journal.records(handoff_id=handoff_id, step=Step.SEALED, limit=1)
    if not found:
        raise _error(
            "not_sealed",
            "Overdracht {handoff} is geen verzegeld bestand. Controleer het nummer met "
            "'handoff log open'.",
            "Handoff {handoff} is not a sealed file. Check the number with 'handoff log open'.",
            handoff=handoff_id,
        )
    return journal.append(
        Step.CUSTODIAN_CONFIRMED,
        handoff_id=handoff_id,
        protocol_id=found[0].protocol_id,
        details={"confirmed_by": "user", "custodian": found[0].details["custodian"]},
    )
