"""Windows behaviour, run under Wine by tools/windows-check (``pytest -m windows``).

On Linux these tests are skipped: they exercise the Windows code paths of the
real libraries (the Credential Manager backend of keyring, Windows paths with
non-ASCII user names, Windows file sharing), which only exist on Windows.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from pathlib import Path

import keyring
import pytest

from handoff import usecases
from handoff.core import credentials, passwords, paths
from handoff.core.journal import Journal

pytestmark = [
    pytest.mark.windows,
    pytest.mark.skipif(
        sys.platform != "win32", reason="Windows only (tools/windows-check runs it under Wine)"
    ),
]


@pytest.fixture
def credential_manager(monkeypatch):
    """The real Windows Credential Manager backend instead of the test's memory store."""
    from keyring.backends.Windows import WinVaultKeyring

    backend = WinVaultKeyring()
    keyring.set_keyring(backend)
    yield backend
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        backend.delete_password(credentials.SERVICE, "smtp")


def test_credential_manager_is_a_secure_keyring_and_round_trips(credential_manager):
    assert credentials.secure_backend_available()
    credentials.set_secret("smtp", "géheim-Ω-4711")
    assert credentials.get_secret("smtp") == "géheim-Ω-4711"
    # Kept on this machine, not roaming with the profile (CRED_PERSIST_LOCAL_MACHINE).
    assert credential_manager.persist == 2  # keyring stores the win32cred constant
    credentials.delete_secret("smtp")
    assert credentials.get_secret("smtp") is None


def test_default_keyring_on_windows_is_the_credential_manager(monkeypatch):
    """Without the test fixture's store, keyring picks WinVaultKeyring, which the allow-list trusts."""
    from keyring.core import _detect_backend  # the same detection keyring does at first use

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    _detect_backend()
    assert credentials.secure_backend_available(), type(keyring.get_keyring())


@pytest.fixture
def jerome_home(tmp_path, monkeypatch):
    """HANDOFF_HOME under a user folder with accented letters, like C:\\Users\\Jérôme."""
    home = tmp_path / "Users" / "Jérôme" / "Handoff"
    monkeypatch.setenv("HANDOFF_HOME", str(home))
    return home


def test_non_ascii_user_folder_packs_unpacks_and_journals(jerome_home, tmp_path):
    source = jerome_home.parent / "Documenten" / "lijst van Zoë.csv"
    source.parent.mkdir(parents=True)
    source.write_text("naam;gemeente\nJérôme;Liège\n", encoding="utf-8")
    archive = jerome_home.parent / "Documenten" / "lijst van Zoë.7z"
    password = passwords.generate("sms")

    usecases.package_file(source, archive, password=password)
    usecases.unpack_to(archive, jerome_home.parent / "Uitgepakt", password.value)

    assert (jerome_home.parent / "Uitgepakt" / source.name).read_bytes() == source.read_bytes()
    assert str(paths.data_dir()).startswith(str(jerome_home))
    with Journal() as journal:
        assert journal.verify().ok


