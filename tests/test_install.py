"""A plain install is complete: build the wheel, install it outside the checkout, run it.

What CI does after every change: ``pip wheel`` builds the wheel the way
``pip install .`` would (setup.py maps ``resources/`` into the package and
compiles the ``.qm`` catalogues), a fresh virtual environment outside the
checkout gets that wheel and nothing of the source tree, and there
``handoff protocols`` and ``handoff selftest`` must pass. The dependencies come
from this test environment's site-packages through a ``.pth`` line, so the test
needs no network and stays well under the ~90 s budget (about 10 s measured).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _copy_checkout(target: Path) -> None:
    """The working tree as git sees it (tracked and new files, nothing ignored)."""
    names = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, names):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            destination = target / os.fsdecode(name)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(source.read_bytes())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    _copy_checkout(work / "src")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(work / "dist"),
            str(work / "src"),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = (work / "dist").glob("handoff-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A fresh venv holding only the wheel; the dependencies seen through a .pth line."""
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HANDOFF_HOME")}
    env["HANDOFF_HOME"] = str(venv.parent / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return bin_dir, env


def _run(installed, *args: str) -> subprocess.CompletedProcess:
    bin_dir, env = installed
    return subprocess.run(
        [str(bin_dir / "handoff"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=bin_dir.parent.parent,  # outside the checkout
        timeout=120,
    )


def test_the_wheel_carries_resources_and_compiled_catalogues(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "handoff/resources/protocols/kg-ocmw-referral.toml",
        "handoff/resources/wordlist/nl.txt",
        "handoff/resources/icons/handoff.svg",
        "handoff/resources/i18n/handoff_nl.qm",
        "handoff/resources/i18n/handoff_en.qm",
    ):
        assert needed in names
    assert not any(name.startswith("resources/") for name in names)


def test_installed_handoff_reads_its_own_resources(installed):
    bin_dir, env = installed
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    out = subprocess.run(
        [str(python), "-c", "from handoff.core import paths; print(paths.resources_dir())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=bin_dir.parent.parent,
        check=True,
    ).stdout.strip()
    assert Path(out).is_relative_to(bin_dir.parent)  # in the venv, not in the checkout
    assert not Path(out).is_relative_to(ROOT)


def test_installed_protocols_and_selftest_pass(installed):
    listing = _run(installed, "protocols")
    assert listing.returncode == 0, listing.stderr
    assert len(listing.stdout.splitlines()) == 4
    check = _run(installed, "selftest")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1] == "Alle 8 controles geslaagd."
