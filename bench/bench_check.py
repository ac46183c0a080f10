"""How long `handoff pack --protocol` takes, next to the real 7-Zip on the same file.

The target (issue 17): `handoff pack SHEET --protocol lievegem-debtors` of a
100,000-row sheet, the bounded pre-scan and the read-back of the cleaned copy
included, takes at most 3x the wall time and 2.5x the CPU time of
`7zz a -p... -mhe=on` (default settings) on the same file; openpyxl alone
needs about 8x just to read it. At realistic sizes the window's path (the
in-process check-and-pack, no start-up) should take at most 50 ms for 500
rows and 150 ms for 3,000. This prints two tables: each step's median wall
time, its median CPU time and its median ratios to `7zz a` in the same
round; then the small sizes.

    python bench/bench_check.py [--rows 100000] [--repeat 5] [--no-openpyxl]
                                [--small 500,3000] [--small-repeat 11]

The steps:

- `7zz a` (default LZMA2) and `7zz a -mx=0`, as a worker would run them;
- the whole CLI, `python -m handoff pack SHEET --protocol lievegem-debtors
  --output X.7z`, as a subprocess with a temporary HANDOFF_HOME: interpreter
  start-up, imports, check, cleaned copy, archive and the journal record;
- `usecases.package` in-process (the same use case, journal included, no
  start-up), and its parts `check` and `prepare` (check + cleaned copy);
- openpyxl's read-only read of all values, for the issue's comparison.

The sheet comes from bench/sheetgen.py (the lievegem-debtors columns:
voornaam, naam, rijksregisternummer, adres, dossiernummer), synthetic data.
CPU time is user + system: for subprocesses from the children's rusage
(7-Zip runs on two threads, so its CPU can exceed its wall time), in-process
from ``time.process_time``; n/a where there is no rusage (Windows).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sheetgen import build_sheet, compile_handoff

try:
    import resource  # POSIX: the CPU time of child processes
except ImportError:  # Windows: subprocess CPU is shown as n/a
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]

PROTOCOL = "lievegem-debtors"
PASSWORD = "bench-not-a-secret-7KQ2M9XD"

Step = tuple[str, Callable[[], object]]


def _children_cpu() -> float:
    if resource is None:
        return math.nan
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds: this process's CPU plus that of children it waited for."""
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    action()
    spent = time.process_time() - cpu + _children_cpu() - children  # NaN without rusage
    return time.perf_counter() - wall, spent


def rounds(
    steps: list[Step], repeat: int, quiet: bool = False
) -> list[tuple[str, float, float, float, float]]:
    """(name, wall, CPU, wall ratio, CPU ratio) per step, medians over the rounds.

    The machine is shared, so each round runs every step once, back to back,
    and each step's ratios are taken against 7-Zip (the first step) in the
    same round: load that comes and goes then weighs on both sides alike.
    """
    walls: dict[str, list[float]] = {name: [] for name, _ in steps}
    cpus: dict[str, list[float]] = {name: [] for name, _ in steps}
    wall_ratios: dict[str, list[float]] = {name: [] for name, _ in steps}
    cpu_ratios: dict[str, list[float]] = {name: [] for name, _ in steps}
    for number in range(1, repeat + 1):
        measured = [(name, *timed(action)) for name, action in steps]
        _, base_wall, base_cpu = measured[0]
        for name, wall, cpu in measured:
            walls[name].append(wall)
            cpus[name].append(cpu)
            wall_ratios[name].append(wall / base_wall)
            cpu_ratios[name].append(cpu / base_cpu)
        if not quiet:
            name, wall, _ = measured[1 if len(measured) == 2 else 2]
            print(
                f"round {number}: 7zz a {base_wall:.2f} s, {name.split(' (')[0]} {wall:.2f} s"
                f" ({wall / base_wall:.2f}x), load {os.getloadavg()[0]:.1f}",
                file=sys.stderr,
            )
    median = statistics.median
    return [
        (n, median(walls[n]), median(cpus[n]), median(wall_ratios[n]), median(cpu_ratios[n]))
        for n, _ in steps
    ]


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


def cli_pack(sheet: Path, work: Path) -> Callable[[], object]:
    """The whole `handoff pack --protocol` in a fresh interpreter, journal included."""
    env = dict(os.environ, HANDOFF_HOME=str(work / "cli-home"), HANDOFF_LANG="en")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    target = work / "cli.7z"
    command = [sys.executable, "-m", "handoff", "pack", str(sheet)]
    command += ["--protocol", PROTOCOL, "--output", str(target)]

    def run() -> None:
        target.unlink(missing_ok=True)
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"handoff pack failed ({done.returncode}): {done.stderr.strip()}")

    return run


