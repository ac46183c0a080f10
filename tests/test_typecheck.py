"""The type checker runs with the tests: mypy on the core and the use cases must find nothing.

The configuration (which packages, which libraries have no types) is
``[tool.mypy]`` in pyproject.toml, so running ``mypy`` by hand checks the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("mypy", reason="mypy is in the test extra: pip install -e '.[test]'")


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "mypy", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mypy_finds_nothing_in_core_and_usecases() -> None:
    result = _mypy()  # files and options from pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout and "source files" in result.stdout


def test_mypy_would_catch_a_type_error(tmp_path: Path) -> None:
    """Guard against a vacuous pass: the same configuration fails on a real error."""
    bad = tmp_path / "bad.py"
    bad.write_text("from handoff.core.journal import Step\n\nstep: int = Step.SENT\n")
    result = _mypy("--config-file", str(ROOT / "pyproject.toml"), str(bad))
    assert result.returncode == 1 and "Incompatible types in assignment" in result.stdout
