"""Transparency-log pieces shared by the journal service and the desktop that checks it.

``merkle``: RFC 6962 (Certificate Transparency) Merkle tree hashing, inclusion
and consistency proofs. ``note``: the C2SP signed-note, tlog-checkpoint and
tlog-cosignature formats with Ed25519. Plain Python and ``cryptography``: the
server (without Qt) and the desktop verify with the same code.
"""
