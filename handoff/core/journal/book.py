"""The handoff journal: one append-only, hash-chained SQLite log per machine.

Every step of a handoff, on both sides, appends one record here (ARCHITECTURE
rule 2). The DPO reads it as the access log the protocols ask for ("de logging
van de toegangen zodat men kan controleren wie wanneer toegang had tot welke
gegevens en waarom", decree of 18 July 2008 art. 8 §1, 13°, quoted in seed 000)
and that seed 000 art. 13 b admits is missing for the Lievegem file. So the
journal holds who, when, which protocol and what was done, never the data:
details are whitelisted per step (``details``). There is no update or
delete path; records are chained by hash (``hash``) and checked by
``Journal.verify`` (``verify``).
"""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import sys
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Unpack

from handoff.core import paths
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal.details import clean_details
from handoff.core.journal.hash import GENESIS, details_text, record_hash
from handoff.core.journal.query import PAGE_SIZE, FilterArgs, JournalFilter
from handoff.core.journal.records import (
    HANDOFF_ID,
    PROTOCOL_ID,
    Record,
    Step,
    os_account,
    utc_text,
)
from handoff.core.journal.store import COLUMNS, damaged, db_errors, open_journal, storage_damage
from handoff.core.journal.verify import (
    STORAGE_DAMAGED,
    Checkpoint,
    VerifyResult,
    against_checkpoint,
    now_checkpoint,
    verify_chain,
)


def _bad_reference(what: str) -> HandoffError:
    return HandoffError(
        "journal_bad_reference",
        Text(
            "Ongeldige {what} voor het logboek. Dit is een fout in Handoff: meld het aan uw IT-dienst.",
            "Invalid {what} for the journal. This is a bug in Handoff: report it to your IT desk.",
        ),
        what=what,
    )