def package_step(sheet: Path, work: Path) -> Callable[[], object]:
    """usecases.package in this process: the window's check-and-pack, journal included."""
    os.environ["HANDOFF_HOME"] = str(work / "bench-home")
    from handoff import usecases
    from handoff.core.journal import Journal

    journal = Journal()
    target = work / "package.7z"

    def package() -> None:
        target.unlink(missing_ok=True)
        usecases.package(sheet, PROTOCOL, target, ctx=usecases.Context(journal))

    return package


def in_process(sheet: Path, work: Path) -> list[Step]:
    """usecases.package (journal included) and its check / check + copy parts."""
    from handoff.core import protocols
    from handoff.core.workbook import check, prepare

    protocol = protocols.get(PROTOCOL)
    return [
        ("usecases.package in-process (journal, no start-up)", package_step(sheet, work)),
        ("check (audit + values)", lambda: check(sheet, protocol)),
        ("check + cleaned copy (prepare)", lambda: prepare(sheet, protocol)),
    ]


def openpyxl_read(sheet: Path) -> Callable[[], object]:
    def run() -> int:
        import openpyxl

        book = openpyxl.load_workbook(sheet, read_only=True)
        count = sum(1 for _ in book.active.iter_rows(values_only=True))
        book.close()
        return count

    return run


def _shown(value: float) -> str:
    """Two decimals, or n/a for a CPU time the platform cannot give."""
    return "n/a" if math.isnan(value) else f"{value:.2f}"


def small_sizes(sizes: list[int], repeat: int, work: Path) -> None:
    """The window's check-and-pack at realistic sizes, 7zz a in the same rounds (ms)."""
    goals = {500: 50, 3000: 150}
    print()
    print(f"In-app check-and-pack (usecases.package, no start-up), median of {repeat} rounds")
    print("| rows | wall ms | CPU ms | goal ms | 7zz a wall ms | 7zz a CPU ms |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for rows in sizes:
        sheet = build_sheet(work / f"small-{rows}.xlsx", rows, 1)
        steps = [("7zz a", sevenzip(sheet, work)), ("package", package_step(sheet, work))]
        (_, zip_wall, zip_cpu, _, _), (_, wall, cpu, _, _) = rounds(steps, repeat, quiet=True)
        goal = goals.get(rows, "")
        print(
            f"| {rows:,} | {wall * 1000:.0f} | {cpu * 1000:.0f} | {goal} |"
            f" {zip_wall * 1000:.0f} | {zip_cpu * 1000:.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-openpyxl", action="store_true", help="skip the slow openpyxl read")
    parser.add_argument("--small", default="500,3000", help="row counts for the in-app table")
    parser.add_argument("--small-repeat", type=int, default=11)
    args = parser.parse_args()
    compile_handoff()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sheet = work / "sheet.xlsx"
        build_sheet(sheet, args.rows, 1)
        steps: list[Step] = [
            ("7zz a -p... -mhe=on (default LZMA2)", sevenzip(sheet, work)),
            ("7zz a -mx=0 (copy)", sevenzip(sheet, work, "-mx=0")),
            (f"handoff pack --protocol {PROTOCOL} (CLI, whole)", cli_pack(sheet, work)),
            *in_process(sheet, work),
        ]
        if not args.no_openpyxl:
            steps.append(("openpyxl read-only, all values", openpyxl_read(sheet)))
        load = os.getloadavg()
        results = rounds(steps, args.repeat)
        size = sheet.stat().st_size / 2**20
    print(
        f"{args.rows:,} rows ({size:.1f} MiB), median of {args.repeat} rounds,"
        f" {os.cpu_count()} CPUs, load average {load[0]:.1f} before / {os.getloadavg()[0]:.1f} after"
    )
    print("| step | wall s | CPU s | x 7zz a (wall) | x 7zz a (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, wall, cpu, wall_ratio, cpu_ratio in results:
        print(f"| {name} | {wall:.2f} | {_shown(cpu)} | {wall_ratio:.2f} | {_shown(cpu_ratio)} |")
    if args.small:
        with tempfile.TemporaryDirectory() as folder:
            small_sizes([int(n) for n in args.small.split(",")], args.small_repeat, Path(folder))
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
