"""Start the mail program with the draft, by the first method that reports success."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handoff.channels.mail_programs.detect import Method
from handoff.channels.mail_programs.mapi_helper import NOT_LOADED as MAPI_NOT_LOADED

#: How long a started program (olk.exe, thunderbird) must survive to count as started.
SETTLE_SECONDS = 2.0
#: The MAPI dialog is modal: the helper returns when the worker sends or cancels.
MAPI_TIMEOUT = 3600.0
MAPI_USER_ABORT = 1
#: Outlook may first show its profile dialog; like MAPI's, the worker's pace.
OUTLOOK_TIMEOUT = 3600.0
#: The 32-bit build of installer/windows/mapi_send.c in the Windows bundle.
MAPI_HELPER_X86 = "mapi-send-x86.exe"


@dataclass(frozen=True)
class Draft:
    """The draft as the mail program needs it: the .eml, or its parts for MAPI and COM."""

    eml: Path
    attachment: Path
    to: str
    subject: str
    body: str


@dataclass(frozen=True)
class HandOver:
    """Which method worked (``none``: nothing started), and whether the worker cancelled."""

    method: str
    opened: bool
    cancelled: bool = False


def _quiet(**extra: object) -> dict[str, object]:
    kwargs: dict[str, object] = {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
    }
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.CREATE_NO_WINDOW  # type: ignore[attr-defined]
    else:
        kwargs["start_new_session"] = True
    return kwargs | extra


def started(command: Sequence[str], settle: float = SETTLE_SECONDS) -> bool:
    """True when ``command`` starts and is still running, or ended well, after ``settle`` s."""
    try:
        proc = subprocess.Popen(list(command), **_quiet())  # type: ignore[call-overload]
    except OSError:
        return False
    deadline = time.monotonic() + settle
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return proc.returncode == 0
        time.sleep(0.05)
    return True


def finished(command: Sequence[str], timeout: float) -> int | None:
    """The exit code of ``command``, or None when it could not start or timed out."""
    try:
        return subprocess.run(list(command), timeout=timeout, **_quiet()).returncode  # type: ignore[call-overload]
    except (OSError, subprocess.TimeoutExpired):
        return None


def helper_command(module: str) -> list[str]:
    """How to start one of Handoff's helper processes, from source or from the bundle."""
    if getattr(sys, "frozen", False):  # PyInstaller: handoff-cli.exe knows the helpers
        exe = Path(sys.executable)
        cli = exe.with_name("handoff-cli.exe") if sys.platform == "win32" else exe
        return [str(cli), "--helper", module]
    return [sys.executable, "-m", module]


def thunderbird_compose(draft: Draft) -> str:
    """Thunderbird's -compose argument; quotes in the fields would end the values early."""
    fields = {"to": draft.to, "subject": draft.subject, "body": draft.body}
    parts = [f"{key}='{value.replace(chr(39), ' ')}'" for key, value in fields.items()]
    parts.append(f"attachment='{draft.attachment.resolve().as_uri()}'")
    return ",".join(parts)


def own_mapi_helper() -> list[str]:
    """The MAPI helper of this process's own bitness (mapi_helper.py)."""
    return helper_command("handoff.channels.mail_programs.mapi_helper")


def other_bitness_mapi_helper() -> list[str] | None:
    """The 32-bit MAPI helper the Windows bundle carries, for a 32-bit client's DLL.

    A 64-bit process cannot load the MAPI DLL of a 32-bit Outlook (still the
    usual Office install): installer/windows/mapi_send.c, built for x86, can.
    PyInstaller puts it with the bundle's other files (``sys._MEIPASS``); a pip
    install has none, and then MAPI simply gives way to the next method.
    """
    if not getattr(sys, "frozen", False):
        return None
    for folder in (Path(getattr(sys, "_MEIPASS", sys.executable)), Path(sys.executable).parent):
        if (folder / MAPI_HELPER_X86).is_file():
            return [str(folder / MAPI_HELPER_X86)]
    return None


def _mapi(method: Method, draft: Draft) -> bool | None:
    """The own-bitness helper, then the other-bitness one when the DLL did not load."""
    other = other_bitness_mapi_helper()
    for helper in (own_mapi_helper(), *([other] if other else [])):
        code = finished(
            [*helper, method.target or "", str(draft.attachment), draft.to, draft.subject,
             draft.body],
            MAPI_TIMEOUT,
        )  # fmt: skip
        if code == MAPI_NOT_LOADED:
            continue
        if code == MAPI_USER_ABORT:
            return None
        return code == 0
    return False


