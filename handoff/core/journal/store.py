"""Opening the journal's SQLite file without ever damaging what is already there.

A journal is evidence: a file that is not a journal (another program's
database, random bytes) or a damaged one must be reported, never "repaired"
by overwriting it. So an existing file is only read until it proves to be a
Handoff journal of a known schema version; only then is WAL switched on
(which rewrites two header bytes). WAL with ``synchronous=FULL`` and one
transaction per record means a crash mid-write leaves the last complete
record as the head.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

FORMAT = "handoff-journal"
VERSION = "1"
BUSY_TIMEOUT_MS = 60_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    time TEXT NOT NULL,
    account TEXT NOT NULL,
    machine TEXT NOT NULL,
    handoff_id TEXT NOT NULL,
    protocol_id TEXT,
    step TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_seq ON records (seq);
CREATE INDEX IF NOT EXISTS records_time ON records (time);
CREATE INDEX IF NOT EXISTS records_handoff ON records (handoff_id, step);
CREATE INDEX IF NOT EXISTS records_step ON records (step, handoff_id);
CREATE INDEX IF NOT EXISTS records_protocol ON records (protocol_id);
CREATE TABLE IF NOT EXISTS obligation_rules (
    kind TEXT NOT NULL, opening TEXT NOT NULL, closing TEXT NOT NULL,
    PRIMARY KEY (kind, opening)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS open_items (
    kind TEXT NOT NULL, handoff_id TEXT NOT NULL, record_id INTEGER NOT NULL,
    PRIMARY KEY (kind, handoff_id, record_id)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS records_open_items AFTER INSERT ON records
BEGIN
    DELETE FROM open_items WHERE handoff_id = NEW.handoff_id
        AND kind IN (SELECT kind FROM obligation_rules WHERE closing = NEW.step);
    INSERT OR IGNORE INTO open_items (kind, handoff_id, record_id)
        SELECT kind, NEW.handoff_id, NEW.id FROM obligation_rules WHERE opening = NEW.step;
END;
CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'the handoff journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'the handoff journal is append-only'); END;
"""

#: (kind, opening step, closing step): an obligation opens with a record of the
#: opening step and closes with a later record of the closing step for the same
#: handoff. The records_open_items trigger keeps ``open_items`` (a cache, not
#: evidence) in step with every insert, in the same transaction, so open
#: obligations are read in milliseconds at a million records. Why each rule
#: exists is in ``obligations``.
OBLIGATION_RULES = (
    ("password_not_passed", "sent", "password_passed"),
    ("password_not_passed", "draft_handed", "password_passed"),
    ("password_not_passed", "uploaded", "password_passed"),
    ("email_not_deleted", "received", "email_deleted"),
    ("password_not_deleted", "received", "password_deleted"),
    ("stored", "decrypted_stored", "file_deleted"),
    ("custodian_not_confirmed", "sealed", "custodian_confirmed"),
)

COLUMNS = "seq, time, account, machine, handoff_id, protocol_id, step, details, prev_hash, hash"


def damaged(path: Path) -> HandoffError:
    return HandoffError(
        "journal_damaged",
        Text(
            "Het logboek {path} is beschadigd en kan niet gelezen worden. Handoff verandert er "
            "niets aan. Bewaar het bestand, meld het aan uw IT-dienst en de DPO, en zet een "
            "reservekopie terug.",
            "The journal {path} is damaged and cannot be read. Handoff leaves it untouched. "
            "Keep the file, report it to your IT desk and the DPO, and restore a backup.",
        ),
        path=str(path),
    )


def read_only(path: Path) -> HandoffError:
    """A locked door, not damage: the file is fine, Handoff may only not write to it."""
    return HandoffError(
        "journal_read_only",
        Text(
            "Het logboek {path} is alleen-lezen: Handoff mag er niets in schrijven en doet "
            "daarom niets. Het bestand is niet beschadigd. Vraag uw IT-dienst om u schrijfrechten "
            "te geven op dit bestand en de map waarin het staat, en probeer dan opnieuw.",
            "The journal {path} is read-only: Handoff may not write to it and so does nothing. "
            "The file is not damaged. Ask your IT desk to give you write access to this file and "
            "the folder it is in, then try again.",
        ),
        path=str(path),
    )


def is_read_only(exc: sqlite3.Error) -> bool:
    """SQLite refused a write because the file or its folder may not be written."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_READONLY
    return "readonly" in str(exc)


def storage_damage(conn: sqlite3.Connection, *, quick: bool) -> bool:
    """SQLite's own check of every page (``quick``: without matching indexes to tables).

    The hash chain only sees records SQLite can still hand out; a damaged page
    in an index, the free list or a table's tree can let the chain pass and
    break the next write. A DatabaseError while checking is damage too.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and (
            "locked" in str(exc) or "busy" in str(exc)
        ):
            raise
        return True
    return rows != [("ok",)]


