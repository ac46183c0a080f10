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

import ipaddress
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from handoff.core import paths
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

MAIL_MODES = ("draft", "smtp")
#: The ways to the mail program a setting may force (handoff.channels.mail_programs.METHODS).
MAIL_PROGRAMS = ("", "mapi", "olk", "outlook_com", "thunderbird", "xdg_email", "default")
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
    # How a draft reaches the mail program; "" tries what this machine has
    # (handoff/channels/mail_programs). IT sets one to force it.
    program: str = ""


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


#: What each setting is called in a message: a worker never reads a key name.
LABELS: dict[str, Text] = {
    "organisation": Text("de naam van de organisatie", "the organisation's name"),
    "language": Text("de taal", "the language"),
    "secure_folder": Text("de beveiligde map", "the secure folder"),
    "outbox": Text("de map voor uitgaande bestanden", "the outbox folder"),
    "mail.mode": Text("de manier van mailen", "how mail is sent"),
    "mail.host": Text("de mailserver", "the mail server"),
    "mail.port": Text("de poort van de mailserver", "the mail server's port"),
    "mail.security": Text("de beveiliging van de mailverbinding", "the mail connection's security"),
    "mail.username": Text("de gebruikersnaam voor de mailserver", "the mail server user name"),
    "mail.sender": Text("het afzenderadres", "the sender address"),
    "mail.cafile": Text("de CA-bundel van de organisatie", "the organisation's CA bundle"),
    "mail.program": Text(
        "de manier om het mailprogramma te starten", "how the mail program is started"
    ),
    "sftp.host": Text("de SFTP-server", "the SFTP server"),
    "sftp.port": Text("de poort van de SFTP-server", "the SFTP server's port"),
    "sftp.username": Text("de gebruikersnaam voor SFTP", "the SFTP user name"),
    "sftp.folder": Text("de map op de SFTP-server", "the folder on the SFTP server"),
    "sftp.host_key_fingerprint": Text(
        "de vingerafdruk van de SFTP-server", "the SFTP server's fingerprint"
    ),
    "sftp.known_hosts": Text("het known_hosts-bestand", "the known_hosts file"),
    "sms.provider": Text("de sms-dienst", "the SMS provider"),
    "sms.base_url": Text("het webadres van de sms-dienst", "the SMS provider's web address"),
    "sms.account": Text("de account bij de sms-dienst", "the SMS provider account"),
    "sms.sender": Text("de afzender van de sms", "the SMS sender"),
    "sms.timeout": Text("de wachttijd voor de sms-dienst", "the SMS provider's time-out"),
    "directory": Text("het adresboek", "the directory"),
}


def label(key: str, section: str = "") -> Text:
    """The words for a setting; an unknown key (a typo in the file) is shown as typed."""
    dotted = f"{section}.{key}" if section else key
    return LABELS.get(dotted) or LABELS.get(key) or Text(f"'{dotted}'", f"'{dotted}'")


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _problem(
    file: Path | None, line: int | None, nl: str, en: str, what: Text | None = None, **params: Any
) -> HandoffError:
    """settings_invalid: in a file with its line, or (no file) for a value being set.

    ``what`` is the setting's label; it is put into the template itself
    because a Text parameter could not be rendered in the reader's language.
    """
    subject_nl = _escape(what.nl[:1].upper() + what.nl[1:]) + ": " if what else ""
    subject_en = _escape(what.en[:1].upper() + what.en[1:]) + ": " if what else ""
    if file is None:
        return HandoffError(
            "settings_invalid",
            Text(
                "Instelling niet bewaard. " + subject_nl + nl,
                "Setting not saved. " + subject_en + en,
            ),
            **params,
        )
    where = f"{file}:{line}" if line else str(file)
    return HandoffError(
        "settings_invalid",
        Text(
            "Instellingen {where}: " + subject_nl + nl + " Pas het bestand aan of verwijder het.",
            "Settings {where}: " + subject_en + en + " Correct the file or remove it.",
        ),
        where=where,
        **params,
    )


