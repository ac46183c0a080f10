"""Receive, unpack and pack are transactions; what a killed run left goes at the next start.

Issue 12 §3: a receive killed mid-way left decrypted staging folders and once a
whole decrypted file in an ``HO-…`` folder no record named; a read-only or
damaged journal, or a relative secure folder, left the decrypted file in place.
Seed 003 (exchange process, step 4) allows the list only "op een interne
beveiligde locatie", and the decree of 18 July 2008 art. 8 §1, 13° (quoted in
seed 000) asks that access be logged: a decrypted byte outside a journaled
folder is both. Real archives, real files, a real SQLite journal.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from handoff import usecases
from handoff.core import archive, leftovers, paths, retention
from handoff.core.archive import stage
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Step
from handoff.core.mounts import Mount, mount_of

ROOT = Path(__file__).resolve().parents[1]  # the checkout under test
REFERRAL = "kg-ocmw-referral"  # retention "until contact": receivable any day
PW = "zeven-acht-negen-tien"
SECRET = b"Mieke Vandenbroucke;Kerkstraat 12;0477 12 34 56\n"
REF = "HO-20261127-ABCDEF"


def _archive(tmp_path: Path, data: bytes = SECRET * 100, name: str = f"{REF}.7z") -> Path:
    """An archive a sender made (packed straight with the core: the journal stays empty)."""
    out = tmp_path / "inbox" / name
    out.parent.mkdir(exist_ok=True)
    archive.pack({"lijst.csv": data}, out, PW)
    return out


def _records(step: Step | None = None) -> list:
    with Journal() as journal:
        return journal.records(step=step)


def _stored_names() -> set[str]:
    return {
        Path(r.details["folder"]).name for r in _records(Step.DECRYPTED) if "folder" in r.details
    }


def _strays(folder: Path) -> list[Path]:
    """Every file under ``folder`` not inside a folder a DECRYPTED record names."""
    named = _stored_names()
    found = []
    for root, _dirs, names in os.walk(folder):
        rel = Path(root).relative_to(folder)
        if rel.parts and rel.parts[0] in named:
            continue
        found += [Path(root) / n for n in names]
    return found


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


# --- the transaction: checks first, journal before the files appear -----------------


def test_receive_journals_before_the_folder_is_filled_and_leaves_no_staging(tmp_path):
    secure = tmp_path / "secure"
    source = _archive(tmp_path)
    got = usecases.receive(source, REFERRAL, PW, secure)
    assert got.folder == secure / REF and got.files[0].read_bytes() == SECRET * 100
    assert _listing(secure) == [REF, f"{REF}/lijst.csv"]
    assert [r.step for r in _records()] == [Step.RECEIVED, Step.DECRYPTED]
    with pytest.raises(HandoffError) as caught:  # the same archive again (issue 13 §11)
        usecases.receive(source, REFERRAL, PW, secure)
    assert caught.value.code == "already_received"
    source.unlink()
    other = _archive(tmp_path, data=SECRET * 101)  # another archive under the same reference
    again = usecases.receive(other, REFERRAL, PW, secure)
    assert again.folder == secure / f"{REF}-2"  # its own folder, nothing replaced


def test_relative_secure_folder_is_refused_before_anything_is_decrypted(tmp_path, monkeypatch):
    source = _archive(tmp_path)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    with pytest.raises(HandoffError) as caught:
        usecases.receive(source, REFERRAL, PW, Path("beveiligd"))
    assert caught.value.code == "secure_folder_relative"
    assert "volledig pad" in caught.value.message("nl") and "full path" in caught.value.message(
        "en"
    )
    assert _listing(work) == []
    assert _records() == []


@pytest.mark.parametrize("damage", ["directory", "header"])
def test_unusable_journal_stops_receive_and_unpack_before_decrypting(tmp_path, damage):
    """Fails for root too: the journal path is a folder, or the file's header is damaged."""
    source = _archive(tmp_path)
    journal = paths.journal_path()
    if damage == "directory":
        journal.mkdir(parents=True)
    else:
        Journal().close()
        with open(journal, "r+b") as fh:
            fh.write(b"not a journal!!!")
    secure, chosen = tmp_path / "secure", tmp_path / "gekozen"
    with pytest.raises(HandoffError) as caught:
        usecases.receive(source, REFERRAL, PW, secure)
    assert caught.value.code in ("not_a_journal", "journal_damaged")
    with pytest.raises(HandoffError):
        usecases.unpack_to(source, chosen, PW)
    assert _listing(secure) == [] and not chosen.exists()


