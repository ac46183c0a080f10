"""Interop with the real 7-Zip, both ways.

The protocols name 7-Zip itself: "AES 256 encryptie via 7-zip" (seed 001,
art. 6) and "AES-256 (bij voorkeur via 7-zip)" (seed 004, section C2). A receiver
without Handoff opens our archive with 7-Zip, and a sender without Handoff
sends us one made by 7-Zip.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from handoff.core import archive
from handoff.core.errors import HandoffError
from tests import hostile

pytestmark = pytest.mark.interop
PW = hostile.PASSWORD


def _sheet(folder: Path) -> Path:
    sheet = folder / "schuldenaars.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + os.urandom(40_000) + bytes(40_000))
    return sheet


def _run(sevenzip: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sevenzip, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )


def test_7zip_tests_and_extracts_handoff_archive(tmp_path, sevenzip):
    sheet = _sheet(tmp_path)
    out = tmp_path / "a.7z"
    archive.pack({"schuldenaars.xlsx": sheet, "map/tweede.csv": b"a;b\n"}, out, PW)
    tested = _run(sevenzip, "t", f"-p{PW}", str(out))
    assert tested.returncode == 0 and "Everything is Ok" in tested.stdout
    slt = _run(sevenzip, "l", "-slt", f"-p{PW}", str(out)).stdout
    assert "7zAES" in slt and "Encrypted = +" in slt
    extracted = _run(sevenzip, "x", f"-p{PW}", f"-o{tmp_path / 'x'}", str(out))
    assert extracted.returncode == 0
    assert (tmp_path / "x" / "schuldenaars.xlsx").read_bytes() == sheet.read_bytes()
    assert (tmp_path / "x" / "map" / "tweede.csv").read_bytes() == b"a;b\n"


def test_7zip_cannot_list_names_without_password(tmp_path, sevenzip):
    out = tmp_path / "a.7z"
    archive.pack({"schuldenaars.xlsx": _sheet(tmp_path)}, out, PW)
    listed = _run(sevenzip, "l", "-pfout", str(out))
    assert listed.returncode != 0
    assert "schuldenaars" not in listed.stdout + listed.stderr


def test_7zip_rejects_wrong_password_on_handoff_archive(tmp_path, sevenzip):
    out = tmp_path / "a.7z"
    archive.pack({"x.xlsx": _sheet(tmp_path)}, out, PW)
    assert _run(sevenzip, "t", "-pfout", str(out)).returncode != 0


@pytest.mark.parametrize(
    "options",
    [
        ["-mhe=on"],
        ["-mhe=off"],
        ["-mhe=on", "-m0=Copy"],
        ["-mhe=on", "-mx1"],
        ["-mhe=on", "-mx9"],
        ["-mhe=off", "-m0=LZMA2", "-mx3"],
        ["-mhe=on", "-m0=LZMA2", "-mx5", "-ms=off"],
    ],
    ids=lambda o: " ".join(o),
)
def test_handoff_opens_7zip_archive(tmp_path, sevenzip, options):
    src = tmp_path / "src"
    src.mkdir()
    sheet = _sheet(src)
    (src / "tweede.csv").write_bytes(b"voornaam;naam\n" * 1000)
    made = hostile.sevenzip_add(
        sevenzip, tmp_path / "van-7zip.7z", [sheet, src / "tweede.csv"], f"-p{PW}", *options
    )
    result = archive.unpack(made, tmp_path / "uit", PW)
    assert result.encrypted
    assert result.headers_encrypted == ("-mhe=on" in options)
    assert (tmp_path / "uit" / "schuldenaars.xlsx").read_bytes() == sheet.read_bytes()
    assert (tmp_path / "uit" / "tweede.csv").read_bytes() == (src / "tweede.csv").read_bytes()


def test_handoff_opens_7zip_folder_archive(tmp_path, sevenzip):
    src = tmp_path / "dossier"
    (src / "maart").mkdir(parents=True)
    (src / "maart" / "lijst.xlsx").write_bytes(b"data")
    made = hostile.sevenzip_add(sevenzip, tmp_path / "map.7z", [src], f"-p{PW}", "-mhe=on")
    result = archive.unpack(made, tmp_path / "uit", PW)
    assert result.files == [tmp_path / "uit" / "dossier" / "maart" / "lijst.xlsx"]
    assert result.files[0].read_bytes() == b"data"


@pytest.mark.parametrize("options", [["-mhe=on"], ["-mhe=off"], ["-mhe=off", "-m0=Copy"]])
def test_wrong_password_on_7zip_archive(tmp_path, sevenzip, options):
    made = hostile.sevenzip_add(
        sevenzip, tmp_path / "a.7z", [_sheet(tmp_path)], f"-p{PW}", *options
    )
    with pytest.raises(HandoffError) as info:
        archive.unpack(made, tmp_path / "uit", "fout")
    assert info.value.code == "wrong_password"
    assert not (tmp_path / "uit").exists()


def test_unencrypted_7zip_archive_is_refused(tmp_path, sevenzip):
    made = hostile.sevenzip_add(sevenzip, tmp_path / "open.7z", [_sheet(tmp_path)])
    with pytest.raises(HandoffError) as info:
        archive.unpack(made, tmp_path / "uit", None)
    assert info.value.code == "not_encrypted"
    result = archive.unpack(made, tmp_path / "uit", None, allow_unencrypted=True)
    assert not result.encrypted and len(result.files) == 1
