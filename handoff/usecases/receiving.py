"""Receiving: decrypt an archive into the secure folder (or a chosen one) and journal it.

Both steps are transactions (issue 12 §3). Before a byte is decrypted: the
journal must take a write, and the secure folder must be absolute (a relative
one would mean "wherever the program was started"). Decryption goes into a
locked staging folder inside the destination; the records are appended; only
then is the content moved into place. Any failure, a refused journal append
included, removes the staging folder, so no decrypted byte is ever outside a
journaled folder. What a killed process left is removed by
:mod:`handoff.core.leftovers`, which runs here first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.core import archive, leftovers, longpaths, passwords, paths, shares
from handoff.core.archive import errors as archive_errors
from handoff.core.archive.stage import create_dest, longest_staging, remove_created
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.usecases.common import Context, message, protocol_by_id, require_in_force

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


def _secure_folder(folder: Path) -> Path:
    """The secure folder, created if missing; refused before anything is read.

    Refused when relative, or when the share or drive it is on cannot be reached
    (:mod:`handoff.core.shares`): nothing is then decrypted anywhere else.
    """
    folder = Path(folder).expanduser()
    if not folder.is_absolute():
        raise message(
            "secure_folder_relative",
            "De beveiligde map '{folder}' is geen volledig pad (zoals D:\\Beveiligd of "
            "/srv/beveiligd). Handoff ontsleutelt niets tot de instellingen een volledig pad "
            "geven.",
            "The secure folder '{folder}' is not a full path (such as D:\\Secure or "
            "/srv/secure). Handoff decrypts nothing until the settings give a full path.",
            folder=str(folder),
        )
    shares.require_reachable(folder)
    longpaths.require_fits(folders=[longest_staging(folder)])
    try:
        return paths.ensure_private(folder)
    except OSError as exc:
        raise archive_errors.from_os_error(exc, folder.name or str(folder)) from None


def _reserve(base: Path, handoff_id: str) -> Path:
    """``base/handoff_id`` (or with a counter when opened before), created empty and ours."""
    n = 1
    while True:
        candidate = base / (handoff_id if n == 1 else f"{handoff_id}-{n}")
        try:
            candidate.mkdir()
            return candidate
        except FileExistsError:
            n += 1
        except OSError as exc:
            raise archive_errors.from_os_error(exc, base.name or str(base)) from None


def _digest(source: Path) -> str | None:
    """The archive's sha256, or None when it cannot be read: unpacking then says why."""
    try:
        return archive.sha256_file(source) if source.is_file() else None
    except OSError:
        return None


def _file_hashes(files: list[Path]) -> list[dict[str, object]]:
    """Hashes and sizes: names inside an archive may carry personal data."""
    return [{"sha256": archive.sha256_file(p), "size": p.stat().st_size} for p in files]


@contextmanager
def _staged_typed(
    source: Path, base: Path, typed: str, **options: object
) -> Iterator[archive.Staged]:
    """Decrypt into staging with the password as typed, then its canonical forms.

    The forms come from ``passwords.typed_forms``; the staging folder goes when
    the block ends, whatever happened in it.
    """
    forms = passwords.typed_forms(typed)
    for n, form in enumerate(forms, start=1):
        stack = ExitStack()
        try:
            staged = stack.enter_context(archive.unpacking(source, base, form, **options))  # type: ignore[arg-type]
        except HandoffError as exc:
            if exc.code != "wrong_password" or n == len(forms):
                raise
            continue
        with stack:
            yield staged
        return
    raise AssertionError("unreachable: typed_forms is never empty")


def _ready(ctx: Context | None) -> tuple[Context, Journal]:
    """The context and its journal, proven writable before anything is decrypted."""
    ctx = ctx or Context()
    log = ctx.log()
    log.check_writable()
    return ctx, log


def _journal_received(
    log: Journal,
    source: Path,
    handoff_id: str,
    protocol_id: str | None,
    *,
    digest: str | None = None,
    **extra: object,
) -> None:
    log.append(
        Step.RECEIVED,
        handoff_id=handoff_id,
        protocol_id=protocol_id,
        details={
            "archive_sha256": digest or archive.sha256_file(source),
            "archive_size": source.stat().st_size,
            **extra,
        },
    )


