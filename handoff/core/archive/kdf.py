"""A faster, identical 7zAES key derivation for py7zr, and deriving it ahead.

7-Zip derives the AES key with 2^19 rounds of SHA-256 over salt, password and
a round counter. py7zr builds every round's bytes in a Python loop (about
0.4 s per derivation, and one archive needs two or three). Here the rounds are
laid out 65,536 at a time in one buffer and only the counter's high bytes are
rewritten between blocks, so the same bytes reach SHA-256 in a few large
updates (about 0.05 s). The result is bit-for-bit py7zr's key (tested); any
case outside the common one is handed back to py7zr's own function.

This module does not import py7zr until :func:`install` (or a case it hands
back) needs it: the command line starts deriving a key with :func:`ahead`
while py7zr is still being imported.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# What 7-Zip and py7zr write by default: 2^19 rounds, no salt (7zAes.cpp,
# py7zr AESCompressor). An archive made otherwise simply misses the key
# derived ahead and derives its own.
DEFAULT_CYCLES = 19
DEFAULT_SALT = b""

_BLOCK_BITS = 16
_SCOPE: ContextVar[dict[tuple, bytes] | None] = ContextVar("handoff_kdf_scope", default=None)
_AHEAD: dict[tuple, tuple[threading.Thread, list[bytes]]] = {}
_AHEAD_LOCK = threading.Lock()


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


@contextmanager
def ahead(password: str) -> Iterator[None]:
    """Derive ``password``'s key with the default parameters in a thread meanwhile.

    A one-shot command spends as long importing py7zr (or checking a sheet)
    as deriving the key; SHA-256 releases the GIL on large updates, so the
    two overlap. Inside the block, an archive with the default parameters
    takes the key from that thread instead of deriving it again; on leaving,
    the thread is waited for and the key forgotten.
    """
    known = (password.encode("utf-16-le"), DEFAULT_CYCLES, DEFAULT_SALT, "sha256")
    result: list[bytes] = []
    worker = threading.Thread(
        target=lambda: result.append(_derive(*known)), name="handoff-key", daemon=True
    )
    with _AHEAD_LOCK:
        taken = known in _AHEAD
        if not taken:
            _AHEAD[known] = (worker, result)
    if taken:  # the same key is already on its way (a nested or concurrent call)
        yield
        return
    worker.start()
    try:
        yield
    finally:
        worker.join()
        with _AHEAD_LOCK:
            _AHEAD.pop(known, None)
        result.clear()


def _derived_ahead(known: tuple) -> bytes | None:
    """The key :func:`ahead` derives for ``known``, once it is there; None if not asked."""
    with _AHEAD_LOCK:
        pending = _AHEAD.get(known)
    if pending is None:
        return None
    worker, result = pending
    worker.join()
    return result[0] if result else None


def derive_key(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    """The key for ``password``: once per archive call (:func:`one_archive`), else each time."""
    known = (password, cycles, salt, digest)
    cache = _SCOPE.get()
    if cache is not None and known in cache:
        return cache[known]
    key = _derived_ahead(known) or _derive(password, cycles, salt, digest)
    if cache is not None:
        cache[known] = key
    return key


def _derive(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    """SHA-256 over (salt + password + counter) for counter in 0 .. 2^cycles - 1; 32 bytes."""
    if digest != "sha256" or cycles == 0x3F or cycles < _BLOCK_BITS:
        from py7zr.helpers import calculate_key

        return calculate_key(password, cycles, salt, digest)
    head = salt + password
    block = 1 << _BLOCK_BITS
    record = len(head) + 8
    # Built with bytes operations only (no Python loop over the rounds), so a
    # thread deriving ahead barely holds the GIL: counter i's low byte is
    # i % 256 and its second byte i // 256.
    rounds = bytearray(head + bytes(8)) * block
    rounds[len(head) :: record] = bytes(range(256)) * (block >> 8)
    rounds[len(head) + 1 :: record] = b"".join(bytes([b]) * 256 for b in range(256))
    sha = hashlib.sha256()
    for high in range(1 << (cycles - _BLOCK_BITS)):
        # counter = high * 65536 + i: bytes 2..7 of each little-endian counter hold `high`.
        for j, byte in enumerate(high.to_bytes(6, "little")):
            rounds[len(head) + 2 + j :: record] = bytes([byte]) * block
        sha.update(rounds)
    return sha.digest()[:32]


def install() -> None:
    """Make py7zr's AES coder use :func:`derive_key`, unless py7zr changed its layout."""
    import py7zr.compressor
    import py7zr.helpers

    if getattr(py7zr.compressor, "calculate_key", None) is py7zr.helpers.calculate_key:
        py7zr.compressor.calculate_key = derive_key
