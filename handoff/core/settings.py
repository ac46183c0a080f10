"""The settings file: who we are, where files go, how mail, SFTP and SMS are reached.

Kept as TOML at :func:`handoff.core.paths.settings_path` so an IT desk can read
and roll it out. It never holds a secret: passwords and API tokens live in the
system keyring (:mod:`handoff.core.credentials`); a secret-looking key in the
file is refused so nobody is tempted to put one there. The defaults work with
no server and no account: mail is written as a draft for the user's own mail
program. A malformed file is reported with its name and line and never
overwritten, because silently replacing it would lose the IT desk's choices.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from handoff.core import paths
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

MAIL_MODES = ("draft", "smtp")
MAIL_SECURITY = ("starttls", "tls")
SMS_PROVIDERS = ("twilio", "cm")
_FINGERPRINT = re.compile(r"^SHA256:[A-Za-z0-9+/]{43}=?$")
_SECRET_WORDS = ("password", "passwd", "secret", "token", "passphrase", "wachtwoord")


@dataclass
class MailSettings:
    """Mail: a draft for the user's mail program (default) or direct SMTP."""

    mode: str = "draft"
    host: str = ""
    port: int = 587
    security: str = "starttls"
    username: str = ""
    sender: str = ""
    cafile: str = ""  # an organisation's own CA bundle; verification is never off


@dataclass
class SftpSettings:
    """SFTP account; the host key is pinned or looked up in known_hosts."""

    host: str = ""
    port: int = 22
    username: str = ""
    folder: str = ""
    host_key_fingerprint: str = ""  # "SHA256:..." as OpenSSH prints it
    known_hosts: str = ""


@dataclass
class SmsSettings:
    """The SMS provider's HTTP API; the token is in the keyring."""

    provider: str = "twilio"
    base_url: str = ""
    account: str = ""
    sender: str = ""
    timeout: float = 15.0


@dataclass
class Settings:
    """Everything configurable, never a secret."""

    organisation: str = ""
    language: str | None = None
    secure_folder: Path = field(default_factory=paths.secure_store_dir)
    outbox: Path = field(default_factory=paths.outbox_dir)
    mail: MailSettings = field(default_factory=MailSettings)
    sftp: SftpSettings = field(default_factory=SftpSettings)
    sms: SmsSettings = field(default_factory=SmsSettings)
    directory: dict[str, str] = field(default_factory=dict)


_SECTIONS: dict[str, type] = {"mail": MailSettings, "sftp": SftpSettings, "sms": SmsSettings}
_TOP = ("organisation", "language", "secure_folder", "outbox")


def _problem(file: Path, line: int | None, nl: str, en: str, **params: Any) -> HandoffError:
    where = f"{file}:{line}" if line else str(file)
    return HandoffError(
        "settings_invalid",
        Text(
            "Instellingen {where}: " + nl + " Pas het bestand aan of verwijder het.",
            "Settings {where}: " + en + " Correct the file or remove it.",
        ),
        where=where,
        **params,
    )


