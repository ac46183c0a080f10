"""``handoff settings show|set KEY VALUE|secret NAME``: the settings for admins and scripts.

``secret`` reads the value with getpass (or one line from stdin when piped) and
stores it in the system keyring only; it is never echoed, never an argument
(arguments end up in shell history and process lists).
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys

from handoff.cli._prompts import say
from handoff.core import credentials, settings
from handoff.core.errors import HandoffError
from handoff.core.i18n import tr


def _marked(in_force: settings.InForce) -> list[str]:
    """The settings as TOML, each value followed by where it comes from."""
    out, section = [], ""
    for line in settings.to_toml(in_force.settings).splitlines():
        header = re.match(r"^\[(\w+)\]$", line)
        if header:
            section = header.group(1) + "."
        name = re.match(r'^("?)([^"=]+)\1 = ', line)
        if name:
            line += f"  # {in_force.origin(section + name.group(2)).describe().render()}"
        out.append(line)
    return out


def _journal_policy(in_force: settings.InForce) -> None:
    """Journal ignored policy values and refused profiles; a journal problem only warns here."""
    from handoff.core.journal import Journal
    from handoff.usecases.organisation import journal_policy_events

    try:
        with Journal() as journal:
            journal_policy_events(journal, in_force)
    except HandoffError as exc:
        print(f"# ! {exc.message()}")


def _show(args: argparse.Namespace) -> int:
    in_force = settings.resolve()
    print("\n".join(_marked(in_force)))
    _journal_policy(in_force)
    for problem in in_force.problems:
        print(
            tr(
                "# ! beleid {place}: '{key}' genegeerd: {why}",
                "# ! policy {place}: '{key}' ignored: {why}",
                place=problem.source.place,
                key=problem.key,
                why=problem.text.render(),
            )
        )
    secure = credentials.secure_backend_available()
    print(f"\n# {tr('geheimen (sleutelbos)', 'secrets (keyring)')}:")
    for name in credentials.NAMES:
        if not secure:
            state = tr("wordt telkens gevraagd", "asked each time")
        elif credentials.has_secret(name):
            state = tr("bewaard", "stored")
        else:
            state = tr("niet bewaard", "not stored")
        print(f"# {name}: {state}")
    return 0


def _set(args: argparse.Namespace) -> int:
    in_force = settings.resolve()
    settings.require_unlocked(in_force, args.key)
    updated = settings.with_value(in_force.settings, args.key, args.value)
    settings.save(updated)
    say("Bewaard: {key}", "Saved: {key}", key=args.key)
    return 0


def _read_secret(name: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(tr("Geheim voor {name}: ", "Secret for {name}: ", name=name))
    return sys.stdin.readline().rstrip("\r\n")


def _secret(args: argparse.Namespace) -> int:
    credentials.require_secure_backend()
    credentials.set_secret(args.name, _read_secret(args.name))
    say(
        "Geheim '{name}' bewaard in {store}.",
        "Secret '{name}' stored in {store}.",
        name=args.name,
        store=credentials.store_name(),
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``settings`` with its three sub-commands."""
    parser = subparsers.add_parser(
        "settings", help=tr("instellingen tonen of wijzigen", "show or change settings")
    )
    sub = parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = sub.add_parser(
        "show", help=tr("instellingen tonen (nooit geheimen)", "show settings (never secrets)")
    )
    show.set_defaults(func=_show)
    set_ = sub.add_parser("set", help=tr("één instelling wijzigen", "change one setting"))
    set_.add_argument("key", metavar="KEY", help="mail.mode, sftp.host, directory.<naam>, ...")
    set_.add_argument("value", metavar="VALUE")
    set_.set_defaults(func=_set)
    secret = sub.add_parser(
        "secret",
        help=tr(
            "wachtwoord of token bewaren in {store}",
            "store a password or token in {store}",
            store=credentials.store_name(),
        ),
    )
    secret.add_argument("name", metavar="NAME", choices=credentials.NAMES)
    secret.set_defaults(func=_secret)
