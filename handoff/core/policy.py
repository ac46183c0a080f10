"""Organisation policy: what IT presets (recommended) and fixes (locked) for every worker.

Sources, highest first (issue 15): on Windows the machine policy
``HKLM\\SOFTWARE\\Policies\\Handoff``, the user policy ``HKCU\\…\\Handoff``
(both written only by Group Policy or Intune) and the file
``%ProgramData%\\Handoff\\policy.toml`` for organisations without GPO; on
Linux ``/etc/handoff/policy.toml``, on macOS
``/Library/Application Support/Handoff/policy.toml``. Each has a locked part
(wins over everything below it) and a recommended part (a default the worker
may change), like Chrome's ``Policies\\…\\Recommended`` key.

This module only *reads* the sources into raw layers; which values are valid
and how they merge with the worker's own settings is
:mod:`handoff.core.settings`' business, since it owns the schema. The one
place that says where the machine policy lives is :func:`machine_policy_file`;
tests point it at a temporary folder. There is deliberately no environment
variable for it: a worker could set one and step outside a lock.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from handoff.core.i18n import Text

#: Policy-only keys: not worker settings, so outside [locked]/[recommended].
FOLDERS = "protocol_folders"
SIGNING_KEYS = "protocol_signing_keys"
EXTRAS = (FOLDERS, SIGNING_KEYS)

REGISTRY_PATH = r"SOFTWARE\Policies\Handoff"
RECOMMENDED = "Recommended"

# Journal-safe names of the sources (the journal's whitelist accepts these only).
HKLM = "hklm"
HKCU = "hkcu"
FILE = "file"


@dataclass(frozen=True)
class Source:
    """Where a policy value came from: a stable kind for the journal, a place for people."""

    kind: str  # HKLM, HKCU or FILE
    place: str  # the registry key or the file's path, shown to IT

    def who(self) -> Text:
        """Words for 'who set this', in a refusal or next to a value."""
        return Text(
            f"uw organisatie (beleid {self.place})", f"your organisation (policy {self.place})"
        )


@dataclass(frozen=True)
class PolicyProblem:
    """A policy entry that was ignored: its key and source, never its value."""

    key: str
    source: Source
    text: Text


@dataclass
class Layer:
    """One source as read: dotted key -> raw value, per part."""

    source: Source
    locked: dict[str, Any] = field(default_factory=dict)
    recommended: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    problems: list[PolicyProblem] = field(default_factory=list)
    unreadable: bool = False  # the source exists but could not be read: locks unknown


# -- where ------------------------------------------------------------------


def machine_policy_file() -> Path:
    """The machine-wide policy file of this platform; the one place that says where it is."""
    if sys.platform == "win32":
        return _program_data() / "Handoff" / "policy.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Handoff/policy.toml")
    return Path("/etc/handoff/policy.toml")


def _program_data() -> Path:
    """%ProgramData% as Windows knows it, not as the environment says.

    A worker can set the ProgramData environment variable for their own
    processes; asking the shell for FOLDERID_ProgramData cannot be redirected
    that way, so the policy file cannot be swapped for one of their own.
    """
    import ctypes
    import uuid

    folder = uuid.UUID("{62AB5D82-FDC1-4DC3-A9DD-070D1D495D97}")  # FOLDERID_ProgramData
    buffer = ctypes.c_wchar_p()
    guid = (ctypes.c_byte * 16).from_buffer_copy(folder.bytes_le)
    shell = ctypes.windll.shell32  # type: ignore[attr-defined,unused-ignore]
    if shell.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(buffer)) != 0:
        return Path(r"C:\ProgramData")
    try:
        return Path(str(buffer.value))
    finally:
        ctypes.windll.ole32.CoTaskMemFree(buffer)  # type: ignore[attr-defined,unused-ignore]


# -- the TOML file -------------------------------------------------------------


def flatten(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """``{"mail": {"mode": "smtp"}}`` -> ``("mail.mode", "smtp")``: one level of tables."""
    for key, value in table.items():
        if isinstance(value, dict) and not prefix:
            yield from flatten(value, f"{key}.")
        else:
            yield f"{prefix}{key}", value


def _file_problem(source: Source, nl: str, en: str) -> PolicyProblem:
    return PolicyProblem("policy_file", source, Text(nl, en))


def read_file(path: Path) -> Layer | None:
    """The policy file as a layer; None when there is none (the usual case)."""
    source = Source(FILE, str(path))
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        layer = Layer(source, unreadable=True)
        layer.problems.append(
            _file_problem(
                source,
                f"het beleidsbestand is onleesbaar ({type(exc).__name__}); geen enkele "
                "instelling eruit wordt gebruikt.",
                f"the policy file cannot be read ({type(exc).__name__}); none of its "
                "settings is used.",
            )
        )
        return layer
    layer = Layer(source)
    for name, value in data.items():
        if name in ("locked", "recommended") and isinstance(value, dict):
            part = layer.locked if name == "locked" else layer.recommended
            part.update(flatten(value))
        elif name in EXTRAS:
            layer.extras[name] = value
        else:
            layer.problems.append(
                PolicyProblem(
                    "unknown",
                    source,
                    Text(
                        f"onbekend onderdeel '{name}' (verwacht: [locked], [recommended], "
                        f"{', '.join(EXTRAS)}).",
                        f"unknown entry '{name}' (expected: [locked], [recommended], "
                        f"{', '.join(EXTRAS)}).",
                    ),
                )
            )
    return layer


# -- the Windows registry ------------------------------------------------------

# winreg's type numbers, so conversion is testable on any platform.
REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ, REG_QWORD = 1, 2, 4, 7, 11


class RegistryReader(Protocol):
    """The few registry reads a policy needs; a fake one stands in for tests."""

    def values(self, hive: str, path: str) -> list[tuple[str, object, int]] | None:
        """(name, data, type) of every value under ``path``; None when the key is missing."""

    def subkeys(self, hive: str, path: str) -> list[str]:
        """The names of the subkeys of ``path`` (none when it is missing)."""


class WinRegistry:
    """The real registry, 64-bit view (KEY_WOW64_64KEY) whatever the Python's bitness.

    Exercised under Wine by tools/windows-check; ``winreg`` exists only on Windows.
    """

    @staticmethod
    def _winreg() -> Any:
        """winreg exists only on Windows; imported by name so type checks pass elsewhere."""
        import importlib

        return importlib.import_module("winreg")

    def _open(self, hive: str, path: str) -> Any:
        winreg = self._winreg()
        root = winreg.HKEY_LOCAL_MACHINE if hive == HKLM else winreg.HKEY_CURRENT_USER
        try:
            return winreg.OpenKey(root, path, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
        except OSError:
            return None

    def values(self, hive: str, path: str) -> list[tuple[str, object, int]] | None:
        winreg = self._winreg()
        key = self._open(hive, path)
        if key is None:
            return None
        with key:
            count = winreg.QueryInfoKey(key)[1]
            return [tuple(winreg.EnumValue(key, i)) for i in range(count)]

    def subkeys(self, hive: str, path: str) -> list[str]:
        winreg = self._winreg()
        key = self._open(hive, path)
        if key is None:
            return []
        with key:
            return [winreg.EnumKey(key, i) for i in range(winreg.QueryInfoKey(key)[0])]


def registry() -> RegistryReader | None:
    """The registry reader of this machine; None where there is no registry."""
    return WinRegistry() if sys.platform == "win32" else None


def convert(data: object, kind: int) -> object:
    """A registry value as the Python value a TOML file would have given.

    REG_SZ -> text, REG_EXPAND_SZ -> text with %VARIABLES% expanded,
    REG_DWORD/REG_QWORD -> whole number (settings turn 0/1 into false/true),
    REG_MULTI_SZ -> list of text. Anything else raises ValueError.
    """
    if kind == REG_SZ and isinstance(data, str):
        return data
    if kind == REG_EXPAND_SZ and isinstance(data, str):
        return os.path.expandvars(data)
    if kind in (REG_DWORD, REG_QWORD) and isinstance(data, int) and not isinstance(data, bool):
        return data
    if kind == REG_MULTI_SZ and isinstance(data, list | tuple):
        return [str(item) for item in data if str(item)]
    raise ValueError(kind)


def _registry_part(
    reader: RegistryReader, layer: Layer, hive: str, path: str, part: dict[str, Any]
) -> None:
    """The values directly under ``path`` (top-level keys) and under each section subkey."""
    for name, data, kind in reader.values(hive, path) or []:
        _registry_value(layer, part, name, data, kind, top=True)
    for section in reader.subkeys(hive, path):
        if section == RECOMMENDED:
            continue
        for name, data, kind in reader.values(hive, f"{path}\\{section}") or []:
            _registry_value(layer, part, f"{section}.{name}", data, kind, top=False)


def _registry_value(
    layer: Layer, part: dict[str, Any], key: str, data: object, kind: int, *, top: bool
) -> None:
    try:
        value = convert(data, kind)
    except ValueError:
        layer.problems.append(
            PolicyProblem(
                key,
                layer.source,
                Text(
                    "dit registertype kan niet (gebruik REG_SZ, REG_DWORD of REG_MULTI_SZ).",
                    "this registry type cannot be used (use REG_SZ, REG_DWORD or REG_MULTI_SZ).",
                ),
            )
        )
        return
    if top and key in EXTRAS and part is layer.locked:
        layer.extras[key] = value
    else:
        part[key] = value


def read_registry(reader: RegistryReader, hive: str) -> Layer | None:
    """``<hive>\\SOFTWARE\\Policies\\Handoff`` as a layer; None when the key is absent."""
    if reader.values(hive, REGISTRY_PATH) is None:
        return None
    place = ("HKLM\\" if hive == HKLM else "HKCU\\") + REGISTRY_PATH
    layer = Layer(Source(hive, place))
    _registry_part(reader, layer, hive, REGISTRY_PATH, layer.locked)
    recommended = f"{REGISTRY_PATH}\\{RECOMMENDED}"
    _registry_part(reader, layer, hive, recommended, layer.recommended)
    return layer


# -- all sources -----------------------------------------------------------------


def layers() -> list[Layer]:
    """Every policy source present on this machine, highest first."""
    found: list[Layer | None] = []
    reader = registry()
    if reader is not None:
        found += [read_registry(reader, HKLM), read_registry(reader, HKCU)]
    found.append(read_file(machine_policy_file()))
    return [layer for layer in found if layer is not None]


# -- policy-only entries: protocol folders and signing keys -------------------


def extra(layers_: Iterable[Layer], name: str) -> tuple[list[str], Source | None]:
    """The highest source's list for ``name``; a lower source cannot add to it.

    Taking one source only matters for the signing keys: a key added by a
    lower (perhaps worker-writable) source would let its holder sign profiles.
    """
    for layer in layers_:
        if name in layer.extras:
            value = layer.extras[name]
            if isinstance(value, str):
                value = [value]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return [v for v in value if v.strip()], layer.source
            layer.problems.append(
                PolicyProblem(
                    name,
                    layer.source,
                    Text("dit moet een lijst van tekst zijn.", "this must be a list of text."),
                )
            )
            return [], layer.source
    return [], None


def public_key_bytes(text: str) -> bytes:
    """The 32 raw bytes of an Ed25519 public key written as ``ed25519:BASE64``; ValueError else."""
    body = text.strip().removeprefix("ed25519:")
    raw = base64.b64decode(body, validate=True)
    if len(raw) != 32:
        raise ValueError("length")
    return raw


def key_id(raw_public: bytes) -> str:
    """A short, stable name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(raw_public).hexdigest()[:16]


def signing_keys(layers_: list[Layer]) -> dict[str, bytes]:
    """Key id -> raw public key from the policy; unusable entries become problems."""
    texts, source = extra(layers_, SIGNING_KEYS)
    keys: dict[str, bytes] = {}
    for text in texts:
        try:
            raw = public_key_bytes(text)
        except ValueError:
            layer = next(la for la in layers_ if la.source == source)
            layer.problems.append(
                PolicyProblem(
                    SIGNING_KEYS,
                    layer.source,
                    Text(
                        "een sleutel is geen Ed25519-publieke sleutel (ed25519:… zoals "
                        "'handoff protocol keygen' ze toont).",
                        "a key is not an Ed25519 public key (ed25519:… as "
                        "'handoff protocol keygen' prints it).",
                    ),
                )
            )
            continue
        keys[key_id(raw)] = raw
    return keys


def signing_required(layers_: list[Layer]) -> bool:
    """Whether the policy names signing keys at all (even unusable ones: then nothing loads)."""
    texts, _ = extra(layers_, SIGNING_KEYS)
    return bool(texts)
