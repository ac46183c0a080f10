"""The journal file itself: SQLite's own check, a read-only file, private permissions.

A damaged page that the hash chain cannot see (an index, the free list) is
found by ``PRAGMA integrity_check`` in verify and by ``quick_check`` before the
first write of a session; such a file is never written to. A file Handoff may
not write is reported as read-only, not as damaged. The tests run as root,
which ignores file modes, so the read-only journal is made with ``chattr +i``
(immutable even for root on ext4/overlay); where that is not possible the test
opens the same file through the app's own code path with a ``mode=ro`` URI.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from handoff import usecases
from handoff.cli import main
from handoff.core import paths, protocols, workbook
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.journal import store as journal_store
from handoff.core.journal.verify import verify_chain

SHA = "ab" * 32
FIELDS = {
    "first_name": "Zelftest",
    "last_name": "Voorbeeld",
    "address": "Teststraat 1, 9690 Kluisbergen",
    "phone": "+32 470 00 00 00",
    "email": "zelftest@example.invalid",
}


def _fill(path: Path, records: int = 400) -> None:
    with Journal(path) as journal:
        for n in range(records):
            journal.append(
                Step.PACKAGED,
                handoff_id=new_handoff_id(),
                protocol_id="thuispunt-gent-cir",
                details={"rows": n, "archive_sha256": SHA, "archive_size": 100 + n},
            )


def _corrupt_index(path: Path, index: str = "records_time") -> None:
    """Overwrite one page of an index: the rows (and so the chain) stay readable."""
    raw = sqlite3.connect(path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    raw.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size + 8)  # keep the page type byte, break the cells
        fh.write(b"\xff" * 200)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(handoff_home) -> Path:
    path = paths.journal_path()
    _fill(path)
    _corrupt_index(path)
    # The chain alone still passes: this is the damage verify used to miss.
    raw = journal_store.open_journal(path)
    try:
        assert verify_chain(raw).ok
    finally:
        raw.close()
    return path


def test_verify_reports_a_damaged_page_the_chain_cannot_see(damaged, capsys):
    with Journal(damaged) as journal:
        result = journal.verify()
    assert not result.ok and result.kind == "storage"
    assert "het logboekbestand zelf is beschadigd" in result.message("nl").lower()
    assert main(["log", "verify"]) == 1
    assert "beschadigd" in capsys.readouterr().err


def test_a_damaged_journal_is_never_appended_to(damaged):
    before = _digest(damaged)
    with Journal(damaged) as journal, pytest.raises(HandoffError) as caught:
        journal.append(
            Step.PACKAGED,
            handoff_id=new_handoff_id(),
            protocol_id=None,
            details={"rows": 1, "archive_sha256": SHA, "archive_size": 1},
        )
    assert caught.value.code == "journal_damaged"
    assert "reservekopie" in caught.value.message()
    assert _digest(damaged) == before


def test_pack_refuses_a_damaged_journal(damaged, tmp_path):
    sheet = workbook.sheet_from_fields(protocols.get("kg-ocmw-referral"), FIELDS)
    before = _digest(damaged)
    output = tmp_path / "out.7z"
    with pytest.raises(HandoffError) as caught:
        usecases.package(sheet, "kg-ocmw-referral", output, consent_confirmed=True)
    assert caught.value.code == "journal_damaged"
    assert _digest(damaged) == before


def test_an_intact_journal_still_verifies_and_appends(tmp_path):
    path = tmp_path / "j.sqlite3"
    _fill(path, 5)
    with Journal(path) as journal:
        assert journal.verify().ok
        journal.append(
            Step.PACKAGED,
            handoff_id=new_handoff_id(),
            protocol_id=None,
            details={"rows": 1, "archive_sha256": SHA, "archive_size": 1},
        )
        assert journal.verify().count == 6


def _immutable(path: Path) -> bool:
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    return subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0


@pytest.fixture
def read_only(handoff_home, monkeypatch):
    """A journal Handoff may not write, even as root; undone after the test."""
    path = paths.journal_path()
    _fill(path, 3)
    if _immutable(path):
        yield path
        subprocess.run(["chattr", "-i", str(path)], check=True)
        return
    # No chattr here: the same open_journal, but SQLite opens the file read-only.
    real = journal_store._connect
    monkeypatch.setattr(
        journal_store,
        "_connect",
        lambda p, create: (
            sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
            if p == path
            else real(p, create)
        ),
    )
    yield path


def test_a_read_only_journal_is_called_read_only_not_damaged(read_only, capsys):
    with pytest.raises(HandoffError) as caught, Journal(read_only) as journal:
        journal.append(
            Step.PACKAGED,
            handoff_id=new_handoff_id(),
            protocol_id=None,
            details={"rows": 1, "archive_sha256": SHA, "archive_size": 1},
        )
    assert caught.value.code == "journal_read_only"
    message = caught.value.message()
    assert "alleen-lezen" in message and "niet beschadigd" in message
    assert "reservekopie" not in message
    assert "schrijfrechten" in message  # what to do


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_journal_folder_and_file_are_private(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOFF_HOME", str(tmp_path / "fresh"))
    old = os.umask(0o022)
    try:
        path = paths.journal_path()
        _fill(path, 1)
        secure = paths.secure_store_dir()
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(secure.stat().st_mode) == 0o700
    # A journal somewhere else gets a private new folder too.
    other = tmp_path / "elsewhere" / "j.sqlite3"
    _fill(other, 1)
    assert stat.S_IMODE(other.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(other.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_cli_receive_creates_the_configured_secure_folder_private(tmp_path, monkeypatch):
    from handoff.core import settings

    protocol = protocols.get("kg-ocmw-referral")
    sheet = workbook.sheet_from_fields(protocol, FIELDS)
    packaged = usecases.package(sheet, protocol.id, tmp_path / "in.7z", consent_confirmed=True)
    secure = tmp_path / "gedeeld" / "veilig"
    settings.save(settings.with_value(settings.load(), "secure_folder", str(secure)))
    monkeypatch.setattr(sys, "stdin", io.StringIO(packaged.password.value + "\n"))
    assert (
        main(["receive", str(tmp_path / "in.7z"), "--protocol", protocol.id, "--password-stdin"])
        == 0
    )
    assert stat.S_IMODE(secure.stat().st_mode) == 0o700
    assert any(secure.iterdir())
