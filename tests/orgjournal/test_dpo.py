"""The DPO witnesses and audits the organisation journal without trusting the server.

Fault tests of issue 16: a superuser rewriting or deleting a row, a database
restored from an older backup, a PC whose synced history was rewritten.
"""

from __future__ import annotations

import csv
import sqlite3

import psycopg
import pytest

from handoff.core.errors import HandoffError
from handoff.core.journal import Journal
from handoff.core.journal.hash import record_hash
from handoff.core.tlog.note import COSIGNATURE_V1, Note, Verifier
from handoff.orgjournal import dpo, identity, sync
from tests.orgjournal.chains import add_records
from tests.orgjournal.conftest import enrol_pc

NO_WAIT = {"sleep": lambda s: None}


def _pc_with_records(server, count: int, name: str = "PC-balie-1") -> Journal:
    enrol_pc(server, name)
    journal = add_records(Journal(), count)
    sync.sync(journal, **NO_WAIT)
    return journal


def _dpo(server) -> identity.Enrolment:
    return enrol_pc(server, "DPO", dpo=True)


def _as_superuser(server, sql: str, params: tuple = ()) -> None:
    """What whoever runs PostgreSQL can do: switch the triggers off and write."""
    with psycopg.connect(server.db.admin_dsn) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute(sql, params)


def test_witness_cosigns_and_audit_finds_the_journal_intact(server) -> None:
    _pc_with_records(server, 12)
    enrolment = _dpo(server)
    server.wait_integrated(12)
    state = dpo.witness()
    assert state.size == 12
    # The kept note carries the log's signature and a cosignature/v1 by the DPO's key.
    note = Note.parse(state.note)
    note.verify(enrolment.verifier)
    witness_key = identity.private_key("dpo").public_key()
    from handoff.core.tlog import note as notes
    from handoff.core.tlog.wire import witness_name

    verifier = Verifier(
        witness_name(enrolment.origin, enrolment.machine_id),
        COSIGNATURE_V1,
        notes.raw_public(witness_key),
    )
    assert note.cosigned_at(verifier) == state.cosigned_at
    with psycopg.connect(server.db.admin_dsn) as conn:
        assert conn.execute("SELECT size FROM hj.cosignatures").fetchall() == [(12,)]
    result = dpo.audit()
    assert result.ok and (result.count, result.pcs) == (12, 1)
    assert "intact" in result.message("nl")


def test_the_pc_keeps_the_cosigned_checkpoint_as_its_acknowledgement(server) -> None:
    journal = _pc_with_records(server, 4)
    _dpo(server)
    server.wait_integrated(4)
    dpo.witness()
    sync.sync(journal, **NO_WAIT)
    state = sync.SyncState.load()
    assert (state.ack_size, state.ack_seq, state.ack_cosigned) == (4, 4, True)


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        (
            "UPDATE hj.records SET body = convert_to(replace(convert_from(body, 'UTF8'), "
            "'\"encrypted\":true', '\"encrypted\":false'), 'UTF8') WHERE seq = 5",
            "changed",
        ),
        ("DELETE FROM hj.records WHERE seq = 5", "missing"),
        ("DELETE FROM hj.leaves WHERE idx = 4", "leaf_missing"),
    ],
)
def test_a_superuser_rewriting_or_deleting_a_row_is_named_by_audit(server, sql, kind) -> None:
    _pc_with_records(server, 8)
    _dpo(server)
    server.wait_integrated(8)
    dpo.witness()
    _as_superuser(server, sql)
    result = dpo.audit()
    assert not result.ok and result.kind == kind
    assert result.params.get("leaf") == 4
    if kind != "leaf_missing":
        assert result.params["seq"] == 5 and result.params["pc"] == "PC-balie-1"
        assert "Record 5 van PC-balie-1" in result.message("nl")


def test_a_rewrite_with_recomputed_leaf_hashes_is_still_caught(server) -> None:
    _pc_with_records(server, 6)
    _dpo(server)
    server.wait_integrated(6)
    dpo.witness()
    _as_superuser(
        server,
        "UPDATE hj.records SET body = convert_to(replace(convert_from(body, "
        "'UTF8'), '\"encrypted\":true', '\"encrypted\":false'), 'UTF8') WHERE seq = 6",
    )
    _as_superuser(
        server,
        "UPDATE hj.leaves l SET leaf_hash = sha256('\\x00'::bytea || r.body) "
        "FROM hj.records r WHERE r.machine_id = l.machine_id AND r.seq = l.seq",
    )
    result = dpo.audit()
    assert not result.ok and result.kind == "head"  # seq 6 was a signed head
    assert result.params["seq"] == 6


