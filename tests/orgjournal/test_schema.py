"""The organisation journal's database: roles, append-only triggers and the guarded append.

A real PostgreSQL 15 cluster (tests/orgjournal/postgres.py), a fresh database per test.
"""

from __future__ import annotations

import hashlib
import os

import psycopg
import pytest

from handoff.server import admin
from tests.orgjournal.chains import chain

SIG = b"\x00" * 64


def _enrolled(db, name: str, host: str, *, role: str = "pc") -> int:
    token = admin.enrol(db.admin_dsn, name, dpo=role == "dpo")
    with psycopg.connect(db.service_dsn) as conn:
        row = conn.execute(
            "SELECT machine_id FROM hj.claim(%s, %s, %s)",
            (admin.token_hash(token), os.urandom(32), host),
        ).fetchone()
    return row[0]


def _append(db, machine: int, bodies: list[bytes]) -> list[tuple]:
    with psycopg.connect(db.service_dsn) as conn:
        return conn.execute(
            "SELECT * FROM hj.append(%s, %s, %s)", (machine, bodies, SIG)
        ).fetchall()


def test_records_are_stored_in_order_and_a_repeat_is_a_duplicate(db) -> None:
    pc = _enrolled(db, "PC-balie-1", "balie1")
    bodies = chain("balie1", 5)
    assert _append(db, pc, bodies[:3]) == [("stored", s, None) for s in (1, 2, 3)]
    assert _append(db, pc, bodies) == [
        ("duplicate", 1, None),
        ("duplicate", 2, None),
        ("duplicate", 3, None),
        ("stored", 4, None),
        ("stored", 5, None),
    ]
    with psycopg.connect(db.service_dsn) as conn:
        stored = conn.execute("SELECT body, hash FROM hj.records ORDER BY seq").fetchall()
    assert [bytes(b) for b, _ in stored] == bodies  # the exact bytes that were hashed
    assert all(bytes(h) == hashlib.sha256(b).digest() for b, h in stored)


def test_a_gap_answers_the_seq_to_resume_from(db) -> None:
    pc = _enrolled(db, "PC-1", "pc1")
    bodies = chain("pc1", 6)
    _append(db, pc, bodies[:2])
    assert _append(db, pc, bodies[4:]) == [("gap", 5, 3)]


def test_another_hash_at_a_stored_seq_or_a_broken_link_is_a_fork_and_an_incident(db) -> None:
    pc = _enrolled(db, "PC-1", "pc1")
    _append(db, pc, chain("pc1", 3))
    rewritten = chain("pc1", 3, account="iemand-anders")
    assert _append(db, pc, rewritten[1:]) == [("fork", 2, 4)]
    relinked = chain("pc1", 1, start=4, prev="0" * 64)
    assert _append(db, pc, relinked) == [("fork", 4, 4)]
    with psycopg.connect(db.service_dsn) as conn:
        kinds = conn.execute("SELECT kind, seq FROM hj.incidents ORDER BY id").fetchall()
        assert conn.execute("SELECT count(*) FROM hj.records").fetchone()[0] == 3
    assert kinds == [("fork", 2), ("fork", 4)]


def test_a_pc_cannot_write_another_machines_records(db) -> None:
    one = _enrolled(db, "PC-1", "pc1")
    _enrolled(db, "PC-2", "pc2")
    assert _append(db, one, chain("pc2", 1)) == [("foreign", 1, 1)]
    with psycopg.connect(db.service_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM hj.records").fetchone()[0] == 0


def test_identical_first_records_of_two_pcs_do_not_collide(db) -> None:
    one, two = _enrolled(db, "PC-1", "pc1"), _enrolled(db, "PC-2", "pc2")
    assert _append(db, one, chain("pc1", 2))[0][0] == "stored"
    assert _append(db, two, chain("pc2", 2))[0][0] == "stored"


def test_the_dpo_and_unknown_machines_cannot_append(db) -> None:
    dpo = _enrolled(db, "DPO", "dpo-pc", role="dpo")
    for machine in (dpo, 999):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _append(db, machine, chain("dpo-pc", 1))


def test_a_token_enrols_once(db) -> None:
    token = admin.enrol(db.admin_dsn, "PC-1")
    with psycopg.connect(db.service_dsn) as conn:
        first = conn.execute(
            "SELECT * FROM hj.claim(%s, %s, 'pc1')", (admin.token_hash(token), os.urandom(32))
        ).fetchall()
        again = conn.execute(
            "SELECT * FROM hj.claim(%s, %s, 'pc1')", (admin.token_hash(token), os.urandom(32))
        ).fetchall()
    assert [r[1:] for r in first] == [("PC-1", "pc")] and again == []
    with pytest.raises(psycopg.errors.UniqueViolation):
        admin.enrol(db.admin_dsn, "PC-1")  # enrolled: a new key needs a new name


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO hj.machines (name, role) VALUES ('x', 'pc')",
        "UPDATE hj.records SET seq = seq",
        "DELETE FROM hj.records",
        "TRUNCATE hj.leaves",
        "SELECT hj.new_machine('x', 'pc', sha256('t'))",
    ],
)
def test_the_service_role_may_not_write_tables_or_enrol(db, sql: str) -> None:
    with (
        psycopg.connect(db.service_dsn) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE hj.records SET seq = seq",
        "DELETE FROM hj.records",
        "TRUNCATE hj.records CASCADE",
        "DELETE FROM hj.checkpoints",
    ],
)
def test_triggers_refuse_changes_even_to_a_superuser(db, sql: str) -> None:
    pc = _enrolled(db, "PC-1", "pc1")
    _append(db, pc, chain("pc1", 2))
    with psycopg.connect(db.service_dsn) as conn:
        conn.execute("SELECT hj.integrate(100)")
        conn.commit()
        conn.execute("SELECT hj.add_checkpoint(2, sha256('r'), 'note')")
        conn.commit()
    with (
        psycopg.connect(db.admin_dsn) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"),
    ):
        conn.execute(sql)


def test_integration_gives_dense_leaves_even_after_a_rolled_back_append(db) -> None:
    pc = _enrolled(db, "PC-1", "pc1")
    bodies = chain("pc1", 4)
    with psycopg.connect(db.service_dsn) as conn:
        conn.execute("SELECT * FROM hj.append(%s, %s, %s)", (pc, bodies[:2], SIG)).fetchall()
        conn.rollback()  # the arrival numbers it drew are lost: a sequence would leave a hole
    _append(db, pc, bodies)
    with psycopg.connect(db.service_dsn) as conn:
        assert conn.execute("SELECT hj.integrate(3)").fetchone()[0] == 3
        assert conn.execute("SELECT hj.integrate(100)").fetchone()[0] == 4
        leaves = conn.execute("SELECT idx, seq, leaf_hash FROM hj.leaves ORDER BY idx").fetchall()
    assert [(i, s) for i, s, _ in leaves] == [(0, 1), (1, 2), (2, 3), (3, 4)]
    assert [bytes(h) for *_, h in leaves] == [hashlib.sha256(b"\x00" + b).digest() for b in bodies]