def open_without_sharing(path: Path) -> int:
    """Hold ``path`` open the way Excel does: no share-delete, so deleting it fails."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = ctypes.c_void_p
    handle = kernel32.CreateFileW(
        str(path), 0x80000000, 0x1, None, 3, 0x80, None
    )  # read, share read
    assert handle not in (None, ctypes.c_void_p(-1).value), ctypes.get_last_error()
    return handle


def close_handle(handle: int) -> None:
    ctypes.WinDLL("kernel32").CloseHandle(ctypes.c_void_p(handle))


def test_a_file_held_open_cannot_be_deleted_and_stays(tmp_path):
    """The sharing violation Windows raises while Excel has a received sheet open."""
    sheet = tmp_path / "ontvangen.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    handle = open_without_sharing(sheet)
    try:
        with pytest.raises(PermissionError) as raised:
            sheet.unlink()
        assert raised.value.winerror == 32  # ERROR_SHARING_VIOLATION
        assert sheet.exists()
    finally:
        close_handle(handle)
    sheet.unlink()
    assert not sheet.exists()


def test_deleting_a_stored_sheet_open_in_excel_deletes_nothing_and_keeps_the_obligation(
    tmp_path, monkeypatch
):
    """Issue 14 §3: retry briefly, then "sluit het bestand in Excel"; never journal what did not happen."""
    from handoff.core import retention
    from handoff.core.errors import HandoffError
    from handoff.core.journal import Step
    from tests.test_retention import TODAY, store

    monkeypatch.setattr(retention, "IN_USE_RETRY_SECONDS", 0.5)
    with Journal() as journal:
        hid, folder = store(
            journal, tmp_path / "beveiligd", {"a.csv": b"a", "lijst.xlsx": b"b" * 10}, TODAY
        )
        handle = open_without_sharing(folder / "lijst.xlsx")
        try:
            with pytest.raises(HandoffError) as raised:
                retention.delete_now(hid, journal=journal)
            assert raised.value.code == "file_in_use"
            assert "Sluit het bestand in Excel" in raised.value.message()
            assert retention.run(journal, today=TODAY) == []  # the daily run skips it too
        finally:
            close_handle(handle)
        assert sorted(p.name for p in folder.iterdir()) == ["a.csv", "lijst.xlsx"]
        assert journal.records(handoff_id=hid, step=Step.FILE_DELETED) == []
        assert [item.handoff_id for item in retention.stored(journal)] == [hid]

        done = retention.delete_now(hid, journal=journal)  # closed in Excel: now it goes
        assert done.deleted == 2 and not folder.exists()
        assert len(journal.records(handoff_id=hid, step=Step.FILE_DELETED)) == 1


@pytest.fixture
def policy_keys(monkeypatch):
    """Policy values written the way IT writes them (``reg add``), read by the real registry reader.

    The suite's conftest turns the registry off for every test; here Handoff reads
    Wine's real registry again. Each key written is removed afterwards.
    """
    import subprocess
    import winreg

    from handoff.core import policy

    monkeypatch.setattr(policy, "registry", policy.WinRegistry)
    written: list[tuple[str, str]] = []

    def reg_add(hive: str, path: str, name: str, value: str, kind: str = "REG_SZ") -> None:
        command = ["reg", "add", f"{hive}\\{path}", "/v", name, "/t", kind, "/d", value, "/f"]
        subprocess.run(command, check=True, capture_output=True)
        written.append((hive, path))

    yield reg_add
    hives = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}
    for hive, path in sorted(set(written), key=lambda item: -item[1].count("\\")):
        with contextlib.suppress(OSError):
            winreg.DeleteKeyEx(hives[hive], path, winreg.KEY_WOW64_64KEY, 0)
    for hive in {hive for hive, _ in written}:
        with contextlib.suppress(OSError):
            winreg.DeleteKeyEx(hives[hive], r"SOFTWARE\Policies\Handoff", winreg.KEY_WOW64_64KEY, 0)


def test_policy_from_the_registry_hklm_over_hkcu_over_the_file(policy_keys):
    """Issue 15: HKLM beats HKCU, which beats %ProgramData%'s policy file, key by key."""
    from handoff.core import policy, settings

    root = r"SOFTWARE\Policies\Handoff"
    policy_keys("HKLM", root + r"\mail", "mode", "smtp")
    policy_keys("HKLM", root + r"\mail", "port", "465", "REG_DWORD")
    policy_keys("HKCU", root + r"\mail", "mode", "draft")
    policy_keys("HKCU", root + r"\mail", "security", "tls")
    policy_keys("HKCU", root + r"\Recommended\sftp", "port", "2222", "REG_DWORD")
    machine_file = policy.machine_policy_file()  # the test's own folder (conftest)
    machine_file.parent.mkdir(parents=True, exist_ok=True)
    machine_file.write_text(
        '[locked.mail]\nmode = "draft"\nhost = "file.example"\nsecurity = "starttls"\n',
        encoding="utf-8",
    )
    in_force = settings.resolve()
    s = in_force.settings
    assert s.mail.mode == "smtp" and s.mail.port == 465  # HKLM
    assert s.mail.security == "tls"  # HKCU beats the file
    assert s.mail.host == "file.example"  # only the file sets it
    assert s.sftp.port == 2222  # a recommendation: the worker may change it
    assert in_force.origin("mail.mode").source.place == "HKLM\\" + root
    assert in_force.origin("sftp.port").kind == settings.RECOMMENDED


def test_show_in_folder_selects_the_draft_through_the_shell_and_says_when_nothing_opened(
    tmp_path,
):
    """Toon in map (issue 14 §3): the shell's SHOpenFolderAndSelectItems, its answer believed.

    Where the shell cannot (Wine 8.0 answers REGDB_E_CLASSNOTREG), Explorer
    by its full path selects the file. A draft that is not there (removed
    meanwhile) opens nothing, and the page is told so rather than shown an
    empty success.
    """
    from handoff.channels.mail_programs.handing import shell_answer, show_in_folder

    draft = tmp_path / "Overdracht é" / "HO-20260312-4FJ7QX.eml"
    draft.parent.mkdir()
    draft.write_bytes(b"X-Unsent: 1\r\n\r\n")
    assert shell_answer(draft) is not None  # the file is there: the shell was asked
    assert show_in_folder(draft) is True  # by the shell, or by Explorer where it cannot
    gone = draft.with_name("HO-20260312-WEG000.eml")
    assert shell_answer(gone) is None
    assert show_in_folder(gone) is False
