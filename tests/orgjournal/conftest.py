"""Fixtures: one PostgreSQL cluster per session, a fresh initialised database per test."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from handoff.server import admin
from tests.orgjournal.postgres import Cluster, cluster

_names = itertools.count(1)


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
