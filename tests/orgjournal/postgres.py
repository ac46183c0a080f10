"""A real PostgreSQL 15 cluster for the organisation-journal tests (Debian's postgresql-15).

initdb refuses to run as root, so when the tests run as root the cluster is
created and started as the ``postgres`` user (``runuser``) in a temporary
folder that user owns. Creating a cluster takes 3-5 s on the 2-core CI
machine: one cluster per session, a fresh database per test.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BIN_DIRS = (
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
)


def _bin(name: str) -> str:
    for folder in BIN_DIRS:
        if os.access(f"{folder}/{name}", os.X_OK):
            return f"{folder}/{name}"
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} not found: install the Debian package postgresql-15")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    folder: Path
    port: int
    as_user: list[str]

    def dsn(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={user}"

    def run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        self.run(_bin("pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop")


@contextlib.contextmanager
def cluster() -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="handoff-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    c = Cluster(folder, port, as_user)
    try:
        c.run(
            _bin("initdb"),
            "-D",
            str(folder / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        )
        options = f"-k {folder} -c listen_addresses=127.0.0.1 -p {port} -c fsync=off -c max_connections=400"
        c.run(
            _bin("pg_ctl"),
            "-D",
            str(folder / "data"),
            "-o",
            options,
            "-w",
            "-l",
            str(folder / "log"),
            "start",
        )
        yield c
    finally:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            c.stop()
        shutil.rmtree(folder, ignore_errors=True)
