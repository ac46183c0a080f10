"""The secure folder's share away: which errors mean it, and the one message (issue 14 §3).

The Windows side runs under Wine in tests/test_windows_shares.py; here the
mapping itself, with the errors Windows (and Wine, measured: WinError 3 for
``\\\\nergens\\beveiligd``) gives, built as Python builds them from a winerror.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from handoff import usecases
from handoff.core import shares
from handoff.core.archive import errors as archive_errors
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal

UNC = r"\\nergens\beveiligd\Ontvangen"


def win_error(winerror: int, filename: str = UNC, err: int = errno.ENOENT) -> OSError:
    exc = OSError(err, "message", filename)
    exc.winerror = winerror  # what Windows' OSError carries (POSIX has no such attribute)
    return exc


@pytest.mark.parametrize("code", [53, 67, 64, 59, 1231, 1232, 1222, 2250, 121])
def test_network_winerrors_mean_the_share_is_away(code):
    assert shares.is_network_error(win_error(code, filename=r"C:\Users\x"))


@pytest.mark.parametrize("err", [errno.ENOTCONN, errno.EHOSTDOWN, errno.ESTALE, errno.ETIMEDOUT])
def test_network_errnos_of_a_cifs_or_nfs_mount_mean_the_share_is_away(err):
    assert shares.is_network_error(OSError(err, "x", "/mnt/nas/beveiligd"))


def test_path_not_found_means_share_away_only_when_the_share_root_is_missing(monkeypatch):
    """Wine answers WinError 3 for an unknown server: "away" only when its root is missing."""
    roots = {r"\\handoff-nas\beveiligd" + "\\"}
    monkeypatch.setattr(shares.os.path, "isdir", lambda p: p in roots)
    assert shares.is_network_error(win_error(3, UNC))
    assert shares.is_network_error(win_error(2, "S:\\Ontvangen\\lijst.7z"))
    assert not shares.is_network_error(win_error(3, r"\\handoff-nas\beveiligd\weg"))
    assert not shares.is_network_error(OSError(errno.ENOENT, "x", "/srv/beveiligd/weg"))
    assert not shares.is_network_error(OSError(errno.EACCES, "x", UNC))


def test_the_message_names_the_share_in_both_languages():
    error = shares.unreachable(UNC)
    assert error.code == "share_unreachable"
    assert shares.share_of(UNC) == r"\\nergens\beveiligd"
    assert shares.share_of("S:\\Beveiligd\\Ontvangen") == "S:"
    assert shares.share_of("/mnt/nas/beveiligd") == "/mnt/nas/beveiligd"
    nl, en = error.message("nl"), error.message("en")
    assert nl.startswith("De beveiligde map op \\\\nergens\\beveiligd is niet bereikbaar.")
    assert "VPN" in nl and "VPN" in en and "\\\\nergens\\beveiligd" in en


def test_a_write_error_from_the_archive_layer_goes_through_the_same_mapping():
    assert archive_errors.from_os_error(win_error(53), "Ontvangen").code == "share_unreachable"
    other = archive_errors.from_os_error(OSError(errno.EACCES, "Access denied", "/x"), "x")
    assert other.code == "write_failed"


def test_receive_into_an_unmounted_share_refuses_before_anything(tmp_path, monkeypatch):
    """A CIFS mount whose server is gone: stat answers ENOTCONN; nothing journaled, nothing written."""
    secure = tmp_path / "nas" / "beveiligd"
    secure.mkdir(parents=True)
    archive = tmp_path / "HO-20261127-ABCDEF.7z"
    archive.write_bytes(b"7z")
    real_stat = shares.os.stat

    def stat(path, *args, **kwargs):
        if Path(path) == secure:
            raise OSError(errno.ENOTCONN, "Transport endpoint is not connected", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(shares.os, "stat", stat)
    with pytest.raises(HandoffError) as caught:
        usecases.receive(archive, "kg-ocmw-referral", "wachtwoord", secure)
    assert caught.value.code == "share_unreachable"
    assert str(secure) in caught.value.message("nl")
    assert list(secure.iterdir()) == []
    assert Journal().count() == 0
