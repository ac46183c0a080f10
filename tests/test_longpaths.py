"""Paths longer than this PC allows are refused before anything is written (issue 14 §3).

On Linux there is no limit; the Windows limit (259 characters, 247 for a
folder, without LongPathsEnabled) is injected here through ``longpaths.limits``,
the one place steps ask. The Windows side runs under Wine in
tests/test_windows_longpaths.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handoff import usecases
from handoff.core import archive, longpaths
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal

PW = "zeven-acht-negen-tien"
REFERRAL = "kg-ocmw-referral"


@pytest.fixture
def limit(monkeypatch):
    """Set this PC's limit as Windows without long paths would, relative to ``tmp_path``."""

    def set_limit(file: int) -> None:
        monkeypatch.setattr(longpaths, "limits", lambda: longpaths.Limits(file, file - 12))

    return set_limit


def _archive(tmp_path: Path, name: str) -> Path:
    out = tmp_path / "inbox" / "HO-20261127-ABCDEF.7z"
    out.parent.mkdir()
    archive.pack({name: b"naam;gemeente\nJan;Gent\n"}, out, PW)
    return out


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def test_no_limit_on_linux():
    assert longpaths.limits() == longpaths.NO_LIMIT
    longpaths.require_fits(files=["/" + "a" * 5000])


def test_the_message_gives_the_length_the_limit_and_what_to_do():
    within = longpaths.Limits(259, 247)
    longpaths.require_fits(files=["C:\\" + "a" * 256], folders=["C:\\" + "b" * 244], within=within)
    with pytest.raises(HandoffError) as caught:
        longpaths.require_fits(files=["C:\\" + "a" * 284], within=within)
    assert caught.value.code == "path_too_long"
    assert caught.value.message("nl") == (
        "Het pad is te lang: 287 tekens, Windows laat er op deze pc 259 tekens toe. Kies een "
        "kortere map of een kortere bestandsnaam. Er is niets weggeschreven."
    )
    assert caught.value.message("en").startswith(
        "The path is too long: 287 characters; Windows allows 259 characters on this PC."
    )
    with pytest.raises(HandoffError) as folder:  # a folder's limit is 12 shorter
        longpaths.require_fits(folders=["C:\\" + "b" * 246], within=within)
    assert "249 tekens" in folder.value.message("nl") and "247 tekens" in folder.value.message("nl")


def test_singular_character():
    with pytest.raises(HandoffError) as caught:
        longpaths.require_fits(files=["ab"], within=longpaths.Limits(1, 1))
    assert "1 teken toe" in caught.value.message("nl")
    assert "1 character on" in caught.value.message("en")


def test_receive_refuses_a_long_name_inside_the_archive_once_the_header_is_read(tmp_path, limit):
    """The secure folder fits; staging plus the longest name inside the archive does not."""
    secure = tmp_path / "beveiligd"
    source = _archive(tmp_path, "lijst met een heel lange naam " + "x" * 60 + ".csv")
    limit(len(str(secure)) + 90)  # room for the staging folder, not for that name in it
    with pytest.raises(HandoffError) as caught:
        usecases.receive(source, REFERRAL, PW, secure)
    assert caught.value.code == "path_too_long"
    assert _everything(secure) == [] and Journal().count() == 0


def test_receive_refuses_a_secure_folder_too_long_for_its_staging(tmp_path, limit):
    secure = tmp_path / "beveiligd"
    limit(len(str(secure)) + 10)  # the hidden staging folder would not fit
    with pytest.raises(HandoffError) as caught:
        usecases.receive(_archive(tmp_path, "a.csv"), REFERRAL, PW, secure)
    assert caught.value.code == "path_too_long"
    assert not secure.exists() and Journal().count() == 0


def test_receive_within_the_limit_succeeds(tmp_path, limit):
    secure = tmp_path / "beveiligd"
    limit(len(str(secure)) + 120)
    received = usecases.receive(_archive(tmp_path, "a.csv"), REFERRAL, PW, secure)
    assert received.files[0].exists()


def test_pack_counts_the_hidden_partial_name(tmp_path, limit):
    """The partial (``.name.<8 hex>.partial``) is 18 longer than the archive: that one counts."""
    source = tmp_path / "lijst.csv"
    source.write_text("naam\nJan\n")
    output = tmp_path / "lijst.7z"
    limit(len(str(output)) + 10)
    with pytest.raises(HandoffError) as caught:
        usecases.package_file(source, output)
    assert caught.value.code == "path_too_long"
    assert "lijst.7z" not in os.listdir(tmp_path)
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".partial")]
    assert Journal().count() == 0


def test_unpack_to_a_too_long_folder_makes_no_folder(tmp_path, limit):
    source = _archive(tmp_path, "a.csv")
    dest = tmp_path / "uit" / "nog dieper"
    limit(len(str(dest)) + 10)
    with pytest.raises(HandoffError) as caught:
        usecases.unpack_to(source, dest, PW)
    assert caught.value.code == "path_too_long"
    assert not (tmp_path / "uit").exists() and Journal().count() == 0