def _line_of(text: str, key: str, section: str = "") -> int | None:
    """The line that assigns ``key`` (inside ``[section]``), so the message can point at it."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    current = ""
    for number, line in enumerate(text.split("\n"), start=1):
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
                "dit moet een geheel getal zijn.",
                "this must be a whole number.",
                label(key, section),
            )
        return value
    if kind in ("float", float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _problem(
                file,
                line,
                "dit moet een getal zijn.",
                "this must be a number.",
                label(key, section),
            )
        return float(value)
    if not isinstance(value, str):
        raise _problem(
            file,
            line,
            "dit moet tekst tussen aanhalingstekens zijn.",
            "this must be text in quotes.",
            label(key, section),
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
    validate(settings, file, text)
    return settings


_LOOPBACK_NAMES = ("localhost",)


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sms_url_problem(url: str) -> Text | None:
    """Why the SMS provider's address cannot be used, or None (empty: the provider's own).

    The password goes there, so only an encrypted web API will do: https, or
    http to this very machine (the test gateway). Never an e-mail address
    (``mailto:`` or any ``@``: an e-mail-to-SMS gateway would send the
    password through the mail system that carries the archive, seed 003 art. 3
    step 3 "via een ander communicatiekanaal"), never a local file, and no
    user name or password inside the address (the token lives in the keyring).
    """
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() == "mailto" or "@" in url:
        return Text(
            "een e-mailadres of een adres met gebruikersnaam kan niet: het wachtwoord zou met "
            "het archief meereizen of in het bestand staan. Gebruik het https://-adres van de "
            "sms-dienst.",
            "an e-mail address or an address with a user name cannot be used: the password "
            "would travel with the archive or sit in the file. Use the SMS provider's https:// "
            "address.",
        )
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        return Text(
            "het adres bevat spaties of regeleinden.", "the address holds spaces or line breaks."
        )
    host = parts.hostname or ""
    secure = parts.scheme.lower() == "https" or (
        parts.scheme.lower() == "http" and _is_loopback(host)
    )
    if not host or not secure:
        return Text(
            "het adres moet met https:// beginnen en een server noemen (http:// mag alleen "
            "naar deze computer zelf).",
            "the address must start with https:// and name a server (http:// only to this "
            "computer itself).",
        )
    return None


def validate(s: Settings, file: Path | None = None, text: str = "") -> None:
    """Refuse values the channels could not use, before anything is sent.

    With ``file`` (and its ``text``) the message points at the line to fix;
    without, it speaks of a value being set in the window or the CLI.
    """
    checks = [
        ("mail.mode", s.mail.mode in MAIL_MODES, "draft | smtp"),
        ("mail.security", s.mail.security in MAIL_SECURITY, "starttls | tls"),
        ("mail.program", s.mail.program in MAIL_PROGRAMS, " | ".join(MAIL_PROGRAMS[1:])),
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
            section, _, name = key.rpartition(".")
            raise _problem(
                file,
                _line_of(text, name, section) if text else None,
                "deze waarde kan niet; verwacht: {expected}.",
                "this value cannot be used; expected: {expected}.",
                label(key),
                expected=expected,
            )
    for key, value in (("secure_folder", s.secure_folder), ("outbox", s.outbox)):
        if not Path(value).is_absolute():
            raise _problem(
                file,
                _line_of(text, key) if text else None,
                "geef het volledige pad van de map (bv. D:\\Gedeeld\\Cliënten of "
                "/srv/clienten), niet een pad dat van de huidige map afhangt.",
                "give the folder's full path (e.g. D:\\Shared\\Clients or /srv/clients), "
                "not a path that depends on the current folder.",
                label(key),
            )
    trouble = sms_url_problem(s.sms.base_url)
    if trouble is not None:
        raise _problem(
            file,
            _line_of(text, "base_url", "sms") if text else None,
            trouble.nl,
            trouble.en,
            label("sms.base_url"),
        )


def load(path: Path | None = None) -> Settings:
    """The settings in force; defaults when there is no file yet."""
    file = path or paths.settings_path()
    if not file.exists():
        return Settings()
    try:
        text = file.read_text(encoding="utf-8-sig")  # Notepad's BOM is fine
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
    validate(s)
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
        raise _problem(
            None, None, "dit moet een getal zijn.", "this must be a number.", label(key)
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
