"""Entry point of the frozen bundle (both ``Handoff`` and ``handoff-cli`` run it).

One script serves both executables so PyInstaller analyses the code once. With
no arguments it opens the window; with arguments it is the CLI. The only
exception is Windows' "Open with Handoff" on a ``.7z`` file, which calls the
windowed executable with just the archive's path: that path goes to the GUI
instead of being read as an unknown command. IT uses ``handoff-cli`` for the
command line on Windows: the windowed ``Handoff`` has nowhere to print.
"""

from __future__ import annotations

import inspect
import multiprocessing
import os
import sys
from pathlib import Path


def _archive_argument(argv: list[str]) -> Path | None:
    """The archive "Open with" handed us, or None when argv is a CLI call."""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    path = Path(argv[0])
    return path if path.suffix.lower() == ".7z" and path.is_file() else None


def _open_in_gui(archive: Path) -> int:
    """Open the window on ``archive`` once ``run`` takes an ``archive=``, else plainly."""
    from handoff.gui.app import run

    if "archive" in inspect.signature(run).parameters:
        return int(run(archive=archive) or 0)
    return int(run() or 0)


def _quiet_missing_streams() -> None:
    """A windowed Windows executable has no stdout/stderr: writes must not crash it."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> int:
    # A frozen child process started by multiprocessing must not rerun the app.
    multiprocessing.freeze_support()
    _quiet_missing_streams()
    archive = _archive_argument(sys.argv[1:])
    if archive is not None:
        return _open_in_gui(archive)
    from handoff.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
