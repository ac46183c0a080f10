"""Two processes writing at once, and a process killed mid-write, leave a valid journal."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from handoff.core.journal import Journal, Step, new_handoff_id

PROCESSES = 4
APPENDS = 40
SHA = "ef" * 32


def _append_many(path: str, count: int) -> None:
    with Journal(Path(path)) as journal:
        for n in range(count):
            journal.append(
                Step.PACKAGED,
                handoff_id=new_handoff_id(),
                protocol_id="thuispunt-gent-cir",
                details={"rows": n, "archive_sha256": SHA, "archive_size": n},
            )


def test_parallel_writers_lose_nothing_and_keep_the_chain(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()  # created once; the writers race on appends, not creation
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_append_many, args=(str(path), APPENDS)) for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    with Journal(path) as journal:
        result = journal.verify()
        assert result.ok, result.message("en")
        assert journal.count() == PROCESSES * APPENDS == result.count
        seqs = [r[0] for r in journal.select("SELECT seq FROM records ORDER BY id")]
        assert seqs == list(range(1, PROCESSES * APPENDS + 1))


_KILLABLE = """
import sys
from pathlib import Path
from handoff.core.journal import Journal, Step, new_handoff_id
journal = Journal(Path(sys.argv[1]))
print("ready", flush=True)
while True:
    journal.append(Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None,
                   details={"rows": 1, "archive_sha256": "SHA", "archive_size": 1})
""".replace("SHA", SHA)


def test_sigkill_in_the_middle_of_appends_leaves_a_valid_journal(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for round_ in range(5):
        child = subprocess.Popen(
            [sys.executable, "-c", _KILLABLE, str(path)], stdout=subprocess.PIPE, env=env
        )
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + 0.03 * round_)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        assert child.returncode == -signal.SIGKILL
    with Journal(path) as journal:
        result = journal.verify()
        assert result.ok, result.message("en")
        assert result.count == journal.count() > 0
        extra = journal.append(
            Step.PACKAGED, handoff_id=new_handoff_id(), protocol_id=None, details={}
        )
        assert extra.seq == result.count + 1 and extra.prev_hash == result.head_hash


_OPEN_CLOSE = """
import sys
from pathlib import Path
from handoff.core.journal import Journal
with Journal(Path(sys.argv[1])) as journal:
    print(journal.count(), flush=True)
"""


def _child_count(path: Path) -> int:
    """Another process opens the journal, reads the count and closes (the last close, as it sees it)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", _OPEN_CLOSE, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(done.stdout)


def test_a_second_journal_in_this_process_keeps_the_wal_under_live_connections(tmp_path):
    """Closing a plain file handle on the journal drops every SQLite (POSIX) lock this process
    holds on it; another process's close would then believe it is the last one and delete the
    -wal and -shm files from under the live connections, losing what they write next."""
    path = tmp_path / "journal.sqlite3"
    wal = path.with_name(path.name + "-wal")
    with Journal(path) as first, Journal(path):
        first.append(
            Step.PACKAGED,
            handoff_id=new_handoff_id(),
            protocol_id=None,
            details={"rows": 1, "archive_sha256": SHA, "archive_size": 1},
        )
        assert _child_count(path) == 1
        assert wal.exists()
        first.append(
            Step.PACKAGED,
            handoff_id=new_handoff_id(),
            protocol_id=None,
            details={"rows": 2, "archive_sha256": SHA, "archive_size": 2},
        )
        assert _child_count(path) == 2
        assert first.count() == 2 and first.verify().ok
    with Journal(path) as journal:
        assert journal.count() == 2 and journal.verify().ok
