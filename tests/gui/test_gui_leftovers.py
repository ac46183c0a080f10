"""The desktop app's start removes what a killed Handoff left, and the log can show it.

Issue 12 §3: at the next start of the app, stale staging folders (decrypted
data) go and the clean-up is journaled. The window's background start
(``MainWindow.start_background``) runs retention, which sweeps first.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from handoff.core import settings
from handoff.core.journal import Journal, Step
from handoff.gui.steps import step_label

ROOT = Path(__file__).resolve().parents[2]  # the checkout under test
_KILLED_MID_UNPACK = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from handoff.core.archive import stage
    s = stage.Staging(Path(sys.argv[1]))
    (s.content / "lijst.csv").write_bytes(b"x" * 4096)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_the_app_start_sweeps_a_killed_receive_and_journals_it(window, qtbot):
    secure = settings.load().secure_folder
    secure.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_UNPACK, str(secure)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == -signal.SIGKILL
    assert any(p.name.startswith(".handoff-unpack-") for p in secure.iterdir())
    with qtbot.waitSignal(window.retention.ran, timeout=20_000):
        window.start_background()
    assert list(secure.iterdir()) == []
    with Journal() as journal:
        (record,) = journal.records(step=Step.LEFTOVERS_REMOVED)
    assert record.details["staging_folders"] == 1 and record.details["bytes"] == 4096
    assert step_label("leftovers_removed") == "Bestanden van een onderbroken Handoff opgeruimd"
