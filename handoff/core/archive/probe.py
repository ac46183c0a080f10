"""Look at an archive before extracting anything: what it is, and what it holds.

The 7z signature header carries CRCs of itself and of the (possibly encrypted)
header block, so damage to those bytes is told apart from a wrong password
before py7zr is asked anything: when the stored header bytes are intact but do
not decode with the given password, the password is wrong.
"""

from __future__ import annotations

import re
import stat
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import py7zr
from py7zr.compressor import SupportedMethods

from handoff.core.archive import errors as msg
from handoff.core.archive.limits import Limits, too_large
from handoff.core.archive.names import DEVICE, LINK, check_name, parts, refuse, refuse_clashes
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

MAGIC_7Z = b"7z\xbc\xaf\x27\x1c"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_AES_CODER_ID = b"\x06\xf1\x07\x01"
_ENCODED_HEADER = 0x17
_SIGNATURE_SIZE = 32
_DATA_KINDS = (None, stat.S_IFREG, stat.S_IFDIR, stat.S_IFIFO)
_VOLUME = re.compile(r"\.7z\.(\d{3,})$", re.IGNORECASE)

TRUNCATED = Text(
    "afgebroken: het bestand is korter dan het hoort",
    "truncated: the file is shorter than it should be",
)
HEADER_DAMAGED = Text("de inhoudstafel klopt niet", "the table of contents does not check out")
HEADER_UNREADABLE = Text("de inhoudstafel is onleesbaar", "the table of contents is unreadable")


@dataclass(frozen=True)
class Entry:
    """One member as the header declares it (sizes are not trusted for caps)."""

    name: str
    is_dir: bool
    declared_size: int


@dataclass(frozen=True)
class Plan:
    """What extraction will create, relative to the destination."""

    dirs: tuple[str, ...]
    files: tuple[str, ...]
    top_level: tuple[str, ...]
    total: int


@dataclass(frozen=True)
class Probe:
    """An archive's encryption and members, read without extracting."""

    encrypted: bool
    headers_encrypted: bool
    entries: tuple[Entry, ...]

    def plan(self, limits: Limits, archive_size: int) -> Plan:
        """Check counts and name clashes; refuse before a byte is written."""
        files = tuple(e.name for e in self.entries if not e.is_dir)
        if len(files) > limits.max_entries:
            raise too_large(
                Text("{n} bestanden, hoogstens {m}", "{n} files, at most {m}"),
                n=len(files),
                m=limits.max_entries,
            )
        total = sum(e.declared_size for e in self.entries)
        if total > limits.max_total_bytes:
            raise too_large(
                Text("meer dan {m} bytes", "more than {m} bytes"), m=limits.max_total_bytes
            )
        refuse_clashes((e.name, e.is_dir) for e in self.entries)
        dirs = tuple(e.name for e in self.entries if e.is_dir)
        top = tuple(dict.fromkeys(parts(e.name)[0] for e in self.entries))
        return Plan(dirs, files, top, total)


def damaged(archive: Path, detail: Text) -> HandoffError:
    """The ``damaged_archive`` error with a short reason."""
    return HandoffError("damaged_archive", msg.DAMAGED, name=archive.name, detail=detail)


def _split_volume(archive: Path) -> HandoffError | None:
    """The ``split_volume`` error when ``archive`` is named like a piece of a split archive.

    7-Zip names the pieces ``lijst.7z.001``, ``lijst.7z.002``: the first starts
    like an archive but stops short, the others do not start like one at all.
    """
    match = _VOLUME.search(archive.name)
    if match is None:
        return None
    stem, width = archive.name[: match.start(1)], len(match.group(1))
    first, second = (f"{stem}{n:0{width}d}" for n in (1, 2))
    return HandoffError(
        "split_volume", msg.SPLIT_VOLUME, name=archive.name, first=first, second=second
    )


def _signature(archive: Path) -> bool:
    """Check the signature header and header CRCs; return whether headers are encrypted.

    A folder, and a piece of a split archive, get their own message rather
    than "not a 7z archive" or "damaged".
    """
    if archive.is_dir():
        raise HandoffError("archive_is_folder", msg.IS_FOLDER, name=archive.name)
    try:
        return _read_signature(archive)
    except HandoffError as exc:
        if exc.code in ("not_7z", "damaged_archive"):
            raise _split_volume(archive) or exc from None
        raise


