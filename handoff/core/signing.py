"""Detached Ed25519 signatures on protocol profiles shared through a folder (issue 15).

A profile that reaches every worker through a network share is a target:
change one recipient address and the next lists go to an attacker. When the
policy names the DPO's public keys, a profile from a protocol folder loads
only with a valid signature beside it (``NAME.toml.sig``) over the file's
exact bytes. The signature file is one line::

    handoff-ed25519 <key id> <base64 signature>

The key id (16 hex digits of the public key's SHA-256) only says which key to
try and names it in messages and the journal; the verification itself decides.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.core.policy import key_id

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

MAGIC = "handoff-ed25519"
SUFFIX = ".sig"
UNSIGNED, UNKNOWN_KEY, BAD_SIGNATURE = "unsigned", "unknown_key", "bad_signature"


@dataclass(frozen=True)
class Refusal:
    """Why a profile's signature does not hold: a reason the journal may store, and the key id."""

    reason: str
    key_id: str = ""


def signature_path(profile: Path) -> Path:
    """Where the signature of ``profile`` lives: beside it, ``.sig`` appended."""
    return profile.with_name(profile.name + SUFFIX)


def _private(raw: bytes) -> Ed25519PrivateKey:
    """cryptography is imported here, not at start-up: most runs never check a signature."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(raw)


def new_private_key() -> bytes:
    """32 random bytes: a fresh Ed25519 private key (for the DPO's keyring)."""
    import secrets

    raw = secrets.token_bytes(32)
    _private(raw)  # any 32 bytes are an Ed25519 seed; this checks the library agrees
    return raw


def public_key(private: bytes) -> bytes:
    """The raw public key belonging to a raw private key."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return _private(private).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_text(raw_public: bytes) -> str:
    """``ed25519:BASE64``: how the public key is written in a policy."""
    return "ed25519:" + base64.b64encode(raw_public).decode("ascii")


def sign(private: bytes, data: bytes) -> bytes:
    """The signature file's bytes for ``data``."""
    signature = _private(private).sign(data)
    encoded = base64.b64encode(signature).decode("ascii")
    return f"{MAGIC} {key_id(public_key(private))} {encoded}\n".encode("ascii")


def verify(data: bytes, signature_file: bytes | None, keys: dict[str, bytes]) -> Refusal | None:
    """None when ``signature_file`` is a valid signature of ``data`` by one of ``keys``."""
    if signature_file is None:
        return Refusal(UNSIGNED)
    try:
        magic, named, encoded = signature_file.decode("ascii").split()
        signature = base64.b64decode(encoded, validate=True)
    except (UnicodeDecodeError, ValueError, binascii.Error):
        return Refusal(BAD_SIGNATURE)
    if magic != MAGIC or len(named) != 16 or not all(c in "0123456789abcdef" for c in named):
        return Refusal(BAD_SIGNATURE)
    if named not in keys:
        return Refusal(UNKNOWN_KEY, named)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(keys[named]).verify(signature, data)
    except InvalidSignature:
        return Refusal(BAD_SIGNATURE, named)
    return None
