"""The integrator: dense leaf indexes, the in-memory Merkle tree, and signed checkpoints.

``hj.integrate`` assigns leaf indexes in the database under an advisory lock
(so two service processes never race); this module mirrors the leaves in a
:class:`~handoff.core.tlog.merkle.Tree`, and signs a C2SP checkpoint with the
log key whenever the tree grew.
"""

from __future__ import annotations

import logging
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg import AsyncConnection

from handoff.core.tlog.merkle import Tree
from handoff.core.tlog.note import Checkpoint, sign

log = logging.getLogger("handoff.server")


class Log:
    """The service's view of the log: the tree of integrated leaves and the signing key."""

    def __init__(self, origin: str, key: Ed25519PrivateKey, batch: int = 100_000) -> None:
        self.origin = origin
        self.key = key
        self.batch = batch
        self.tree = Tree()
        self.checkpoint_size = -1

    async def catch_up(self, conn: AsyncConnection, upto: int | None = None) -> None:
        """Load leaves the tree does not have yet (other processes may have integrated)."""
        cur = await conn.execute(
            "SELECT leaf_hash FROM hj.leaves WHERE idx >= %s ORDER BY idx", (len(self.tree),)
        )
        async for (leaf,) in cur:
            self.tree.append(bytes(leaf))
        if upto is not None and len(self.tree) < upto:
            raise LookupError(f"tree has {len(self.tree)} leaves, {upto} asked")

    async def integrate(self, conn: AsyncConnection) -> int | None:
        """One round: integrate, catch up, sign a checkpoint if the tree grew. New size or None."""
        started = time.perf_counter()
        async with conn.transaction():
            await conn.execute("SELECT hj.integrate(%s)", (self.batch,))
        await self.catch_up(conn)
        if self.checkpoint_size < 0:
            cur = await conn.execute("SELECT coalesce(max(size), -1) FROM hj.checkpoints")
            self.checkpoint_size = (await cur.fetchone())[0]
        size = len(self.tree)
        if size <= self.checkpoint_size:
            return None
        note = sign(Checkpoint(self.origin, size, self.tree.root()).body(), self.origin, self.key)
        async with conn.transaction():
            await conn.execute(
                "SELECT hj.add_checkpoint(%s, %s, %s)", (size, self.tree.root(), note.render())
            )
        self.checkpoint_size = size
        log.info("checkpoint %d signed in %.1f ms", size, (time.perf_counter() - started) * 1000)
        return size