def _read_signature(archive: Path) -> bool:
    """The 32-byte signature header, then the header block it points to, CRC-checked."""
    try:
        with open(archive, "rb") as fh:
            return signature_of(fh, archive)
    except FileNotFoundError:
        raise HandoffError("not_found", msg.NOT_FOUND, name=archive.name) from None


def signature_of(fh: IO[bytes], archive: Path) -> bool:
    """:func:`_read_signature` on an open file (an e-mail's attachment); ``archive`` names it."""
    head = fh.read(_SIGNATURE_SIZE)
    size = fh.seek(0, 2)
    if not head.startswith(MAGIC_7Z):
        kind = "zip_archive" if head.startswith(_ZIP_MAGICS) else "not_7z"
        text = msg.ZIP_ARCHIVE if kind == "zip_archive" else msg.NOT_7Z
        raise HandoffError(kind, text, name=archive.name)
    if len(head) < _SIGNATURE_SIZE:
        raise damaged(archive, TRUNCATED)
    start_crc, offset, length, next_crc = struct.unpack("<IQQI", head[8:32])
    if zlib.crc32(head[12:32]) != start_crc:
        raise damaged(archive, HEADER_DAMAGED)
    if _SIGNATURE_SIZE + offset + length > size:
        raise damaged(archive, TRUNCATED)
    fh.seek(_SIGNATURE_SIZE + offset)
    header = fh.read(length)
    if zlib.crc32(header) != next_crc:
        raise damaged(archive, HEADER_DAMAGED)
    return header[:1] == bytes([_ENCODED_HEADER]) and _AES_CODER_ID in header


def header_opens(fh: IO[bytes], archive: Path, password: str) -> bool | None:
    """Does ``password`` open this archive's encrypted header? None: no encrypted header to try.

    The header's CRCs are checked first (HandoffError on damage), so a header
    that is intact but does not decode means a wrong password, as in
    :func:`opened`. Nothing is extracted.
    """
    if not signature_of(fh, archive):
        return None
    fh.seek(0)
    try:
        with py7zr.SevenZipFile(fh, "r", password=password):
            return True
    except Exception:  # py7zr raises many kinds for a key that does not decode the header
        return False


def _entry(index: int, member: py7zr.py7zr.ArchiveFile) -> Entry:
    """Refuse links, devices and unsafe names; the name itself is never shown."""
    if member.is_symlink or member.is_junction:
        raise refuse(index, LINK)
    # A FIFO mark is what 7-Zip records for data read from a pipe (-si); its
    # data is written as an ordinary file like any other, so it is accepted.
    if member.is_socket or member.st_fmt not in _DATA_KINDS:
        raise refuse(index, DEVICE)
    check_name(member.filename, index)
    return Entry(member.filename, member.is_directory, member.uncompressed or 0)


def _content_encrypted(archive: py7zr.SevenZipFile) -> bool:
    streams = getattr(archive.header, "main_streams", None)
    if streams is None:
        return False
    return any(SupportedMethods.needs_password(f.coders) for f in streams.unpackinfo.folders)


@contextmanager
def opened(archive: Path, password: str | None) -> Iterator[tuple[Probe, py7zr.SevenZipFile]]:
    """Classify the archive and list its members, mapping every failure to a clear code.

    The archive stays open for extraction, so the key is derived once for the
    header; an open file object also keeps py7zr single-threaded, so the byte
    budget is exact.
    """
    headers_encrypted = _signature(archive)
    if headers_encrypted and not password:
        raise HandoffError("password_required", msg.PASSWORD_REQUIRED, name=archive.name)
    with open(archive, "rb") as fh:
        try:
            z = py7zr.SevenZipFile(fh, "r", password=password or None)
        except Exception:  # py7zr raises many kinds here; the header CRC was good
            if headers_encrypted:
                raise HandoffError("wrong_password", msg.WRONG_PASSWORD) from None
            raise damaged(archive, HEADER_UNREADABLE) from None
        with z:
            encrypted = headers_encrypted or _content_encrypted(z)
            entries = tuple(_entry(i, m) for i, m in enumerate(z.files, 1))
            if encrypted and not password:
                raise HandoffError("password_required", msg.PASSWORD_REQUIRED, name=archive.name)
            yield Probe(encrypted, headers_encrypted, entries), z
