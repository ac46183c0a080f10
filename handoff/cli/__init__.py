"""The command line: the same use cases as the desktop app, for scripts and admins.

Each module in this package that defines ``register(subparsers)`` adds its own
sub-commands. Every command handler returns an exit code; a
:class:`HandoffError` becomes its translated message on stderr and exit code
2, never a traceback.

Start-up time matters (scripts call ``handoff`` in loops, and the benchmarks
hold ``pack``/``unpack`` to 1.5x the real 7-Zip): :data:`COMMANDS` names the
module of each command so a run imports only that one. ``--help`` and unknown
words still discover every module, and a test keeps the map equal to what
discovery finds.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from handoff import __version__
from handoff.core import i18n
from handoff.core.errors import HandoffError
from handoff.core.i18n import tr

EXIT_FAILURE = 2

#: command -> module in this package that registers it (checked by tests).
COMMANDS = {
    "pack": "archive",
    "unpack": "archive",
    "log": "log",
    "protocols": "protocols",
    "protocol": "protocol_admin",
    "check": "protocols",
    "retention": "retention",
    "seal": "seal",
    "selftest": "selftest",
    "settings": "settings",
    "send": "transfer",
    "receive": "transfer",
    "confirm": "transfer",
    "password": "transfer",
    "resend": "transfer",
    "void": "transfer",
    "journal": "orgjournal",
    "dpo": "orgjournal",
}


def _command_modules() -> list[str]:
    package = sys.modules[__name__]
    return sorted(
        f"{__name__}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with ``command``'s module only, or with every module's sub-commands."""
    parser = argparse.ArgumentParser(
        prog="handoff",
        description=tr(
            "Persoonsgegevens overdragen zoals het protocol het voorschrijft.",
            "Hand over personal data the way the protocol prescribes.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"handoff {__version__}")
    parser.add_argument(
        "--lang", choices=i18n.SUPPORTED, help=tr("taal van de berichten", "message language")
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=tr(
            "diagnoselogboek voor de IT-dienst bijhouden (zonder persoonsgegevens of wachtwoorden)",
            "keep a diagnostic log for IT (no personal data, no passwords)",
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    known = COMMANDS.get(command or "")
    if command == "--version":  # nothing but the version: no command module is needed
        names = []
    elif known:
        names = [f"{__name__}.{known}"]
    else:
        names = _command_modules()
    for name in names:
        module = importlib.import_module(name)
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def _first_word(argv: Sequence[str]) -> str | None:
    """The command word, skipping the global options before it."""
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--lang" and rest:
            rest.pop(0)
    return rest[0] if rest else None


def _preselect_language(argv: Sequence[str]) -> None:
    """Honour ``--lang`` before the parser is built, so its help is translated too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            i18n.set_language(argv[i + 1])
        elif arg.startswith("--lang="):
            i18n.set_language(arg.split("=", 1)[1])


#: Files "Open with Handoff" hands over: a received archive or a saved e-mail.
OPENABLE = (".7z", ".eml")


def file_to_open(argv: Sequence[str]) -> Path | None:
    """The received file when the only argument is one ("Open with Handoff"), else None."""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    path = Path(argv[0])
    return path if path.suffix.lower() in OPENABLE and path.is_file() else None


def _start_gui(open_file: Path | None = None) -> int:
    try:
        from handoff.gui.app import run
    except ImportError as exc:  # the desktop app or Qt's libraries are missing
        print(
            tr(
                "Het venster kan niet starten ({error}). Gebruik 'handoff --help'.",
                "The window cannot start ({error}). Use 'handoff --help'.",
                error=exc,
            ),
            file=sys.stderr,
        )
        return EXIT_FAILURE
    return run(open_file)


def _diagnose(event: str, **fields: object) -> None:
    """An event for the diagnostic log, only when some command already started it."""
    diagnostics = sys.modules.get("handoff.core.diagnostics")
    if diagnostics is not None:
        diagnostics.event(event, **fields)


def _diagnose_failure(exc: BaseException, command: str) -> None:
    diagnostics = sys.modules.get("handoff.core.diagnostics")
    if diagnostics is not None:
        diagnostics.failure(exc, command)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``handoff`` command; no arguments opens the window."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _preselect_language(args_list)
    if not args_list or file_to_open(args_list):
        return _start_gui(file_to_open(args_list))
    only_version = "--version" in args_list and _first_word(args_list) is None
    parser = build_parser("--version" if only_version else _first_word(args_list))
    args = parser.parse_args(args_list)
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_FAILURE
    if args.debug:
        from handoff.core import diagnostics

        log_path = diagnostics.start("debug_flag")
        print(
            tr("Diagnoselogboek: {path}", "Diagnostic log: {path}", path=log_path), file=sys.stderr
        )
    _diagnose("command", command=args.command)
    try:
        code = int(args.func(args) or 0)
        _diagnose("done", command=args.command, exit=code)
        return code
    except HandoffError as exc:
        _diagnose_failure(exc, args.command)
        print(exc.message(), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(tr("Afgebroken.", "Cancelled."), file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: a message, not a traceback
        _diagnose_failure(exc, args.command)
        if os.environ.get("HANDOFF_DEBUG"):
            raise
        print(
            tr(
                "Onverwachte fout ({kind}). Er is niets half weggeschreven; meld dit aan uw IT-dienst.",
                "Unexpected error ({kind}). Nothing was left half-written; report this to your IT desk.",
                kind=type(exc).__name__,
            ),
            file=sys.stderr,
        )
        return EXIT_FAILURE
