"""The secure folder on a UNC path and on a mapped drive, and a share that is away (issue 14 §3).

Run under Wine by tools/windows-check, which maps ``\\\\handoff-nas\\beveiligd``
(``dosdevices/unc/handoff-nas/beveiligd``) and ``S:`` (``dosdevices/s:``) to
folders in its temporary base and passes them in HANDOFF_WINE_UNC_SHARE and
HANDOFF_WINE_MAPPED_DRIVE. ``\\\\nergens\\beveiligd`` has no entry: Wine answers
it as Windows answers a server that is away (measured: WinError 3, and the
share's root does not exist). Real archives, real 7-Zip code, a real journal.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from handoff import usecases
from handoff.core import archive, leftovers, paths, shares
from handoff.core.archive import stage
from handoff.core.dropped import Dropped, folder_in
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step

pytestmark = [
    pytest.mark.windows,
    pytest.mark.skipif(
        sys.platform != "win32", reason="Windows only (tools/windows-check runs it under Wine)"
    ),
    pytest.mark.skipif(
        not os.environ.get("HANDOFF_WINE_UNC_SHARE"),
        reason="needs the share and drive tools/windows-check maps",
    ),
]

REFERRAL = "kg-ocmw-referral"  # retention "until contact": receivable any day
PW = "zeven-acht-negen-tien"
SECRET = "Jérôme Vandenbroucke;Kerkstraat 12\n".encode() * 200
AWAY = r"\\nergens\beveiligd"


def _secure(root: str) -> Path:
    """A fresh secure folder on the share or drive (the folder itself not yet there)."""
    return Path(root) / f"Beveiligd {uuid.uuid4().hex[:8]}" / "Ontvangen"


def _archive(tmp_path: Path) -> Path:
    out = tmp_path / "inbox" / "HO-20261127-ABCDEF.7z"
    out.parent.mkdir()
    archive.pack({"lijst.csv": SECRET}, out, PW)
    return out


def _stagings_seen(monkeypatch) -> list[Path]:
    """Where each staging folder was made (the class itself runs, only watched)."""
    seen: list[Path] = []
    real_init = stage.Staging.__init__

    def init(self, base):
        real_init(self, base)
        seen.append(self.path)

    monkeypatch.setattr(stage.Staging, "__init__", init)
    return seen


@pytest.mark.parametrize("where", ["HANDOFF_WINE_UNC_SHARE", "HANDOFF_WINE_MAPPED_DRIVE"])
def test_receive_into_a_secure_folder_on_a_share_stages_there_and_leaves_nothing(
    where, tmp_path, monkeypatch
):
    secure = _secure(os.environ[where] + "\\")
    seen = _stagings_seen(monkeypatch)
    received = usecases.receive(_archive(tmp_path), REFERRAL, PW, secure)

    assert [p.parent for p in seen] == [secure]  # staged inside the share: the move is a rename
    assert received.folder.parent == secure and str(received.folder).startswith(str(secure))
    assert (received.folder / "lijst.csv").read_bytes() == SECRET
    (record,) = Journal().records(step=Step.DECRYPTED)
    assert record.details["folder"] == str(received.folder)
    assert sorted(p.name for p in secure.iterdir()) == [received.folder.name]  # nothing else
    assert not any(p.exists() for p in seen)


def test_an_unreachable_share_is_refused_before_anything_with_its_name(tmp_path, monkeypatch):
    source = _archive(tmp_path)
    seen = _stagings_seen(monkeypatch)
    with pytest.raises(HandoffError) as caught:
        usecases.receive(source, REFERRAL, PW, Path(AWAY) / "Ontvangen")

    assert caught.value.code == "share_unreachable"
    assert caught.value.message("nl").startswith(
        "De beveiligde map op \\\\nergens\\beveiligd is niet bereikbaar. "
        "Controleer de netwerkverbinding of de VPN-verbinding"
    )
    assert "\\\\nergens\\beveiligd" in caught.value.message("en")
    assert seen == [] and Journal().count() == 0  # nothing decrypted, nothing journaled
    for folder in {Path(tempfile.gettempdir()), paths.temp_dir(), source.parent}:
        assert not [p for p in folder.glob("*") if p.name.startswith(stage.PREFIX)]


def test_what_wine_answers_for_a_server_that_is_away_is_mapped_to_the_share_message():
    """The measured answer (WinError 3 here; 53 or 67 on Windows) goes through one mapping."""
    with pytest.raises(OSError) as caught:
        os.listdir(AWAY + "\\Ontvangen")
    print(f"Wine answered winerror={caught.value.winerror} errno={caught.value.errno}")
    assert shares.is_network_error(caught.value)
    with pytest.raises(HandoffError) as dropped:
        Dropped(Path(AWAY) / "Ontvangen", "HO-1.7z", b"7z")  # an Outlook drop on the receive page
    assert dropped.value.code == "share_unreachable"


def test_leftovers_on_the_unc_share_are_swept_once_quiet(tmp_path):
    """A killed Handoff's staging folder and dropped attachment on the share, quiet for long."""
    secure = _secure(os.environ["HANDOFF_WINE_UNC_SHARE"] + "\\")
    secure.mkdir(parents=True)
    assert leftovers.on_network_share(secure)
    staging = secure / f"{stage.PREFIX}killed"
    staging.mkdir()
    (staging / stage.LOCK_NAME).write_text("4242\n")  # its owner is gone: nobody locks it
    (staging / "content").mkdir()
    (staging / "content" / "lijst.csv").write_bytes(SECRET)
    drop = folder_in(secure) / "HO-20261127-ABCDEF.7z"
    drop.parent.mkdir()
    drop.write_bytes(b"7z" * 100)
    old = time.time() - leftovers.SHARE_QUIET_SECONDS - 60
    for path in (staging / "content" / "lijst.csv", staging / stage.LOCK_NAME, drop):
        os.utime(path, (old, old))
    for path in (staging / "content", staging):
        os.utime(path, (old, old))

    with Journal() as journal:
        removed = leftovers.clean(journal, secure=[secure])
    assert removed.staging_folders == 1 and removed.dropped_files == 1
    assert removed.bytes == len(SECRET) + 200
    assert not staging.exists() and not drop.exists()
