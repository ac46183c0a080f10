"""Retention: only files Handoff stored are deleted, when due, and journaled truthfully."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from handoff.core import retention
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step
from handoff.core.retention_volume import volume_encrypted
from tests.stored import store

TODAY = date(2025, 3, 10)


@pytest.fixture
def journal():
    with Journal() as j:
        yield j


def deleted_record(journal, hid):
    found = journal.records(handoff_id=hid, step=Step.FILE_DELETED)
    assert len(found) == 1
    return found[0].details


def test_due_files_are_deleted_and_folder_removed(journal, tmp_path):
    # Seed 003 art. 3: "tot uiterlijk 27/09/2024 bewaard ..., waarna deze automatisch zal worden verwijderd".
    hid, folder = store(journal, tmp_path, {"lijst.xlsx": b"a" * 100, "sub/b.csv": b"b"}, TODAY)
    done = retention.run(journal, today=TODAY)
    assert [(d.handoff_id, d.deleted, d.missing, d.left) for d in done] == [(hid, 2, 0, ())]
    assert not folder.exists() and tmp_path.exists()
    details = deleted_record(journal, hid)
    assert details["by"] == "retention" and details["count"] == 2 and details["reason"] == "due"
    assert (
        details["volume_encrypted"] in ("yes", "no", "unknown")
        and details["folder_removed"] is True
    )
    assert "wiped" not in str(details)
    assert retention.run(journal, today=TODAY) == []  # closed: nothing twice
    assert journal.verify().ok


def test_files_not_yet_due_stay(journal, tmp_path):
    _hid, folder = store(journal, tmp_path, {"x.xlsx": b"x"}, TODAY + timedelta(days=1))
    assert retention.run(journal, today=TODAY) == []
    assert (folder / "x.xlsx").exists() and journal.count(step=Step.FILE_DELETED) == 0


def test_until_contact_is_never_deleted_automatically(journal, tmp_path):
    # Seeds 001/002 art. 3: kept until contact was made; the worker decides.
    hid, folder = store(
        journal,
        tmp_path,
        {"x.xlsx": b"x"},
        None,
        protocol="kg-ocmw-referral",
        reminder=TODAY - timedelta(days=1),
        kind="until_contact",
    )
    assert retention.run(journal, today=TODAY + timedelta(days=3650)) == []
    assert (folder / "x.xlsx").exists()
    soon = retention.upcoming(journal, today=TODAY)
    assert [(d.handoff_id, d.due, d.reminder) for d in soon] == [
        (hid, None, TODAY - timedelta(days=1))
    ]


def test_a_file_handoff_did_not_store_is_left_and_reported(journal, tmp_path):
    hid, folder = store(journal, tmp_path, {"lijst.xlsx": b"ours"}, TODAY)
    (folder / "notes.docx").write_bytes(b"the worker's own file")
    (folder / "lijst-kopie.xlsx").write_bytes(b"ours, but edited")
    done = retention.run(journal, today=TODAY)[0]
    assert done.deleted == 1 and sorted(p.name for p in done.left) == [
        "lijst-kopie.xlsx",
        "notes.docx",
    ]
    assert (folder / "notes.docx").read_bytes() == b"the worker's own file"
    assert not (folder / "lijst.xlsx").exists() and folder.exists()
    details = deleted_record(journal, hid)
    assert (details["count"], details["left"], details["folder_removed"]) == (1, 2, False)


def test_a_symlink_is_never_followed_or_deleted(journal, tmp_path):
    outside = tmp_path / "elsewhere.xlsx"
    outside.write_bytes(b"same bytes")
    _hid, folder = store(journal, tmp_path / "secure", {"a.xlsx": b"same bytes"}, TODAY)
    (folder / "a.xlsx").unlink()
    (folder / "a.xlsx").symlink_to(outside)
    done = retention.run(journal, today=TODAY)[0]
    assert outside.read_bytes() == b"same bytes" and (done.deleted, done.missing) == (0, 1)


def test_files_already_gone_are_recorded_as_missing(journal, tmp_path):
    hid, folder = store(journal, tmp_path, {"a.xlsx": b"a", "b.xlsx": b"b"}, TODAY)
    (folder / "a.xlsx").unlink()
    done = retention.run(journal, today=TODAY)[0]
    assert (done.deleted, done.missing) == (1, 1)
    assert deleted_record(journal, hid)["missing"] == 1


def test_an_unreachable_secure_folder_is_not_taken_as_deleted(journal, tmp_path):
    share = tmp_path / "share"
    hid, _ = store(journal, share, {"a.xlsx": b"a"}, TODAY)
    share.rename(tmp_path / "unmounted")
    done = retention.run(journal, today=TODAY)
    assert [(d.handoff_id, d.journaled, d.deleted) for d in done] == [(hid, False, 0)]
    assert journal.count(step=Step.FILE_DELETED) == 0
    (tmp_path / "unmounted").rename(share)
    assert retention.run(journal, today=TODAY)[0].deleted == 1


def test_delete_now_is_journaled_with_the_worker_account(journal, tmp_path):
    # Seed 003 art. 6: "De gegevens worden verwijderd van zodra personen zijn gecontacteerd".
    hid, folder = store(journal, tmp_path, {"a.xlsx": b"a"}, TODAY + timedelta(days=100))
    done = retention.delete_now(hid, by="maatschappelijk.werker", journal=journal)
    assert done.deleted == 1 and not folder.exists()
    details = deleted_record(journal, hid)
    assert (details["by"], details["reason"]) == ("maatschappelijk.werker", "early")
    with pytest.raises(HandoffError) as caught:
        retention.delete_now(hid, journal=journal)
    assert caught.value.code == "nothing_stored" and hid in caught.value.message("en")


def test_upcoming_lists_overdue_first_then_by_date(journal, tmp_path):
    late, _ = store(journal, tmp_path, {"a": b"a"}, TODAY - timedelta(days=2))
    soon, _ = store(journal, tmp_path, {"b": b"b"}, TODAY + timedelta(days=5))
    store(journal, tmp_path, {"c": b"c"}, TODAY + timedelta(days=60))
    found = retention.upcoming(journal, today=TODAY, days=14)
    assert [(d.handoff_id, d.overdue) for d in found] == [(late, True), (soon, False)]


def test_volume_encryption_is_yes_no_or_unknown_never_more(tmp_path):
    assert volume_encrypted(tmp_path) in ("yes", "no", "unknown")
    assert volume_encrypted(Path("/proc")) == "unknown"  # not a block device


def _block(root: Path, name: str, *, uuid: str | None = None, slaves=(), partition_of=None) -> None:
    """A fake /sys/class/block entry, shaped as the kernel lays it out."""
    if partition_of:
        node = root / "devices" / partition_of / name
        node.mkdir(parents=True)
        (node / "partition").write_text("1")
        (root / "class").mkdir(exist_ok=True)
        (root / "class" / name).symlink_to(node)
        return
    node = root / "devices" / name
    (node / "slaves").mkdir(parents=True)
    if uuid:
        (node / "dm").mkdir()
        (node / "dm" / "uuid").write_text(uuid)
    for slave in slaves:
        (node / "slaves" / slave).mkdir()
    (root / "class").mkdir(exist_ok=True)
    (root / "class" / name).symlink_to(node)


def test_dm_crypt_under_lvm_is_yes_a_plain_partition_no_a_loop_unknown(tmp_path, monkeypatch):
    from handoff.core import retention_volume

    _block(tmp_path, "sda")
    _block(tmp_path, "sda1", partition_of="sda")
    _block(tmp_path, "dm-0", uuid="CRYPT-LUKS2-abc-luks", slaves=["sda2"])
    _block(tmp_path, "dm-1", uuid="LVM-xyz", slaves=["dm-0"])
    monkeypatch.setattr(retention_volume, "SYS_BLOCK", tmp_path / "class")
    assert retention_volume._is_crypt("dm-1") is True
    assert retention_volume._is_crypt("sda1") is False
    assert retention_volume._is_crypt("loop0") is None
    assert retention_volume._is_crypt("nvme9n1") is None  # not present: unknown
