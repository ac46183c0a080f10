"""The raw bytes of a journal and its WAL, read without touching this process's SQLite locks.

Closing any handle on the journal file drops every POSIX lock this process
holds on it (SQLite's too), so a test that reads the file while a Journal is
open reads it in a child process instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def journal_bytes(path: Path) -> bytes:
    """The main file and, when there is one, the -wal file (where fresh records live)."""
    files = [path, path.with_name(path.name + "-wal")]
    present = [str(f) for f in files if f.exists()]
    return subprocess.run(["cat", *present], capture_output=True, check=True).stdout
