"""A faster, identical 7zAES key derivation for py7zr.

7-Zip derives the AES key with 2^19 rounds of SHA-256 over salt, password and
a round counter. py7zr builds every round's bytes in a Python loop (about
0.4 s per derivation, and one archive needs two or three). Here the rounds are
laid out 65,536 at a time in one buffer and only the counter's high bytes are
rewritten between blocks, so the same bytes reach SHA-256 in a few large
updates (about 0.1 s). The result is bit-for-bit py7zr's key (tested); any
case outside the common one is handed back to py7zr's own function.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import py7zr.compressor
import py7zr.helpers

_BLOCK_BITS = 16
_ORIGINAL = py7zr.helpers.calculate_key
_SCOPE: ContextVar[dict[tuple, bytes] | None] = ContextVar("handoff_kdf_scope", default=None)


@contextmanager
def one_archive() -> Iterator[None]:
    """Derive each key once while one archive is written or read, then forget it.

    An archive with encrypted headers needs the same key for its header and
    its data (py7zr's writer uses no salt), so without this every open pays
    the 2^19 rounds twice. The keys live only for the call: a long-running
    desktop process keeps nothing derived from a password afterwards.
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
    cache = _SCOPE.get()
    if cache is None:
        return _derive(password, cycles, salt, digest)
    known = (password, cycles, salt, digest)
    if known not in cache:
        cache[known] = _derive(password, cycles, salt, digest)
    return cache[known]


def _derive(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    """SHA-256 over (salt + password + counter) for counter in 0 .. 2^cycles - 1; 32 bytes."""
    if digest != "sha256" or cycles == 0x3F or cycles < _BLOCK_BITS:
        return _ORIGINAL(password, cycles, salt, digest)
    head = salt + password
    block = 1 << _BLOCK_BITS
    record = len(head) + 8
    rounds = bytearray(b"".join(head + i.to_bytes(8, "little") for i in range(block)))
    sha = hashlib.sha256()
    for high in range(1 << (cycles - _BLOCK_BITS)):
        # counter = high * 65536 + i: bytes 2..7 of each little-endian counter hold `high`.
        for j, byte in enumerate(high.to_bytes(6, "little")):
            rounds[len(head) + 2 + j :: record] = bytes([byte]) * block
        sha.update(rounds)
    return sha.digest()[:32]


def install() -> None:
    """Make py7zr's AES coder use :func:`derive_key`, unless py7zr changed its layout."""
    if getattr(py7zr.compressor, "calculate_key", None) is _ORIGINAL:
        py7zr.compressor.calculate_key = derive_key
