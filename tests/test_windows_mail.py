"""The mail hand-off on Windows, through the real code paths, under Wine.

tools/windows-check builds stand-ins with MinGW (tools/wine/mapi_standin.c,
tools/wine/program_standin.c as olk.exe and thunderbird.exe,
tools/wine/outlook_standin.c) and passes their folder in HANDOFF_WINE_STAND_INS.
Each test registers them the way the real programs register themselves (the
default mail client under HKLM\\SOFTWARE\\Clients\\Mail with DllPathEx; olk.exe
and thunderbird.exe under App Paths; Outlook.Application as a COM class), runs
the draft channel as Handoff does, and reads what the stand-in recorded: the
MAPI call or the COM calls it received, or the command line it got.

Real classic Outlook is an out-of-process COM server (LocalServer32), the
stand-in an in-process DLL (InprocServer32): the client code is the same for
both, since the COM helper asks CoCreateInstance for any server context
(CLSCTX_SERVER, in-process or local) and talks to the object only through
IDispatch, which COM marshals across processes for Outlook.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.request import url2pathname

import pytest

from handoff.channels.email_draft import DraftChannel
from handoff.channels.mail_programs import detect, outlook_helper
from handoff.channels.mail_programs.detect import APP_PATHS, CLIENTS_MAIL
from handoff.core import settings
from handoff.core.journal.details import clean_details
from tests.servers import sample
from tests.test_mail_programs import thunderbird_args

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


def _deliver(tmp_path: Path, program: str = ""):
    s = settings.Settings()
    s.mail.sender = "sociaal@turnhout.be"
    s.mail.program = program
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


# --- classic Outlook over COM, Thunderbird ---------------------------------------

OUTLOOK_STAND_IN = "{B3B4BBFC-7EEA-47AC-8D38-9BB1AA9D5791}"  # tools/wine/outlook_standin.c
CLASSES = r"SOFTWARE\Classes"


def _register_outlook(dll: Path) -> None:
    """Outlook.Application as a COM class, the way HKCR sees it (HKLM\\SOFTWARE\\Classes)."""
    _set(rf"{CLASSES}\Outlook.Application\CLSID", "", OUTLOOK_STAND_IN)
    server = rf"{CLASSES}\CLSID\{OUTLOOK_STAND_IN}\InprocServer32"
    _set(server, "", str(dll))
    _set(server, "ThreadingModel", "Both")


def _unregister_outlook() -> None:
    for key in (
        rf"{CLASSES}\CLSID\{OUTLOOK_STAND_IN}\InprocServer32",
        rf"{CLASSES}\CLSID\{OUTLOOK_STAND_IN}",
        rf"{CLASSES}\Outlook.Application\CLSID",
        rf"{CLASSES}\Outlook.Application",
    ):
        _delete(key)


@pytest.fixture
def classic_outlook(stand_ins, tmp_path, monkeypatch):
    """The stand-in COM server registered as Outlook.Application; yields its record file."""
    record = tmp_path / "outlook-record.txt"
    monkeypatch.setenv("HANDOFF_OUTLOOK_RECORD", str(record))
    _register_outlook(stand_ins / "outlook_standin.dll")
    yield record
    _unregister_outlook()


@pytest.fixture
def thunderbird(stand_ins, tmp_path, monkeypatch):
    """The stand-in thunderbird.exe registered under App Paths; yields its record file."""
    record = tmp_path / "thunderbird-record.txt"
    monkeypatch.setenv("HANDOFF_THUNDERBIRD_RECORD", str(record))
    _set(rf"{APP_PATHS}\thunderbird.exe", "", str(stand_ins / "thunderbird.exe"))
    yield record
    _delete(rf"{APP_PATHS}\thunderbird.exe")


def _com_calls(record: Path) -> list[tuple[str, str]]:
    """The stand-in's calls in order: ("To", "..."), ("Attachments.Add", "C:\\..."), ..."""
    if not record.exists():
        return []
    lines = record.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("=", 1)) for line in lines]  # type: ignore[misc]