def not_a_journal(path: Path, why: Text | None = None) -> HandoffError:
    return HandoffError(
        "not_a_journal",
        why
        or Text(
            "{path} is geen logboek van Handoff. Handoff overschrijft het niet. Verplaats het "
            "bestand of kies een ander pad voor het logboek.",
            "{path} is not a Handoff journal. Handoff will not overwrite it. Move the file "
            "away or choose another journal path.",
        ),
        path=str(path),
    )


def _wrong_version(path: Path, version: str) -> HandoffError:
    return HandoffError(
        "not_a_journal",
        Text(
            "Het logboek {path} heeft schemaversie {version}; deze Handoff kent alleen versie "
            "{known}. Handoff verandert er niets aan. Werk Handoff bij.",
            "The journal {path} has schema version {version}; this Handoff knows only version "
            "{known}. Handoff leaves it untouched. Update Handoff.",
        ),
        path=str(path),
        version=version[:20],
        known=VERSION,
    )


@contextlib.contextmanager
def db_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's errors into clear messages: busy, read-only, or damaged."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise HandoffError(
                "journal_busy",
                Text(
                    "Het logboek is bezet door een ander Handoff-venster. Probeer zo opnieuw.",
                    "The journal is busy in another Handoff window. Try again shortly.",
                ),
            ) from None
        if is_read_only(exc):
            raise read_only(path) from None
        raise damaged(path) from None
    except sqlite3.DatabaseError:
        raise damaged(path) from None


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
    conn = sqlite3.connect(
        uri,
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,  # guarded by Journal's lock instead
    )
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def _create_private(path: Path) -> None:
    """An empty journal file only this account may read (0600; SQLite gives its WAL the same)."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _not_sqlite(exc: sqlite3.DatabaseError) -> bool:
    """SQLite found no database header (SQLITE_NOTADB): another kind of file, not a damaged journal."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_NOTADB
    return "not a database" in str(exc)


def _check_existing(path: Path, conn: sqlite3.Connection) -> None:
    """Read-only proof that this is our journal; raises before anything is written.

    The header is judged by SQLite itself, never by reading the file with
    ``open()``: closing any handle on a file drops every POSIX lock this process
    holds on it, SQLite's included, and another process closing its connection
    would then delete the -wal and -shm files under the live connections here.
    """
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        conn.execute(f"SELECT {COLUMNS} FROM records LIMIT 0").fetchall()
        conn.execute("SELECT kind, handoff_id, record_id FROM open_items LIMIT 0").fetchall()
    except sqlite3.OperationalError as exc:
        if "no such" in str(exc):
            raise not_a_journal(path) from None
        if is_read_only(exc):
            raise read_only(path) from None
        raise damaged(path) from None
    except sqlite3.DatabaseError as exc:
        raise (not_a_journal(path) if _not_sqlite(exc) else damaged(path)) from None
    if meta.get("format") != FORMAT:
        raise not_a_journal(path)
    if meta.get("version") != VERSION:
        raise _wrong_version(path, str(meta.get("version")))


def open_journal(path: Path) -> sqlite3.Connection:
    """A connection to the journal at ``path``, creating it only where nothing was."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.is_dir():
        raise not_a_journal(path)
    existing = path.exists() and path.stat().st_size > 0
    try:
        if not path.exists():
            _create_private(path)
        conn = _connect(path, create=not existing)
    except (OSError, sqlite3.Error):
        raise _unavailable(path) from None
    try:
        if existing:
            _check_existing(path, conn)
        with db_errors(path):
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            if not existing:
                _create(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _unavailable(path: Path) -> HandoffError:
    return HandoffError(
        "journal_unavailable",
        Text(
            "Het logboek {path} kan niet geopend worden. Controleer of de schijf bereikbaar "
            "is en of u er mag schrijven; zonder logboek doet Handoff niets.",
            "The journal {path} cannot be opened. Check that the disk is reachable and "
            "writable; without a journal Handoff does nothing.",
        ),
        path=str(path),
    )


def _statements(script: str) -> Iterator[str]:
    """Split a script into statements (trigger bodies hold ';' too); executescript would COMMIT."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(SCHEMA):
            conn.execute(statement)
        conn.executemany(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
            [("format", FORMAT), ("version", VERSION)],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO obligation_rules (kind, opening, closing) VALUES (?, ?, ?)",
            OBLIGATION_RULES,
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