@dataclass(frozen=True)
class EarlierCopy:
    """The stored copy of an archive received before (issue 13 §11)."""

    handoff_id: str
    received: datetime
    folder: Path


def earlier_copy(log: Journal, digest: str) -> EarlierCopy | None:
    """The still-stored copy of the archive with this sha256, found through the journal.

    A copy already deleted does not count: receiving the list again then makes
    a fresh, journaled copy with its own clean-up.
    """
    rows = log.select(
        "SELECT handoff_id, time FROM records WHERE step = ? "
        "AND json_extract(details, '$.archive_sha256') = ? ORDER BY id",
        (Step.RECEIVED.value, digest),
    )
    if not rows:
        return None
    from handoff.core import retention

    kept = {item.handoff_id: item for item in retention.stored(log)}
    for handoff_id, time in rows:
        item = kept.get(handoff_id)
        folder = next((f for f in item.folders if f.is_dir()), None) if item else None
        if folder is not None:
            return EarlierCopy(handoff_id, datetime.fromisoformat(time), folder)
    return None


def _refuse_second_copy(log: Journal, digest: str | None) -> None:
    """The same archive opened twice: point at the first copy instead of making another."""
    copy = earlier_copy(log, digest) if digest else None
    if copy is None:
        return
    raise message(
        "already_received",
        "Dit bestand is al ontvangen op {day} ({handoff}) en staat nog in de beveiligde map. "
        "Handoff maakt geen tweede kopie: open de bestaande kopie.",
        "This file was already received on {day} ({handoff}) and is still in the secure "
        "folder. Handoff makes no second copy: open the existing copy.",
        day=copy.received.astimezone().strftime("%d/%m/%Y"),
        handoff=copy.handoff_id,
        folder=str(copy.folder),
    )


# At most this many headers are quoted when the columns do not match, each cut
# to the length a finding quotes (table.HEADER_CHARS).
QUOTED_HEADERS = 12
_LOOKS_LIKE_DATA = re.compile(r"[0-9@]")


def _quoted(found: list[str]) -> str:
    """The headers as the message shows them; never a cell value.

    A list without a header row would put its first person's data here, so a
    "header" with a digit or an @ (a number, a date, an address, a mailbox)
    is shown as an ellipsis: a column name has neither.
    """
    from handoff.core.workbook.table import HEADER_CHARS

    shown = []
    for header in found[:QUOTED_HEADERS]:
        text = " ".join(header.split())
        if _LOOKS_LIKE_DATA.search(text):
            text = "…"
        elif len(text) > HEADER_CHARS:
            text = text[: HEADER_CHARS - 1] + "…"
        shown.append(f"'{text}'")
    if len(found) > QUOTED_HEADERS:
        shown.append("…")
    return ", ".join(shown)


def _require_matching_columns(protocol: Protocol, files: list[Path]) -> None:
    """Refuse a list whose header row is not the protocol's columns (issue 13 §11).

    Runs on the staged copy, before anything is journaled: a list opened under
    the wrong protocol would be kept under the wrong retention and its
    clean-up asked of the wrong people. Only workbooks are judged (their
    header row, read by :mod:`header_row`); a file Handoff cannot read as one
    is left to the worker. The answer columns of a two-way protocol count.
    """
    from handoff.core.workbook import header_row, headers

    columns = protocol.columns + protocol.answer_columns
    for path in files:
        if path.suffix.lower() != ".xlsx":
            continue
        try:
            found = header_row.read(path)
        except HandoffError:
            continue  # damaged: opening it in Excel will say so, not the protocol choice
        if found is None:
            continue
        strange, missing = headers.unmatched(found, columns)
        if strange or missing:
            raise message(
                "columns_do_not_match",
                "De kolommen van deze lijst passen niet bij het protocol '{protocol}'. "
                "De lijst heeft als kolommen: {headers}. Het protocol voorziet: {expected}. "
                "Wat te doen: kies het protocol waaronder de lijst verstuurd werd en open ze "
                "opnieuw. Past geen enkel protocol, vraag dan aan de afzender en aan uw DPO "
                "onder welk protocol ze verstuurd werd.",
                "The columns of this list do not match protocol '{protocol}'. "
                "The list has these columns: {headers}. The protocol provides: {expected}. "
                "What to do: choose the protocol the list was sent under and open it again. "
                "If no protocol fits, ask the sender and your DPO which protocol it was sent "
                "under.",
                protocol=protocol.title,
                headers=_quoted(found) or "-",
                expected=tuple(c.label for c in columns),
            )


