"""Paths over 260 characters on Windows, with and without LongPathsEnabled (issue 14 §3).

Run under Wine by tools/windows-check. Wine itself takes long paths, so what
is tested is Handoff's own decision: without
``HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem\\LongPathsEnabled`` = 1 a
step whose longest path is over Windows' limit is refused before it writes;
with it (written here through winreg, removed after) the same step succeeds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from handoff import usecases
from handoff.core import archive, longpaths
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal

pytestmark = [
    pytest.mark.windows,
    pytest.mark.skipif(
        sys.platform != "win32", reason="Windows only (tools/windows-check runs it under Wine)"
    ),
]

PW = "zeven-acht-negen-tien"
REFERRAL = "kg-ocmw-referral"
KEY = r"SYSTEM\CurrentControlSet\Control\FileSystem"
NAME = "lijst van het OCMW met een lange naam " + "x" * 30 + ".csv"


@pytest.fixture
def long_paths_enabled():
    """LongPathsEnabled = 1 in HKLM for the test; the value (and a key it made) go after."""
    import winreg

    try:
        winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, KEY).Close()
        made_key = False
    except FileNotFoundError:
        made_key = True
    with winreg.CreateKeyEx(winreg.HKEY_LOCAL_MACHINE, KEY, 0, winreg.KEY_SET_VALUE) as key:
        winreg.SetValueEx(key, "LongPathsEnabled", 0, winreg.REG_DWORD, 1)
    yield
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, KEY, 0, winreg.KEY_SET_VALUE) as key:
        winreg.DeleteValue(key, "LongPathsEnabled")
    if made_key:
        winreg.DeleteKey(winreg.HKEY_LOCAL_MACHINE, KEY)


def _secure(tmp_path: Path) -> Path:
    """A secure folder of 200 characters: its staging fits, the list's name in it does not."""
    deep = tmp_path / "Beveiligde map van de sociale dienst"
    return deep / ("Ontvangen lijsten " + "o" * (200 - len(str(deep)) - 19))


def _archive(tmp_path: Path) -> Path:
    out = tmp_path / "inbox" / "HO-20261127-ABCDEF.7z"
    out.parent.mkdir()
    archive.pack({NAME: "naam;gemeente\nJérôme;Liège\n".encode()}, out, PW)
    return out


def test_without_long_paths_a_too_long_path_is_refused_and_nothing_written(tmp_path):
    assert longpaths.limits() == longpaths.Limits(259, 247)  # Wine has no LongPathsEnabled
    secure = _secure(tmp_path)
    assert len(str(secure)) == 200
    with pytest.raises(HandoffError) as caught:
        usecases.receive(_archive(tmp_path), REFERRAL, PW, secure)
    assert caught.value.code == "path_too_long"
    longest = 200 + len("\\.handoff-unpack-xxxxxxxx\\content\\") + len(NAME)
    assert caught.value.message("nl").startswith(
        f"Het pad is te lang: {longest} tekens, Windows laat er op deze pc 259 tekens toe. "
        "Kies een kortere map of een kortere bestandsnaam."
    )
    assert list(secure.iterdir()) == []  # made (it fits), but nothing in it
    assert Journal().count() == 0


def test_with_long_paths_enabled_the_same_receive_succeeds(tmp_path, long_paths_enabled):
    assert longpaths.limits() == longpaths.NO_LIMIT
    received = usecases.receive(_archive(tmp_path), REFERRAL, PW, _secure(tmp_path))
    (stored,) = received.files
    assert len(str(stored)) > 260 and stored.name == NAME
    assert stored.read_bytes() == "naam;gemeente\nJérôme;Liège\n".encode()