def test_open_and_export_name_the_pc_and_the_account_on_every_line(server, tmp_path) -> None:
    journal = _pc_with_records(server, 3)
    _dpo(server)
    server.wait_integrated(3)
    dpo.witness()
    items = dpo.open_items()
    # Each received e-mail opens two obligations on the desktop: delete the e-mail and the password.
    assert {i.obligation.kind for i in items} == {"email_not_deleted", "password_not_deleted"}
    assert len(items) == 6 and {(i.pc, i.account) for i in items} == {
        ("PC-balie-1", journal.account)
    }
    out = tmp_path / "org.csv"
    assert dpo.export(out, "csv") == 3
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:2] == ["PC", "Account"]
    assert all(r[0] == "PC-balie-1" and r[1] == journal.account for r in rows[1:])
    with pytest.raises(HandoffError):
        dpo.export(out, "csv")  # never over a file
    xlsx = tmp_path / "org.xlsx"
    assert dpo.export(xlsx, "xlsx") == 3 and xlsx.stat().st_size > 0


def test_witness_refuses_a_database_restored_from_an_older_backup(server, pg) -> None:
    journal = _pc_with_records(server, 5)
    _dpo(server)
    server.wait_integrated(5)
    dpo.witness()
    name = server.db.name
    server.kill()
    with psycopg.connect(pg.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}_backup TEMPLATE {name}")
    server.start()
    add_records(journal, 5)
    sync.sync(journal, **NO_WAIT)
    server.wait_integrated(10)
    assert dpo.witness().size == 10
    server.kill()
    with psycopg.connect(pg.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {name}_backup")
        conn.execute(f"DROP DATABASE {name}_backup")
    server.start()
    with pytest.raises(HandoffError) as caught:
        dpo.witness()
    assert caught.value.code == "orgjournal_witness_smaller"
    assert "10" in caught.value.message("nl") and "5" in caught.value.message("nl")
    assert dpo.WitnessState.load(dpo.default_folder()).size == 10  # the refusal changed nothing
    # The PC resends what the restored database lost (the service answers a gap).
    assert sync.sync(journal, **NO_WAIT).stored == 5
    with psycopg.connect(server.db.admin_dsn) as conn:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM hj.records ORDER BY seq")]
    assert seqs == list(range(1, 11))


def _rewrite_local_history(journal: Journal, seq: int) -> None:
    """A local admin edits record ``seq`` and recomputes every hash after it."""
    journal.close()
    conn = sqlite3.connect(journal.path)
    conn.execute("DROP TRIGGER records_no_update")
    rows = conn.execute(
        "SELECT seq, time, account, machine, handoff_id, protocol_id, step, details, prev_hash "
        "FROM records WHERE seq >= ? ORDER BY seq",
        (seq,),
    ).fetchall()
    prev = rows[0][8]
    for row in rows:
        fields = list(row[:8])
        if row[0] == seq:
            fields[2] = "iemand-anders"
        digest = record_hash(*fields, prev)
        conn.execute(
            "UPDATE records SET account = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (fields[2], prev, digest, row[0]),
        )
        prev = digest
    conn.commit()
    conn.close()


def test_a_rewritten_synced_history_is_a_fork_reported_on_both_sides(server) -> None:
    journal = _pc_with_records(server, 6)
    server.wait_integrated(6)
    _rewrite_local_history(journal, 3)
    journal = Journal()
    # Nothing new to send: the acknowledgement's inclusion proof no longer fits this journal.
    with pytest.raises(HandoffError) as caught:
        sync.sync(journal, **NO_WAIT)
    assert caught.value.code == "orgjournal_fork"
    # A new record chains to the rewritten head: the service refuses it as a fork.
    add_records(journal, 1)
    with pytest.raises(HandoffError) as again:
        sync.sync(journal, **NO_WAIT)
    assert again.value.code == "orgjournal_fork" and again.value.params["seq"] == 7
    assert sync.status(journal).problem == {"kind": "fork", "seq": 7}
    with psycopg.connect(server.db.admin_dsn) as conn:
        assert conn.execute("SELECT kind, seq FROM hj.incidents").fetchall() == [("fork", 7)]
        assert conn.execute("SELECT count(*) FROM hj.records").fetchone()[0] == 6


def test_a_pc_cannot_witness_and_a_dpo_cannot_upload(server) -> None:
    _pc_with_records(server, 1)
    with pytest.raises(HandoffError) as caught:
        dpo.witness()
    assert caught.value.code == "orgjournal_not_enrolled"
