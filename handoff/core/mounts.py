"""Which mount holds a path, read from Linux's /proc/self/mountinfo.

Two questions need it: is the secure folder on an encrypted volume (the
mount's source device, :mod:`retention_volume`), and is it a network share
that other PCs write to (the file system type, :mod:`leftovers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mount:
    """The innermost mount holding a path: its point, file system type and source device."""

    point: str
    fs_type: str
    source: str


def mount_of(path: Path) -> Mount | None:
    """The longest mount point that contains ``path``; None where there is no mountinfo."""
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return None
    target = str(path.resolve())
    best: Mount | None = None
    for line in lines:
        left, _, right = line.partition(" - ")
        point = left.split()[4]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best.point)):
            fs_type, source = [*right.split(), "", ""][:2]
            best = Mount(point, fs_type, source)
    return best
