"""Canonical journal records as a PC's hash chain produces them (handoff.core.journal.hash)."""

from __future__ import annotations

import hashlib

from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.journal.hash import GENESIS, canonical, details_text

DETAILS = {"archive_sha256": "a" * 64, "archive_size": 1234, "encrypted": True, "channel": "email"}


def chain(
    host: str,
    count: int,
    *,
    start: int = 1,
    prev: str = GENESIS,
    step: str = "received",
    account: str = "medewerker",
) -> list[bytes]:
    """``count`` records of ``host`` from seq ``start``, each linked to the one before."""
    bodies = []
    for seq in range(start, start + count):
        body = canonical(
            seq,
            f"2026-11-27T10:00:{seq % 60:02d}.000000Z",
            account,
            host,
            f"HO-20261127-{seq % 1000000:06d}",
            "cjsw-lievegem",
            step,
            details_text(DETAILS),
            prev,
        )
        bodies.append(body)
        prev = hashlib.sha256(body).hexdigest()
    return bodies


def head(bodies: list[bytes]) -> str:
    return hashlib.sha256(bodies[-1]).hexdigest()


def add_records(journal: Journal, count: int, step: Step = Step.RECEIVED) -> Journal:
    """``count`` real records appended to a PC's own journal (one new handoff each)."""
    for _ in range(count):
        journal.append(
            step, handoff_id=new_handoff_id(), protocol_id="cjsw-lievegem", details=DETAILS
        )
    return journal