def test_cli_unpack_with_unusable_journal_exits_nonzero_and_writes_nothing(tmp_path):
    source = _archive(tmp_path)
    paths.journal_path().mkdir(parents=True)
    dest = tmp_path / "uit"
    done = subprocess.run(
        [sys.executable, "-m", "handoff", "unpack", str(source), "--output", str(dest)],
        input=PW + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode != 0
    assert not dest.exists()


@pytest.fixture
def read_only_data_dir(tmp_path, handoff_home):
    """Handoff's data folder (the journal's) on a read-only bind mount (needs root)."""
    data = handoff_home / "data"
    Journal().close()  # a real journal with its schema, then the share turns read-only
    if subprocess.run(["mount", "--bind", str(data), str(data)], capture_output=True).returncode:
        pytest.skip("cannot bind-mount here (needs root)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(data)], check=True)
        yield data
    finally:
        subprocess.run(["umount", str(data)], check=False)


def test_journal_on_a_read_only_share_stops_receive_before_decrypting(tmp_path, read_only_data_dir):
    """Read-only for root too: the mount itself refuses writes."""
    with pytest.raises(HandoffError) as caught:
        usecases.receive(_archive(tmp_path), REFERRAL, PW, tmp_path / "secure")
    assert caught.value.code in ("journal_damaged", "journal_unavailable", "journal_read_only")
    assert _listing(tmp_path / "secure") == []


def test_journal_sqlite_will_not_write_stops_receive_before_decrypting(tmp_path):
    """An open journal whose connection SQLite holds read-only (query_only): refused up front."""
    journal = Journal()
    journal._conn.execute(
        "PRAGMA query_only = 1"
    )  # SQLITE_READONLY on every write, as on a RO share
    try:
        with pytest.raises(HandoffError) as caught:
            usecases.receive(
                _archive(tmp_path), REFERRAL, PW, tmp_path / "secure",
                ctx=usecases.Context(journal=journal),
            )  # fmt: skip
    finally:
        journal.close()
    assert caught.value.code == "journal_read_only"
    assert "schrijfrechten" in caught.value.message("nl")
    assert "write access" in caught.value.message("en")
    assert _listing(tmp_path / "secure") == []


def _refuse_step(monkeypatch, refused: Step) -> None:
    """Make the journal refuse one step, after everything before it went well."""
    original = Journal.append

    def append(self, step, **kwargs):
        if step == refused:
            raise HandoffError(
                "journal_busy", Text("Het logboek is bezet.", "The journal is busy.")
            )
        return original(self, step, **kwargs)

    monkeypatch.setattr(Journal, "append", append)


@pytest.mark.parametrize("refused", [Step.RECEIVED, Step.DECRYPTED])
def test_journal_append_failing_after_extraction_leaves_no_decrypted_byte(
    tmp_path, monkeypatch, refused
):
    source = _archive(tmp_path)
    secure, chosen = tmp_path / "secure", tmp_path / "gekozen"
    _refuse_step(monkeypatch, refused)
    with pytest.raises(HandoffError):
        usecases.receive(source, REFERRAL, PW, secure)
    with pytest.raises(HandoffError):
        usecases.unpack_to(source, chosen, PW)
    assert _listing(secure) == [] and not chosen.exists()
    assert Step.DECRYPTED not in [r.step for r in _records()]


def test_unpack_into_an_existing_folder_stages_inside_it_and_leaves_it_as_it_was(
    tmp_path, monkeypatch
):
    chosen = tmp_path / "gekozen"
    chosen.mkdir()
    (chosen / "eigen.txt").write_text("van de gebruiker")
    _refuse_step(monkeypatch, Step.DECRYPTED)
    with pytest.raises(HandoffError):
        usecases.unpack_to(_archive(tmp_path), chosen, PW)
    assert _listing(chosen) == ["eigen.txt"]


def test_pack_journal_failure_removes_the_finished_archive(tmp_path, monkeypatch):
    """No archive at --output whose 'packaged' record (and so its password) never came."""
    source = tmp_path / "lijst.csv"
    source.write_bytes(SECRET)
    output = tmp_path / "uit" / "lijst.7z"
    output.parent.mkdir()
    _refuse_step(monkeypatch, Step.PACKAGED)
    with pytest.raises(HandoffError):
        usecases.package_file(source, output)
    assert _listing(output.parent) == []


def test_pack_with_unusable_journal_writes_no_archive(tmp_path):
    source = tmp_path / "lijst.csv"
    source.write_bytes(SECRET)
    paths.journal_path().mkdir(parents=True)
    with pytest.raises(HandoffError) as caught:
        usecases.package_file(source, tmp_path / "lijst.7z")
    assert caught.value.code == "not_a_journal"
    assert not (tmp_path / "lijst.7z").exists()


# --- leftovers: stale is only what no live process holds ----------------------------


_HOLDER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from handoff.core.archive import stage
    kind, base = sys.argv[1], Path(sys.argv[2])
    if kind == "staging":
        s = stage.Staging(base)
        (s.content / "lijst.csv").write_bytes(b"x" * 5000)
    elif kind == "dropped":
        from handoff.core.dropped import Dropped
        d = Dropped(base, "HO-20261127-ABCDEF.7z", b"7z" * 1000)
    else:
        fd = os.open(base / ".lijst.7z.0badcafe.partial", os.O_RDWR | os.O_CREAT | os.O_EXCL)
        stage.try_lock(fd, wait=True)
        os.write(fd, b"7z" * 1000)
    print("ready", flush=True)
    time.sleep(60)
    """
)


def _holder(kind: str, base: Path) -> subprocess.Popen:
    """Another Handoff process mid-unpack (or mid-pack), until the test kills it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, kind, str(base)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize("kind", ["staging", "partial", "dropped"])
def test_a_live_process_keeps_its_work_and_a_killed_ones_is_removed_and_journaled(tmp_path, kind):
    """``dropped``: an Outlook attachment dropped on the receive page of a Handoff then killed."""
    folder = tmp_path / "secure"
    folder.mkdir()
    proc = _holder(kind, folder)
    where = {"partials_in": [folder]} if kind == "partial" else {"secure": [folder]}
    try:
        with Journal() as journal:
            assert not leftovers.clean(journal, **where)  # alive: not touched
        assert len(_listing(folder)) >= 1
    finally:
        _kill(proc)
    with Journal() as journal:
        removed = leftovers.clean(journal, **where)
        assert _listing(folder) == ([".handoff-dropped"] if kind == "dropped" else [])
        (record,) = journal.records(step=Step.LEFTOVERS_REMOVED)
    assert removed.files == 1 and removed.bytes in (5000, 2000)
    expected = {
        "staging": "staging_folders",
        "partial": "partial_files",
        "dropped": "dropped_files",
    }
    expected = expected[kind]
    assert record.details[expected] == 1 and record.details["bytes"] == removed.bytes
    assert record.protocol_id is None


def test_staging_in_this_process_is_live_too(tmp_path):
    """flock locks are per open file: a clean-up in the same process spares it as well."""
    with stage.staging(tmp_path) as live, Journal() as journal:
        (live.content / "a.csv").write_bytes(SECRET)
        assert not leftovers.clean(journal, secure=[tmp_path])
        assert (live.content / "a.csv").exists()
    assert not any("handoff-unpack" in p for p in _listing(tmp_path))


def test_unrecorded_received_folder_goes_recorded_and_user_folders_stay(tmp_path):
    secure = tmp_path / "secure"
    kept = usecases.receive(_archive(tmp_path), REFERRAL, PW, secure)
    orphan = secure / "HO-20261126-QQQQQQ"  # decrypted by a run killed before its record
    orphan.mkdir()
    (orphan / "lijst.csv").write_bytes(SECRET)
    reserved = secure / "HO-20261126-RRRRRR"  # empty and fresh: a live receive's reservation
    reserved.mkdir()
    (secure / "Mijn dossiers").mkdir()
    (secure / "Mijn dossiers" / "notities.txt").write_text("van de gebruiker")
    with Journal() as journal:
        removed = leftovers.clean(journal, secure=[secure])
    assert removed.unrecorded_folders == 1 and removed.bytes == len(SECRET)
    assert not orphan.exists() and reserved.exists() and kept.files[0].exists()
    assert (secure / "Mijn dossiers" / "notities.txt").exists()
    journal_bytes = paths.journal_path().read_bytes()
    assert b"QQQQQQ" not in journal_bytes and b"lijst.csv" not in journal_bytes  # no names


def test_a_dropped_attachment_young_and_empty_or_held_here_stays(tmp_path):
    """A copy being written (empty, young) or held by this process is not abandoned."""
    from handoff.core.dropped import Dropped, folder_in

    held = Dropped(tmp_path, "HO-20261127-ABCDEF.7z", b"7z" * 10)
    being_written = folder_in(tmp_path) / "HO-20261127-QQQQQQ.7z"
    being_written.touch()
    with Journal() as journal:
        assert not leftovers.clean(journal, secure=[tmp_path])
    assert held.path.exists() and being_written.exists()
    held.release()
    assert not held.path.exists()


def test_a_dropped_name_a_live_handoff_holds_gets_a_counter_an_abandoned_one_is_replaced(tmp_path):
    from handoff.core.dropped import Dropped, folder_in

    first = Dropped(tmp_path, "HO-1.7z", b"een")
    second = Dropped(tmp_path, "HO-1.7z", b"twee")
    assert second.path.name == "HO-1 (2).7z" and first.path.read_bytes() == b"een"
    first.release()
    abandoned = folder_in(tmp_path) / "HO-1.7z"
    abandoned.write_bytes(b"oud")  # unlocked, not empty: a killed Handoff's copy
    third = Dropped(tmp_path, "HO-1.7z", b"drie")
    assert third.path == abandoned and abandoned.read_bytes() == b"drie"
    second.release()
    third.release()


def test_nothing_removed_means_nothing_journaled(tmp_path):
    with Journal() as journal:
        assert not leftovers.clean(journal, secure=[tmp_path], partials_in=[tmp_path])
    assert _records() == []


def test_retention_sweep_at_start_removes_leftovers_in_the_secure_folder_and_outbox(tmp_path):
    """The app's start-up retention run (and `handoff retention run`) is the clean-up entry."""
    from handoff.core import settings

    s = settings.load()
    s.secure_folder.mkdir(parents=True, exist_ok=True)
    s.outbox.mkdir(parents=True, exist_ok=True)
    for kind, folder in (("staging", s.secure_folder), ("partial", s.outbox)):
        _kill(_holder(kind, folder))
    assert retention.run() == []
    assert _strays(s.secure_folder) == [] and _listing(s.outbox) == []
    (record,) = _records(Step.LEFTOVERS_REMOVED)
    assert record.details["staging_folders"] == 1 and record.details["partial_files"] == 1


# --- killed at random moments -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.interop
def test_receive_killed_at_random_moments_leaves_no_decrypted_byte_after_the_next_start(
    tmp_path, sevenzip
):
    """20 real `handoff receive` runs on 40 MB, SIGKILLed at random moments within a run.

    After each kill the app's start-up clean-up (the retention run) must leave
    no decrypted file outside a folder a DECRYPTED record names, and journal
    what it removed.
    """
    import random
    import time
    from collections import Counter

    from handoff.core import settings

    plain = tmp_path / "lijst.bin"
    plain.write_bytes(os.urandom(40 << 20))  # incompressible, as an .xlsx is
    source = tmp_path / "inbox" / f"{REF}.7z"
    source.parent.mkdir()
    subprocess.run(
        [sevenzip, "a", "-t7z", "-mx=0", "-mhe=on", f"-p{PW}", str(source), str(plain)],
        check=True,
        capture_output=True,
    )
    plain.unlink()  # from here on only the archive and Handoff's output hold the data
    secure = settings.load().secure_folder
    command = [sys.executable, "-m", "handoff", "receive", str(source), "--protocol", REFERRAL]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def start() -> subprocess.Popen:
        proc = subprocess.Popen(
            [*command, "--password-stdin"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert proc.stdin is not None
        proc.stdin.write(f"{PW}\n".encode())
        proc.stdin.close()
        return proc

    def forget_copy() -> None:
        """The same archive is refused while a copy is stored (issue 13 §11): delete it."""
        with Journal() as journal:
            if any(item.handoff_id == REF for item in retention.stored(journal)):
                retention.delete_now(REF, journal=journal)

    runs = []
    for _ in range(2):  # the second run also sweeps and finds the first's folder recorded
        began = time.monotonic()
        assert start().wait() == 0
        runs.append(time.monotonic() - began)
        forget_copy()
    full_run = max(runs)
    rng = random.Random(20261127)  # seeded: a failure can be replayed
    outcome: Counter[str] = Counter()
    for _ in range(20):
        proc = start()
        time.sleep(rng.uniform(0.0, full_run))
        proc.send_signal(signal.SIGKILL)
        outcome["killed" if proc.wait() == -signal.SIGKILL else "finished"] += 1
        retention.run()  # the next start of the app (and `handoff retention run`)
        assert _strays(secure) == [], outcome
        assert _strays(paths.temp_dir()) == []
        forget_copy()
    removed = _records(Step.LEFTOVERS_REMOVED)
    assert outcome["killed"] >= 10, outcome
    assert removed and sum(r.details["bytes"] for r in removed) > 0, outcome
    for record in removed:
        assert set(record.details) <= {
            "staging_folders",
            "unrecorded_folders",
            "partial_files",
            "dropped_files",
            "files",
            "bytes",
        }


def test_cli_retention_run_says_what_it_cleaned_up_without_names(tmp_path):
    from handoff.core import settings

    secure = settings.load().secure_folder
    secure.mkdir(parents=True, exist_ok=True)
    _kill(_holder("staging", secure))
    done = subprocess.run(
        [sys.executable, "-m", "handoff", "retention", "run"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert "Opgeruimd na een onderbroken Handoff: 1 bestand, 5000 bytes." in done.stderr
    assert "lijst.csv" not in done.stderr + done.stdout
    assert _strays(secure) == []


def test_unrecorded_folders_on_a_network_share_are_left_for_their_owners(tmp_path, monkeypatch):
    """A shared secure folder: a colleague's PC, with its own journal, may have stored it."""
    secure = tmp_path / "secure"
    theirs = secure / "HO-20261126-QQQQQQ"
    theirs.mkdir(parents=True)
    (theirs / "lijst.csv").write_bytes(SECRET)
    monkeypatch.setattr(leftovers, "mount_of", lambda path: Mount("/", "cifs", "//server/share"))
    with Journal() as journal:
        assert not leftovers.clean(journal, secure=[secure])
    assert (theirs / "lijst.csv").exists()


def test_file_system_type_is_read_from_the_real_mount_table(tmp_path):
    mount = tmp_path / "klein"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        assert mount_of(mount / "map").fs_type == "tmpfs"
        assert not leftovers.on_network_share(mount)
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_on_a_share_a_killed_staging_goes_only_once_it_stayed_quiet(tmp_path, monkeypatch):
    """Another PC's lock may not be visible over the network: the lock alone is not enough."""
    secure = tmp_path / "secure"
    secure.mkdir()
    _kill(_holder("staging", secure))
    monkeypatch.setattr(leftovers, "mount_of", lambda path: Mount("/", "cifs", "//server/share"))
    with Journal() as journal:
        assert not leftovers.clean(journal, secure=[secure])  # just written: maybe live
        monkeypatch.setattr(leftovers, "SHARE_QUIET_SECONDS", -1.0)
        assert leftovers.clean(journal, secure=[secure]).staging_folders == 1
    assert _listing(secure) == []


def test_unrecorded_folder_of_another_account_is_left(tmp_path):
    """A secure folder on a shared PC: another account's Handoff keeps its own journal."""
    secure = tmp_path / "secure"
    theirs = secure / "HO-20261126-QQQQQQ"
    theirs.mkdir(parents=True)
    (theirs / "lijst.csv").write_bytes(SECRET)
    os.chown(theirs, 4321, 4321)
    with Journal() as journal:
        assert not leftovers.clean(journal, secure=[secure])
    assert (theirs / "lijst.csv").exists()


def test_a_write_error_names_the_destination_not_the_hidden_staging_folder(tmp_path, monkeypatch):
    from handoff.core.archive import extract

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    source = _archive(tmp_path)
    monkeypatch.setattr(extract.os, "fdopen", refuse)  # the member file cannot be created
    with pytest.raises(HandoffError) as caught:
        usecases.receive(source, REFERRAL, PW, tmp_path / "Beveiligd")
    assert caught.value.code == "write_failed"
    assert "'Beveiligd'" in caught.value.message("nl")
    assert "handoff-unpack" not in caught.value.message("nl")
    assert _listing(tmp_path / "Beveiligd") == []