def receive(
    source: Path,
    protocol_id: str,
    password: str,
    secure_folder: Path,
    *,
    allow_unencrypted: bool = False,
    limits: archive.Limits | None = None,
    today: date | None = None,
    ctx: Context | None = None,
) -> Received:
    """Decrypt a received archive into its own folder in the secure folder.

    Seed 003 step 4: the OCMW decrypts the list and stores it on an internal
    secured location. 'received' and 'decrypted and stored' are journaled only
    after the whole archive extracted and every CRC matched, and before the
    files appear in the secure folder; a wrong password leaves nothing on disk
    and nothing in the journal, so the worker can retry.
    """
    protocol = protocol_by_id(protocol_id)
    received_on = today or date.today()
    require_in_force(protocol, received_on)
    secure = _secure_folder(secure_folder)
    ctx, log = _ready(ctx)
    leftovers.clean(log, secure=[secure])
    digest = _digest(source)
    _refuse_second_copy(log, digest)
    handoff_id = handoff_id_from_name(source) or new_handoff_id()
    options = {
        "limits": limits or archive.Limits(),
        "allow_unencrypted": allow_unencrypted,
        "progress": ctx.progress,
        "cancel": ctx.cancel,
        "final_in": secure / handoff_id,  # the folder _reserve makes (a counter adds 2-3)
    }
    due = protocol.retention.due_date(received_on)
    reminder = protocol.retention.reminder_date(received_on)
    with _staged_typed(source, secure, password, **options) as staged:
        _require_matching_columns(protocol, staged.files)
        folder = _reserve(secure, handoff_id)
        try:
            _journal_received(
                log, source, handoff_id, protocol.id, digest=digest, encrypted=staged.encrypted
            )
            log.append(
                Step.DECRYPTED,
                handoff_id=handoff_id,
                protocol_id=protocol.id,
                details={
                    "destination": "secure_folder",
                    "folder": str(folder),
                    "files": _file_hashes(staged.files),
                    "count": len(staged.files),
                    "due": due.isoformat() if due else None,
                    "reminder": reminder.isoformat() if reminder else None,
                    "retention": protocol.retention.kind,
                },
            )
            result = staged.move_into(folder)
        except BaseException:
            with suppress(OSError):
                folder.rmdir()  # only while still empty
            raise
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
    ctx: Context | None = None,
) -> tuple[str, archive.UnpackResult]:
    """``handoff unpack``: open an archive into a folder the user chose, and journal it.

    The folder's path is not journaled (a name a person chose may carry data)
    and retention never touches it; the open obligation closes when the
    worker confirms the deletion (:func:`confirm_file_deleted`). Staging sits
    inside ``dest``; the records come before the files appear there.
    """
    ctx, log = _ready(ctx)
    dest = Path(dest).absolute()
    leftovers.clean(log, staging_in=[dest, dest.parent])
    handoff_id = handoff_id_from_name(source) or new_handoff_id()
    options = {
        "allow_unencrypted": allow_unencrypted,
        "progress": ctx.progress,
        "cancel": ctx.cancel,
        "refuse_in": dest,
    }
    longpaths.require_fits(folders=[longest_staging(dest)])  # before a folder is made
    created = create_dest(dest)
    try:
        with _staged_typed(source, dest, password, **options) as staged:
            _journal_received(
                log, source, handoff_id, None, encrypted=staged.encrypted, channel="file"
            )
            log.append(
                Step.DECRYPTED,
                handoff_id=handoff_id,
                protocol_id=None,
                details={
                    "destination": "chosen_folder",
                    "files": _file_hashes(staged.files),
                    "count": len(staged.files),
                },
            )
            result = staged.move_into(dest)
    except BaseException:
        remove_created(created)
        raise
    return handoff_id, result
