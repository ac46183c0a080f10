"""C2SP signed notes, tlog-checkpoints and tlog-cosignatures with Ed25519.

Formats from https://c2sp.org/signed-note, https://c2sp.org/tlog-checkpoint
and https://c2sp.org/tlog-cosignature (cosignature/v1), so that any tool of
the transparency-log field can read what the journal service signs:

- a checkpoint body is ``<origin>\\n<size>\\n<base64 root>\\n``;
- a signed note is the body, an empty line, and one line per signature
  ``— <key name> <base64(key hash[4] || signature)>``;
- an Ed25519 key hash is ``SHA-256(name || "\\n" || 0x01 || public key)[:4]``;
  a cosignature key uses type 0x04 and signs
  ``cosignature/v1\\ntime <seconds>\\n<checkpoint body>``, its signature being
  ``key hash || timestamp (8 bytes, big-endian) || Ed25519 signature``.

The DPO's cosignature on a checkpoint says: "I saw this tree, and it extends
every tree I saw before." A server that later shows a smaller or different
tree contradicts a signature it cannot forge.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ED25519 = 0x01
COSIGNATURE_V1 = 0x04
DASH = "\u2014"  # the em dash that opens every signature line


class NoteError(ValueError):
    """A note, checkpoint or key that is malformed or does not verify."""


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_hash(name: str, alg: int, public: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + bytes([alg]) + public).digest()[:4]


def _check_name(name: str) -> str:
    if not name or any(c.isspace() or c == "+" for c in name):
        raise NoteError(f"invalid key name {name!r}")
    return name


@dataclass(frozen=True)
class Verifier:
    """A named public key, written ``name+hash+base64(alg||key)`` (the vkey form)."""

    name: str
    alg: int
    public: bytes

    @property
    def hash(self) -> bytes:
        return key_hash(self.name, self.alg, self.public)

    def text(self) -> str:
        blob = base64.b64encode(bytes([self.alg]) + self.public).decode()
        return f"{self.name}+{self.hash.hex()}+{blob}"

    @classmethod
    def parse(cls, text: str) -> Verifier:
        try:
            name, hash_hex, blob = text.strip().split("+", 2)
            raw = base64.b64decode(blob, validate=True)
        except ValueError as exc:
            raise NoteError("invalid verifier key") from exc
        if len(raw) != 33 or raw[0] not in (ED25519, COSIGNATURE_V1):
            raise NoteError("invalid verifier key")
        verifier = cls(_check_name(name), raw[0], raw[1:])
        if verifier.hash.hex() != hash_hex:
            raise NoteError("verifier key hash does not match")
        return verifier

    def key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public)


def verifier_for(name: str, key: Ed25519PrivateKey, alg: int = ED25519) -> Verifier:
    return Verifier(_check_name(name), alg, raw_public(key.public_key()))


@dataclass(frozen=True)
class Checkpoint:
    """A tree head: which log (origin), how many leaves, which root."""

    origin: str
    size: int
    root: bytes

    def body(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"

    @classmethod
    def parse_body(cls, body: str) -> Checkpoint:
        lines = body.split("\n")
        if len(lines) < 4 or lines[-1] != "":
            raise NoteError("malformed checkpoint")
        origin, size_text, root_text = lines[:3]
        if not origin or not size_text.isdigit() or (size_text != "0" and size_text[0] == "0"):
            raise NoteError("malformed checkpoint")
        try:
            root = base64.b64decode(root_text, validate=True)
        except ValueError as exc:
            raise NoteError("malformed checkpoint root") from exc
        if len(root) != 32:
            raise NoteError("malformed checkpoint root")
        return cls(origin, int(size_text), root)


@dataclass(frozen=True)
class Signature:
    name: str
    hash: bytes
    blob: bytes  # what follows the key hash

    def line(self) -> str:
        return f"{DASH} {self.name} {base64.b64encode(self.hash + self.blob).decode()}\n"


@dataclass(frozen=True)
class Note:
    """A signed note: the text and its signature lines (unknown keys are kept, not trusted)."""

    text: str
    signatures: tuple[Signature, ...]

    def render(self) -> str:
        return self.text + "\n" + "".join(s.line() for s in self.signatures)

    @classmethod
    def parse(cls, note: str) -> Note:
        text, sep, tail = note.rpartition("\n\n")
        if not sep or not tail.endswith("\n"):
            raise NoteError("malformed signed note")
        text += "\n"
        signatures = []
        for line in tail[:-1].split("\n"):
            parts = line.split(" ")
            if len(parts) != 3 or parts[0] != DASH:
                raise NoteError("malformed signature line")
            try:
                raw = base64.b64decode(parts[2], validate=True)
            except ValueError as exc:
                raise NoteError("malformed signature") from exc
            if len(raw) < 5:
                raise NoteError("malformed signature")
            signatures.append(Signature(parts[1], raw[:4], raw[4:]))
        return cls(text, tuple(signatures))

    def _matching(self, verifier: Verifier) -> list[Signature]:
        return [s for s in self.signatures if s.name == verifier.name and s.hash == verifier.hash]

    def verify(self, verifier: Verifier) -> None:
        """Raise unless ``verifier`` (an Ed25519 note key) signed this text."""
        for sig in self._matching(verifier):
            try:
                verifier.key().verify(sig.blob, self.text.encode())
                return
            except InvalidSignature:
                pass
        raise NoteError(f"no valid signature by {verifier.name}")

    def cosigned_at(self, verifier: Verifier) -> int:
        """The time of a valid cosignature/v1 by ``verifier``; raise when there is none."""
        for sig in self._matching(verifier):
            if len(sig.blob) != 72:
                continue
            (moment,) = struct.unpack(">Q", sig.blob[:8])
            try:
                verifier.key().verify(sig.blob[8:], _cosigned_message(self.text, moment))
                return moment
            except InvalidSignature:
                pass
        raise NoteError(f"no valid cosignature by {verifier.name}")

    def with_signature(self, signature: Signature) -> Note:
        kept = tuple(
            s for s in self.signatures if (s.name, s.hash) != (signature.name, signature.hash)
        )
        return Note(self.text, (*kept, signature))


def sign(text: str, name: str, key: Ed25519PrivateKey) -> Note:
    """A note over ``text`` (ending in a newline) with one Ed25519 signature."""
    if not text.endswith("\n"):
        raise NoteError("note text must end with a newline")
    verifier = verifier_for(name, key)
    return Note(text, (Signature(verifier.name, verifier.hash, key.sign(text.encode())),))


def _cosigned_message(text: str, moment: int) -> bytes:
    return f"cosignature/v1\ntime {moment}\n{text}".encode()


def cosign(note: Note, name: str, key: Ed25519PrivateKey, moment: int) -> Signature:
    """A tlog-cosignature/v1 signature line over the checkpoint in ``note``."""
    verifier = verifier_for(name, key, COSIGNATURE_V1)
    blob = struct.pack(">Q", moment) + key.sign(_cosigned_message(note.text, moment))
    return Signature(verifier.name, verifier.hash, blob)


def open_checkpoint(note_text: str, log: Verifier) -> tuple[Note, Checkpoint]:
    """Parse a signed checkpoint and verify the log's signature and origin."""
    note = Note.parse(note_text)
    note.verify(log)
    checkpoint = Checkpoint.parse_body(note.text)
    if checkpoint.origin != log.name:
        raise NoteError("checkpoint of another log")
    return note, checkpoint
