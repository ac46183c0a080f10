"""Pack into and open AES-256 7z archives the way the protocols prescribe.

"AES 256 encryptie via 7-zip" (seed 001, art. 6; seed 002, on art. 4 of the cooperation agreement) and "een
sterk algoritme zoals AES-256 (bij voorkeur via 7-zip)" (seed 004, section C2):
the receiver opens what Handoff writes with plain 7-Zip, and Handoff opens what
a sender made with 7-Zip. File names are encrypted too (7z "encrypted headers"),
since a name like "schuldenaars maart.xlsx" already says something.

Packing streams each source into a hidden partial file beside the output and
renames it into place when complete, so a crash or a cancel leaves nothing and
plaintext is never copied to a temp folder. Opening validates every entry name
before one byte is written, counts real decompressed bytes against caps, and
stages into a fresh folder that is moved into the destination only when every
CRC matched.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import py7zr

from handoff.core import atomic, longpaths
from handoff.core.archive import errors as msg
from handoff.core.archive import kdf as archive_kdf
from handoff.core.archive.extract import Budget, extract_to
from handoff.core.archive.limits import Limits
from handoff.core.archive.names import check_name, parts, refuse_clashes
from handoff.core.archive.probe import Plan, header_opens, opened
from handoff.core.archive.stage import (
    Staging,
    create_dest,
    longest_staging,
    refuse_existing,
    remove_created,
    staging,
    try_lock,
)
from handoff.core.errors import HandoffError
from handoff.core.hashing import sha256_file

archive_kdf.install()

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

# Chosen from bench/bench_archive.py (docs/packaging.md): an .xlsx is
# already deflated, so LZMA2 costs time for almost no size; Copy + AES is the
# 7-Zip-compatible choice that keeps pack and unpack fastest.
FILTERS: list[dict[str, int]] = [
    {"id": py7zr.FILTER_COPY},
    {"id": py7zr.FILTER_CRYPTO_AES256_SHA256},
]
_CHUNK = 1 << 20
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class PackResult:
    """What was written: the archive, its size and hash for the journal, how many entries."""

    path: Path
    size: int
    sha256: str
    entries: int


@dataclass(frozen=True)
class UnpackResult:
    """Where the files landed; ``encrypted`` is False only with allow_unencrypted."""

    folder: Path
    files: list[Path]
    total_bytes: int
    encrypted: bool
    headers_encrypted: bool = True


class _Tracked(io.BufferedIOBase):
    """A read-only view of a source that reports progress and honours cancel.

    py7zr reads each source in blocks; checking cancel on every read stops a
    large pack within one block.
    """

    def __init__(self, raw: IO[bytes], counter: _Counter) -> None:
        super().__init__()
        self._raw = raw
        self._counter = counter

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def read(self, size: int | None = -1) -> bytes:
        data = self._raw.read(size if size is not None else -1)
        self._counter.add(len(data))
        return data

    def read1(self, size: int = -1) -> bytes:
        return self.read(size)


class _Counter:
    """Progress and cancel, shared by pack's sources."""

    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.done = 0
        self.total = total
        self._progress = progress
        self._cancel = cancel

    def add(self, n: int) -> None:
        if self._cancel is not None and self._cancel():
            raise HandoffError("cancelled", msg.CANCELLED)
        self.done += n
        if self._progress is not None and n:
            self._progress(self.done, self.total)


def _source_size(source: bytes | Path) -> int:
    if isinstance(source, bytes | bytearray | memoryview):
        return len(source)
    path = Path(source)
    if not path.is_file():
        raise HandoffError("not_found", msg.NOT_FOUND, name=path.name)
    return path.stat().st_size


@contextmanager
def _open_source(source: bytes | Path) -> Iterator[IO[bytes]]:
    if isinstance(source, bytes | bytearray | memoryview):
        yield io.BytesIO(source)  # shares the buffer until written: no copy
    else:
        with open(source, "rb") as fh:
            yield fh


def _check_pack(entries: Mapping[str, bytes | Path], output: Path, password: str) -> int:
    """Refuse before writing anything; returns the total plaintext size."""
    if not password:
        raise HandoffError("empty_password", msg.EMPTY_PASSWORD)
    if not entries:
        raise HandoffError("no_entries", msg.NO_ENTRIES)
    for index, name in enumerate(entries, 1):
        check_name(name, index)
    refuse_clashes((name, False) for name in entries)
    if output.exists() or output.is_symlink():
        raise HandoffError("output_exists", msg.OUTPUT_EXISTS, name=output.name)
    if not output.parent.is_dir():
        raise HandoffError("not_found", msg.NOT_FOUND, name=str(output.parent))
    return sum(_source_size(s) for s in entries.values())


@contextmanager
def _partial_beside(output: Path) -> Iterator[IO[bytes]]:
    """A hidden file next to ``output``, published only on success, never over a file."""
    started = False
    try:
        with atomic.partial_beside(output) as fh:
            started = True
            try_lock(fh.fileno(), wait=True)  # held while this process lives: see core/leftovers.py
            yield fh
    except FileExistsError:
        raise HandoffError("output_exists", msg.OUTPUT_EXISTS, name=output.name) from None
    except OSError as exc:
        where = output.name if started else (output.parent.name or str(output.parent))
        raise msg.from_os_error(exc, where) from None