def _outlook_com(method: Method, draft: Draft) -> bool | None:
    """Classic Outlook's object model in the COM helper process (outlook_helper)."""
    code = finished(
        [*helper_command("handoff.channels.mail_programs.outlook_helper"),
         str(draft.attachment.resolve()), draft.to, draft.subject, draft.body],
        OUTLOOK_TIMEOUT,
    )  # fmt: skip
    return code == 0


def _default(method: Method, draft: Draft) -> bool | None:
    if sys.platform == "win32":
        try:
            os.startfile(draft.eml)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    return finished([opener, str(draft.eml)], 60) == 0


def _xdg_email(method: Method, draft: Draft) -> bool | None:
    command = [method.target or "xdg-email", "--subject", draft.subject, "--body", draft.body]
    return finished([*command, "--attach", str(draft.attachment), draft.to], 60) == 0


Runner = Callable[[Method, Draft], "bool | None"]

RUNNERS: dict[str, Runner] = {
    "mapi": _mapi,
    "olk": lambda m, d: started([m.target or "olk.exe", str(d.eml)]),
    "outlook_com": _outlook_com,
    "thunderbird": lambda m, d: started(
        [m.target or "thunderbird", "-compose", thunderbird_compose(d)]
    ),
    "xdg_email": _xdg_email,
    "default": _default,
}


def hand_over(draft: Draft, methods: Sequence[Method]) -> HandOver:
    """Try ``methods`` in order; the first that reports success is the one recorded.

    A runner answers True (handed over), False (try the next one) or None (the
    worker cancelled the mail program's own dialog: nothing else is opened).
    """
    for method in methods:
        outcome = RUNNERS[method.name](method, draft)
        if outcome is None:
            return HandOver(method.name, opened=False, cancelled=True)
        if outcome:
            return HandOver(method.name, opened=True)
    return HandOver("none", opened=False)


def show_in_folder(path: Path) -> bool:
    """Open the folder with ``path`` selected (Explorer) or at least the folder.

    On Windows through the shell's own ``SHOpenFolderAndSelectItems`` (what
    "Show in folder" in a browser does): it answers whether it worked, where
    ``explorer.exe`` returns 1 either way, and nothing is looked up on PATH or
    in the current folder, where a planted ``explorer.exe`` would be found
    first. Explorer by its full path is the fallback.
    """
    if sys.platform == "win32":
        if shell_answer(path) == 0:
            return True
        explorer = Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "explorer.exe"
        return path.exists() and started([str(explorer), f"/select,{path}"], settle=0)
    return finished(["xdg-open", str(path.parent)], 30) == 0


def shell_answer(path: Path) -> int | None:
    """``SHOpenFolderAndSelectItems``' HRESULT for ``path`` (0: shown); None when it is not there."""
    import ctypes

    windll: Any = ctypes.windll  # type: ignore[attr-defined,unused-ignore]  # Windows only
    shell32, ole32 = windll.shell32, windll.ole32
    ole32.CoInitializeEx.restype = ctypes.c_long
    shell32.ILCreateFromPathW.restype = ctypes.c_void_p
    shell32.ILCreateFromPathW.argtypes = [ctypes.c_wchar_p]
    shell32.SHOpenFolderAndSelectItems.restype = ctypes.c_ulong
    shell32.SHOpenFolderAndSelectItems.argtypes = [
        ctypes.c_void_p, ctypes.c_uint, ctypes.c_void_p, ctypes.c_ulong
    ]  # fmt: skip
    shell32.ILFree.argtypes = [ctypes.c_void_p]
    initialised = ole32.CoInitializeEx(None, 0x2) in (0, 1)  # S_OK, S_FALSE: ours to undo
    try:
        item = shell32.ILCreateFromPathW(str(path))  # NULL when the file is not there
        if not item:
            return None
        try:
            return int(shell32.SHOpenFolderAndSelectItems(item, 0, None, 0))
        finally:
            shell32.ILFree(item)
    finally:
        if initialised:
            ole32.CoUninitialize()
