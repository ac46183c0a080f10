"""Sealing (seed 000 art. 8 c): encrypted for the financial director, plaintext gone only when verified."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from handoff.core import archive
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Step
from handoff.core.journal.obligations import open_obligations
from handoff.usecases import sealing
from tests.journal_bytes import journal_bytes

CONTENT = b"Voornaam;Naam;RRN\nAn;Peeters;85073003328\n" * 50


@pytest.fixture
def sheet(tmp_path):
    (tmp_path / "finance").mkdir()
    path = tmp_path / "finance" / "debiteuren-2025-03.xlsx"
    path.write_bytes(CONTENT)
    return path


@pytest.mark.interop
def test_seal_encrypts_verifies_removes_and_journals(sheet, sevenzip):
    # Seed 000 art. 8 c: "Het wachtwoord is steeds alleen bekend bij de financieel directeur."
    sealed = sealing.seal(sheet, "lievegem-debtors", "financieel directeur")
    assert not sheet.exists() and sealed.plaintext_removed
    target = sealed.archive.path
    listing = subprocess.run(
        [sevenzip, "l", "-pwrong", str(target)], capture_output=True, text=True
    )
    shown = (listing.stdout + listing.stderr).replace(str(target), "")
    assert listing.returncode != 0 and sheet.name not in shown  # headers encrypted
    out = target.parent / "out"
    subprocess.run(
        [sevenzip, "x", f"-p{sealed.password.value}", f"-o{out}", str(target)],
        check=True,
        capture_output=True,
    )
    assert (out / sheet.name).read_bytes() == CONTENT
    with Journal() as journal:
        [record] = journal.records(step=Step.SEALED)
        assert record.handoff_id == sealed.handoff_id and record.protocol_id == "lievegem-debtors"
        assert record.details["file_sha256"] == hashlib.sha256(CONTENT).hexdigest()
        assert record.details["archive_sha256"] == archive.sha256_file(target)
        assert record.details["custodian"] == "financieel directeur"
        assert record.details["verified"] is True and "plaintext_removed" not in record.details
        [removed] = journal.records(step=Step.FILE_DELETED)  # only after the SEALED record
        assert removed.seq == record.seq + 1 and removed.handoff_id == sealed.handoff_id
        assert removed.details["reason"] == "sealed" and removed.details["count"] == 1
        data = journal_bytes(journal.path)
        assert sealed.password.value.encode() not in data and b"debiteuren" not in data
        assert [o.kind for o in open_obligations(journal)] == ["custodian_not_confirmed"]
        sealing.confirm_custodian(sealed.handoff_id, journal=journal)
        assert open_obligations(journal) == []
    assert sealed.password.value not in repr(sealed)


def test_a_failed_read_back_keeps_the_plaintext_and_no_archive(sheet, monkeypatch):
    real = archive.sha256_file
    monkeypatch.setattr(archive, "sha256_file", lambda p: "0" * 64 if p == sheet else real(p))
    with pytest.raises(HandoffError) as caught:
        sealing.seal(sheet, "lievegem-debtors", "financieel directeur")
    assert caught.value.code == "seal_not_verified"
    assert sheet.read_bytes() == CONTENT
    assert list(sheet.parent.iterdir()) == [sheet]
    with Journal() as journal:
        assert journal.count() == 0


def test_read_back_rejects_a_wrong_password_and_a_wrong_hash(sheet, tmp_path):
    packed = archive.pack({sheet.name: sheet}, tmp_path / "a.7z", "correct horse")
    digest = hashlib.sha256(CONTENT).hexdigest()
    sealing.read_back(packed.path, "correct horse", sheet.name, digest)
    for password, expected in (("wrong", digest), ("correct horse", "1" * 64)):
        with pytest.raises(HandoffError):
            sealing.read_back(packed.path, password, sheet.name, expected)


def test_an_existing_archive_is_never_replaced(sheet):
    existing = sheet.with_name(sheet.name + ".7z")
    existing.write_bytes(b"earlier archive")
    with pytest.raises(HandoffError) as caught:
        sealing.seal(sheet, "lievegem-debtors", "financieel directeur")
    assert caught.value.code == "output_exists"
    assert existing.read_bytes() == b"earlier archive" and sheet.read_bytes() == CONTENT


@pytest.mark.parametrize(
    ("protocol", "custodian", "code"),
    [
        ("no-such-protocol", "financieel directeur", "unknown_protocol"),
        ("lievegem-debtors", "Jan Janssens 0477950676", "bad_custodian"),
    ],
)
def test_bad_input_writes_nothing(sheet, protocol, custodian, code):
    with pytest.raises(HandoffError) as caught:
        sealing.seal(sheet, protocol, custodian)
    assert caught.value.code == code
    assert list(sheet.parent.iterdir()) == [sheet]


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(HandoffError) as caught:
        sealing.seal(tmp_path / "nope.xlsx", "lievegem-debtors", "financieel directeur")
    assert caught.value.code == "not_found"


def test_confirming_an_unknown_handoff_is_refused():
    with pytest.raises(HandoffError) as caught:
        sealing.confirm_custodian("HO-20250101-ABCDEF")
    assert caught.value.code == "not_sealed"


def _refuse(monkeypatch, refused: Step) -> None:
    """The journal accepts the write probe but refuses one step's record."""
    original = Journal.append

    def append(self, step, **kwargs):
        if step == refused:
            raise HandoffError("journal_busy", Text("Het logboek is bezet.", "Busy."))
        return original(self, step, **kwargs)

    monkeypatch.setattr(Journal, "append", append)


