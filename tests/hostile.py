"""Builders of hostile and broken archives for the extraction tests.

Each builder makes the archive the way an attacker or a broken transfer would:
with the real 7-Zip where it can express the attack, otherwise with py7zr and
a byte patch of the plain (unencrypted, uncompressed) header, fixing the CRCs
so that only the attack is left for Handoff to catch.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import py7zr

PASSWORD = "vijf-zes-zeven-acht"
COPY_AES = [{"id": py7zr.FILTER_COPY}, {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}]


def sevenzip_add(sevenzip: str, archive: Path, sources: list[Path], *options: str) -> Path:
    """Run ``7zz a`` with ``options``; raise if 7-Zip fails."""
    cmd = [sevenzip, "a", "-bd", "-y", *options, str(archive), *map(str, sources)]
    subprocess.run(cmd, check=True, capture_output=True, cwd=sources[0].parent if sources else None)
    return archive


def plain_header_archive(
    path: Path, entries: dict[str, bytes], password: str | None = PASSWORD
) -> Path:
    """Content encrypted (when ``password``), header stored plain and uncompressed.

    That is the 7-Zip ``-mhe=off`` layout, and it leaves entry names patchable.
    """
    filters = COPY_AES if password else [{"id": py7zr.FILTER_COPY}]
    with py7zr.SevenZipFile(path, "w", password=password, filters=filters) as z:
        z.encoded_header_mode = False
        for name, data in entries.items():
            z.writef(io.BytesIO(data), name)
    return path


def fix_crcs(path: Path) -> None:
    """Recompute the next-header and start-header CRCs after a header patch."""
    data = bytearray(path.read_bytes())
    offset, length = struct.unpack("<QQ", data[12:28])
    header = data[32 + offset : 32 + offset + length]
    data[28:32] = struct.pack("<I", zlib.crc32(header))
    data[8:12] = struct.pack("<I", zlib.crc32(data[12:32]))
    path.write_bytes(bytes(data))


def renamed_entry(path: Path, placeholder: str, evil: str, data: bytes = b"x") -> Path:
    """An archive whose entry is named ``evil`` (same length as ``placeholder``).

    py7zr refuses to write ``..`` or absolute names, as it should; an attacker
    is not bound by that, so the name is patched into the stored header.
    """
    if len(placeholder) != len(evil):
        raise ValueError("placeholder and evil name must be the same length")
    plain_header_archive(path, {placeholder: data})
    raw = path.read_bytes()
    old, new = placeholder.encode("utf-16-le"), evil.encode("utf-16-le")
    if raw.count(old) != 1:
        raise ValueError("placeholder not found exactly once")
    path.write_bytes(raw.replace(old, new))
    fix_crcs(path)
    return path


def symlink_archive(sevenzip: str, folder: Path, target: str = "/etc/passwd") -> Path:
    """A real 7-Zip archive (-snl) holding a symlink that points outside."""
    link = folder / "lijst.xlsx"
    link.symlink_to(target)
    archive = folder / "link.7z"
    return sevenzip_add(sevenzip, archive, [link], f"-p{PASSWORD}", "-mhe=on", "-snl")


def zero_bomb(sevenzip: str, path: Path, gib: int = 2) -> Path:
    """``gib`` GiB of zeros streamed through 7-Zip (-si): a few hundred KB on disk."""
    if path.exists():
        return path
    # One partial name per process: two test runs sharing pytest's cache must not
    # delete each other's half-built bomb.
    partial = path.with_name(f".{path.stem}.{os.getpid()}.partial.7z")
    partial.unlink(missing_ok=True)
    cmd = [
        sevenzip,
        "a",
        "-bd",
        "-y",
        "-sinullen.bin",
        f"-p{PASSWORD}",
        "-mhe=on",
        "-mx1",
        str(partial),
    ]
    with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL) as proc:
        assert proc.stdin is not None
        block = bytes(1 << 20)
        for _ in range(gib * 1024):
            proc.stdin.write(block)
        proc.stdin.close()
        if proc.wait() != 0:
            raise RuntimeError("7zz failed to build the bomb")
    os.replace(partial, path)
    return path


def truncated(source: Path, path: Path, keep: float = 0.5) -> Path:
    """The first part of ``source``, as after an interrupted download."""
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def flipped(source: Path, path: Path, position: int) -> Path:
    """``source`` with one bit flipped at ``position`` (negative counts from the end)."""
    data = bytearray(source.read_bytes())
    data[position] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def zip_file(path: Path) -> Path:
    """An ordinary zip, what a sender without 7-Zip might send."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("lijst.csv", "voornaam;naam\n")
    return path
