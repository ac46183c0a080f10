"""Start-up time: ``python -m handoff`` until its main window is shown, vs a bare PySide6 window.

Each run is a fresh process (new interpreter, imports, QApplication), timed
from spawn until the process prints a marker from the first event-loop turn
after ``show()`` (``HANDOFF_STARTUP_MARKER``, see handoff/gui/app.py), and
until the first page (Send, with the protocol list) is built on the turn after
(``HANDOFF_READY_MARKER``). The baseline does the same with an empty
``QMainWindow``. Runs alternate so both see the same disk cache. Target:
window shown at most 2x the baseline.

    python bench/bench_startup.py [--runs 7] [--platform offscreen|xcb]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from sheetgen import compile_handoff  # noqa: E402

MARKER = "HANDOFF-WINDOW-SHOWN"
READY = "HANDOFF-PAGE-READY"

BASELINE = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1040, 720); w.show()
QTimer.singleShot(0, lambda: print("{MARKER}", flush=True))
app.exec()
"""


def _time_until_marker(
    argv: list[str], env: dict[str, str], last: str = MARKER
) -> dict[str, float]:
    """Seconds from spawn to each marker line up to ``last``; the process is then stopped."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT
    )
    seen: dict[str, float] = {}
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            seen[line.strip()] = time.perf_counter() - start
            if line.strip() == last:
                return seen
        raise RuntimeError(f"no marker from {argv[:3]} (exit {proc.wait()})")
    finally:
        proc.kill()
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM")
        or ("xcb" if os.environ.get("DISPLAY") else "offscreen"),
    )
    args = parser.parse_args()
    compile_handoff()
    home = tempfile.mkdtemp(prefix="handoff-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, HANDOFF_HOME=home, HANDOFF_LANG="nl",
               HANDOFF_STARTUP_MARKER=MARKER, HANDOFF_READY_MARKER=READY)  # fmt: skip
    handoff = [sys.executable, "-m", "handoff"]
    bare = [sys.executable, "-c", BASELINE]
    _time_until_marker(handoff, env, READY)  # warm the disk cache and build the .qm once
    _time_until_marker(bare, env)
    times: dict[str, list[float]] = {"handoff": [], "ready": [], "bare": []}
    for _ in range(args.runs):
        seen = _time_until_marker(handoff, env, READY)
        times["handoff"].append(seen[MARKER])
        times["ready"].append(seen[READY])
        times["bare"].append(_time_until_marker(bare, env)[MARKER])
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"platform: {args.platform}, runs: {args.runs}, Python {sys.version.split()[0]}")
    print()
    print("| process | median (s) | min (s) | max (s) |")
    print("| --- | ---: | ---: | ---: |")
    for name, label in (
        ("bare", "bare PySide6 QMainWindow, shown"),
        ("handoff", "python -m handoff, window shown"),
        ("ready", "python -m handoff, Send page ready"),
    ):
        v = times[name]
        print(f"| {label} | {med[name]:.3f} | {min(v):.3f} | {max(v):.3f} |")
    ratio = med["handoff"] / med["bare"]
    print()
    print(f"ratio Send page ready/bare (median): {med['ready'] / med['bare']:.2f}x")
    print(
        f"ratio handoff/bare (median): {ratio:.2f}x (target <= 2x): {'OK' if ratio <= 2 else 'TOO SLOW'}"
    )
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