def test_a_read_only_journal_stops_sealing_before_any_archive(sheet):
    journal = Journal()
    journal._conn.execute("PRAGMA query_only = 1")  # SQLITE_READONLY on every write
    try:
        with pytest.raises(HandoffError) as caught:
            sealing.seal(sheet, "lievegem-debtors", "financieel directeur", journal=journal)
    finally:
        journal.close()
    assert caught.value.code == "journal_read_only"
    assert list(sheet.parent.iterdir()) == [sheet] and sheet.read_bytes() == CONTENT


def test_a_refused_sealed_record_removes_the_archive_and_keeps_the_plaintext(sheet, monkeypatch):
    _refuse(monkeypatch, Step.SEALED)
    with pytest.raises(HandoffError) as caught:
        sealing.seal(sheet, "lievegem-debtors", "financieel directeur")
    assert caught.value.code == "journal_busy" and not hasattr(caught.value, "sealed")
    assert list(sheet.parent.iterdir()) == [sheet] and sheet.read_bytes() == CONTENT
    with Journal() as journal:
        assert journal.count() == 0


def test_a_refused_removal_record_still_hands_back_the_password(sheet, monkeypatch):
    """The archive is sealed and journaled; the caller must still show its password."""
    _refuse(monkeypatch, Step.FILE_DELETED)
    with pytest.raises(HandoffError) as caught:
        sealing.seal(sheet, "lievegem-debtors", "financieel directeur")
    sealed = caught.value.sealed
    assert sealed.plaintext_removed and not sheet.exists() and sealed.archive.path.exists()
    with Journal() as journal:
        assert [r.step for r in journal.records()] == [Step.SEALED]


def test_a_plaintext_that_cannot_go_is_not_journaled_as_removed(sheet, monkeypatch):
    """As when Excel still holds the file open on Windows: it stays, and nothing claims otherwise."""
    real_unlink = Path.unlink

    def unlink(self, *args, **kwargs):
        if self == sheet:
            raise PermissionError(13, "in use by another program")
        return real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    sealed = sealing.seal(sheet, "lievegem-debtors", "financieel directeur")
    assert not sealed.plaintext_removed and sheet.read_bytes() == CONTENT
    assert sealed.archive.path.exists()
    with Journal() as journal:
        assert [r.step for r in journal.records()] == [Step.SEALED]
