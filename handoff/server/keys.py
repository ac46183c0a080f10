"""The log's Ed25519 signing key, kept in the state folder and never in the database.

Whoever can write the database must not also be able to sign checkpoints:
the key lives in a file only the service account reads (mode 0600), so a
rewritten database cannot come with a fresh, validly signed checkpoint that
agrees with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from handoff.core.tlog.note import Verifier, verifier_for

KEY_FILE = "log-key.pem"
ORIGIN_FILE = "origin"


def create(state: Path, origin: str) -> Verifier:
    """A new log key in ``state``; refuses to replace one (a new key is a new log)."""
    state.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    fd = os.open(state / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    (state / ORIGIN_FILE).write_text(origin + "\n", encoding="utf-8")
    return verifier_for(origin, key)


def load(state: Path) -> tuple[str, Ed25519PrivateKey]:
    origin = (state / ORIGIN_FILE).read_text(encoding="utf-8").strip()
    key = load_pem_private_key((state / KEY_FILE).read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the log key is not an Ed25519 key")
    return origin, key
