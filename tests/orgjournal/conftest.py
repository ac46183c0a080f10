"""Fixtures: one PostgreSQL cluster per session, a fresh initialised database per test."""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from handoff.orgjournal import identity
from handoff.server import admin
from tests.orgjournal.postgres import Cluster, cluster

_names = itertools.count(1)
ROOT = Path(__file__).resolve().parents[2]


def server_main(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m handoff.server.main ARGS`` as an admin runs it, from this checkout."""
    return subprocess.run(
        [sys.executable, "-m", "handoff.server.main", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        timeout=60,
        check=check,
    )


@pytest.fixture(scope="session")
def pg() -> Cluster:
    with cluster() as c:
        yield c


@dataclass
class Database:
    cluster: Cluster
    name: str
    state: Path
    vkey: str
    origin: str = "journaal.ocmw-test.example/v1"

    @property
    def admin_dsn(self) -> str:
        return self.cluster.dsn(self.name)

    @property
    def service_dsn(self) -> str:
        return self.cluster.dsn(self.name, "handoff_service")


@pytest.fixture
def db(pg: Cluster, tmp_path: Path) -> Database:
    name = f"journal_{next(_names)}"
    with psycopg.connect(pg.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    state = tmp_path / "server-state"
    vkey = admin.init(pg.dsn(name), state, Database.origin)
    yield Database(pg, name, state, vkey)
    with psycopg.connect(pg.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@dataclass
class Server:
    """The journal service as a real process on loopback."""

    db: Database
    port: int
    log: Path
    process: subprocess.Popen | None = None
    tls: tuple[Path, Path] | None = None  # (certificate, key): serve https

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "handoff.server.main",
                    "serve",
                    "--dsn",
                    self.db.service_dsn,
                    "--state",
                    str(self.db.state),
                    "--listen",
                    f"127.0.0.1:{self.port}",
                    "--interval",
                    "0.2",
                    *(["--cert", str(self.tls[0]), "--key", str(self.tls[1])] if self.tls else []),
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.log.read_text())
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), 0.2),
            ):
                return
            time.sleep(0.05)
        raise RuntimeError("journal service did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def checkpoint_size(self) -> int:
        with psycopg.connect(self.db.admin_dsn) as conn:
            return conn.execute("SELECT coalesce(max(size), 0) FROM hj.checkpoints").fetchone()[0]

    def wait_integrated(self, size: int, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while self.checkpoint_size() < size:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no checkpoint of {size}")
            time.sleep(0.05)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(db: Database, tmp_path: Path) -> Server:
    s = Server(db, _free_port(), tmp_path / "server.log")
    s.start()
    yield s
    s.kill()


def enrol_pc(server: Server, name: str = "PC-balie-1", *, dpo: bool = False) -> identity.Enrolment:
    """A PC (or with ``dpo`` the DPO's machine) enrolled with a fresh token from the admin."""
    token = admin.enrol(server.db.admin_dsn, name, dpo=dpo)
    return identity.enrol(server.url, token, "dpo" if dpo else "pc")
