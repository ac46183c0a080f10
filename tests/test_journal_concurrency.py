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