def test_classic_outlook_over_com_gets_recipient_subject_body_archive_and_display(
    tmp_path, classic_outlook
):
    archive, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("outlook_com", True)
    calls = _com_calls(classic_outlook)
    names = [name for name, _ in calls]
    assert names == ["CreateItem", "To", "Subject", "Body", "Attachments.Add", "Display"]
    call = dict(calls)
    assert call["CreateItem"] == "0"  # olMailItem
    assert call["To"] == sample.MAILBOX
    assert sample.HANDOFF_ID in call["Subject"]
    assert "wachtwoord" in call["Body"].lower()  # the body says the password comes separately
    assert Path(call["Attachments.Add"]) == archive
    assert call["Display"] == "modeless"  # Display(False): the helper ends, the draft stays


def test_a_forced_outlook_com_is_the_only_method_tried(
    tmp_path, classic_outlook, new_outlook, thunderbird
):
    """The [mail] program setting outlook_com: the new Outlook, tried earlier, stays closed."""
    _, delivery = _deliver(tmp_path, program="outlook_com")
    assert (delivery.details["method"], delivery.details["opened"]) == ("outlook_com", True)
    assert ("Display", "modeless") in _com_calls(classic_outlook)
    assert not new_outlook.exists() and not thunderbird.exists()


def test_a_failing_com_server_falls_back_to_thunderbird(
    tmp_path, classic_outlook, thunderbird, monkeypatch
):
    monkeypatch.setenv("HANDOFF_OUTLOOK_FAIL", "1")  # CreateItem raises, as without a profile
    _, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("thunderbird", True)
    assert "Display" not in dict(_com_calls(classic_outlook))
    assert "-compose" in thunderbird.read_text(encoding="utf-8")


def test_an_outlook_com_server_that_cannot_start_says_so_and_the_chain_moves_on(
    tmp_path, classic_outlook, thunderbird, stand_ins
):
    _register_outlook(stand_ins / "missing.dll")  # registered, but its server is gone
    archive = sample.archive(tmp_path)
    code = _outlook_helper(archive)
    assert code == outlook_helper.NOT_AVAILABLE
    _, delivery = _deliver(tmp_path)
    assert delivery.details["method"] == "thunderbird"


def test_outlook_com_not_registered_is_not_detected_and_the_helper_says_so(tmp_path):
    _unregister_outlook()
    assert "outlook_com" not in [m.name for m in detect()]
    assert _outlook_helper(sample.archive(tmp_path)) == outlook_helper.NOT_AVAILABLE


def _outlook_helper(attachment: Path) -> int:
    """The COM helper process on its own, as handing starts it; its exit code."""
    command = [sys.executable, "-m", "handoff.channels.mail_programs.outlook_helper"]
    args = [str(attachment), sample.MAILBOX, "Onderwerp", "Tekst"]
    return subprocess.run([*command, *args], timeout=120, capture_output=True).returncode


def _compose_value(command_line: str) -> str:
    """The argument after -compose (quoted by the command line rules: it holds spaces)."""
    found = re.search(r' -compose "(.*)"\s*$', command_line, re.S)
    assert found, command_line
    return found.group(1)


def test_the_chain_reaches_thunderbird_when_mapi_olk_and_com_are_absent(tmp_path, thunderbird):
    """Thunderbird -compose carries to, subject and the archive as a file URI it can open.

    Thunderbird splits the attachment list at commas and resolves each entry as
    a URI (MsgComposeCommands.js): spaces and the é of the folder are
    percent-encoded UTF-8, and the URI maps back to exactly this file.
    """
    folder = tmp_path / "Gegevens é 2026"
    folder.mkdir()
    archive, delivery = _deliver(folder)
    assert (delivery.details["method"], delivery.details["opened"]) == ("thunderbird", True)
    fields = thunderbird_args(_compose_value(thunderbird.read_text(encoding="utf-8")))
    assert fields["to"] == sample.MAILBOX
    assert sample.HANDOFF_ID in fields["subject"]
    uri = fields["attachment"]
    assert re.match(r"file:///[A-Z]:/", uri) and "%20" in uri and "%C3%A9" in uri
    assert " " not in uri and "," not in uri and "é" not in uri
    assert Path(url2pathname(uri.removeprefix("file:"))) == archive
