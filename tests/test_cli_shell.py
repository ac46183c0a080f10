"""The command-line shell: version, language choice, errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from handoff import __version__
from handoff.cli import main
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, language, set_language


def test_version_prints_and_exits_zero(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_module_entry_point_runs():
    out = subprocess.run(
        [sys.executable, "-m", "handoff", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"handoff {__version__}"


def test_dutch_is_default_and_english_on_request(monkeypatch):
    monkeypatch.delenv("HANDOFF_LANG")
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    assert language() == "nl"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert language() == "en"
    set_language("nl")
    assert language() == "nl"


def test_handoff_error_renders_in_both_languages():
    err = HandoffError("x", Text("Bestand {name} ontbreekt.", "File {name} is missing."), name="a")
    assert err.message("nl") == "Bestand a ontbreekt."
    assert err.message("en") == "File a is missing."
    assert str(err) == "Bestand a ontbreekt."


def test_unknown_command_is_a_usage_error():
    proc = subprocess.run(
        [sys.executable, "-m", "handoff", "no-such-command"], capture_output=True, text=True
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr


def test_c_locale_means_dutch(monkeypatch):
    """A bare server (LANG=C.UTF-8) gets the default, Dutch, not Python's en_US guess."""
    monkeypatch.delenv("HANDOFF_LANG")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert language() == "nl"


def test_command_map_matches_what_the_modules_register():
    """COMMANDS lets a run import one module; it must name every command and no other."""
    import argparse
    import importlib

    from handoff.cli import COMMANDS, _command_modules

    found: dict[str, str] = {}
    for name in _command_modules():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        module = importlib.import_module(name)
        if hasattr(module, "register"):
            module.register(sub)
            found |= dict.fromkeys(sub.choices, name.rsplit(".", 1)[1])
    assert found == COMMANDS


def test_a_command_after_the_language_option_still_runs(capsys):
    assert main(["--lang", "en", "protocols"]) == 0
    assert "kg-ocmw-referral" in capsys.readouterr().out


def test_a_lone_received_archive_opens_the_window_on_it(tmp_path, monkeypatch):
    """Windows' "Open with Handoff" passes only the file's path."""
    import handoff.gui.app

    archive = tmp_path / "HO-20261123-ABCDEF.7z"
    archive.write_bytes(b"7z")
    opened: list[object] = []
    monkeypatch.setattr(
        handoff.gui.app, "run", lambda open_file=None: opened.append(open_file) or 0
    )
    assert main([str(archive)]) == 0
    assert opened == [archive]
    with pytest.raises(SystemExit) as refused:  # not a file: read as a command, refused
        main([str(tmp_path / "missing.7z")])
    assert refused.value.code == 2 and opened == [archive]
