"""Journal at scale: append, verify, list of the last day and open obligations.

Builds a journal of N records (default 1,000,000: about 125,000 handoffs of
eight steps over two years, 1 % left open), correctly hash-chained, then
times the operations a worker or the DPO runs. Prints a Markdown table.
Targets: append < 5 ms, verify of a million < 10 s, list/open < 0.5 s.

    python bench/bench_journal.py [--records N] [--keep PATH]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from handoff.core.journal import Journal, Step, new_handoff_id, utc_text
from handoff.core.journal.hash import GENESIS, details_text, record_hash
from handoff.core.journal.store import COLUMNS

SHA = "5a" * 32
LIFE = [
    (
        Step.PACKAGED,
        {
            "rows": 40,
            "columns": ["last_name", "first_name"],
            "archive_sha256": SHA,
            "archive_size": 9000,
        },
    ),
    (
        Step.SENT,
        {
            "channel": "smtp",
            "recipient": "ocmw@gent.be",
            "archive_sha256": SHA,
            "archive_size": 9000,
        },
    ),
    (Step.PASSWORD_PASSED, {"channel": "sms", "provider": "cm", "phone": "+32 4•• •• •• 12"}),
    (Step.RECEIVED, {"archive_sha256": SHA, "archive_size": 9000, "encrypted": True}),
    (Step.DECRYPTED, None),  # filled per handoff (folder, due)
    (Step.EMAIL_DELETED, {"confirmed_by": "user"}),
    (Step.PASSWORD_DELETED, {"confirmed_by": "user"}),
    (
        Step.FILE_DELETED,
        {"by": "retention", "count": 1, "volume_encrypted": "yes", "reason": "due"},
    ),
]


def _decrypted(hid: str, due: datetime) -> dict:
    return {
        "folder": f"/srv/secure/{hid}",
        "files": [{"sha256": SHA, "size": 9000}],
        "count": 1,
        "due": due.date().isoformat(),
        "reminder": None,
        "retention": "at_most_days",
    }


def _rows(records: int, start: datetime, span: timedelta):
    """(fields..., hash) tuples chained from the genesis, spread evenly in time."""
    prev, seq = GENESIS, 0
    step_time = span / records
    while seq < records:
        hid = new_handoff_id()
        open_one = (seq // len(LIFE)) % 100 == 0  # 1 % of handoffs stay open
        life = LIFE[:5] if open_one else LIFE
        for step, details in life:
            if seq >= records:
                break
            seq += 1
            moment = start + step_time * seq
            info = details if details is not None else _decrypted(hid, moment + timedelta(days=30))
            text = details_text(info)
            fields = (
                seq,
                utc_text(moment),
                "worker",
                "pc-ocmw-01",
                hid,
                "thuispunt-gent-cir",
                step.value,
            )
            digest = record_hash(*fields, text, prev)
            yield (*fields, text, prev, digest)
            prev = digest


def build(path: Path, records: int) -> float:
    Journal(path).close()  # schema, meta, indexes, triggers
    began = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    now = datetime.now(UTC)
    conn.executemany(
        f"INSERT INTO records ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
        _rows(records, now - timedelta(days=730), timedelta(days=730) - timedelta(minutes=5)),
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - began


def _timed(fn) -> tuple[float, float, object]:
    """Wall and CPU seconds: the CPU figure holds even when other jobs share the machine."""
    began, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - began, time.process_time() - cpu, result


def measure(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    with Journal(path) as journal:
        total = journal.count()
        hid = new_handoff_id()
        samples = []
        for _ in range(200):
            began = time.perf_counter()
            journal.append(
                Step.PACKAGED,
                handoff_id=hid,
                protocol_id="thuispunt-gent-cir",
                details={"rows": 1, "archive_sha256": SHA, "archive_size": 1},
            )
            samples.append(time.perf_counter() - began)
        samples.sort()
        rows.append(
            (
                "append (median / p95 of 200, fsync each)",
                f"{statistics.median(samples) * 1000:.2f} / {samples[189] * 1000:.2f} ms",
                "< 5 ms",
                f"at {total:,} records",
            )
        )
        seconds, cpu, result = _timed(journal.verify)
        assert result.ok, result.message("en")
        rows.append(
            (
                "verify whole chain",
                f"{seconds:.2f} s (CPU {cpu:.2f} s)",
                "< 10 s",
                f"{result.count:,} records",
            )
        )
        since = datetime.now(UTC) - timedelta(days=1)
        for name, call, unit in (
            ("list last day", lambda: journal.records(since=since), "records"),
            ("list one handoff", lambda: journal.records(handoff_id=hid), "records"),
            ("open obligations", journal.open_obligations, "open"),
        ):
            seconds, cpu, found = _timed(call)
            rows.append(
                (
                    name,
                    f"{seconds * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)",
                    "< 500 ms",
                    f"{len(found):,} {unit}",
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the journal at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "journal.sqlite3"
        built = build(path, args.records) if not path.exists() else 0.0
        table = measure(path)
        size = path.stat().st_size
    print(
        f"journal of {args.records:,} records, {size / 2**20:.0f} MiB, built in {built:.0f} s "
        f"({os.cpu_count()} CPUs, Python {'.'.join(map(str, __import__('sys').version_info[:3]))})\n"
    )
    print("| operation | time | target | size |")
    print("| --- | --- | --- | --- |")
    for row in table:
        print("| " + " | ".join(row) + " |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
