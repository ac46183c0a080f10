"""Decompress into the staging folder, counting the real bytes as they come.

An archive header can declare any size it likes ("3 GiB of zeros fit in
0.5 MB", ARCHITECTURE). py7zr hands every decompressed block to a writer we
supply (its ``WriterFactory``/``Py7zIO`` hooks), so the caps are checked on the
bytes actually produced, before they reach the disk, and extraction stops at
the first block over the cap.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

import py7zr
from py7zr.exceptions import CrcError
from py7zr.io import Py7zIO, WriterFactory

from handoff.core.archive import errors as msg
from handoff.core.archive.limits import Limits, too_large
from handoff.core.archive.names import parts
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

if TYPE_CHECKING:
    from handoff.core.archive.probe import Plan

# py7zr asks its decompressor for up to get_memory_limit() bytes at a time:
# 128 MB, or a quarter of the free memory. A zero bomb then costs that much (and
# py7zr's copies of it) before our writer can count a byte: 409 MB peak
# measured with the default caps. Blocks of 1 MiB bring the whole extraction to
# about 32 MB and make it faster, since a bomb stops at the first block past the cap.
OUTPUT_BLOCK = 1 << 20


def _output_block() -> int:
    return OUTPUT_BLOCK


def bound_output_blocks() -> None:
    """Make py7zr decompress :data:`OUTPUT_BLOCK` bytes at a time, unless its layout changed."""
    import py7zr.properties
    import py7zr.py7zr

    if getattr(py7zr.py7zr, "get_memory_limit", None) is py7zr.properties.get_memory_limit:
        py7zr.py7zr.get_memory_limit = _output_block


bound_output_blocks()

CRC_MISMATCH = Text("een controlegetal klopt niet", "a checksum does not match")
DATA_UNREADABLE = Text("de gegevens zijn onleesbaar", "the data cannot be read")


class Budget:
    """Real bytes written so far against the caps; also progress and cancel."""

    def __init__(
        self,
        limits: Limits,
        archive_size: int,
        declared: int,
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> None:
        self.cap = min(limits.max_total_bytes, int(limits.max_ratio * max(archive_size, 1)))
        self.declared = declared
        self.written = 0
        self._progress = progress
        self._cancel = cancel

    def add(self, n: int) -> None:
        """Account for ``n`` more bytes before they are written; stop over the cap."""
        if self._cancel is not None and self._cancel():
            raise HandoffError("cancelled", msg.CANCELLED)
        if self.written + n > self.cap:
            raise too_large(Text("meer dan {m} bytes", "more than {m} bytes"), m=self.cap)
        self.written += n
        if self._progress is not None:
            self._progress(self.written, self.declared)


class _StagedFile(Py7zIO):
    """One member's output file; every write passes the budget first."""

    def __init__(self, fh: IO[bytes], budget: Budget) -> None:
        self._fh = fh
        self._budget = budget

    def write(self, s: bytes | bytearray) -> int:
        self._budget.add(len(s))
        return self._fh.write(s)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._fh.tell()

    def seekable(self) -> bool:
        return False  # py7zr must not rewind a file it has finished

    def flush(self) -> None:
        self._fh.flush()

    def size(self) -> int:
        return self._fh.tell()

    def close(self) -> None:
        if not self._fh.closed:
            try:
                self._fh.flush()
                os.fsync(self._fh.fileno())
            finally:
                self._fh.close()  # a full disk must not keep the file (and its volume) open


class _StagingFactory(WriterFactory):
    """Creates members only inside the staging folder, never over an existing file."""

    def __init__(self, staging: Path, budget: Budget) -> None:
        self._root = staging
        self._staging = staging.resolve()
        self._budget = budget
        self.opened: list[_StagedFile] = []

    def create(self, filename: str) -> Py7zIO:
        # A name made on Windows may use "\\" (kept as a character by py7zr on
        # POSIX): split on both, as the name check did, so folders are folders.
        relative = os.path.relpath(filename, self._root)
        target = self._staging.joinpath(*parts(relative)).resolve()
        if os.path.commonpath([target, self._staging]) != str(self._staging):
            raise py7zr.Bad7zFile("member outside staging")  # names were checked: defence in depth
        target.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        staged = _StagedFile(os.fdopen(os.open(target, flags, 0o600), "wb"), self._budget)
        self.opened.append(staged)
        return staged

    def close_all(self) -> None:
        for staged in self.opened:
            with contextlib.suppress(OSError):
                staged.close()


def _classify(
    archive: Path, exc: Exception, headers_encrypted: bool, encrypted: bool
) -> HandoffError:
    """Wrong password or damage, told apart where the format allows.

    With encrypted headers, the password already decoded the header block, so a
    later failure is damage. With plain headers and encrypted content, py7zr
    raises CrcError, LZMAError, Bad7zFile or even TypeError for either cause.
    """
    from handoff.core.archive.probe import damaged

    if headers_encrypted or not encrypted:
        return damaged(archive, CRC_MISMATCH if isinstance(exc, CrcError) else DATA_UNREADABLE)
    return HandoffError("wrong_password", msg.WRONG_PASSWORD_OR_DAMAGED)


def extract_to(
    z: py7zr.SevenZipFile,
    archive: Path,
    staging: Path,
    plan: Plan,
    budget: Budget,
    headers_encrypted: bool,
    encrypted: bool,
) -> None:
    """Decompress every member of the open archive ``z`` into ``staging``; py7zr checks CRCs."""
    for folder in plan.dirs:
        (staging / folder).mkdir(parents=True, exist_ok=True)
    factory = _StagingFactory(staging, budget)
    try:
        z.extractall(path=staging, factory=factory)
    except HandoffError:
        raise
    except OSError as exc:
        raise msg.from_os_error(exc, staging.parent.name) from None
    except Exception as exc:
        raise _classify(archive, exc, headers_encrypted, encrypted) from None
    finally:
        factory.close_all()
