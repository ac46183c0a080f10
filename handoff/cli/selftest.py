"""``handoff selftest``: prove that this installation can do a whole handoff.

IT runs it after installing (and the bundle test runs it on every build), so it
exercises the real parts a worker depends on: the shipped protocol profiles,
the keyring backends, writing a sheet, the AES-256 7z archive both ways, the
tamper-evident journal, and the Qt window. Everything happens in a throw-away
``HANDOFF_HOME`` with made-up data, so it never touches the user's real
journal, settings or outbox, and nothing is left behind.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import pkgutil
import ssl
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from handoff.core import i18n
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, counted, tr

EXIT_FAILED = 2  # same code the CLI uses for every failure

#: The protocol of the made-up handoff: the referral flow has a form (seed 001,
#: art. 3: first name and name, address, phone, e-mail), so no sheet file is needed.
PROTOCOL_ID = "kg-ocmw-referral"
SHIPPED_PROTOCOLS = frozenset(
    {"kg-ocmw-referral", "thuispunt-gent-cir", "turnhout-social-supplement", "lievegem-debtors"}
)
#: Obviously fictitious: reserved ".invalid" domain, a street that says what it is.
SAMPLE_FIELDS = {
    "first_name": "Zelftest",
    "last_name": "Voorbeeld",
    "address": "Teststraat 1, 9690 Kluisbergen",
    "phone": "+32 470 00 00 00",
    "email": "zelftest@example.invalid",
}


class CheckFailed(Exception):
    """A check that ran but found the installation wrong; carries a bilingual reason."""

    def __init__(self, text: Text, **params: Any) -> None:
        super().__init__(text.en)
        self.text = text
        self.params = params

    def message(self) -> str:
        return self.text.render(**self.params)


@dataclass
class Run:
    """What the checks hand each other, all inside one temporary folder."""

    folder: Path
    state: dict[str, Any] = field(default_factory=dict)

    def need(self, key: str) -> Any:
        """A previous check's result; a clear failure when that check failed."""
        if key not in self.state:
            raise CheckFailed(
                Text("een vorige controle mislukte", "an earlier check failed"),
            )
        return self.state[key]


@dataclass(frozen=True)
class Check:
    """One line of the report: what is checked, and the function that raises if not."""

    label: Text
    run: Callable[[Run], None]


def check_resources(run: Run) -> None:
    """Protocol profiles, word list, icons and compiled translations ship with the install."""
    from handoff.core import paths, protocols

    loaded, problems = protocols.load_all()
    missing = sorted(SHIPPED_PROTOCOLS - loaded.keys())
    if problems or missing:
        raise CheckFailed(
            Text("ontbrekend of fout: {n}", "missing or broken: {n}"),
            n=counted(
                len(missing) + len(problems),
                "{n} protocol",
                "{n} protocollen",
                "{n} protocol",
                "{n} protocols",
            ),
        )
    for folder, pattern in (("wordlist", "*.txt"), ("icons", "*.svg"), ("i18n", "*.qm")):
        found = paths.resources_dir() / folder
        if not found.is_dir() or not any(found.glob(pattern)):
            raise CheckFailed(
                Text("map {name} ontbreekt of is leeg", "folder {name} is missing or empty"),
                name=folder,
            )


def check_keyring(run: Run) -> None:
    """keyring finds its backends through package metadata, which a bundle can lose."""
    backends = metadata.entry_points(group="keyring.backends")
    if not backends:
        raise CheckFailed(Text("geen sleutelbos-backends gevonden", "no keyring backends found"))
    for backend in backends:
        backend.load()


def check_sheet(run: Run) -> None:
    """The referral form writes a one-row sheet in memory (the bundled xlsx writer)."""
    from handoff.core import protocols, workbook

    sheet = workbook.sheet_from_fields(protocols.get(PROTOCOL_ID), SAMPLE_FIELDS)
    if sheet.rows != 1 or not sheet.data.startswith(b"PK"):
        raise CheckFailed(Text("het blad is onvolledig", "the sheet is incomplete"))
    run.state["sheet"] = sheet


