"""`handoff pack` / `handoff unpack` as a script sees them: a subprocess.

Contract: pack prints the generated password as the ONLY stdout line; every
message goes to stderr; unpack exits non-zero and leaves DIR empty on failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sheets import THUISPUNT_RENEWED

from tests import hostile

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)

PW = hostile.PASSWORD


def handoff(*args: str, stdin: str | None = None, lang: str = "nl") -> subprocess.CompletedProcess:
    env = {**os.environ, "HANDOFF_LANG": lang}
    env.pop("HANDOFF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "handoff", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    )


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "schuldenaars.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(20_000))
    return path


def test_pack_prints_only_the_generated_password(tmp_path, sheet, sevenzip):
    out = tmp_path / "a.7z"
    done = handoff("pack", str(sheet), "--output", str(out))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and re.fullmatch(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}", lines[0])
    assert lines[0] not in done.stderr and "Archief gemaakt" in done.stderr
    tested = subprocess.run([sevenzip, "t", f"-p{lines[0]}", str(out)], capture_output=True)
    assert tested.returncode == 0


def test_pack_words_style_roundtrips_through_unpack(tmp_path, sheet):
    out = tmp_path / "a.7z"
    password = handoff("pack", str(sheet), "--output", str(out), "--style", "words").stdout.strip()
    assert len(password.split(" ")) == 6
    done = handoff(
        "unpack",
        str(out),
        "--output",
        str(tmp_path / "uit"),
        "--password-stdin",
        stdin=password + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "uit" / sheet.name).read_bytes() == sheet.read_bytes()
    assert done.stdout == ""


def test_pack_with_password_stdin_prints_nothing_on_stdout(tmp_path, sheet):
    out = tmp_path / "a.7z"
    done = handoff("pack", str(sheet), "--output", str(out), "--password-stdin", stdin=f"{PW}\r\n")
    assert done.returncode == 0 and done.stdout == ""
    back = handoff(
        "unpack", str(out), "--output", str(tmp_path / "uit"), "--password-stdin", stdin=PW
    )
    assert back.returncode == 0, back.stderr


def test_pack_refuses_existing_output(tmp_path, sheet):
    out = tmp_path / "a.7z"
    out.write_bytes(b"oud")
    done = handoff("pack", str(sheet), "--output", str(out))
    assert done.returncode != 0 and done.stdout == ""
    assert "bestaat al" in done.stderr and "Traceback" not in done.stderr
    assert out.read_bytes() == b"oud"


def test_unpack_wrong_password_clear_message_and_empty_dir(tmp_path, sheet):
    out = tmp_path / "a.7z"
    handoff("pack", str(sheet), "--output", str(out), "--password-stdin", stdin=PW)
    dest = tmp_path / "uit"
    dest.mkdir()
    done = handoff(
        "unpack", str(out), "--output", str(dest), "--password-stdin", stdin="fout\n", lang="en"
    )
    assert done.returncode != 0
    assert "password is wrong" in done.stderr and "Traceback" not in done.stderr
    assert list(dest.iterdir()) == []


def test_unpack_without_tty_or_stdin_password_fails_clearly(tmp_path, sheet):
    out = tmp_path / "a.7z"
    handoff("pack", str(sheet), "--output", str(out), "--password-stdin", stdin=PW)
    done = handoff("unpack", str(out), "--output", str(tmp_path / "uit"))
    assert done.returncode != 0 and "--password-stdin" in done.stderr
    assert not (tmp_path / "uit").exists()


def test_unpack_unencrypted_needs_flag(tmp_path, sevenzip, sheet):
    made = hostile.sevenzip_add(sevenzip, tmp_path / "open.7z", [sheet])
    refused = handoff(
        "unpack", str(made), "--output", str(tmp_path / "uit"), "--password-stdin", stdin="x\n"
    )
    assert refused.returncode != 0 and "niet versleuteld" in refused.stderr
    allowed = handoff(
        "unpack",
        str(made),
        "--output",
        str(tmp_path / "uit"),
        "--password-stdin",
        "--allow-unencrypted",
        stdin="x\n",
    )
    assert allowed.returncode == 0 and "niet versleuteld" in allowed.stderr
    assert (tmp_path / "uit" / sheet.name).exists()


def test_unpack_zip_gets_zip_hint(tmp_path):
    done = handoff(
        "unpack",
        str(hostile.zip_file(tmp_path / "x.zip")),
        "--output",
        str(tmp_path / "uit"),
        "--password-stdin",
        stdin="x\n",
    )
    assert done.returncode != 0 and "zip-bestand" in done.stderr
    assert not (tmp_path / "uit").exists()


def test_unpack_notes_readable_names_of_mhe_off_archive(tmp_path, sevenzip, sheet):
    made = hostile.sevenzip_add(sevenzip, tmp_path / "mhe-off.7z", [sheet], f"-p{PW}", "-mhe=off")
    done = handoff(
        "unpack", str(made), "--output", str(tmp_path / "uit"), "--password-stdin", stdin=PW
    )
    assert done.returncode == 0 and "bestandsnamen waren onderweg leesbaar" in done.stderr
    assert (tmp_path / "uit" / sheet.name).read_bytes() == sheet.read_bytes()


# --- the password on one stream -------------------------------------------------


def test_send_prints_the_reference_then_the_password_on_stdout(tmp_path, thuispunt):
    """pack, seal and send print a generated password on stdout, never on stderr.

    Seed 003 (decision art. 1, exchange process step 3): the password goes "via
    een ander communicatiekanaal", so a script must find it in one known place.
    """
    from sheets import THUISPUNT_HEADERS, thuispunt_rows, write_sheet

    sheet = write_sheet(tmp_path / "lijst.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    done = handoff(
        *("send", str(sheet), "--protocol", thuispunt),
        *("--to", "ocmw-gent", "--via", "draft"),
    )
    assert done.returncode == 0, done.stderr
    reference, password = done.stdout.splitlines()
    assert reference.startswith("HO-") and re.fullmatch(r"(\w{4}-){3}\w{4}", password)
    assert password not in done.stderr and "80 bits" in done.stderr


def test_receive_warns_when_the_file_names_were_not_encrypted(tmp_path):
    """Like unpack, receive says the names travelled readable (7-Zip -mhe=off); not otherwise."""
    from handoff.core import archive

    plain = hostile.plain_header_archive(tmp_path / "HO-20260301-ABCDEF.7z", {"a.txt": b"x"})
    sealed = archive.pack({"b.txt": b"y"}, tmp_path / "HO-20260302-ABCDEF.7z", PW).path
    args = ("--protocol", THUISPUNT_RENEWED, "--password-stdin")
    warned = handoff("receive", str(plain), *args, stdin=PW, lang="en")
    quiet = handoff("receive", str(sealed), *args, stdin=PW, lang="en")
    assert warned.returncode == 0 and quiet.returncode == 0, warned.stderr + quiet.stderr
    assert "file names were readable in transit" in warned.stderr
    assert "readable" not in quiet.stderr
    assert Path(warned.stdout.strip(), "a.txt").read_bytes() == b"x"