def _line_of(text: str, key: str, section: str = "") -> int | None:
    """The line that assigns ``key`` (inside ``[section]``), so the message can point at it."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
            if not section and current == key:  # an unknown [table]
                return number
        elif current == section and pattern.match(line):
            return number
    return None


def _convert(value: Any, kind: Any, key: str, section: str, file: Path, text: str) -> Any:
    """Check one value against its field type; TOML gives str/int/float already."""
    line = _line_of(text, key, section)
    if kind in ("int", int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _problem(
                file,
                line,
                "'{key}' moet een geheel getal zijn.",
                "'{key}' must be a whole number.",
                key=key,
            )
        return value
    if kind in ("float", float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _problem(
                file, line, "'{key}' moet een getal zijn.", "'{key}' must be a number.", key=key
            )
        return float(value)
    if not isinstance(value, str):
        raise _problem(
            file,
            line,
            "'{key}' moet tekst tussen aanhalingstekens zijn.",
            "'{key}' must be text in quotes.",
            key=key,
        )
    return Path(value).expanduser() if kind in ("Path", Path) else value


def _check_key(key: str, allowed: set[str], section: str, file: Path, text: str) -> None:
    line = _line_of(text, key, section)
    if any(word in key.lower() for word in _SECRET_WORDS):
        raise _problem(
            file,
            line,
            "'{key}' hoort niet in dit bestand: geheimen staan alleen in de sleutelbos van het systeem ('handoff settings secret').",
            "'{key}' does not belong in this file: secrets live only in the system keyring ('handoff settings secret').",
            key=key,
        )
    if key not in allowed:
        raise _problem(
            file, line, "onbekende instelling '{key}'.", "unknown setting '{key}'.", key=key
        )


def _build(cls: type, table: dict[str, Any], section: str, file: Path, text: str) -> Any:
    kinds = {f.name: f.type for f in fields(cls)}
    values = {}
    for key, value in table.items():
        _check_key(key, set(kinds), section, file, text)
        kind = str if key == "language" else kinds[key]
        values[key] = _convert(value, kind, key, section, file, text)
    return cls(**values)


def _from_toml(data: dict[str, Any], file: Path, text: str) -> Settings:
    top = {k: v for k, v in data.items() if k not in (*_SECTIONS, "directory")}
    settings = _build(Settings, top, "", file, text)
    for name, cls in _SECTIONS.items():
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise _problem(
                file,
                _line_of(text, name),
                "'{key}' moet een tabel [{key}] zijn.",
                "'{key}' must be a table [{key}].",
                key=name,
            )
        setattr(settings, name, _build(cls, table, name, file, text))
    directory = data.get("directory", {})
    if not isinstance(directory, dict) or not all(isinstance(v, str) for v in directory.values()):
        raise _problem(
            file,
            _line_of(text, "directory"),
            '[directory] bevat alleen naam = "nummer of adres".',
            '[directory] holds only name = "number or address".',
        )
    settings.directory = dict(directory)
    validate(settings, file)
    return settings


def validate(s: Settings, file: Path | None = None) -> None:
    """Refuse values the channels could not use, before anything is sent."""
    where = file or paths.settings_path()
    checks = [
        ("mail.mode", s.mail.mode in MAIL_MODES, "draft | smtp"),
        ("mail.security", s.mail.security in MAIL_SECURITY, "starttls | tls"),
        ("sms.provider", s.sms.provider in SMS_PROVIDERS, "twilio | cm"),
        ("mail.port", 0 < s.mail.port < 65536, "1-65535"),
        ("sftp.port", 0 < s.sftp.port < 65536, "1-65535"),
        ("sms.timeout", 0 < s.sms.timeout <= 300, "1-300"),
        (
            "sftp.host_key_fingerprint",
            not s.sftp.host_key_fingerprint
            or bool(_FINGERPRINT.match(s.sftp.host_key_fingerprint)),
            "SHA256:...",
        ),
        ("language", s.language in (None, "nl", "en"), "nl | en"),
    ]
    for key, ok, expected in checks:
        if not ok:
            raise _problem(
                where,
                None,
                "'{key}' heeft een ongeldige waarde; verwacht: {expected}.",
                "'{key}' has an invalid value; expected: {expected}.",
                key=key,
                expected=expected,
            )


def load(path: Path | None = None) -> Settings:
    """The settings in force; defaults when there is no file yet."""
    file = path or paths.settings_path()
    if not file.exists():
        return Settings()
    try:
        text = file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise _problem(
            file, None, "het bestand is geen UTF-8-tekst.", "the file is not UTF-8 text."
        ) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise _problem(
            file,
            int(match.group(1)) if match else None,
            "dit is geen geldige TOML ({detail}).",
            "this is not valid TOML ({detail}).",
            detail=str(exc),
        ) from None
    return _from_toml(data, file, text)


# -- writing: tomllib only reads, so a small serializer for this flat structure --

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml_string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return _toml_string(str(value))


def _table(values: dict[str, Any]) -> list[str]:
    return [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in values.items() if v is not None]


def to_toml(s: Settings) -> str:
    """The TOML text for ``s``; tomllib reads it back to an equal Settings."""
    lines = [
        "# Handoff settings. Never put a password or token here: use 'handoff settings secret'."
    ]
    defaults = {"secure_folder": paths.secure_store_dir(), "outbox": paths.outbox_dir()}
    top = {name: getattr(s, name) for name in _TOP}
    lines += _table({k: v for k, v in top.items() if defaults.get(k) != v})
    for name in _SECTIONS:
        section = getattr(s, name)
        lines += [
            "",
            f"[{name}]",
            *_table({f.name: getattr(section, f.name) for f in fields(section)}),
        ]
    lines += ["", "[directory]", *_table(dict(s.directory))]
    return "\n".join(lines) + "\n"


def save(s: Settings, path: Path | None = None) -> None:
    """Write the settings; refuses to replace a file that does not load."""
    file = path or paths.settings_path()
    validate(s, file)
    if file.exists():
        load(file)  # raises settings_invalid: a broken file is never overwritten
    write_atomic(file, to_toml(s).encode("utf-8"))


# -- one key at a time, for 'handoff settings set' --


def keys(s: Settings | None = None) -> list[str]:
    """Every settable dotted key (directory entries as directory.<name>)."""
    s = s or Settings()
    names = [*_TOP]
    for name in _SECTIONS:
        names += [f"{name}.{f.name}" for f in fields(getattr(s, name))]
    return names + [f"directory.{k}" for k in s.directory]


def _unknown_key(key: str) -> HandoffError:
    return HandoffError(
        "unknown_setting",
        Text(
            "Onbekende instelling '{key}'. Bekende instellingen: {known}, directory.<naam>.",
            "Unknown setting '{key}'. Known settings: {known}, directory.<name>.",
        ),
        key=key,
        known=", ".join(keys()),
    )


def _typed(current: Any, value: str, key: str) -> Any:
    if isinstance(current, bool) or not isinstance(current, int | float):
        return value
    try:
        return type(current)(value)
    except ValueError:
        raise HandoffError(
            "settings_invalid",
            Text("'{key}' moet een getal zijn.", "'{key}' must be a number."),
            key=key,
        ) from None


def with_value(s: Settings, key: str, value: str) -> Settings:
    """A copy of ``s`` with one dotted key set from text; validated."""
    section, _, name = key.partition(".")
    if section == "directory" and name:
        new = replace(s, directory={**s.directory, name: value})
    elif not name and key in _TOP:
        typed: Any = Path(value).expanduser() if key in ("secure_folder", "outbox") else value
        if key == "language":
            typed = typed or None
        new = replace(s, **{key: typed})
    elif section in _SECTIONS and name in {f.name for f in fields(_SECTIONS[section])}:
        part = getattr(s, section)
        part = replace(part, **{name: _typed(getattr(part, name), value, key)})
        new = replace(s, **{section: part})
    else:
        raise _unknown_key(key)
    validate(new)
    return new
