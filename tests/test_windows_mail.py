"""The mail hand-off on Windows, through the real code paths, under Wine.

tools/windows-check builds two stand-ins with MinGW (tools/wine/mapi_standin.c,
tools/wine/olk_standin.c) and passes their folder in HANDOFF_WINE_STAND_INS.
Each test registers them the way the real programs register themselves (the
default mail client under HKLM\\SOFTWARE\\Clients\\Mail with DllPathEx; olk.exe
under App Paths), runs the draft channel as Handoff does, and reads what the
stand-in recorded: the MAPI call it received, or the command line it got.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import pytest

from handoff.channels.email_draft import DraftChannel
from handoff.channels.mail_programs.detect import APP_PATHS, CLIENTS_MAIL
from handoff.core import settings
from handoff.core.journal.details import clean_details
from tests.servers import sample

pytestmark = [
    pytest.mark.windows,
    pytest.mark.skipif(
        sys.platform != "win32", reason="Windows only (tools/windows-check runs it under Wine)"
    ),
    pytest.mark.skipif(
        not os.environ.get("HANDOFF_WINE_STAND_INS"),
        reason="needs the stand-in mail programs that tools/windows-check builds",
    ),
]

CLIENT = "Handoff Stand-in Mail"
MAPI_DIALOG_LOGON_UI = 0x8 | 0x1


def _set(key: str, name: str, value: str) -> None:
    import winreg

    with winreg.CreateKey(winreg.HKEY_LOCAL_MACHINE, key) as handle:
        winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)


def _delete(key: str) -> None:
    import winreg

    with contextlib.suppress(OSError):
        winreg.DeleteKey(winreg.HKEY_LOCAL_MACHINE, key)


@pytest.fixture
def stand_ins() -> Path:
    return Path(os.environ["HANDOFF_WINE_STAND_INS"])


@pytest.fixture
def mapi_client(stand_ins, tmp_path, monkeypatch):
    """The stand-in registered as the machine's default mail client; yields its record file."""
    record = tmp_path / "mapi-record.txt"
    monkeypatch.setenv("HANDOFF_MAPI_RECORD", str(record))
    _set(CLIENTS_MAIL, "", CLIENT)
    _set(rf"{CLIENTS_MAIL}\{CLIENT}", "DllPathEx", str(stand_ins / "mapi_standin.dll"))
    yield record
    _delete(rf"{CLIENTS_MAIL}\{CLIENT}")
    _set(CLIENTS_MAIL, "", "")


@pytest.fixture
def new_outlook(stand_ins, tmp_path, monkeypatch):
    """The stand-in olk.exe registered under App Paths; yields its record file."""
    record = tmp_path / "olk-record.txt"
    monkeypatch.setenv("HANDOFF_OLK_RECORD", str(record))
    _set(rf"{APP_PATHS}\olk.exe", "", str(stand_ins / "olk.exe"))
    yield record
    _delete(rf"{APP_PATHS}\olk.exe")


def _deliver(tmp_path: Path):
    s = settings.Settings()
    s.mail.sender = "sociaal@turnhout.be"
    protocol = sample.protocol()
    archive = sample.archive(tmp_path)
    delivery = DraftChannel(s).deliver(
        archive, protocol.recipient("opgroeien-mail"), protocol, sample.HANDOFF_ID
    )
    assert clean_details(delivery.step, delivery.details) == delivery.details
    return archive, delivery


def _recorded(record: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in record.read_text(encoding="utf-8").splitlines())


def test_simple_mapi_of_the_default_client_gets_the_archive_and_the_dialog_flag(
    tmp_path, mapi_client
):
    archive, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("mapi", True)
    call = _recorded(mapi_client)
    assert int(call["flags"]) == MAPI_DIALOG_LOGON_UI
    assert call["to"] == f"SMTP:{sample.MAILBOX}"
    assert Path(call["attachment"]) == archive and call["attachment_name"] == archive.name
    assert sample.HANDOFF_ID in call["subject"]
    assert "wachtwoord" in call["body"].lower()  # the body says the password comes separately


def test_a_cancelled_mapi_dialog_is_not_reported_as_handed_and_opens_nothing_else(
    tmp_path, mapi_client, new_outlook, monkeypatch
):
    monkeypatch.setenv("HANDOFF_MAPI_RESULT", "1")  # MAPI_USER_ABORT
    _, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("mapi", False)
    assert mapi_client.exists() and not new_outlook.exists()


def test_a_mapi_dll_that_does_not_load_falls_back_to_the_new_outlook(
    tmp_path, mapi_client, new_outlook, stand_ins
):
    _set(rf"{CLIENTS_MAIL}\{CLIENT}", "DllPathEx", str(stand_ins / "missing.dll"))
    _, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("olk", True)
    assert not mapi_client.exists()
    command_line = new_outlook.read_text(encoding="utf-8")
    assert str(delivery.location) in command_line and delivery.location.suffix == ".eml"


def test_the_new_outlook_is_started_with_the_unsent_eml_explicitly(tmp_path, new_outlook):
    _, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("olk", True)
    command_line = new_outlook.read_text(encoding="utf-8")
    # The .eml is the one argument after the program (quoted only when it holds a space).
    assert command_line.rstrip().endswith((str(delivery.location), f'"{delivery.location}"'))
    assert b"X-Unsent: 1" in delivery.location.read_bytes()
