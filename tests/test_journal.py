"""The journal: records, filters, the whitelist of details, and files that are not journals."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from handoff.core import paths
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.journal.details import mask_phone
from handoff.core.journal.hash import GENESIS
from tests.journal_bytes import journal_bytes

SHA = "ab" * 32
PACKAGED = {"rows": 3, "columns": ["first_name", "phone"], "archive_sha256": SHA, "archive_size": 9}


@pytest.fixture
def journal():
    with Journal() as j:
        yield j


def test_default_path_is_paths_journal_path_and_chain_starts_at_genesis(journal):
    hid = new_handoff_id()
    first = journal.append(
        Step.PACKAGED, handoff_id=hid, protocol_id="thuispunt-gent-cir", details=PACKAGED
    )
    second = journal.append(
        Step.SENT, handoff_id=hid, protocol_id="thuispunt-gent-cir", details={"channel": "smtp"}
    )
    assert journal.path == paths.journal_path() and journal.path.exists()
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS == hashlib.sha256(b"handoff-journal-genesis-v1").hexdigest()
    assert second.prev_hash == first.hash
    assert first.time.tzinfo is not None and abs(datetime.now(UTC) - first.time) < timedelta(
        minutes=1
    )
    assert first.account and first.machine


def test_hash_is_sha256_of_sorted_key_json_of_all_fields(journal):
    record = journal.append(
        Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details=PACKAGED
    )
    stored_time = journal.select("SELECT time FROM records WHERE seq = 1")[0][0]
    fields = {
        "seq": record.seq,
        "time": stored_time,
        "account": record.account,
        "machine": record.machine,
        "handoff_id": record.handoff_id,
        "protocol_id": None,
        "step": "packaged",
        "details": record.details,
        "prev_hash": record.prev_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(canonical.encode()).hexdigest() == record.hash


def test_records_filter_by_step_protocol_handoff_since_and_limit(journal):
    a, b = new_handoff_id(), new_handoff_id()
    journal.append(Step.PACKAGED, handoff_id=a, protocol_id="thuispunt-gent-cir", details=PACKAGED)
    journal.append(Step.PACKAGED, handoff_id=b, protocol_id="lievegem-debtors", details=PACKAGED)
    journal.append(
        Step.SENT, handoff_id=a, protocol_id="thuispunt-gent-cir", details={"channel": "smtp"}
    )
    assert [r.seq for r in journal.records(handoff_id=a)] == [1, 3]
    assert [r.seq for r in journal.records(protocol="lievegem-debtors")] == [2]
    assert [r.seq for r in journal.records(step=Step.SENT)] == [3]
    assert [r.seq for r in journal.records(limit=2)] == [2, 3]
    assert journal.count() == 3 and journal.count(step=Step.PACKAGED) == 2
    assert journal.records(since=datetime.now(UTC) + timedelta(hours=1)) == []
    assert len(journal.records(since=datetime.now(UTC) - timedelta(hours=1))) == 3


def test_handoff_id_has_a_date_and_random_part_only():
    ids = {new_handoff_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 18 and i.startswith("HO-") and i[3:11].isdigit() for i in ids)


@pytest.mark.parametrize(
    ("step", "details"),
    [
        (Step.PACKAGED, {"client_name": "Jan Janssens"}),  # key not whitelisted
        (Step.PACKAGED, {"rows": "3"}),  # wrong type
        (Step.PACKAGED, {"columns": ["Voornaam Jan"]}),  # a header, not a column key
        (Step.PACKAGED, {"archive_sha256": "Jan"}),
        (Step.PASSWORD_PASSED, {"role": "OCMW 0477950676"}),  # a number in a role
        (Step.PASSWORD_PASSED, {"provider_message_id": "85073003328"}),  # a national number
        (Step.SENT, {"recipient": "not a mailbox"}),
        (Step.DECRYPTED, {"folder": "/srv/secure/Janssens", "files": [], "count": 0}),
        (
            Step.DECRYPTED,
            {
                "folder": "/srv/x/HO-20250101-ABCDEF",
                "files": [{"name": "Jan.xlsx", "sha256": SHA, "size": 1}],
                "count": 1,
            },
        ),
        (Step.FILE_DELETED, {"by": "retention", "count": 1, "volume_encrypted": "securely wiped"}),
        (Step.SEALED, {"file_sha256": SHA}),  # required keys missing
    ],
)
def test_append_refuses_anything_outside_the_whitelist(journal, step, details):
    with pytest.raises(HandoffError) as caught:
        journal.append(step, handoff_id=new_handoff_id(), protocol_id=None, details=details)
    assert caught.value.code == "journal_detail_refused"
    assert "Jan" not in caught.value.message("nl") and "0477" not in caught.value.message("en")
    assert journal.count() == 0


def test_a_free_text_handoff_or_protocol_id_is_refused(journal):
    for hid, pid in (("Jan Janssens", None), (new_handoff_id(), "Jan Janssens")):
        with pytest.raises(HandoffError) as caught:
            journal.append(Step.PACKAGED, handoff_id=hid, protocol_id=pid, details={})
        assert caught.value.code == "journal_bad_reference"
    assert journal.count() == 0


@pytest.mark.parametrize(
    ("given", "masked"),
    [
        ("0477 95 06 76", "+32 4•• •• •• 76"),
        ("+32477950612", "+32 4•• •• •• 12"),
        ("0032 9 266 12 34", "+32 9•• •• •• 34"),
        ("+31 6 12345678", "+31 6•• •• •• 78"),
        ("+32 4•• •• •• 12", "+32 4•• •• •• 12"),
    ],
)
def test_phone_numbers_are_masked(given, masked):
    assert mask_phone(given) == masked


def test_password_passed_keeps_only_a_masked_phone(journal):
    record = journal.append(
        Step.PASSWORD_PASSED,
        handoff_id=new_handoff_id(),
        protocol_id="turnhout-social-supplement",
        details={"channel": "sms", "phone": "0477 95 06 76", "role": "DPO (Opgroeien)"},
    )
    assert record.details["phone"] == "+32 4•• •• •• 76"
    assert b"950676" not in journal_bytes(journal.path)


def test_there_is_no_update_or_delete_path(journal):
    public = {n for n in dir(Journal) if not n.startswith("_")}
    assert not public & {"update", "delete", "remove", "edit", "replace", "truncate", "execute"}
    with pytest.raises(ValueError):
        journal.select("DELETE FROM records")
    journal.append(Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details=PACKAGED)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        journal._conn.execute("UPDATE records SET details = '{}'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        journal._conn.execute("DELETE FROM records")


def _refused_untouched(path, code):
    before = path.read_bytes()
    with pytest.raises(HandoffError) as caught:
        Journal(path)
    assert caught.value.code == code
    assert str(path) in caught.value.message("nl") and caught.value.message("en")
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_random_bytes_are_not_a_journal_and_stay_untouched(tmp_path):
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(bytes(range(256)) * 40)
    _refused_untouched(path, "not_a_journal")


def test_another_sqlite_database_is_not_a_journal(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE clients (name TEXT)")
    _refused_untouched(path, "not_a_journal")


def test_a_wrong_schema_version_is_refused(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    raw.close()
    _refused_untouched(path, "not_a_journal")


def test_a_damaged_journal_is_reported_and_never_overwritten(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        for _ in range(50):
            journal.append(
                Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details=PACKAGED
            )
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first is garbage
    path.write_bytes(bytes(data))
    _refused_untouched(path, "journal_damaged")


def test_a_journal_can_be_reopened_and_continues_the_chain(tmp_path):
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        first = journal.append(
            Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details=PACKAGED
        )
    with Journal(path) as journal:
        second = journal.append(
            Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details=PACKAGED
        )
        assert second.prev_hash == first.hash and journal.verify().ok


def test_file_deleted_by_takes_an_os_account_with_spaces_but_no_number(journal):
    hid = new_handoff_id()
    details = {"by": "CORP\\Jan Werker", "count": 1, "volume_encrypted": "unknown"}
    assert journal.append(Step.FILE_DELETED, handoff_id=hid, protocol_id=None, details=details)
    with pytest.raises(HandoffError):
        journal.append(
            Step.FILE_DELETED,
            handoff_id=hid,
            protocol_id=None,
            details={**details, "by": "0477 95 06 76"},
        )


def test_odd_characters_in_account_and_machine_hash_and_verify(journal):
    journal.account, journal.machine = 'we"ird\\naam ñ 😀\t', "pc-\u2028-\x7f"
    record = journal.append(
        Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details={}
    )
    assert journal.verify().ok and journal.records()[0].account == record.account


def test_one_journal_shared_by_threads_keeps_every_record(journal):
    """The desktop app may pass one Journal to its worker threads."""
    import threading

    def work():
        for _ in range(20):
            journal.append(Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details={})

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert journal.count() == 80 and journal.verify().ok


def test_damage_found_while_reading_is_reported_and_the_file_left_alone(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        for n in range(300):
            journal.append(
                Step.PACKAGED,
                handoff_id=new_handoff_id(),
                protocol_id=None,
                details={"rows": n, "archive_sha256": SHA},
            )
    data = bytearray(path.read_bytes())
    data[-8192:-4096] = b"\x13" * 4096  # one records page near the end
    path.write_bytes(bytes(data))
    with Journal(path) as journal:
        result = journal.verify()  # SQLite's own check finds it before the chain walk
    assert not result.ok and result.kind == "storage"
    assert path.read_bytes() == bytes(data)


def test_page_reads_newest_first_and_continues_after_a_record():
    """Keyset paging for the DPO's table: pages never overlap and cover every match."""
    from handoff.core.journal import Journal, Step

    with Journal() as journal:
        for n in range(7):
            journal.append(
                Step.EMAIL_DELETED if n % 2 else Step.PASSWORD_DELETED,
                handoff_id=f"HO-20261123-AAAAA{n}",
                protocol_id="kg-ocmw-referral",
                details={"confirmed_by": "user"},
            )
        first = journal.page(limit=3)
        assert [r.seq for r in first] == [7, 6, 5]
        rest = journal.page(before_seq=first[-1].seq, limit=10)
        assert [r.seq for r in rest] == [4, 3, 2, 1]
        odd = journal.page(step=Step.EMAIL_DELETED, limit=10)
        assert [r.seq for r in odd] == [6, 4, 2]