def pack(
    entries: Mapping[str, bytes | Path],
    output: Path,
    password: str,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> PackResult:
    """Write ``entries`` into a new AES-256 7z archive with encrypted headers.

    Sources are streamed from memory or their own file. Nothing exists at
    ``output`` unless the archive is complete; an existing ``output`` is
    never replaced.
    """
    output = Path(output)
    counter = _Counter(_check_pack(entries, output, password), progress, cancel)
    longpaths.require_fits(files=[atomic.partial_name(output.absolute())])  # the longer of the two
    with (
        archive_kdf.one_archive(),
        _partial_beside(output) as fh,
        py7zr.SevenZipFile(
            fh, "w", filters=FILTERS, password=password, header_encryption=True
        ) as archive,
    ):
        for name, source in entries.items():
            with _open_source(source) as raw:
                archive.writef(_Tracked(raw, counter), name)
    return PackResult(output, output.stat().st_size, sha256_file(output), len(entries))


@dataclass(frozen=True)
class Staged:
    """An archive decrypted into a locked staging folder, not yet in its destination.

    The caller journals first (hashes come from :attr:`files`), then calls
    :meth:`move_into`; leaving the :func:`unpacking` block removes the staging
    folder with whatever is still in it.
    """

    stage: Staging
    names: tuple[str, ...]
    top_level: tuple[str, ...]
    total_bytes: int
    encrypted: bool
    headers_encrypted: bool

    @property
    def files(self) -> list[Path]:
        """The decrypted files where they are now, in the staging folder."""
        return [self.stage.content.joinpath(*parts(name)) for name in self.names]

    def move_into(self, dest: Path) -> UnpackResult:
        """Move the content into the existing folder ``dest``; nothing there is replaced."""
        self.stage.move_into(dest, self.top_level)
        files = [dest.joinpath(*parts(name)) for name in self.names]
        return UnpackResult(dest, files, self.total_bytes, self.encrypted, self.headers_encrypted)


@contextmanager
def unpacking(
    archive: Path,
    base: Path,
    password: str | None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    allow_unencrypted: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    refuse_in: Path | None = None,
    final_in: Path | None = None,
) -> Iterator[Staged]:
    """Decrypt ``archive`` into a locked staging folder in ``base`` and yield it.

    Refuses unencrypted archives unless ``allow_unencrypted`` (the sender broke
    the protocol), unsafe names, links and devices, and stops as soon as the
    real decompressed bytes pass the caps in ``limits``. With ``refuse_in``,
    top-level names that already exist there are refused before a byte is
    decrypted. A path longer than this PC allows (:mod:`longpaths`), in staging
    or in the final folder (``final_in``, else ``refuse_in``), is refused once
    the header is read, before a byte is decrypted. The staging folder is
    removed when the block ends, however.
    """
    archive = Path(archive)
    size = archive.stat().st_size if archive.is_file() else 0
    fits = longpaths.limits()
    longpaths.require_fits(folders=[longest_staging(Path(base))], within=fits)
    with staging(Path(base)) as stage:
        with archive_kdf.one_archive(), opened(archive, password) as (info, z):
            if not info.encrypted and not allow_unencrypted:
                raise HandoffError("not_encrypted", msg.NOT_ENCRYPTED, name=archive.name)
            plan = info.plan(limits, size)
            if refuse_in is not None:
                refuse_existing(refuse_in, plan.top_level)
            _require_short(plan, (stage.content, final_in or refuse_in), fits)
            budget = Budget(limits, size, plan.total, progress, cancel)
            try:
                extract_to(
                    z, archive, stage.content, plan, budget, info.headers_encrypted, info.encrypted
                )
            except HandoffError as exc:
                if "name" in exc.params and exc.code == "write_failed":
                    exc.params["name"] = Path(base).name or str(base)  # not the hidden staging
                raise
        yield Staged(
            stage,
            tuple(plan.files),
            tuple(plan.top_level),
            budget.written,
            info.encrypted,
            info.headers_encrypted,
        )


def _require_short(plan: Plan, folders: tuple[Path | None, ...], fits: longpaths.Limits) -> None:
    """Every file and folder of ``plan``, in staging and in its final place, fits the limits."""
    for folder in filter(None, folders):
        base = folder.absolute()
        longpaths.require_fits(
            files=(base.joinpath(*parts(name)) for name in plan.files),
            folders=(base.joinpath(*parts(name)) for name in plan.dirs),
            within=fits,
        )


def unpack(
    archive: Path,
    dest: Path,
    password: str | None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    allow_unencrypted: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> UnpackResult:
    """Extract ``archive`` into ``dest`` safely (see :func:`unpacking`), or leave ``dest`` as it was.

    The staging folder sits inside ``dest``; ``dest`` and its missing parents
    are created, and removed again on failure.
    """
    dest = Path(dest)
    longpaths.require_fits(folders=[longest_staging(dest)])  # before a folder is made
    created = create_dest(dest)
    try:
        with unpacking(
            archive,
            dest,
            password,
            limits=limits,
            allow_unencrypted=allow_unencrypted,
            progress=progress,
            cancel=cancel,
            refuse_in=dest,
        ) as staged:
            return staged.move_into(dest)
    except BaseException:
        remove_created(created)
        raise


def password_opens(fh: IO[bytes], archive: Path, password: str) -> bool | None:
    """True when ``password`` opens the archive's encrypted header, False when it does not,
    None when the archive has no encrypted header to try it on.

    For checking a password typed back against an archive still at hand
    (``handoff password``); the header is decrypted in memory, nothing extracted.
    HandoffError (not_7z, damaged_archive, ...) when it is no intact archive.
    """
    with archive_kdf.one_archive():
        return header_opens(fh, archive, password)