def check_pack(run: Run) -> None:
    """The real use case: consent, AES-256 7z with encrypted headers, journaled."""
    from handoff import usecases
    from handoff.core.journal import Journal

    journal = Journal(run.folder / "journal.sqlite3")
    run.state["journal"] = journal
    packaged = usecases.package(
        run.need("sheet"),
        PROTOCOL_ID,
        run.folder / "selftest.7z",
        consent_confirmed=True,
        ctx=usecases.Context(journal),
    )
    run.state["packaged"] = packaged


def check_unpack(run: Run) -> None:
    """Both ways: the right password restores the exact bytes, a wrong one is refused."""
    from handoff.core import archive

    packaged = run.need("packaged")
    try:
        archive.unpack(packaged.archive.path, run.folder / "wrong", packaged.password.value + "x")
    except HandoffError as exc:
        if exc.code != "wrong_password":
            raise
    else:
        raise CheckFailed(
            Text("een fout wachtwoord werd aanvaard", "a wrong password was accepted")
        )
    result = archive.unpack(packaged.archive.path, run.folder / "out", packaged.password.value)
    expected = hashlib.sha256(run.need("sheet").data).hexdigest()
    if not (result.encrypted and result.headers_encrypted):
        # Without header encryption the file names can be read (ARCHITECTURE.md).
        raise CheckFailed(
            Text("de bestandsnamen waren niet versleuteld", "the file names were not encrypted")
        )
    if [archive.sha256_file(f) for f in result.files] != [expected]:
        raise CheckFailed(
            Text("uitgepakt bestand verschilt van het origineel", "unpacked file differs")
        )


def check_journal(run: Run) -> None:
    """The packing was journaled once, and the hash chain is intact."""
    from handoff.core.journal import Step

    journal = run.need("journal")
    result = journal.verify()
    if not result.ok:
        raise CheckFailed(result.problem, **result.params)
    if journal.count(step=Step.PACKAGED) != 1:
        raise CheckFailed(
            Text("het inpakken staat niet in het logboek", "the packing is not in the journal")
        )


def check_channels(run: Run) -> None:
    """Every way out loads (SMTP, .eml, SFTP via paramiko, SMS), and TLS has CA certificates.

    A bundle can miss a module that is only imported when a worker first sends,
    and a bundled OpenSSL can look for certificates where this system has none.
    """
    import handoff.channels

    for info in pkgutil.iter_modules(handoff.channels.__path__):
        importlib.import_module(f"handoff.channels.{info.name}")
    context = ssl.create_default_context()
    capath = ssl.get_default_verify_paths().capath
    has_folder = bool(capath) and Path(capath).is_dir() and any(Path(capath).iterdir())
    if not context.cert_store_stats()["x509_ca"] and not has_folder:
        raise CheckFailed(
            Text(
                "geen CA-certificaten voor TLS gevonden (zet SSL_CERT_FILE)",
                "no CA certificates for TLS found (set SSL_CERT_FILE)",
            )
        )


@contextmanager
def qt_errors() -> Iterator[list[str]]:
    """Collect exceptions raised inside Qt slots, which Qt only prints.

    A page that fails while the window is built shows a traceback on stderr
    but leaves a window standing; the check must still fail.
    """
    caught: list[str] = []
    before = sys.excepthook
    sys.excepthook = lambda kind, value, tb: caught.append(kind.__name__)
    try:
        yield caught
    finally:
        sys.excepthook = before


