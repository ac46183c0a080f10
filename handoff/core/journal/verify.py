"""Checking the hash chain, and checkpoints kept elsewhere.

The chain alone shows a record that was changed, removed, inserted or moved
by someone who did not recompute the hashes after it. Someone with write
access who does recompute them can only be caught by a checkpoint (seq and
head hash) stored somewhere they cannot reach: ``verify --checkpoint`` then
finds the rewritten or truncated part. There is no key or signature.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal.hash import GENESIS, record_hash
from handoff.core.journal.store import COLUMNS

PROBLEMS: dict[str, Text] = {
    "changed": Text(
        "Regel {seq} is gewijzigd: de inhoud past niet meer bij haar controlecode (hash).",
        "Record {seq} was changed: its content no longer matches its hash.",
    ),
    "removed": Text(
        "Vóór regel {seq} is minstens één regel verwijderd (nummer {expected} ontbreekt).",
        "At least one record was removed before record {seq} (number {expected} is missing).",
    ),
    "inserted": Text(
        "Regel {seq} is toegevoegd buiten Handoff om (het nummer komt twee keer voor).",
        "Record {seq} was inserted outside Handoff (its number occurs twice).",
    ),
    "reordered": Text(
        "De volgorde is veranderd bij regel {seq} (verwacht was regel {expected}).",
        "The order was changed at record {seq} (record {expected} was expected).",
    ),
    "relinked": Text(
        "Regel {seq} verwijst niet naar de controlecode van de regel ervoor.",
        "Record {seq} does not point to the hash of the record before it.",
    ),
    "truncated": Text(
        "Het logboek heeft nog maar {count} regels; het controlepunt kende er al {seq}.",
        "The journal has only {count} records; the checkpoint already knew {seq}.",
    ),
    "rewritten": Text(
        "Regel {seq} heeft een andere controlecode dan in het controlepunt: het logboek is herschreven.",
        "Record {seq} has another hash than in the checkpoint: the journal was rewritten.",
    ),
}
#: SQLite's own integrity check found damaged pages: the file, not a record, is broken.
STORAGE = Text(
    "Het logboekbestand zelf is beschadigd: de controle van de databank vindt fouten in de "
    "opslag. Handoff schrijft er niets meer in. Bewaar het bestand, meld het aan uw IT-dienst "
    "en de DPO, en zet een reservekopie terug.",
    "The journal file itself is damaged: the database's own check finds errors in its "
    "storage. Handoff writes nothing more to it. Keep the file, report it to your IT desk "
    "and the DPO, and restore a backup.",
)
INTACT = Text(
    "Het logboek is intact: {count} regels, laatste controlecode {head}.",
    "The journal is intact: {count} records, last hash {head}.",
)


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a verify; ``problem`` says in both languages what is wrong and where."""

    ok: bool
    count: int
    head_hash: str
    first_bad_seq: int | None = None
    kind: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def problem(self) -> Text | None:
        if self.kind == "storage":
            return STORAGE
        return PROBLEMS[self.kind] if self.kind else None

    def message(self, lang: str | None = None) -> str:
        if self.kind is None:
            return INTACT.render(lang, count=self.count, head=self.head_hash)
        return self.problem.render(lang, **self.params)  # type: ignore[union-attr]


@dataclass(frozen=True)
class Checkpoint:
    """Where the journal stood: keep a copy outside the machine (mail it to the DPO)."""

    seq: int
    head_hash: str
    time: datetime

    def to_json(self) -> str:
        return json.dumps(
            {"seq": self.seq, "head_hash": self.head_hash, "time": self.time.isoformat()},
            indent=1,
        )

    @classmethod
    def load(cls, path: Path) -> Checkpoint:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(int(raw["seq"]), str(raw["head_hash"]), datetime.fromisoformat(raw["time"]))
        except (OSError, ValueError, KeyError, TypeError):
            raise HandoffError(
                "checkpoint_unreadable",
                Text(
                    "Het controlepunt {path} kan niet gelezen worden. Gebruik het bestand dat "
                    "'handoff log checkpoint --output' schreef.",
                    "The checkpoint {path} cannot be read. Use the file written by "
                    "'handoff log checkpoint --output'.",
                ),
                path=str(path),
            ) from None


#: The outcome when SQLite's integrity check fails: no record can be trusted,
#: so no count, head or first bad record is claimed.
STORAGE_DAMAGED = VerifyResult(False, 0, GENESIS, None, "storage")


def _bad(kind: str, total: int, head: str, seq: int, **params: object) -> VerifyResult:
    return VerifyResult(False, total, head, seq, kind, {"seq": seq, **params})


def _seq_exists(conn: sqlite3.Connection, seq: int) -> int:
    return conn.execute("SELECT count(*) FROM records WHERE seq = ?", (seq,)).fetchone()[0]


def _out_of_order(conn: sqlite3.Connection, seq: int, expected: int) -> str:
    """Name what a seq other than the expected one means."""
    if seq > expected:
        return "reordered" if _seq_exists(conn, expected) else "removed"
    return "inserted" if _seq_exists(conn, seq) > 1 else "reordered"


def verify_chain(conn: sqlite3.Connection) -> VerifyResult:
    """Stream the records in storage order and stop at the first broken link."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM records ORDER BY id")
    prev, expected, count = GENESIS, 1, 0
    for seq, time, account, machine, hid, pid, step, details, prev_hash, stored in rows:
        if seq != expected:
            return _bad(_out_of_order(conn, seq, expected), count, prev, seq, expected=expected)
        if record_hash(seq, time, account, machine, hid, pid, step, details, prev_hash) != stored:
            return _bad("changed", count, prev, seq)
        if prev_hash != prev:
            return _bad("relinked", count, prev, seq)
        prev, expected, count = stored, expected + 1, count + 1
    return VerifyResult(True, count, prev)


def against_checkpoint(
    conn: sqlite3.Connection, result: VerifyResult, checkpoint: Checkpoint
) -> VerifyResult:
    """A chain that is intact in itself can still be shorter or other than one seen before."""
    if result.count < checkpoint.seq:
        return _bad("truncated", result.count, result.head_hash, checkpoint.seq, count=result.count)
    if checkpoint.seq == 0:
        return result
    row = conn.execute("SELECT hash FROM records WHERE seq = ?", (checkpoint.seq,)).fetchone()
    if row is None or row[0] != checkpoint.head_hash:
        return _bad("rewritten", result.count, result.head_hash, checkpoint.seq)
    return result


def now_checkpoint(seq: int, head: str) -> Checkpoint:
    return Checkpoint(seq, head, datetime.now(UTC))
