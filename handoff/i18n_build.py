"""Build the Qt ``.qm`` catalogues from the ``.ts`` sources in ``resources/i18n``.

Run by ``tools/setup`` and the installer build (``python -m handoff.i18n_build``);
``.qm`` files are build output and never committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
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


def build(folder: Path | None = None) -> list[Path]:
    """Compile every ``*.ts`` in ``folder``; return the ``.qm`` files written."""
    folder = folder or resources_dir() / "i18n"
    written = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        written.append(qm)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
