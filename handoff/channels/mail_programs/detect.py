"""Which ways to reach a mail program this machine has, in the order to try them.

Pure logic over a :class:`Registry` and ``shutil.which``-like lookup, so the
order and the registry rules are tested on Linux with a registry given as data
(tests/test_mail_programs.py) and for real under Wine (tests/test_windows_mail.py).
"""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

#: Every method, in the order tried; ``none`` is what the journal records when
#: nothing could be started.
METHODS = ("mapi", "olk", "outlook_com", "thunderbird", "xdg_email", "default", "none")

CLIENTS_MAIL = r"SOFTWARE\Clients\Mail"
APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths"
OUTLOOK_COM = r"Outlook.Application\CLSID"


class Registry(Protocol):
    """Read one string value; ``name`` "" is the key's default value."""

    def value(self, root: str, key: str, name: str = "") -> str | None: ...


class WindowsRegistry:
    """The real registry through winreg (roots: HKCU, HKLM, HKCR)."""

    def value(self, root: str, key: str, name: str = "") -> str | None:
        # winreg exists only on Windows: imported by name so type checks pass elsewhere.
        winreg: Any = importlib.import_module("winreg")
        hive = {
            "HKCU": winreg.HKEY_CURRENT_USER,
            "HKLM": winreg.HKEY_LOCAL_MACHINE,
            "HKCR": winreg.HKEY_CLASSES_ROOT,
        }[root]
        try:
            with winreg.OpenKey(hive, key) as handle:
                found, kind = winreg.QueryValueEx(handle, name)
        except OSError:
            return None
        if kind == winreg.REG_EXPAND_SZ:
            found = winreg.ExpandEnvironmentStrings(found)
        return found if isinstance(found, str) and found.strip() else None


@dataclass(frozen=True)
class Method:
    """One way to reach a mail program; ``target`` is its DLL or executable, if any."""

    name: str
    target: str | None = None


def _either(registry: Registry, key: str, name: str = "") -> str | None:
    """The user's own setting first, then the machine's."""
    return registry.value("HKCU", key, name) or registry.value("HKLM", key, name)


def mapi_dll(registry: Registry) -> str | None:
    """The Simple MAPI DLL of the default mail client (DllPathEx, then DllPath)."""
    client = _either(registry, CLIENTS_MAIL)
    if not client:
        return None
    key = rf"{CLIENTS_MAIL}\{client}"
    return registry.value("HKLM", key, "DllPathEx") or registry.value("HKLM", key, "DllPath")


def app_path(registry: Registry, exe: str) -> str | None:
    """An executable registered under App Paths (how Windows' "Run" finds it)."""
    found = _either(registry, rf"{APP_PATHS}\{exe}")
    return found.strip('"') if found else None


def windows_methods(registry: Registry) -> list[Method]:
    found: list[Method] = []
    if dll := mapi_dll(registry):
        found.append(Method("mapi", dll))
    if olk := app_path(registry, "olk.exe"):
        found.append(Method("olk", olk))
    if registry.value("HKCR", OUTLOOK_COM):
        found.append(Method("outlook_com"))
    if thunderbird := app_path(registry, "thunderbird.exe"):
        found.append(Method("thunderbird", thunderbird))
    found.append(Method("default"))
    return found


def posix_methods(which: Callable[[str], str | None]) -> list[Method]:
    found: list[Method] = []
    if xdg_email := which("xdg-email"):
        found.append(Method("xdg_email", xdg_email))
    if thunderbird := which("thunderbird"):
        found.append(Method("thunderbird", thunderbird))
    found.append(Method("default"))
    return found


def detect(
    forced: str | None = None,
    *,
    platform: str = sys.platform,
    registry: Registry | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[Method]:
    """The methods to try, in order; only ``forced`` (when the machine has it) if given.

    A forced method the machine lacks yields an empty list: the caller says so
    rather than quietly using another program than the one the setting names.
    """
    if platform == "win32":
        methods = windows_methods(registry or WindowsRegistry())
    else:
        methods = posix_methods(which)
    if forced:
        return [m for m in methods if m.name == forced]
    return methods