def _storage_sound(path: Path) -> bool | None:
    """SQLite's integrity check on its own read-only connection; None when none opens."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return None
    try:
        return not storage_damage(conn, quick=False)
    finally:
        conn.close()


def _diagnose(record: Record) -> None:
    """The step, for the diagnostic log when it runs (the journal's own words, no details)."""
    diagnostics = sys.modules.get("handoff.core.diagnostics")
    if diagnostics is not None:
        diagnostics.event(
            "journaled",
            step=record.step.value,
            handoff=record.handoff_id,
            protocol=record.protocol_id or "-",
            seq=record.seq,
        )


class Journal:
    """The journal file; open one per process (SQLite connections do not cross forks)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.journal_path()
        self._conn = open_journal(self.path)
        self._lock = threading.RLock()  # the GUI may hand one Journal to worker threads
        self.account = os_account()
        self.machine = socket.gethostname() or "unknown"
        # None: SQLite's own check has not run yet in this session; it runs
        # before the first write, and a file that fails it is never written.
        self._sound: bool | None = None

    @contextlib.contextmanager
    def _use(self) -> Iterator[None]:
        """One thread at a time on the connection; SQLite errors become clear messages."""
        with self._lock, db_errors(self.path):
            yield

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def append(
        self,
        step: Step,
        *,
        handoff_id: str,
        protocol_id: str | None,
        details: Mapping[str, object],
    ) -> Record:
        """Add one record at the head of the chain, atomically, or raise and add nothing.

        BEGIN IMMEDIATE takes the write lock before the head is read, so two
        processes appending at once each chain to the other's record.
        """
        step = Step(step)
        if not HANDOFF_ID.match(handoff_id):
            raise _bad_reference("handoff id")
        if protocol_id is not None and not PROTOCOL_ID.match(protocol_id):
            raise _bad_reference("protocol id")
        text = details_text(clean_details(step.value, details))
        with self._use():
            self._refuse_damaged()
            record = self._insert(step, handoff_id, protocol_id, text)
        _diagnose(record)
        return record

    def _refuse_damaged(self) -> None:
        """Before the session's first write: quick_check, so damage is never built upon.

        quick_check (every page and record, no index-to-table match) is what a
        first write can afford on a large journal; ``verify`` runs the full check.
        """
        if self._sound is None:
            self._sound = not storage_damage(self._conn, quick=True)
        if not self._sound:
            raise damaged(self.path)

    def _insert(self, step: Step, handoff_id: str, protocol_id: str | None, text: str) -> Record:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            head = conn.execute("SELECT seq, hash FROM records ORDER BY id DESC LIMIT 1").fetchone()
            seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
            now = utc_text(datetime.now(UTC))
            fields = (seq, now, self.account, self.machine, handoff_id, protocol_id, step.value)
            digest = record_hash(*fields, text, prev)
            conn.execute(
                f"INSERT INTO records ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (*fields, text, prev, digest),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return Record.from_row((*fields, text, prev, digest))

    def check_writable(self) -> None:
        """Raise unless a record could be appended now (a write probe, rolled back).

        A step checks this before it does what it cannot undo (decrypting,
        producing an archive), so a read-only or damaged journal stops it
        before there is anything to clean up.
        """
        with self._use():  # db_errors: a refused write becomes store.read_only
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM meta WHERE 0")
            finally:
                conn.execute("ROLLBACK")

    def records(self, *, limit: int | None = None, **filters: Unpack[FilterArgs]) -> list[Record]:
        """Matching records, oldest first; ``limit`` keeps the most recent ones.

        A naive ``since`` is taken as local time.
        """
        where, params = JournalFilter(**filters).clause()
        # "+id" stops SQLite from walking the whole table in rowid order to skip a
        # sort; with a filter, the index on time/handoff/step/protocol is far cheaper.
        order = "+id" if where else "id"
        sql = f"SELECT {COLUMNS} FROM records{where} ORDER BY {order} DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._use():
            rows = self._conn.execute(sql, params).fetchall()
        return [Record.from_row(r) for r in reversed(rows)]

    def page(
        self,
        *,
        before_seq: int | None = None,
        after_seq: int | None = None,
        limit: int = PAGE_SIZE,
        **filters: Unpack[FilterArgs],
    ) -> list[Record]:
        """Up to ``limit`` matching records older than ``before_seq``, newest first;
        with ``after_seq`` (0 for the start), those newer than it, oldest first.

        Keyset paging for the DPO's table, ``handoff log`` and the export: each
        page costs the same at any depth, so a million records never load at once.
        """
        where, params = JournalFilter(**filters).clause(paging=True)
        order = "ASC" if after_seq is not None else "DESC"
        for bound, sign in ((before_seq, "<"), (after_seq, ">")):
            if bound is not None:
                where += (" AND " if where else " WHERE ") + f"seq {sign} ?"
                params.append(bound)
        # Ordered by the cursor's own column: the seq index then serves both the
        # bound and the order (ORDER BY id walked the table from one end: 45-90 ms
        # a page deep in 200 000 records, against 2 ms).
        sql = f"SELECT {COLUMNS} FROM records{where} ORDER BY seq {order} LIMIT ?"
        with self._use():
            rows = self._conn.execute(sql, [*params, int(limit)]).fetchall()
        return [Record.from_row(row) for row in rows]

    def count(self, **filters: Unpack[FilterArgs]) -> int:
        """How many records match; the same filters as ``records`` (without ``limit``)."""
        where, params = JournalFilter(**filters).clause()
        with self._use():
            return self._conn.execute(f"SELECT count(*) FROM records{where}", params).fetchone()[0]

    def verify(self, checkpoint: Path | None = None) -> VerifyResult:
        """SQLite's integrity check, the whole chain (streamed), then a checkpoint if given."""
        saved = Checkpoint.load(checkpoint) if checkpoint is not None else None
        # SQLite's check runs in C without the GIL on a second connection while
        # this thread hashes the chain: 1M records in the time of the slower one.
        with ThreadPoolExecutor(1, thread_name_prefix="journal-check") as pool:
            storage = pool.submit(_storage_sound, self.path)
            try:
                with self._use():
                    result = verify_chain(self._conn)
                    if saved is not None and result.ok:
                        result = against_checkpoint(self._conn, result, saved)
            except HandoffError:
                result = None  # the chain could not be read: say why below
            with self._use():
                sound = storage.result()
                if sound is None:  # no second connection: check on this one
                    sound = not storage_damage(self._conn, quick=False)
        self._sound = sound
        if not sound:
            return STORAGE_DAMAGED
        if result is None:
            raise damaged(self.path)
        return result

    def checkpoint(self) -> Checkpoint:
        """The current head, to be kept somewhere the journal's writers cannot reach."""
        with self._use():
            head = self._conn.execute(
                "SELECT seq, hash FROM records ORDER BY id DESC LIMIT 1"
            ).fetchone()
        return now_checkpoint(*(head or (0, GENESIS)))

    def select(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        """Read-only query for obligations and retention; anything but SELECT is refused."""
        if not sql.lstrip().upper().startswith("SELECT"):
            raise ValueError("the journal is append-only: only SELECT is allowed here")
        with self._use():
            return self._conn.execute(sql, params).fetchall()