def test_one_filter_means_the_same_in_every_reader(journal):
    """``JournalFilter`` (the log page and ``handoff log``): every given field applies."""
    from handoff.core.journal.query import JournalFilter, pages

    ids = [new_handoff_id() for _ in range(3)]
    for n, hid in enumerate(ids):
        journal.account = "alice" if n < 2 else "bob"
        journal.append(
            Step.PACKAGED, handoff_id=hid, protocol_id="lievegem-debtors", details=PACKAGED
        )
        journal.append(Step.SENT, handoff_id=hid, protocol_id="kg-ocmw-referral", details={})
    cases = {
        JournalFilter(): [1, 2, 3, 4, 5, 6],
        JournalFilter(account="bob"): [5, 6],
        JournalFilter(handoff_id=ids[1]): [3, 4],
        JournalFilter(step=Step.SENT, account="alice"): [2, 4],
        JournalFilter(step="packaged", protocol="lievegem-debtors"): [1, 3, 5],
        JournalFilter(since=datetime.now(UTC) + timedelta(hours=1)): [],
        JournalFilter(since=datetime.now() - timedelta(hours=1), account="alice"): [1, 2, 3, 4],
    }
    for where, expected in cases.items():
        assert [r.seq for r in journal.records(**where.as_kwargs())] == expected, where
        assert journal.count(**where.as_kwargs()) == len(expected), where
        oldest = [
            r.seq for chunk in pages(journal, where, size=2, oldest_first=True) for r in chunk
        ]
        newest = [r.seq for chunk in pages(journal, where, size=2) for r in chunk]
        assert oldest == expected and newest == expected[::-1], where


