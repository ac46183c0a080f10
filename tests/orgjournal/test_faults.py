"""Faults of issue 16: the service killed mid-upload, a PC offline for a day; the server without Qt."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from handoff.core.errors import HandoffError
from handoff.core.journal import Journal
from handoff.orgjournal import sync
from tests.orgjournal.chains import add_records
from tests.orgjournal.conftest import ROOT, enrol_pc, server_main


def _records(server) -> list[int]:
    with psycopg.connect(server.db.admin_dsn) as conn:
        return [r[0] for r in conn.execute("SELECT seq FROM hj.records ORDER BY arrival")]


def test_the_service_killed_mid_upload_the_retry_completes_without_duplicate_or_gap(server) -> None:
    enrol_pc(server, "PC-1")
    journal = add_records(Journal(), 600)
    outcome: dict = {}

    def run() -> None:
        try:
            with Journal(journal.path) as own:
                outcome["result"] = sync.sync(own, batch=20, attempts=10, backoff=0.2)
        except BaseException as exc:  # reported below
            outcome["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 30
    while len(_records(server)) < 100 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()  # SIGKILL while batches are in flight
    killed_at = len(_records(server))
    assert 0 < killed_at < 600
    time.sleep(0.5)
    server.start()
    worker.join(120)
    assert "error" not in outcome, outcome.get("error")
    assert _records(server) == list(range(1, 601))  # every record once, in order
    assert outcome["result"].stored + outcome["result"].duplicate >= 600 - killed_at
    assert sync.status(journal).pending == 0


def test_a_pc_offline_for_a_day_sends_everything_later_in_order(server) -> None:
    enrol_pc(server, "PC-1")
    journal = add_records(Journal(), 3)
    sync.sync(journal, sleep=lambda s: None)
    server.kill()
    add_records(journal, 40)  # a day's work while the server is down
    waits: list[float] = []
    with pytest.raises(HandoffError) as caught:
        sync.sync(journal, attempts=3, backoff=1.0, sleep=waits.append)
    assert caught.value.code == "orgjournal_unreachable" and waits == [1.0, 2.0]
    assert "gaat gewoon door" in caught.value.message("nl")
    assert sync.status(journal).pending == 40
    state = sync.SyncState.load()
    state.last_sync = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="seconds")
    state.save()
    server.start()
    result = sync.sync(journal, sleep=lambda s: None)
    assert result.stored == 40 and _records(server) == list(range(1, 44))
    assert sync.status(journal).pending == 0


def test_the_background_sync_never_raises_and_backs_off(server, tmp_path) -> None:
    enrol_pc(server, "PC-1")
    journal = add_records(Journal(), 5)
    server.kill()
    background = sync.Background(journal.path, interval=0.05, ceiling=0.2)
    background.start()
    time.sleep(0.5)
    assert (
        background.last_error is not None and background.last_error.code == "orgjournal_unreachable"
    )
    server.start()
    deadline = time.monotonic() + 20
    while _records(server) != [1, 2, 3, 4, 5] and time.monotonic() < deadline:
        time.sleep(0.05)
    background.stop()
    assert _records(server) == [1, 2, 3, 4, 5] and background.last_error is None


BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
import handoff.server.main, handoff.server.app, handoff.server.admin
from handoff.server.main import parser
parser().parse_args(['serve', '--dsn', 'x', '--state', 'y'])
assert not any(m.split('.')[0] in ('PySide6', 'handoff.gui') for m in sys.modules)
assert not any(m.startswith(('handoff.gui', 'handoff.channels', 'handoff.usecases')) for m in sys.modules)
print('ok')
"""


def test_the_server_imports_and_parses_its_commands_without_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_QT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_plain_http_is_refused_off_loopback(db) -> None:
    done = server_main(
        "serve", "--dsn", db.service_dsn, "--state", str(db.state), "--listen", "0.0.0.0:8443"
    )
    assert done.returncode == 2 and "--cert" in done.stderr
