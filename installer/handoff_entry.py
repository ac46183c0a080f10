"""Entry point of the frozen bundle (both ``Handoff`` and ``handoff-cli`` run it).

One script serves both executables so PyInstaller analyses the code once. With
no arguments it opens the window; with arguments it is the CLI, which also
sends a lone ``.7z``/``.eml`` path (Windows' "Open with Handoff") to the window. IT uses ``handoff-cli`` for the
command line on Windows: the windowed ``Handoff`` has nowhere to print.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _quiet_missing_streams() -> None:
    """A windowed Windows executable has no stdout/stderr: writes must not crash it."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


#: Helper processes the bundle can run (a frozen app has no ``python -m``).
HELPERS = {
    "handoff.channels.mail_programs.mapi_helper",
    "handoff.channels.mail_programs.outlook_helper",
}


def _helper(argv: list[str]) -> int:
    if not argv or argv[0] not in HELPERS:
        return 2
    import importlib

    return importlib.import_module(argv[0]).main(argv[1:])


def main() -> int:
    # A frozen child process started by multiprocessing must not rerun the app.
    multiprocessing.freeze_support()
    _quiet_missing_streams()
    if sys.argv[1:2] == ["--helper"]:  # handoff.channels.mail_programs.handing.helper_command
        return _helper(sys.argv[2:])
    from handoff.cli import main as cli_main  # a lone .7z/.eml path opens the window

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
