"""The one write-then-rename helper: a target is absent (or the old file) or complete, never half."""

from __future__ import annotations

import os

import pytest

from handoff.core import atomic


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_target_appears_only_when_the_block_ends_and_is_fsynced(tmp_path, monkeypatch):
    target = tmp_path / "out.bin"
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    with atomic.partial_beside(target) as handle:
        handle.write(b"half")
        [partial] = tmp_path.iterdir()
        assert not target.exists() and partial.name.startswith(".out.bin.")
        assert partial.name.endswith(".partial") and partial.stat().st_mode & 0o077 == 0
        handle.write(b" and whole")
    assert target.read_bytes() == b"half and whole" and synced
    assert _names(tmp_path) == ["out.bin"]


def test_a_failing_block_leaves_nothing(tmp_path):
    target = tmp_path / "out.bin"
    with pytest.raises(RuntimeError), atomic.partial_beside(target) as handle:
        handle.write(b"some bytes")
        raise RuntimeError("cancelled")
    assert _names(tmp_path) == []


def test_an_existing_target_is_never_replaced_unless_asked(tmp_path):
    target = tmp_path / "out.bin"
    with pytest.raises(FileExistsError), atomic.partial_beside(target) as handle:
        handle.write(b"new")
        target.write_bytes(b"appeared meanwhile")
    assert target.read_bytes() == b"appeared meanwhile" and _names(tmp_path) == ["out.bin"]
    with atomic.partial_beside(target, replace=True) as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new" and _names(tmp_path) == ["out.bin"]


def test_without_hard_links_the_rename_is_checked(tmp_path, monkeypatch):
    """FAT and some shares have no hard links: fall back to a rename that still refuses."""

    def no_links(src, dst):
        raise OSError("hard links not supported")

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "out.bin"
    with atomic.partial_beside(target) as handle:
        handle.write(b"first")
    assert target.read_bytes() == b"first"
    with pytest.raises(FileExistsError), atomic.partial_beside(target) as handle:
        handle.write(b"second")
    assert target.read_bytes() == b"first" and _names(tmp_path) == ["out.bin"]


def test_write_atomic_creates_the_folder_and_replaces(tmp_path):
    target = tmp_path / "new" / "settings.toml"
    atomic.write_atomic(target, b"a = 1\n")
    atomic.write_atomic(target, b"a = 2\n")
    assert target.read_bytes() == b"a = 2\n" and _names(target.parent) == ["settings.toml"]
    with pytest.raises(FileExistsError):
        atomic.write_atomic(target, b"a = 3\n", replace=False)
    assert target.read_bytes() == b"a = 2\n" and _names(target.parent) == ["settings.toml"]


_HELPERS = {"partial_beside", "partial_name", "publish_new", "rename_new", "write_atomic"}


def test_the_write_helpers_are_imported_from_core_atomic_only():
    """One helper, one import path: a module importing it through another (settings) hides it."""
    import ast
    from pathlib import Path

    root = Path(atomic.__file__).resolve().parents[1]
    wrong = []
    for source in root.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "handoff.core.atomic":
                names = {alias.name for alias in node.names} & _HELPERS
                if names:
                    wrong.append(f"{source.relative_to(root)}: {node.module} {sorted(names)}")
    assert wrong == []


def test_staging_moves_in_without_replacing_a_dangling_link_where_there_are_no_hard_links(
    tmp_path, monkeypatch
):
    """On a volume without hard links (FAT, some shares) a file moves in by checked rename;
    a symbolic link that appeared at the target meanwhile is something, and is kept."""
    from handoff.core.archive import stage
    from handoff.core.errors import HandoffError

    def no_links(source, target):
        raise PermissionError(1, "hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "lijst.xlsx").symlink_to(tmp_path / "elders.xlsx")
    with stage.staging(tmp_path) as staged:
        (staged.content / "lijst.xlsx").write_bytes(b"ontsleuteld")
        (staged.content / "map").mkdir()
        with pytest.raises(HandoffError) as caught:
            staged.move_into(dest, ("map", "lijst.xlsx"))
    assert caught.value.code == "file_exists"
    assert _names(dest) == ["lijst.xlsx"] and (dest / "lijst.xlsx").is_symlink()
    assert not (tmp_path / "elders.xlsx").exists()
