"""``handoff selftest``: passes on a sound install, says FOUT and exits non-zero otherwise.

The checks run the real archive (py7zr AES-256), the real SQLite journal and
the real Qt main window offscreen; the failure tests break one real part
(a tampered journal, missing keyring metadata) and expect the matching FOUT line.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from handoff.cli import selftest
from handoff.cli.selftest import CHECKS, Check, CheckFailed, Run
from handoff.core.i18n import Text

BY_NAME = {check.run.__name__.removeprefix("check_"): check for check in CHECKS}


def pick(*names: str) -> tuple[Check, ...]:
    return tuple(BY_NAME[name] for name in names)


def run(checks=CHECKS) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = selftest.selftest(checks, out)
    return code, out.getvalue().splitlines()


def test_all_checks_pass_one_line_each(qapp):
    code, lines = run()
    assert code == 0, lines
    assert len(lines) == len(CHECKS) + 1
    assert all(line.startswith("OK    ") for line in lines[:-1])
    assert lines[-1] == f"Alle {len(CHECKS)} controles geslaagd."


def test_leaves_the_real_home_untouched_and_cleans_up(handoff_home):
    seen: list[Path] = []

    def remember(run: Run) -> None:
        seen.extend([run.folder, Path(os.environ["HANDOFF_HOME"])])

    checks = (*pick("resources", "sheet", "pack", "unpack"), Check(Text("map", "f"), remember))
    code, lines = run(checks)
    assert code == 0, lines
    folder, home_during = seen
    assert home_during != handoff_home and home_during.is_relative_to(folder)
    assert os.environ["HANDOFF_HOME"] == str(handoff_home)
    assert not folder.exists()  # the sample archive, sheet and journal are gone
    assert not handoff_home.exists()  # never created: the user's journal was not touched


def test_a_failing_check_prints_fout_and_exits_non_zero():
    def broken(run: Run) -> None:
        raise CheckFailed(Text("kapot", "broken"))

    code, lines = run((Check(Text("Eerste", "First"), broken), *pick("sheet", "pack")))
    assert code == selftest.EXIT_FAILED
    assert lines[0] == "FOUT  Eerste: kapot"
    assert lines[1].startswith("OK    Blad maken")
    assert lines[-1].startswith("1 van 3 controles mislukt. Wat te doen:")


def test_a_later_check_fails_when_its_input_is_missing():
    code, lines = run(pick("unpack"))  # without a packed archive
    assert code == selftest.EXIT_FAILED
    assert lines[0] == "FOUT  Ontsleutelen en vergelijken: een vorige controle mislukte"


def test_a_tampered_journal_is_reported(monkeypatch):
    monkeypatch.setenv("HANDOFF_LANG", "en")

    def tamper(run: Run) -> None:
        db = sqlite3.connect(run.folder / "journal.sqlite3")
        db.execute("DROP TRIGGER records_no_update")
        db.execute("UPDATE records SET details = replace(details, '1', '2') WHERE step='packaged'")
        db.commit()
        db.close()

    checks = (*pick("sheet", "pack"), Check(Text("knoei", "tamper"), tamper), *pick("journal"))
    code, lines = run(checks)
    assert code == selftest.EXIT_FAILED
    assert lines[3].startswith("FAIL  Verify the journal: ")
    assert lines[-1].startswith("1 of 4 checks failed. What to do:")


def test_an_unpacked_file_that_differs_is_reported():
    def swap(run: Run) -> None:
        run.state["sheet"] = dataclasses.replace(run.state["sheet"], data=b"PK other bytes")

    code, lines = run(
        (*pick("sheet", "pack"), Check(Text("wissel", "swap"), swap), *pick("unpack"))
    )
    assert code == selftest.EXIT_FAILED
    assert (
        lines[3]
        == "FOUT  Ontsleutelen en vergelijken: uitgepakt bestand verschilt van het origineel"
    )


def test_errors_inside_qt_slots_are_caught(qapp):
    # Qt only prints an exception raised in a slot; the window check must see it.
    from PySide6.QtCore import QTimer

    with selftest.qt_errors() as caught:
        QTimer.singleShot(0, lambda: 1 / 0)
        qapp.processEvents()
    assert caught == ["ZeroDivisionError"]


def test_missing_keyring_metadata_is_reported(monkeypatch):
    # What a bundle without copy_metadata("keyring") looks like from inside.
    monkeypatch.setattr(selftest.metadata, "entry_points", lambda **kw: [])
    code, lines = run(pick("keyring"))
    assert code == selftest.EXIT_FAILED
    assert lines[0] == "FOUT  Sleutelbos (wachtwoordopslag): geen sleutelbos-backends gevonden"


def test_missing_ca_certificates_are_reported(monkeypatch, tmp_path):
    (tmp_path / "empty.pem").write_text("")
    (tmp_path / "certs").mkdir()
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "empty.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "certs"))
    code, lines = run(pick("channels"))
    assert code == selftest.EXIT_FAILED
    assert lines[0].startswith("FOUT  Kanalen (e-mail, SFTP, sms, TLS): geen CA-certificaten")


@pytest.mark.slow
def test_command_line_runs_offscreen_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["HANDOFF_HOME"] = str(tmp_path / "real-home")
    env.pop("HANDOFF_LANG", None)
    env["LANG"] = "nl_BE.UTF-8"  # --lang must win over the system, also after the GUI check
    proc = subprocess.run(
        [sys.executable, "-m", "handoff", "--lang", "en", "selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == f"All {len(CHECKS)} checks passed."
    assert "OK    Window (Qt)" in proc.stdout and "Venster" not in proc.stdout
    assert not (tmp_path / "real-home").exists()


def test_a_check_that_exits_is_a_failed_check_and_the_summary_still_prints():
    # i18n_build used to raise SystemExit from inside a check when lrelease was missing.
    def leaves(run: Run) -> None:
        raise SystemExit("pyside6-lrelease not found")

    code, lines = run((Check(Text("vertrekt", "exits"), leaves), *pick("keyring")))
    assert code == selftest.EXIT_FAILED
    assert lines[0].startswith("FOUT  vertrekt: SystemExit")
    assert lines[1].startswith("OK    Sleutelbos")
    assert lines[2].startswith("1 van 2 controles mislukt.")


def test_missing_translations_are_reported(monkeypatch, tmp_path):
    from handoff.core import paths

    real = paths.resources_dir()
    fake = tmp_path / "resources"
    for folder in ("protocols", "wordlist", "icons"):
        (fake / folder).mkdir(parents=True)
        for file in (real / folder).iterdir():
            (fake / folder / file.name).write_bytes(file.read_bytes())
    (fake / "i18n").mkdir()  # the .ts sources alone: a wheel built without lrelease
    (fake / "i18n" / "handoff_nl.ts").write_text("<TS/>")
    monkeypatch.setattr(paths, "resources_dir", lambda: fake)
    code, lines = run(pick("resources"))
    assert code == selftest.EXIT_FAILED
    assert lines[0] == "FOUT  Protocollen en hulpbestanden: map i18n ontbreekt of is leeg"
