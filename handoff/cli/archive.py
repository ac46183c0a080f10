"""`handoff pack` and `handoff unpack`: the archive core for scripts and admins.

Stable contract (scripts and tests rely on it):
    handoff pack FILE --output ARCHIVE.7z [--password-stdin] [--style sms|words]
    handoff unpack ARCHIVE.7z --output DIR [--password-stdin] [--allow-unencrypted]
`pack` prints a generated password as the only line on stdout; every message
goes to stderr. Handlers stay thin (parse, call one function) so the use-case
layer can take `pack` over later.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.cli._prompts import (
    add_allow_unencrypted,
    add_consent_confirmed,
    add_password_stdin,
    read_password,
    say,
    stdin_password,
)
from handoff.core.errors import HandoffError
from handoff.core.i18n import counted, tr

if TYPE_CHECKING:
    from handoff.core.passwords import Password, Style


def handle_pack(args: argparse.Namespace) -> int:
    """Pack FILE (checked and cleaned first with --protocol); the password alone on stdout.

    Both paths go through the use cases, so every pack is journaled as 'packaged'.
    """
    from handoff.core import quick_import

    quick_import.py7zr_without_cffi()
    from handoff import usecases
    from handoff.core import passwords

    source, output = Path(args.file), Path(args.output)
    given = None
    if args.password_stdin:
        given = passwords.Password(stdin_password(), "sms", 0.0)
    if args.protocol:
        try:
            packaged = usecases.package(
                source,
                args.protocol,
                output,
                password=given or _generated(args.style),
                consent_confirmed=args.consent_confirmed,
            )
        except HandoffError as exc:
            _list_findings(exc)
            raise
        result, password = packaged.archive, packaged.password
    else:
        _, result, password = usecases.package_file(
            source, output, password=given or passwords.generate(args.style or "sms")
        )
    say(
        "Archief gemaakt: {path} ({size} bytes). Geef het wachtwoord via een ander kanaal door.",
        "Archive written: {path} ({size} bytes). Pass the password on by another channel.",
        path=result.path,
        size=result.size,
    )
    if given is None:
        say(
            "Gegenereerd wachtwoord ({bits} bits, {style}):",
            "Generated password ({bits} bits, {style}):",
            bits=round(password.bits),
            style=password.style,
        )
        print(password.grouped(), flush=True)
    return 0


def _list_findings(exc: HandoffError) -> None:
    """The findings behind a refused pack, one per line on stderr, as `handoff check` lists them."""
    for found in sorted(getattr(exc, "findings", ()), key=lambda f: not f.blocking):
        print(found.line(), file=sys.stderr)


def _generated(style: Style | None) -> Password | None:
    """None lets the use case pick the style the protocol's password channel needs."""
    from handoff.core import passwords

    return passwords.generate(style) if style else None


def handle_unpack(args: argparse.Namespace) -> int:
    """Unpack ARCHIVE into DIR; on failure DIR holds nothing new.

    Start-up is most of a one-shot unpack, so py7zr loads the quick way.
    """
    from handoff.core import quick_import

    password = read_password(args.password_stdin)
    quick_import.py7zr_without_cffi()
    from handoff import usecases

    _, result = usecases.unpack_to(
        Path(args.archive),
        Path(args.output),
        password,
        allow_unencrypted=args.allow_unencrypted,
    )
    warn_unprotected(result.encrypted, result.headers_encrypted)
    files = counted(len(result.files), "{n} bestand", "{n} bestanden", "{n} file", "{n} files")
    say(
        "{files} uitgepakt in {folder}.",
        "{files} extracted into {folder}.",
        files=files,
        folder=result.folder,
    )
    return 0


def warn_unprotected(encrypted: bool, headers_encrypted: bool) -> None:
    """Say when the sender left the content, or only the file names, unencrypted (unpack, receive)."""
    if not encrypted:
        say(
            "Let op: dit archief was niet versleuteld (protocol niet gevolgd).",
            "Note: this archive was not encrypted (protocol not followed).",
        )
    elif not headers_encrypted:
        say(
            "Let op: de inhoud was versleuteld, maar de bestandsnamen waren onderweg leesbaar.",
            "Note: the content was encrypted, but the file names were readable in transit.",
        )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `pack` and `unpack`."""
    pack = subparsers.add_parser(
        "pack",
        help=tr("bestand versleuteld verpakken (7z AES-256)", "pack a file encrypted (7z AES-256)"),
    )
    pack.add_argument("file", metavar="FILE")
    pack.add_argument("--output", required=True, metavar="ARCHIVE.7z")
    add_password_stdin(pack)
    pack.add_argument("--style", choices=("sms", "words"))
    pack.add_argument(
        "--protocol",
        help=tr(
            "eerst het blad controleren en opschonen volgens dit protocol",
            "check and clean the sheet against this protocol first",
        ),
    )
    add_consent_confirmed(pack)
    pack.set_defaults(func=handle_pack)

    unpack = subparsers.add_parser(
        "unpack", help=tr("7z-archief veilig uitpakken", "extract a 7z archive safely")
    )
    unpack.add_argument("archive", metavar="ARCHIVE.7z")
    unpack.add_argument("--output", required=True, metavar="DIR")
    add_password_stdin(unpack)
    add_allow_unencrypted(unpack)
    unpack.set_defaults(func=handle_unpack)
