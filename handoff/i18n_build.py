"""Build the Qt ``.qm`` catalogues from the ``.ts`` sources in ``resources/i18n``.

Run by ``tools/setup`` and the installer build (``python -m handoff.i18n_build``),
by the wheel build (``setup.py`` compiles into the build folder), and by the
app itself in a source checkout when a ``.ts`` is newer than its ``.qm``. ``.qm`` files are build output and never committed.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from handoff.core.paths import resources_dir


class LreleaseMissing(RuntimeError):
    """pyside6-lrelease is nowhere to be found: PySide6-Essentials is not installed."""


def _candidates() -> list[Path]:
    """Where PySide6 puts lrelease: its console script, or the binary inside the package.

    On Windows the script is ``pyside6-lrelease.exe`` in the environment's
    ``Scripts`` folder (beside ``python.exe`` in a venv, under it otherwise);
    the package itself carries ``lrelease(.exe)``, which also serves an
    isolated build environment whose scripts are not on PATH.
    """
    exe = ".exe" if sys.platform == "win32" else ""
    scripts = [Path(sysconfig.get_path("scripts")), Path(sys.executable).parent]
    found = [folder / f"pyside6-lrelease{exe}" for folder in scripts]
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        found.append(Path(folder) / f"lrelease{exe}")
    return found


def lrelease() -> str:
    """The lrelease that ships with PySide6 (this environment's first, then PATH)."""
    for candidate in _candidates():
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if not found:
        raise LreleaseMissing("pyside6-lrelease not found: install PySide6-Essentials")
    return found


def build_one(ts: Path, qm: Path | None = None) -> Path:
    """Compile ``ts`` (beside itself, or to ``qm``) and rename the result into place.

    A running Handoff maps its ``.qm`` into memory: rewriting that file in
    place crashes the process (SIGBUS), a rename leaves its mapping intact.
    """
    qm = qm or ts.with_suffix(".qm")
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{qm.name}.", suffix=".qm", dir=qm.parent)
    os.close(fd)
    try:
        subprocess.run([lrelease(), str(ts), "-qm", name], check=True, capture_output=True)
        os.replace(name, qm)
    finally:
        Path(name).unlink(missing_ok=True)
    return qm


def is_stale(ts: Path) -> bool:
    """True when the ``.qm`` is missing or older than its source."""
    qm = ts.with_suffix(".qm")
    return ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)


def build(folder: Path | None = None) -> list[Path]:
    """Compile every ``*.ts`` in ``folder``; return the ``.qm`` files written."""
    folder = folder or resources_dir() / "i18n"
    return [build_one(ts) for ts in sorted(folder.glob("*.ts"))]


if __name__ == "__main__":
    try:
        for path in build():
            print(path)
    except LreleaseMissing as exc:
        raise SystemExit(str(exc)) from None
