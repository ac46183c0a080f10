"""Finding pyside6-lrelease: this environment's scripts, Windows' Scripts folder, inside PySide6."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from handoff import i18n_build


def _fake(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def test_windows_finds_the_exe_in_scripts(monkeypatch, tmp_path):
    scripts = tmp_path / "venv" / "Scripts"
    exe = _fake(scripts / "pyside6-lrelease.exe")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(i18n_build.sysconfig, "get_path", lambda name: str(scripts))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "base" / "python.exe"))
    assert i18n_build.lrelease() == str(exe)


def test_falls_back_to_the_binary_inside_pyside6(monkeypatch, tmp_path):
    import importlib.util

    package = tmp_path / "site-packages" / "PySide6"
    binary = _fake(package / "lrelease")
    spec = importlib.util.spec_from_loader("PySide6", loader=None, is_package=True)
    spec.submodule_search_locations = [str(package)]
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(i18n_build.sysconfig, "get_path", lambda name: str(tmp_path / "none"))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "none" / "python"))
    monkeypatch.setattr(i18n_build.importlib.util, "find_spec", lambda name: spec)
    assert i18n_build.lrelease() == str(binary)


def test_missing_lrelease_is_an_error_not_an_exit(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n_build.sysconfig, "get_path", lambda name: str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(i18n_build.importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(i18n_build.shutil, "which", lambda name: None)
    with pytest.raises(i18n_build.LreleaseMissing):
        i18n_build.lrelease()


def test_build_one_writes_to_a_chosen_place(tmp_path):
    source = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "handoff_nl.ts"
    qm = i18n_build.build_one(source, tmp_path / "out" / "handoff_nl.qm")
    assert qm.read_bytes()[:4] == b"\x3c\xb8\x64\x18"  # Qt's .qm magic
    assert [p.name for p in qm.parent.iterdir()] == ["handoff_nl.qm"]
