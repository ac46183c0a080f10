"""Tampering straight in the SQLite file (bypassing Handoff) is found by verify.

Each test edits the file with the sqlite3 module, the way someone with write
access to the journal would, after dropping the append-only triggers.
"""

from __future__ import annotations

import sqlite3

import pytest

from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.journal.hash import GENESIS, record_hash
from handoff.core.journal.verify import Checkpoint

SHA = "cd" * 32
COLUMNS = "seq, time, account, machine, handoff_id, protocol_id, step, details, prev_hash, hash"


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        for n in range(10):
            journal.append(
                Step.PACKAGED,
                handoff_id=new_handoff_id(),
                protocol_id="thuispunt-gent-cir",
                details={"rows": n, "archive_sha256": SHA, "archive_size": 100 + n},
            )
    return path


def tamper(path, *statements):
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER records_no_update")
    raw.execute("DROP TRIGGER records_no_delete")
    for sql in statements:
        raw.execute(sql)
    raw.commit()
    raw.close()


def verify(path, checkpoint=None):
    with Journal(path) as journal:
        return journal.verify(checkpoint)


def test_intact_journal_verifies(path):
    result = verify(path)
    assert result.ok and result.count == 10 and result.first_bad_seq is None
    assert "10" in result.message("nl") and "intact" in result.message("en")


def test_a_changed_detail_is_named(path):
    tamper(path, """UPDATE records SET details = '{"rows":99}' WHERE seq = 4""")
    result = verify(path)
    assert (result.ok, result.first_bad_seq, result.kind) == (False, 4, "changed")
    assert "4" in result.message("nl") and "changed" in result.message("en")


def test_a_changed_account_is_named(path):
    tamper(path, "UPDATE records SET account = 'someone-else' WHERE seq = 7")
    assert (verify(path).first_bad_seq, verify(path).kind) == (7, "changed")


def test_a_removed_record_is_a_gap(path):
    tamper(path, "DELETE FROM records WHERE seq = 5")
    result = verify(path)
    assert (result.ok, result.first_bad_seq, result.kind) == (False, 6, "removed")
    assert "5" in result.message("en")


def test_an_inserted_record_with_a_duplicate_number(path):
    tamper(
        path,
        f"INSERT INTO records ({COLUMNS}) SELECT {COLUMNS} FROM records WHERE seq = 3",
    )
    result = verify(path)
    assert (result.ok, result.first_bad_seq, result.kind) == (False, 3, "inserted")


def test_reordered_records(path):
    tamper(
        path,
        "UPDATE records SET id = 1000 WHERE seq = 3",
        "UPDATE records SET id = 3 WHERE seq = 4",
        "UPDATE records SET id = 4 WHERE seq = 3",
    )
    result = verify(path)
    assert (result.ok, result.first_bad_seq, result.kind) == (False, 4, "reordered")


def test_a_record_pointing_to_the_wrong_predecessor(path):
    """Content re-hashed by the tamperer, but the chain link was not followed through."""
    raw = sqlite3.connect(path)
    row = raw.execute(f"SELECT {COLUMNS} FROM records WHERE seq = 6").fetchone()
    raw.close()
    forged = record_hash(*row[:8], GENESIS)
    tamper(path, f"UPDATE records SET prev_hash = '{GENESIS}', hash = '{forged}' WHERE seq = 6")
    result = verify(path)
    assert (result.first_bad_seq, result.kind) == (6, "relinked")


def _rewrite_chain(path, from_seq, change):
    """What a careful tamperer does: change a record and recompute every hash after it."""
    raw = sqlite3.connect(path)
    rows = raw.execute(f"SELECT id, {COLUMNS} FROM records ORDER BY id").fetchall()
    raw.close()
    prev, statements = GENESIS, []
    for rid, *fields in rows:
        fields = list(fields)
        if fields[0] == from_seq:
            fields = change(fields)
        fields[8] = prev
        fields[9] = record_hash(*fields[:9])
        statements.append(
            f"UPDATE records SET details = '{fields[7]}', prev_hash = '{fields[8]}', "
            f"hash = '{fields[9]}' WHERE id = {rid}"
        )
        prev = fields[9]
    tamper(path, *statements)


def _checkpoint(path, tmp_path):
    with Journal(path) as journal:
        point = journal.checkpoint()
    target = tmp_path / "checkpoint.json"
    target.write_text(point.to_json())
    assert Checkpoint.load(target).head_hash == point.head_hash
    return target


def test_a_recomputed_chain_fools_verify_but_not_a_checkpoint(path, tmp_path):
    saved = _checkpoint(path, tmp_path)
    _rewrite_chain(path, 2, lambda f: [*f[:7], '{"rows":42}', *f[8:]])
    assert verify(path).ok  # honest limit: no key, so a full rewrite verifies alone
    result = verify(path, saved)
    assert (result.ok, result.first_bad_seq, result.kind) == (False, 10, "rewritten")


def test_a_truncated_journal_is_found_with_a_checkpoint(path, tmp_path):
    saved = _checkpoint(path, tmp_path)
    tamper(path, "DELETE FROM records WHERE seq > 7")
    assert verify(path).ok  # the tail is gone cleanly: only the checkpoint knows
    result = verify(path, saved)
    assert (result.ok, result.kind, result.count) == (False, "truncated", 7)
    assert "7" in result.message("nl") and "10" in result.message("nl")


def test_a_checkpoint_of_an_intact_growing_journal_stays_valid(path, tmp_path):
    saved = _checkpoint(path, tmp_path)
    with Journal(path) as journal:
        journal.append(Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details={})
    assert verify(path, saved).ok


def test_an_unreadable_checkpoint_is_a_clear_error(path, tmp_path):
    from handoff.core.errors import HandoffError

    bad = tmp_path / "cp.json"
    bad.write_text("not json")
    with pytest.raises(HandoffError) as caught:
        verify(path, bad)
    assert caught.value.code == "checkpoint_unreadable"
