"""A faster, identical 7zAES key derivation for py7zr that leaves no copies behind.

7-Zip derives the AES key with 2^19 rounds of SHA-256 over salt, password and
a round counter. py7zr builds every round's bytes in a Python loop (about
0.4 s per derivation, and one archive needs two or three). Here the rounds are
laid out 65,536 at a time in one buffer and only the counter's high bytes are
rewritten between blocks, so the same bytes reach SHA-256 in a few large
updates (about 0.05 s). The result is bit-for-bit py7zr's key (tested); any
case outside the common one is handed back to py7zr's own function.

That buffer holds the password 65,536 times, so it is laid out byte column by
byte column (no contiguous copy of the password is ever made besides the
buffer) and zeroed before it is freed: freed memory is not cleared, and a
heap that keeps it would otherwise hold 65,536 copies of the password for the
life of the process (measured; tests/test_archive.py scans the process).

This module does not import py7zr until :func:`install` (or a case it hands
back) needs it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain

_BLOCK_BITS = 16
_SCOPE: ContextVar[dict[tuple, bytes] | None] = ContextVar("handoff_kdf_scope", default=None)


@contextmanager
def one_archive() -> Iterator[None]:
    """Derive each key once while one archive is written or read, then forget it.

    An archive with encrypted headers needs the same key for its header and
    its data (py7zr's writer uses no salt), so without this every open pays
    the 2^19 rounds twice. The keys live only for the call, in a context
    variable, never in a module-level structure: a long-running desktop
    process keeps nothing derived from a password afterwards.
    """
    cache: dict[tuple, bytes] = {}
    token = _SCOPE.set(cache)
    try:
        yield
    finally:
        cache.clear()
        _SCOPE.reset(token)


def derive_key(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    """The key for ``password``: once per archive call (:func:`one_archive`), else each time."""
    known = (password, cycles, salt, digest)
    cache = _SCOPE.get()
    if cache is not None and known in cache:
        return cache[known]
    key = _derive(password, cycles, salt, digest)
    if cache is not None:
        cache[known] = key
    return key


def _derive(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    """SHA-256 over (salt + password + counter) for counter in 0 .. 2^cycles - 1; 32 bytes."""
    if digest != "sha256" or cycles == 0x3F or cycles < _BLOCK_BITS:
        from py7zr.helpers import calculate_key

        return calculate_key(password, cycles, salt, digest)
    head = len(salt) + len(password)
    record = head + 8
    rounds = bytearray(record << _BLOCK_BITS)
    try:
        _lay_out(rounds, record, chain(salt, password))
        sha = hashlib.sha256()
        for high in range(1 << (cycles - _BLOCK_BITS)):
            # counter = high * 65536 + i: bytes 2..7 of each little-endian counter hold `high`.
            _fill_columns(rounds, record, head + 2, high.to_bytes(6, "little"))
            sha.update(rounds)
        return sha.digest()[:32]
    finally:
        _fill_columns(rounds, record, 0, bytes(record))  # zeroed in place, no 4 MB temporary


def _lay_out(rounds: bytearray, record: int, head: Iterator[int]) -> None:
    """Write salt + password and the counter's two low bytes into every record.

    Column by column with bytes operations only (no Python loop over the
    rounds): counter i's low byte is i % 256 and its second byte i // 256.
    """
    _fill_columns(rounds, record, 0, head)
    block = 1 << _BLOCK_BITS
    low = record - 8
    rounds[low::record] = bytes(range(256)) * (block >> 8)
    rounds[low + 1 :: record] = b"".join(bytes([b]) * 256 for b in range(256))


def _fill_columns(
    rounds: bytearray, record: int, first: int, values: Iterator[int] | bytes
) -> None:
    """Set column ``first + j`` of every record to ``values[j]``."""
    block = 1 << _BLOCK_BITS
    for j, byte in enumerate(values):
        rounds[first + j :: record] = bytes((byte,)) * block


def install() -> None:
    """Make py7zr's AES coder use :func:`derive_key`, unless py7zr changed its layout."""
    import py7zr.compressor
    import py7zr.helpers

    if getattr(py7zr.compressor, "calculate_key", None) is py7zr.helpers.calculate_key:
        py7zr.compressor.calculate_key = derive_key
