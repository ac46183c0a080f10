"""Handoff's pack/unpack against the real 7-Zip on the same 100,000-row sheet.

Times the CLI as a subprocess and the functions in-process, next to
``7zz a -mhe=on -p...`` / ``7zz x`` at 7-Zip's default settings and at the
settings Handoff could choose (Copy, LZMA2 -mx1). Prints one markdown table:
median time of N runs after a first round that measures memory, ratio to 7-Zip's default, archive size, peak memory
(max RSS of the child from wait4, or tracemalloc's peak in-process).

    python bench/bench_archive.py [--rows 100000] [--repeat 3] [--sheet existing.xlsx]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import py7zr  # noqa: E402
from sheetgen import build_sheet, compile_handoff  # noqa: E402

from handoff.core import archive  # noqa: E402
from handoff.core.archive import sevenzip  # noqa: E402

PASSWORD = "BENC-HMAR-KPAS-SWRD"
LZMA2 = py7zr.FILTER_LZMA2
AES = {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}
HANDOFF_FILTERS = {
    "Copy": [{"id": py7zr.FILTER_COPY}, AES],
    "LZMA2 -mx1": [{"id": LZMA2, "preset": 1}, AES],
    "LZMA2 -mx5": [{"id": LZMA2, "preset": 5}, AES],
}


@dataclass
class Row:
    case: str
    pack_s: float
    unpack_s: float
    size: int
    pack_mb: float
    unpack_mb: float


def _child(cmd: list[str], stdin: str | None = None) -> tuple[float, float]:
    """Run ``cmd``; return (seconds, peak RSS in MB of that child alone)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if stdin is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(
            f"{cmd[:3]} failed: {proc.stderr.read().decode() if proc.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def _inproc(fn: Callable[[], object], trace: bool) -> tuple[float, float]:
    """Time ``fn``; with ``trace``, return tracemalloc's peak instead (it slows Python)."""
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0
    if trace:
        tracemalloc.stop()
    return elapsed, peak


def _measure(
    work: Path,
    repeat: int,
    name: str,
    pack: Callable[[Path, bool], tuple[float, float]],
    unpack: Callable[[Path, Path, bool], tuple[float, float]],
) -> Row:
    """Round 0 measures memory (and warms caches); rounds 1..repeat give the median time."""
    packs, unpacks = [], []
    size = 0
    for i in range(repeat + 1):
        out, dest = work / f"{i}.7z", work / f"out{i}"
        packs.append(pack(out, i == 0))
        size = out.stat().st_size
        unpacks.append(unpack(out, dest, i == 0))
        out.unlink()
        shutil.rmtree(dest)
    return Row(
        name,
        statistics.median(t for t, _ in packs[1:]),
        statistics.median(t for t, _ in unpacks[1:]),
        size,
        max(m for _, m in packs),
        max(m for _, m in unpacks),
    )


def _sevenzip_row(work: Path, sheet: Path, repeat: int, name: str, options: list[str]) -> Row:
    exe = shutil.which("7zz") or "7zz"
    return _measure(
        work,
        repeat,
        name,
        lambda out, _: _child(
            [exe, "a", "-bd", f"-p{PASSWORD}", "-mhe=on", *options, str(out), str(sheet)]
        ),
        lambda out, dest, _: _child([exe, "x", "-bd", f"-p{PASSWORD}", f"-o{dest}", str(out)]),
    )


def _cli_row(work: Path, sheet: Path, repeat: int) -> Row:
    py = [sys.executable, "-m", "handoff"]
    return _measure(
        work,
        repeat,
        "handoff CLI (subprocess)",
        lambda out, _: _child(
            [*py, "pack", str(sheet), "--output", str(out), "--password-stdin"], PASSWORD
        ),
        lambda out, dest, _: _child(
            [*py, "unpack", str(out), "--output", str(dest), "--password-stdin"], PASSWORD
        ),
    )


def _function_row(work: Path, sheet: Path, repeat: int, label: str) -> Row:
    original = sevenzip.FILTERS  # pack reads the name in its own module
    sevenzip.FILTERS = HANDOFF_FILTERS[label]
    try:
        return _measure(
            work,
            repeat,
            f"handoff functions, {label}"
            + (" (shipped)" if HANDOFF_FILTERS[label] == original else ""),
            lambda out, trace: _inproc(
                lambda: archive.pack({sheet.name: sheet}, out, PASSWORD), trace
            ),
            lambda out, dest, trace: _inproc(lambda: archive.unpack(out, dest, PASSWORD), trace),
        )
    finally:
        sevenzip.FILTERS = original


def startup_seconds(repeat: int) -> float:
    """Median wall time of `handoff --version`: the CLI's fixed cost, whatever the file."""
    cmd = [sys.executable, "-m", "handoff", "--version"]
    return statistics.median(_child(cmd)[0] for _ in range(repeat))


def table(rows: list[Row], sheet_size: int) -> str:
    """Markdown table with ratios against the first row (7-Zip's default)."""
    base = rows[0]
    lines = [
        f"Sheet: {sheet_size / 2**20:.2f} MiB .xlsx. Ratios against `7zz` at its defaults.",
        "",
        "| case | pack s | ratio | unpack s | ratio | archive MiB | peak MB pack | peak MB unpack |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.case} | {r.pack_s:.2f} | {r.pack_s / base.pack_s:.2f}x | {r.unpack_s:.2f} | "
            f"{r.unpack_s / base.unpack_s:.2f}x | {r.size / 2**20:.2f} | {r.pack_mb:.0f} | {r.unpack_mb:.0f} |"
        )
    lines.append("")
    lines.append("Peak memory: max RSS of the child process (7zz, CLI); tracemalloc peak of Python")
    lines.append(
        "allocations for the in-process functions (C buffers inside lzma/AES not counted)."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--sheet", type=Path, help="reuse an existing sheet instead of building one"
    )
    args = parser.parse_args()
    compile_handoff()
    with tempfile.TemporaryDirectory(prefix="handoff-bench-") as tmp:
        work = Path(tmp)
        os.environ["HANDOFF_HOME"] = str(work / "home")
        sheet = args.sheet or build_sheet(work / "debiteuren.xlsx", args.rows, seed=1)
        rows = [
            _sevenzip_row(work, sheet, args.repeat, "7zz default (LZMA2 -mx5)", []),
            _sevenzip_row(work, sheet, args.repeat, "7zz -mx1", ["-mx1"]),
            _sevenzip_row(work, sheet, args.repeat, "7zz -m0=Copy", ["-m0=Copy"]),
            _cli_row(work, sheet, args.repeat),
            *(_function_row(work, sheet, args.repeat, label) for label in HANDOFF_FILTERS),
        ]
        print(table(rows, sheet.stat().st_size))
        print(f"\nCLI start-up alone (`handoff --version`): {startup_seconds(args.repeat):.2f} s")
        print(f"Load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