def test_pages_oldest_first_continue_after_a_record(journal):
    for n in range(5):
        journal.append(Step.SENT, handoff_id=f"HO-20261123-AAAAA{n}", protocol_id=None, details={})
    assert [r.seq for r in journal.page(after_seq=0, limit=2)] == [1, 2]
    assert [r.seq for r in journal.page(after_seq=2, limit=10)] == [3, 4, 5]
    assert journal.page(after_seq=5) == []


@pytest.mark.parametrize(
    "where",
    [{}, {"step": Step.SENT}, {"protocol": "kg-ocmw-referral", "account": "alice"}],
    ids=["all", "step", "protocol"],
)
def test_a_page_walks_the_seq_index_and_never_sorts_every_match(journal, where):
    """Each page costs the same at any depth: no table scan, no sort of all matches."""
    journal.append(Step.SENT, handoff_id=new_handoff_id(), protocol_id=None, details={})
    seen: list[str] = []
    journal._conn.set_trace_callback(seen.append)
    journal.page(before_seq=10, **where)
    journal.page(after_seq=0, **where)
    journal._conn.set_trace_callback(None)
    for sql in [s for s in seen if s.startswith("SELECT")]:
        plan = " ".join(row[3] for row in journal._conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "records_seq" in plan and "TEMP B-TREE" not in plan, (sql, plan)
