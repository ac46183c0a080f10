"""The py7zr internals Handoff patches or reads still have the shape it expects.

``core/archive/kdf.py`` replaces ``py7zr.compressor.calculate_key``,
``core/archive/extract.py`` replaces ``py7zr.py7zr.get_memory_limit`` and hooks
``WriterFactory``/``Py7zIO``, ``core/archive/probe.py`` reads the parsed header,
and ``core/quick_import.py`` hides cffi while py7zr loads. None of that is
py7zr's public API, so pyproject.toml pins an upper bound, and these tests fail
loudly, naming the piece, when a py7zr release moves one of them. The patches
themselves step aside silently when their target moved; without these tests the
only symptom would be a slower, hungrier Handoff.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import py7zr
import py7zr.compressor
import py7zr.helpers
import py7zr.io
import py7zr.properties
import py7zr.py7zr
import pytest
from py7zr.compressor import SupportedMethods

from handoff.core import archive
from handoff.core.archive import extract, kdf
from tests import hostile

PW = hostile.PASSWORD


def _params(func: object) -> list[str]:
    return list(inspect.signature(func).parameters)  # type: ignore[arg-type]


def _globals_used(func: object) -> set[str]:
    return set(func.__code__.co_names)  # type: ignore[attr-defined]


def test_pinned_py7zr_is_the_tested_one():
    """pyproject says py7zr>=1.1.3,<1.2: these tests ran on what is installed."""
    from importlib.metadata import version

    major, minor, *_ = (int(p) for p in version("py7zr").split(".")[:3])
    assert (major, minor) == (1, 1), "py7zr moved past the tested 1.1 series: rerun and re-pin"


def test_the_aes_coder_takes_its_key_from_our_derivation():
    assert _params(py7zr.helpers.calculate_key) == ["password", "cycles", "salt", "digest"]
    assert py7zr.compressor.calculate_key is kdf.derive_key
    # The AES coders look the name up in their module at call time: that is what we patch.
    for coder in (py7zr.compressor.AESCompressor, py7zr.compressor.AESDecompressor):
        assert "calculate_key" in _globals_used(coder.__init__), coder.__name__


def test_extraction_asks_our_block_size():
    assert _params(py7zr.properties.get_memory_limit) == []
    assert py7zr.py7zr.get_memory_limit is extract._output_block
    assert "get_memory_limit" in _globals_used(py7zr.py7zr.Worker.decompress)
    assert py7zr.py7zr.get_memory_limit() == extract.OUTPUT_BLOCK


def test_the_writer_hooks_exist_with_the_methods_we_implement():
    assert _params(py7zr.SevenZipFile.extractall)[:3] == ["self", "path", "callback"]
    assert "factory" in _params(py7zr.SevenZipFile.extractall)
    assert _params(py7zr.io.WriterFactory.create) == ["self", "filename"]
    for method in ("write", "read", "seek", "flush", "size"):
        assert callable(getattr(py7zr.io.Py7zIO, method)), method
    assert issubclass(extract._StagedFile, py7zr.io.Py7zIO)
    assert issubclass(py7zr.exceptions.CrcError, Exception)
    assert {"filters", "password", "header_encryption"} <= set(_params(py7zr.SevenZipFile))


def test_the_header_fields_the_probe_reads(tmp_path):
    """Read from a real archive, as probe.opened does: types, not just names."""
    packed = archive.pack({"map/lijst.xlsx": b"inhoud"}, tmp_path / "a.7z", PW).path
    with py7zr.SevenZipFile(packed, "r", password=PW) as z:
        folders = z.header.main_streams.unpackinfo.folders
        assert folders and all(isinstance(f.coders, list) for f in folders)
        assert all(SupportedMethods.needs_password(f.coders) for f in folders)
        (member,) = [m for m in z.files if not m.is_directory]
        for flag in ("is_symlink", "is_junction", "is_socket", "is_directory"):
            assert isinstance(getattr(member, flag), bool), flag
        assert member.filename == "map/lijst.xlsx" and member.uncompressed == len(b"inhoud")
        assert member.st_fmt is None or isinstance(member.st_fmt, int)


# --- core/quick_import.py: only pycryptodome may look for cffi while it is hidden ---

_WHO_ASKS_FOR_CFFI = """
import builtins, sys
assert "cffi" not in sys.modules
asked = []
real_import = builtins.__import__

def watching(name, globals=None, locals=None, fromlist=(), level=0):
    if name.split(".")[0] == "cffi" and sys.modules.get("cffi", 0) is None:
        asked.append((globals or {}).get("__name__", "?"))
    return real_import(name, globals, locals, fromlist, level)

builtins.__import__ = watching
from handoff.core import quick_import
quick_import.py7zr_without_cffi()
builtins.__import__ = real_import
print(" ".join(sorted(set(asked))))
"""


def test_only_pycryptodome_looks_for_cffi_while_it_is_hidden():
    """Hiding cffi must change one binding only: another importer would silently lose it."""
    pytest.importorskip("cffi")
    done = subprocess.run(
        [sys.executable, "-c", _WHO_ASKS_FOR_CFFI],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    importers = done.stdout.split()
    assert importers, "nobody asked for cffi: the hiding no longer does anything"
    assert all(name.startswith("Cryptodome.") for name in importers), importers
