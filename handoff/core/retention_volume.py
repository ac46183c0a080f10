"""Is the volume a folder lives on encrypted? Asked so the journal can say it truthfully.

Deleting a file on an SSD does not erase its blocks, and overwriting does not
either (wear levelling), so Handoff never claims "securely wiped". What
protects deleted data is full-volume encryption (BitLocker, LUKS, FileVault);
the FILE_DELETED record says "yes", "no" or "unknown" and only "yes"/"no"
when a cheap, reliable check exists. Everything else is "unknown".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from handoff.core.mounts import mount_of

SYS_BLOCK = Path("/sys/class/block")


def _is_crypt(block: str, depth: int = 0) -> bool | None:
    """True when dm-crypt sits anywhere under this block device; None when unknowable."""
    node = SYS_BLOCK / block
    if not node.exists() or depth > 8 or block.startswith(("loop", "nbd")):
        return None  # a loop device's backing file may itself sit on an encrypted volume
    uuid = node / "dm" / "uuid"
    if uuid.exists() and uuid.read_text().startswith("CRYPT-"):
        return True
    lower = [s.name for s in (node / "slaves").glob("*")] if (node / "slaves").exists() else []
    if (node / "partition").exists():
        lower = [node.resolve().parent.name]
    if not lower:
        return False  # a bare disk without dm-crypt
    results = [_is_crypt(name, depth + 1) for name in lower]
    if True in results:
        return True
    return False if all(r is False for r in results) else None


def linux(path: Path) -> str:
    mount = mount_of(path)
    source = mount.source if mount else None
    if not source or not source.startswith("/dev/"):
        return "unknown"  # tmpfs, overlay, network share: the answer lies elsewhere
    block = Path(os.path.realpath(source)).name
    verdict = _is_crypt(block)
    return {True: "yes", False: "no"}.get(verdict, "unknown")  # type: ignore[arg-type]


def _run(command: list[str]) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def macos(path: Path) -> str:
    """FileVault covers the system volume; other volumes stay 'unknown'."""
    if not str(path.resolve()).startswith(("/Users/", "/private/")):
        return "unknown"
    out = _run(["fdesetup", "status"]) or ""
    if "FileVault is On" in out:
        return "yes"
    return "no" if "FileVault is Off" in out else "unknown"


def windows(path: Path) -> str:
    """BitLocker protection status through the shell (no administrator rights needed)."""
    drive = path.resolve().drive
    if not drive or drive.startswith("\\\\"):
        return "unknown"  # network share
    script = (
        "(New-Object -ComObject Shell.Application).NameSpace('"
        + drive
        + "\\').Self.ExtendedProperty('System.Volume.BitLockerProtection')"
    )
    out = (_run(["powershell", "-NoProfile", "-Command", script]) or "").strip()
    return {"1": "yes", "2": "no"}.get(out, "unknown")


def volume_encrypted(path: Path) -> str:
    """'yes', 'no' or 'unknown' for the volume holding ``path``."""
    try:
        if sys.platform.startswith("linux"):
            return linux(path)
        if sys.platform == "darwin":
            return macos(path)
        if sys.platform == "win32":
            return windows(path)
    except (OSError, ValueError, IndexError):
        return "unknown"
    return "unknown"
