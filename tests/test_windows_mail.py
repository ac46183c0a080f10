"""The mail hand-off on Windows, through the real code paths, under Wine.

tools/windows-check builds stand-ins with MinGW (tools/wine/mapi_standin.c,
also ANSI-only and 32-bit; tools/wine/program_standin.c as olk.exe and
thunderbird.exe; tools/wine/outlook_standin.c; and the C MAPI helper
installer/windows/mapi_send.c as x64) and passes their folder in
HANDOFF_WINE_STAND_INS.
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


def _get(key: str, name: str = "") -> str | None:
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key) as handle:
            return str(winreg.QueryValueEx(handle, name)[0])
    except OSError:
        return None


@pytest.fixture(autouse=True)
def no_default_mail_client():
    """Each test starts without a default Simple MAPI client, and leaves the prefix as it was.

    A fresh Wine prefix names its own client (winemapi) under Clients\\Mail; a
    test that expects the new Outlook, COM or Thunderbird must not find it, in
    whatever order the tests run.
    """
    before = _get(CLIENTS_MAIL)
    _set(CLIENTS_MAIL, "", "")
    yield
    _set(CLIENTS_MAIL, "", before or "")


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


def _registered_program(exe: str, stand_ins: Path, tmp_path: Path, monkeypatch):
    """The stand-in ``exe`` registered under App Paths; yields the file it records into."""
    record = tmp_path / f"{Path(exe).stem}-record.txt"
    monkeypatch.setenv(f"HANDOFF_{Path(exe).stem.upper()}_RECORD", str(record))
    _set(rf"{APP_PATHS}\{exe}", "", str(stand_ins / exe))
    yield record
    _delete(rf"{APP_PATHS}\{exe}")


@pytest.fixture
def new_outlook(stand_ins, tmp_path, monkeypatch):
    """The stand-in olk.exe registered under App Paths; yields its record file."""
    yield from _registered_program("olk.exe", stand_ins, tmp_path, monkeypatch)


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
    yield from _registered_program("thunderbird.exe", stand_ins, tmp_path, monkeypatch)


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


# Issue 14 §2, "try the other bitness if the first fails". The bundle ships
# installer/windows/mapi_send.c built for x86 (mapi-send-x86.exe); this Wine is
# 64-bit only, so the SAME source built for x64 (mapi-send-x64.exe) runs here, next
# to mapi_helper.py: both helpers must keep one contract.

PYTHON_HELPER = [sys.executable, "-m", "handoff.channels.mail_programs.mapi_helper"]
NOT_LOADED = 100
SUBJECT = "Gegevensoverdracht HO-20261123-AB12CD: één lijst, coördinaten"


@pytest.fixture(params=["mapi_helper.py", "mapi-send-x64.exe"])
def helper(request, stand_ins) -> list[str]:
    if request.param == "mapi_helper.py":
        return PYTHON_HELPER
    return [str(stand_ins / request.param)]


@pytest.fixture
def record(tmp_path, monkeypatch) -> Path:
    record = tmp_path / "mapi-record.txt"
    monkeypatch.setenv("HANDOFF_MAPI_RECORD", str(record))
    return record


def _send(helper: list[str], dll: Path, attachment: Path, subject: str = SUBJECT) -> int:
    body = "Het wachtwoord volgt apart.\r\nMet vriendelijke groeten"
    command = [*helper, str(dll), str(attachment), sample.MAILBOX, subject, body]
    return subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, timeout=120
    ).returncode


@pytest.fixture
def attachment(tmp_path) -> Path:
    path = tmp_path / "HO-20261123-AB12CD.7z"
    path.write_bytes(b"7z")
    return path


def test_both_helpers_hand_the_client_attachment_recipient_subject_body_and_dialog(
    helper, stand_ins, record, attachment
):
    assert _send(helper, stand_ins / "mapi_standin.dll", attachment) == 0
    assert _recorded(record) == {
        "entry": "MAPISendMailW",
        "flags": str(MAPI_DIALOG_LOGON_UI),
        "subject": SUBJECT,
        "body": "Het wachtwoord volgt apart.  Met vriendelijke groeten",  # line breaks: spaces
        "to": f"SMTP:{sample.MAILBOX}",
        "attachment": str(attachment),
        "attachment_name": attachment.name,
    }


@pytest.mark.parametrize("result", [1, 11], ids=["MAPI_USER_ABORT", "MAPI_E_ATTACHMENT_NOT_FOUND"])
def test_both_helpers_exit_with_the_clients_mapi_result(
    helper, stand_ins, record, attachment, monkeypatch, result
):
    monkeypatch.setenv("HANDOFF_MAPI_RESULT", str(result))
    assert _send(helper, stand_ins / "mapi_standin.dll", attachment) == result
    assert record.exists()


@pytest.mark.parametrize(
    "dll",
    ["missing.dll", "mapi_standin_x86.dll", "version.dll"],
    ids=["missing", "32-bit DLL in a 64-bit helper", "no MAPI entry point"],
)
def test_both_helpers_answer_not_loaded_for_a_dll_they_cannot_use(
    helper, stand_ins, record, attachment, dll
):
    path = stand_ins / dll
    if dll == "version.dll":  # a real DLL that loads but has no Simple MAPI
        path = Path(os.environ["SYSTEMROOT"]) / "System32" / dll
    assert _send(helper, path, attachment) == NOT_LOADED
    assert not record.exists()


def test_both_helpers_fall_back_to_the_ansi_entry_point_in_the_ansi_code_page(
    helper, stand_ins, record, attachment
):
    import ctypes

    code_page = f"cp{ctypes.windll.kernel32.GetACP()}"
    assert SUBJECT.encode(code_page).decode(code_page) == SUBJECT  # within the ANSI code page
    assert _send(helper, stand_ins / "mapi_standin_ansi.dll", attachment) == 0
    call = _recorded(record)
    assert (call["entry"], call["flags"]) == ("MAPISendMail", str(MAPI_DIALOG_LOGON_UI))
    assert (call["subject"], call["to"]) == (SUBJECT, f"SMTP:{sample.MAILBOX}")
    assert (call["attachment"], call["attachment_name"]) == (str(attachment), attachment.name)


def test_a_dll_the_own_helper_cannot_load_is_handed_by_the_other_bitness_helper(
    tmp_path, mapi_client, new_outlook, stand_ins, monkeypatch
):
    """The own helper answers 100 (as for a 32-bit Outlook); the x64 build stands in for x86."""
    from handoff.channels.mail_programs import handing

    monkeypatch.setattr(
        handing, "own_mapi_helper", lambda: [sys.executable, "-c", "raise SystemExit(100)"]
    )
    monkeypatch.setattr(
        handing, "other_bitness_mapi_helper", lambda: [str(stand_ins / "mapi-send-x64.exe")]
    )
    archive, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("mapi", True)
    call = _recorded(mapi_client)
    assert Path(call["attachment"]) == archive and sample.HANDOFF_ID in call["subject"]
    assert not new_outlook.exists()


def test_a_32_bit_dll_no_helper_here_can_load_gives_way_to_the_new_outlook(
    tmp_path, mapi_client, new_outlook, stand_ins, monkeypatch
):
    """Both helpers really answer 100 for the 32-bit stand-in: MAPI is not claimed."""
    from handoff.channels.mail_programs import handing

    monkeypatch.setattr(
        handing, "other_bitness_mapi_helper", lambda: [str(stand_ins / "mapi-send-x64.exe")]
    )
    _set(rf"{CLIENTS_MAIL}\{CLIENT}", "DllPathEx", str(stand_ins / "mapi_standin_x86.dll"))
    _, delivery = _deliver(tmp_path)
    assert (delivery.details["method"], delivery.details["opened"]) == ("olk", True)
    assert not mapi_client.exists() and new_outlook.exists()
