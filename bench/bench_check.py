"""How long the protocol check and the cleaned copy take, next to 7-Zip.

The target (issue 3): `pack --protocol` of a 100,000-row sheet takes at most
3x what the real 7-Zip needs to pack the same file; openpyxl alone needs
about 8x just to read it. This prints one table: each step's median time
and its median ratio to `7zz a` on the same file in the same round.

    python bench/bench_check.py [--rows 100000] [--repeat 5]

The sheet comes from bench/sheetgen.py (the lievegem-debtors columns:
voornaam, naam, rijksregisternummer, adres, dossiernummer), synthetic data.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sheetgen import build_sheet

from handoff.core import archive, protocols
from handoff.core.workbook import check, prepare

PROTOCOL = "lievegem-debtors"
PASSWORD = "bench-not-a-secret-7KQ2M9XD"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def rounds(
    steps: list[tuple[str, Callable[[], object]]], repeat: int
) -> list[tuple[str, float, float]]:
    """(name, median seconds, median ratio to 7zz) per step.

    The machine is shared, so each round runs every step once, back to back,
    and each step's ratio is taken against 7-Zip's time in the same round:
    load that comes and goes then weighs on both sides of a ratio alike.
    """
    times: dict[str, list[float]] = {name: [] for name, _ in steps}
    ratios: dict[str, list[float]] = {name: [] for name, _ in steps}
    for _ in range(repeat):
        measured = [(name, timed(action)) for name, action in steps]
        baseline = measured[0][1]
        for name, seconds in measured:
            times[name].append(seconds)
            ratios[name].append(seconds / baseline)
    return [(n, statistics.median(times[n]), statistics.median(ratios[n])) for n, _ in steps]


def sevenzip(sheet: Path, work: Path, *switches: str) -> Callable[[], object]:
    """`7zz a` with AES-256 and encrypted headers, as a worker would run it."""
    binary = shutil.which("7zz")
    if binary is None:
        sys.exit("7zz not found: install 7-Zip (tools/setup)")

    def run() -> None:
        target = work / "out.7z"
        target.unlink(missing_ok=True)
        subprocess.run(
            [binary, "a", "-mhe=on", f"-p{PASSWORD}", *switches, str(target), str(sheet)],
            check=True,
            capture_output=True,
        )

    return run


def openpyxl_read(sheet: Path) -> Callable[[], object]:
    def run() -> int:
        book = openpyxl.load_workbook(sheet, read_only=True)
        count = sum(1 for _ in book.active.iter_rows(values_only=True))
        book.close()
        return count

    return run


def pack_protocol(sheet: Path, work: Path) -> Callable[[], object]:
    """Check + clean + archive.pack: what `pack --protocol` does, minus the journal."""
    protocol = protocols.get(PROTOCOL)

    def run() -> None:
        report, clean = prepare(sheet, protocol)
        assert report.ok and clean is not None, [f.code for f in report.findings]
        target = work / "pack.7z"
        target.unlink(missing_ok=True)
        archive.pack({clean.name: clean.data}, target, PASSWORD)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    protocol = protocols.get(PROTOCOL)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sheet = work / "sheet.xlsx"
        build_sheet(sheet, args.rows, 1)
        steps = [
            ("7zz a (default LZMA2)", sevenzip(sheet, work)),
            ("7zz a -mx=0 (copy)", sevenzip(sheet, work, "-mx=0")),
            ("check (audit + values)", lambda: check(sheet, protocol)),
            ("check + cleaned copy", lambda: prepare(sheet, protocol)),
            ("pack --protocol (check+clean+archive.pack, no journal)", pack_protocol(sheet, work)),
            ("openpyxl read-only, all values", openpyxl_read(sheet)),
        ]
        results = rounds(steps, args.repeat)
    print(f"| step ({args.rows:,} rows, median of {args.repeat} rounds) | seconds | x 7zz a |")
    print("| --- | ---: | ---: |")
    for name, seconds, ratio in results:
        print(f"| {name} | {seconds:.2f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