def check_gui(run: Run) -> None:
    """Build the main window once, offscreen when no platform was chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from handoff.gui.app import app_icon, create_app
    from handoff.gui.main_window import MainWindow

    chosen = i18n.language()  # the GUI picks its own language; --lang must win here
    try:
        with qt_errors() as caught:
            app = create_app()
            window = MainWindow(app_icon())
            app.processEvents()
            window.close()
            window.deleteLater()
    finally:
        i18n.set_language(chosen)
    if caught:
        raise CheckFailed(
            Text("fout in het venster: {errors}", "error in the window: {errors}"),
            errors=", ".join(caught),
        )


CHECKS = (
    Check(Text("Protocollen en hulpbestanden", "Protocols and resources"), check_resources),
    Check(Text("Sleutelbos (wachtwoordopslag)", "Keyring (password storage)"), check_keyring),
    Check(Text("Blad maken (formulier)", "Make a sheet (form)"), check_sheet),
    Check(Text("Versleutelen (AES-256 7z)", "Encrypt (AES-256 7z)"), check_pack),
    Check(Text("Ontsleutelen en vergelijken", "Decrypt and compare"), check_unpack),
    Check(Text("Logboek controleren", "Verify the journal"), check_journal),
    Check(
        Text("Kanalen (e-mail, SFTP, sms, TLS)", "Channels (e-mail, SFTP, SMS, TLS)"),
        check_channels,
    ),
    Check(Text("Venster (Qt)", "Window (Qt)"), check_gui),
)


def reason(exc: BaseException) -> str:
    """Why a check failed, without a traceback; never data (the data is made up anyway)."""
    if isinstance(exc, HandoffError | CheckFailed):
        return exc.message()
    return f"{type(exc).__name__}: {exc}"[:300]


def run_checks(checks: tuple[Check, ...], folder: Path, out: TextIO) -> int:
    """Run every check, print one OK/FOUT line each; return how many failed."""
    run = Run(folder)
    failed = 0
    try:
        for check in checks:
            try:
                check.run(run)
            except (Exception, SystemExit) as exc:  # a check never ends the run
                failed += 1
                print(f"{tr('FOUT', 'FAIL')}  {check.label.render()}: {reason(exc)}", file=out)
            else:
                print(f"OK    {check.label.render()}", file=out)
    finally:
        journal = run.state.get("journal")
        if journal is not None:
            journal.close()
    return failed


@contextmanager
def temporary_home() -> Iterator[Path]:
    """A fresh HANDOFF_HOME for the whole run; the old value comes back afterwards."""
    before = os.environ.get("HANDOFF_HOME")
    # Windows cannot delete a file the window may still hold open (its journal
    # view); only made-up data is in there, so a leftover is harmless.
    with tempfile.TemporaryDirectory(
        prefix="handoff-selftest-", ignore_cleanup_errors=True
    ) as folder:
        os.environ["HANDOFF_HOME"] = str(Path(folder) / "home")
        try:
            yield Path(folder)
        finally:
            if before is None:
                os.environ.pop("HANDOFF_HOME", None)
            else:
                os.environ["HANDOFF_HOME"] = before


def selftest(checks: tuple[Check, ...] = CHECKS, out: TextIO | None = None) -> int:
    """Run ``checks`` in a temporary home; 0 only when every one passed."""
    out = out or sys.stdout
    with temporary_home() as folder:
        failed = run_checks(checks, folder, out)
    if failed:
        print(
            tr(
                "{failed} van {total} controles mislukt. Wat te doen: installeer Handoff "
                "opnieuw, of bezorg deze uitvoer aan uw IT-dienst.",
                "{failed} of {total} checks failed. What to do: reinstall Handoff, "
                "or give this output to your IT desk.",
                failed=failed,
                total=len(checks),
            ),
            file=out,
        )
        return EXIT_FAILED
    print(tr("Alle {n} controles geslaagd.", "All {n} checks passed.", n=len(checks)), file=out)
    return 0


def _handle(args: argparse.Namespace) -> int:
    return selftest()


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help=tr(
            "controleer deze installatie met een proefoverdracht (raakt uw gegevens niet aan)",
            "check this installation with a trial handoff (does not touch your data)",
        ),
    )
    parser.set_defaults(func=_handle)
