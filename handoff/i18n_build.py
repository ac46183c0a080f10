"""Build the Qt ``.qm`` catalogues from the ``.ts`` sources in ``resources/i18n``.

Run by ``tools/setup`` and the installer build (``python -m handoff.i18n_build``),
and by the app itself in a source checkout when a ``.ts`` is newer than its
``.qm``. ``.qm`` files are build output and never committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from handoff.core.paths import resources_dir


def lrelease() -> str:
    """The lrelease that ships with PySide6 (next to this interpreter first)."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
    return found


def build_one(ts: Path) -> Path:
    """Compile ``ts`` beside itself and rename the result into place.

    A running Handoff maps its ``.qm`` into memory: rewriting that file in
    place crashes the process (SIGBUS), a rename leaves its mapping intact.
    """
    qm = ts.with_suffix(".qm")
    fd, name = tempfile.mkstemp(prefix=f".{qm.name}.", suffix=".qm", dir=ts.parent)
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
    for path in build():
        print(path)
