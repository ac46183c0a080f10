"""The organisation journal under load: many PCs uploading at once to the real service and PostgreSQL.

Starts a PostgreSQL 15 cluster (as the tests do), initialises the journal,
enrols N PCs, starts ``handoff-journal-server`` as a process on loopback, and
lets every PC upload R records in batches concurrently (one thread per PC,
the desktop's own client code). Then it times the DPO's ``witness`` and
``audit``. Prints a Markdown table. Goals (issue 16): ingest >= 2,000
records/s, witness < 1 s, audit of 1 M records < 60 s.

    python bench/bench_orgjournal.py                 # 300 PCs x 1,000 records
    python bench/bench_orgjournal.py --quick         # 20 PCs x 200 records
    python bench/bench_orgjournal.py --pcs 50 --records 2000 --batch 500
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
import psycopg  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from handoff.core import credentials  # noqa: E402
from handoff.core.journal.hash import GENESIS, canonical, details_text  # noqa: E402
from handoff.orgjournal import dpo, identity, sync  # noqa: E402
from handoff.orgjournal.http import Client  # noqa: E402
from handoff.server import admin  # noqa: E402
from tests.orgjournal.postgres import cluster  # noqa: E402

DETAILS = details_text(
    {"archive_sha256": "5a" * 32, "archive_size": 9000, "encrypted": True, "channel": "email"}
)


class Memory(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def chain(host: str, count: int) -> list[bytes]:
    prev, out = GENESIS, []
    for seq in range(1, count + 1):
        body = canonical(
            seq,
            f"2026-11-27T10:{seq // 60 % 60:02d}:{seq % 60:02d}.000000Z",
            "medewerker",
            host,
            f"HO-20261127-{seq % 1000000:06d}",
            "cjsw-lievegem",
            "received",
            DETAILS,
            prev,
        )
        out.append(body)
        prev = hashlib.sha256(body).hexdigest()
    return out


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(dsn: str, state: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "handoff.server.main",
            "serve",
            "--dsn",
            dsn,
            "--state",
            str(state),
            "--listen",
            f"127.0.0.1:{port}",
            "--interval",
            "1",
            "--pool",
            "16",
        ],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    import socket

    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(log.read_text())


def _enrol_pcs(url: str, dsn: str, count: int) -> list[tuple[Client, object, str]]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from handoff.core.tlog.note import raw_public

    pcs = []
    for n in range(count):
        token = admin.enrol(dsn, f"PC-{n:03d}")
        key = Ed25519PrivateKey.generate()
        host = f"pc{n:03d}"
        answer = Client(url).call(
            "POST",
            "/v1/enrol",
            {
                "token": token,
                "role": "pc",
                "host": host,
                "public_key": raw_public(key.public_key()).hex(),
            },
        )
        pcs.append((Client(url, answer["machine_id"], key, timeout=300), key, host))
    return pcs


def _upload_all(pcs, records: int, batch: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    chains = [chain(host, records) for _, _, host in pcs]
    start = threading.Barrier(len(pcs) + 1)

    def run(i: int) -> None:
        client, key, host = pcs[i]
        bodies = chains[i]
        start.wait()
        for at in range(0, len(bodies), batch):
            t = time.perf_counter()
            answer = sync.with_retries(
                lambda part=bodies[at : at + batch]: sync.upload(client, key, host, part),
                attempts=6,
                backoff=0.5,
            )
            assert answer["problem"] is None, answer
            with lock:
                latencies.append(time.perf_counter() - t)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(pcs))]
    for t in threads:
        t.start()
    start.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - began, latencies


def _wait_checkpoint(dsn: str, size: int) -> float:
    began = time.perf_counter()
    with psycopg.connect(dsn) as conn:
        while (
            conn.execute("SELECT coalesce(max(size), 0) FROM hj.checkpoints").fetchone()[0] < size
        ):
            conn.commit()
            time.sleep(0.05)
    return time.perf_counter() - began


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pcs", type=int, default=300)
    p.add_argument("--records", type=int, default=1000)
    p.add_argument("--batch", type=int, default=250)
    p.add_argument("--quick", action="store_true", help="20 PCs x 200 records")
    args = p.parse_args()
    if args.quick:
        args.pcs, args.records = 20, 200
    home = Path(tempfile.mkdtemp(prefix="handoff-bench-"))
    os.environ["HANDOFF_HOME"] = str(home)
    trusted = f"{Memory.__module__}.{Memory.__qualname__}"
    credentials.SECURE_BACKENDS = credentials.SECURE_BACKENDS | {trusted}
    keyring.set_keyring(Memory())
    load_before = os.getloadavg()
    with cluster() as pg:
        with psycopg.connect(pg.dsn(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        admin_dsn, service_dsn = pg.dsn("bench"), pg.dsn("bench", "handoff_service")
        admin.init(admin_dsn, home / "state", "bench.example/v1")
        port, log = _free_port(), home / "server.log"
        proc = _start_server(service_dsn, home / "state", port, log)
        try:
            url = f"http://127.0.0.1:{port}"
            pcs = _enrol_pcs(url, admin_dsn, args.pcs)
            total = args.pcs * args.records
            elapsed, latencies = _upload_all(pcs, args.records, args.batch)
            load_during = os.getloadavg()
            lag = _wait_checkpoint(admin_dsn, total)
            identity.enrol(url, admin.enrol(admin_dsn, "DPO", dpo=True), "dpo")
            t = time.perf_counter()
            dpo.witness()
            witness_first = time.perf_counter() - t
            t = time.perf_counter()
            dpo.witness()
            witness_again = time.perf_counter() - t
            t = time.perf_counter()
            result = dpo.audit()
            audit_time = time.perf_counter() - t
            assert result.ok, result.message("en")
        finally:
            proc.terminate()
            proc.wait(30)
    rounds = [
        float(m) for m in re.findall(r"checkpoint \d+ signed in ([\d.]+) ms", log.read_text())
    ]
    p95 = statistics.quantiles(latencies, n=20)[18] if len(latencies) >= 20 else max(latencies)
    print(
        f"\n{args.pcs} PCs x {args.records} records = {total:,} records, batches of {args.batch}; "
        f"load average before {load_before[0]:.2f}, after upload {load_during[0]:.2f} "
        f"({os.cpu_count()} cores)\n"
    )
    print("| measure | value | goal |")
    print("|---|---|---|")
    print(
        f"| ingest throughput | {total / elapsed:,.0f} records/s ({elapsed:.1f} s) | >= 2,000/s |"
    )
    print(
        f"| upload latency p95 / median (batch of {args.batch}) | {p95 * 1000:.0f} ms / "
        f"{statistics.median(latencies) * 1000:.0f} ms | |"
    )
    if rounds:
        print(
            f"| integrator round (integrate + sign), median / max | {statistics.median(rounds):.0f} ms / "
            f"{max(rounds):.0f} ms over {len(rounds)} checkpoints | |"
        )
    print(f"| last checkpoint after the last upload | {lag:.2f} s | |")
    print(
        f"| dpo witness (first / with consistency proof) | {witness_first:.2f} s / {witness_again:.2f} s | < 1 s |"
    )
    print(
        f"| dpo audit of {total:,} records | {audit_time:.1f} s ({total / audit_time:,.0f} records/s) | 1 M < 60 s |"
    )


if __name__ == "__main__":
    main()
