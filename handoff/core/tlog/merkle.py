"""RFC 6962 §2.1 Merkle tree hashing, proofs and their verification.

The organisation journal is a Merkle tree over every PC's records, in the
order the integrator assigned them. Leaves are ``SHA-256(0x00 || body)``,
inner nodes ``SHA-256(0x01 || left || right)``, the empty tree is
``SHA-256("")``; a tree of n leaves splits at the largest power of two below n.
A signed root (a checkpoint) then commits to every record, and two proofs make
that checkable without trusting the server: an *inclusion* proof shows a
record is in a tree, a *consistency* proof that a later tree extends an
earlier one (RFC 6962 §2.1.1, §2.1.2; verification as in RFC 9162 §2.1.3.2,
§2.1.4.2).

:class:`Tree` keeps every level of complete subtrees in memory (64 bytes per
leaf for a million records) so a root or a proof costs O(log² n) hashes,
never a pass over all leaves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

EMPTY = hashlib.sha256(b"").digest()


def leaf_hash(body: bytes) -> bytes:
    """RFC 6962 leaf hash: the 0x00 prefix keeps a leaf from passing as a node."""
    return hashlib.sha256(b"\x00" + body).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


class Tree:
    """An append-only Merkle tree of leaf hashes with every complete subtree cached."""

    def __init__(self, leaves: Iterable[bytes] = ()) -> None:
        self.levels: list[list[bytes]] = [[]]
        self.extend(leaves)

    def __len__(self) -> int:
        return len(self.levels[0])

    def append(self, leaf: bytes) -> None:
        """Add a leaf hash; complete pairs are hashed up at once (amortised O(1))."""
        level = 0
        self.levels[0].append(leaf)
        while len(self.levels[level]) % 2 == 0:
            row = self.levels[level]
            if level + 1 == len(self.levels):
                self.levels.append([])
            self.levels[level + 1].append(node_hash(row[-2], row[-1]))
            level += 1

    def extend(self, leaves: Iterable[bytes]) -> None:
        for leaf in leaves:
            self.append(leaf)

    def _hash(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]); ``start`` is always aligned to the left part's size."""
        n = end - start
        if n == 0:
            return EMPTY
        if n & (n - 1) == 0:  # a complete subtree: cached
            level = n.bit_length() - 1
            return self.levels[level][start >> level]
        k = _split(n)
        return node_hash(self._hash(start, start + k), self._hash(start + k, end))

    def root(self, size: int | None = None) -> bytes:
        """The root of the first ``size`` leaves (all by default)."""
        return self._hash(0, len(self) if size is None else self._checked(size))

    def _checked(self, size: int) -> int:
        if not 0 <= size <= len(self):
            raise ValueError(f"tree size {size} outside 0..{len(self)}")
        return size

    def inclusion(self, index: int, size: int | None = None) -> list[bytes]:
        """RFC 6962 §2.1.1 PATH(m, D[0:size]) for leaf ``index``."""
        size = len(self) if size is None else self._checked(size)
        if not 0 <= index < size:
            raise ValueError(f"leaf {index} not in a tree of {size}")
        return self._path(index, 0, size)

    def _path(self, m: int, start: int, end: int) -> list[bytes]:
        n = end - start
        if n == 1:
            return []
        k = _split(n)
        if m < k:
            return [*self._path(m, start, start + k), self._hash(start + k, end)]
        return [*self._path(m - k, start + k, end), self._hash(start, start + k)]

    def consistency(self, old: int, new: int | None = None) -> list[bytes]:
        """RFC 6962 §2.1.2 PROOF(old, D[0:new])."""
        new = len(self) if new is None else self._checked(new)
        if not 0 <= old <= new:
            raise ValueError(f"no consistency from {old} to {new}")
        if old == 0 or old == new:
            return []
        return self._subproof(old, 0, new, True)

    def _subproof(self, m: int, start: int, end: int, complete: bool) -> list[bytes]:
        n = end - start
        if m == n:
            return [] if complete else [self._hash(start, end)]
        k = _split(n)
        if m <= k:
            return [*self._subproof(m, start, start + k, complete), self._hash(start + k, end)]
        return [*self._subproof(m - k, start + k, end, False), self._hash(start, start + k)]


def root_of(leaves: Sequence[bytes]) -> bytes:
    """The root over leaf hashes, for checks that hold all leaves anyway."""
    return Tree(leaves).root()


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 §2.1.3.2: does ``proof`` put ``leaf`` at ``index`` under ``root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: does the tree of ``new`` leaves extend the one of ``old``?"""
    if old > new:
        return False
    if old == new:
        return not proof and old_root == new_root
    if old == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if old & (old - 1) == 0:  # old is a power of two: its root starts the path
        path.insert(0, old_root)
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0
