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
from typing import Any, Literal
from urllib.parse import urlsplit

from handoff.core import paths, policy
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
class JournalSettings:
    """The organisation journal server (docs/server.md); the PC's key is in the keyring.

    Which server a PC sends to is pinned by its enrolment; this address says
    which server the organisation uses, so a PC enrolled elsewhere is told to
    enrol again (``handoff.orgjournal.sync``).
    """

    server_url: str = ""
    cafile: str = ""  # the organisation's own CA bundle for that server; verification never off


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
    journal: JournalSettings = field(default_factory=JournalSettings)
    directory: dict[str, str] = field(default_factory=dict)
    diagnostics: bool = False  # the opt-in diagnostic log for IT (core/diagnostics.py)


_SECTIONS: dict[str, type] = {
    "mail": MailSettings,
    "sftp": SftpSettings,
    "sms": SmsSettings,
    "journal": JournalSettings,
}
_TOP = ("organisation", "language", "secure_folder", "outbox", "diagnostics")


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
    "journal.server_url": Text(
        "het webadres van de logboekserver van de organisatie",
        "the web address of the organisation's journal server",
    ),
    "journal.cafile": Text(
        "de CA-bundel voor de logboekserver", "the CA bundle for the journal server"
    ),
    "directory": Text("het adresboek", "the directory"),
    "diagnostics": Text("het diagnoselogboek voor de IT-dienst", "the diagnostic log for IT"),
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
    if kind in ("bool", bool):
        if not isinstance(value, bool):
            raise _problem(
                file,
                line,
                "dit moet true of false zijn.",
                "this must be true or false.",
                label(key, section),
            )
        return value
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
        from handoff.core.credentials import store_name  # only on this path: keyring loads

        raise _problem(
            file,
            line,
            "'{key}' hoort niet in dit bestand: geheimen staan alleen in {store} ('handoff settings secret').",
            "'{key}' does not belong in this file: secrets live only in {store} ('handoff settings secret').",
            key=key,
            store=store_name(),
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


SmsUrlFault = Literal["email", "spaces", "insecure"]

_SMS_URL_FAULTS: dict[str, Text] = {
    "email": Text(
        "een e-mailadres of een adres met gebruikersnaam kan niet: het wachtwoord zou met "
        "het archief meereizen of in het bestand staan. Gebruik het https://-adres van de "
        "sms-dienst.",
        "an e-mail address or an address with a user name cannot be used: the password "
        "would travel with the archive or sit in the file. Use the SMS provider's https:// "
        "address.",
    ),
    "spaces": Text(
        "het adres bevat spaties of regeleinden.", "the address holds spaces or line breaks."
    ),
    "insecure": Text(
        "het adres moet met https:// beginnen en een server noemen (http:// mag alleen "
        "naar deze computer zelf).",
        "the address must start with https:// and name a server (http:// only to this "
        "computer itself).",
    ),
}


def sms_url_fault(url: str) -> SmsUrlFault | None:
    """What is wrong with an address the password would be posted to, or None.

    The one rule for the setting (:func:`sms_url_problem`) and for every URL
    the SMS channel contacts. The password goes there, so only an encrypted
    web API will do: https, or http to this very machine (the test gateway).
    Never an e-mail address (``mailto:`` or any ``@``: an e-mail-to-SMS gateway
    would send the password through the mail system that carries the archive,
    seed 003 art. 3 step 3 "via een ander communicatiekanaal"), never a local
    file, and no user name or password inside the address (the token lives in
    the keyring).
    """
    parts = urlsplit(url)
    if parts.scheme.lower() == "mailto" or "@" in url:
        return "email"
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        return "spaces"
    host = parts.hostname or ""
    secure = parts.scheme.lower() == "https" or (
        parts.scheme.lower() == "http" and _is_loopback(host)
    )
    return None if host and secure else "insecure"


def sms_url_problem(url: str) -> Text | None:
    """Why the SMS provider's address cannot be used, or None (empty: the provider's own)."""
    fault = sms_url_fault(url) if url else None
    return _SMS_URL_FAULTS[fault] if fault else None


_JOURNAL_URL_FAULTS: dict[str, Text] = {
    **_SMS_URL_FAULTS,
    "email": Text(
        "een e-mailadres of een adres met gebruikersnaam kan niet. Gebruik het https://-adres "
        "van de logboekserver dat uw IT-dienst geeft.",
        "an e-mail address or an address with a user name cannot be used. Use the journal "
        "server's https:// address your IT desk gives.",
    ),
}


def journal_url_problem(url: str) -> Text | None:
    """Why the journal server's address cannot be used, or None (empty: no server).

    The same rule as the SMS provider's address (:func:`sms_url_fault`): the
    service itself refuses plain http except on loopback (docs/server.md).
    """
    fault = sms_url_fault(url) if url else None
    return _JOURNAL_URL_FAULTS[fault] if fault else None


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
    for section, key, trouble in (
        ("sms", "base_url", sms_url_problem(s.sms.base_url)),
        ("journal", "server_url", journal_url_problem(s.journal.server_url)),
    ):
        if trouble is not None:
            raise _problem(
                file,
                _line_of(text, key, section) if text else None,
                trouble.nl,
                trouble.en,
                label(f"{section}.{key}"),
            )


def _read_user(path: Path | None = None) -> tuple[Settings, set[str]]:
    """The worker's own file and the dotted keys it sets; defaults when there is none."""
    file = path or paths.settings_path()
    if not file.exists():
        return Settings(), set()
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
    return _from_toml(data, file, text), {key for key, _ in policy.flatten(data)}


def load(path: Path | None = None) -> Settings:
    """The settings in force: the worker's file merged with the organisation's policy.

    When they (or a policy) ask for the diagnostic log, it starts here: every
    command and the window that read the settings are then logged for IT.
    """
    settings = resolve(path).settings
    if settings.diagnostics:
        from handoff.core import diagnostics

        diagnostics.start("setting")
    return settings


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


def _table(values: dict[str, Any], prefix: str = "", only: set[str] | None = None) -> list[str]:
    return [
        f"{_toml_key(k)} = {_toml_value(v)}"
        for k, v in values.items()
        if v is not None and (only is None or prefix + k in only)
    ]


def to_toml(s: Settings, only: set[str] | None = None) -> str:
    """The TOML text for ``s`` (only the dotted keys in ``only`` when given).

    tomllib reads the full text back to an equal Settings.
    """
    lines = [
        "# Handoff settings. Never put a password or token here: use 'handoff settings secret'."
    ]
    defaults = {
        "secure_folder": paths.secure_store_dir(),
        "outbox": paths.outbox_dir(),
        "diagnostics": False,
    }
    top = {name: getattr(s, name) for name in _TOP}
    lines += _table({k: v for k, v in top.items() if defaults.get(k) != v}, "", only)
    for name in _SECTIONS:
        section = getattr(s, name)
        values = {f.name: getattr(section, f.name) for f in fields(section)}
        lines += ["", f"[{name}]", *_table(values, f"{name}.", only)]
    lines += ["", "[directory]", *_table(dict(s.directory), "directory.", only)]
    return "\n".join(lines) + "\n"


def save(s: Settings, path: Path | None = None) -> None:
    """Write the settings; refuses to replace a file that does not load."""
    file = path or paths.settings_path()
    validate(s)
    # raises settings_invalid: a broken file is never overwritten
    in_force = resolve(file)
    write_atomic(file, to_toml(*in_force.user_part(s)).encode("utf-8"))


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


_TRUE = ("true", "1", "yes", "ja", "aan", "on")
_FALSE = ("false", "0", "no", "nee", "uit", "off")


def _typed(current: Any, value: str, key: str) -> Any:
    if isinstance(current, bool):
        if value.strip().lower() in (*_TRUE, *_FALSE):
            return value.strip().lower() in _TRUE
        raise _problem(
            None, None, "dit moet true of false zijn.", "this must be true or false.", label(key)
        )
    if not isinstance(current, int | float):
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
        if key == "diagnostics":
            typed = _typed(s.diagnostics, value, key)
        new = replace(s, **{key: typed})
    elif section in _SECTIONS and name in {f.name for f in fields(_SECTIONS[section])}:
        part = getattr(s, section)
        part = replace(part, **{name: _typed(getattr(part, name), value, key)})
        new = replace(s, **{section: part})
    else:
        raise _unknown_key(key)
    validate(new)
    return new


# -- organisation policy: locked > the worker's own > recommended > defaults (issue 15) --

LOCKED, RECOMMENDED, USER, DEFAULT = "locked", "recommended", "user", "default"

#: Where an unusable *locked* value stops the action instead of falling back to
#: something weaker: how the archive leaves (mail mode), where the password goes
#: (SMS provider and its address, the phone directory of the protocols' roles).
SECURITY_KEYS = ("mail.mode", "sms.provider", "sms.base_url", "directory")


@dataclass(frozen=True)
class Origin:
    """Where the value in force comes from."""

    kind: str  # LOCKED, RECOMMENDED, USER or DEFAULT
    source: policy.Source | None = None

    def describe(self) -> Text:
        """Short words for ``settings show`` and the window."""
        place = self.source.place if self.source else ""
        if self.kind == LOCKED:
            return Text(f"vergrendeld door beleid ({place})", f"locked by policy ({place})")
        if self.kind == RECOMMENDED:
            return Text(f"aanbevolen door beleid ({place})", f"recommended by policy ({place})")
        if self.kind == USER:
            return Text("eigen instelling", "own setting")
        return Text("standaard", "default")


def _get(s: Settings, key: str) -> Any:
    section, _, name = key.partition(".")
    if not name:
        return getattr(s, key)
    if section == "directory":
        return s.directory.get(name)
    return getattr(getattr(s, section), name)


def _put(s: Settings, key: str, value: Any) -> Settings:
    """A copy of ``s`` with one dotted key set to an already typed value."""
    section, _, name = key.partition(".")
    if not name:
        return replace(s, **{key: value})
    if section == "directory":
        return replace(s, directory={**s.directory, name: value})
    return replace(s, **{section: replace(getattr(s, section), **{name: value})})


def _kind(key: str) -> str | None:
    """The field type of a dotted key as written in the dataclass; None when unknown."""
    section, _, name = key.partition(".")
    if section == "directory":
        return "str" if name else None
    cls, field_name = (_SECTIONS.get(section), name) if name else (Settings, key)
    if cls is None or (not name and key not in _TOP):
        return None
    kinds = {f.name: str(f.type) for f in fields(cls)}
    return kinds.get(field_name)


def schema() -> list[tuple[str, str]]:
    """Every settable key (without directory entries) with its field type, in file order.

    The one source of the policy templates (tools/policy-templates) and of policy checking.
    """
    return [(key, str(_kind(key))) for key in keys()]


def _coerce(kind: str, raw: Any) -> Any:
    """A policy value as the field's type; registry text and numbers are accepted. ValueError else."""
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str) and raw.strip().lower() in (*_TRUE, *_FALSE):
            return raw.strip().lower() in _TRUE
    elif kind in ("int", "float"):
        number: Any = raw
        if isinstance(raw, str) and raw.strip():
            number = float(raw) if kind == "float" else int(raw)
        if isinstance(number, int | float) and not isinstance(number, bool):
            return float(number) if kind == "float" else int(number)
    elif isinstance(raw, str):
        if kind == "Path":
            return Path(raw).expanduser()
        return raw or None if kind == "str | None" else raw
    raise ValueError(kind)


def _policy_problem(key: str, source: policy.Source, text: Text) -> policy.PolicyProblem:
    return policy.PolicyProblem(key, source, text)


def _policy_value(key: str, raw: Any, source: policy.Source) -> Any:
    """The typed value of one policy entry, checked on its own; PolicyProblem (raised) else."""
    kind = _kind(key)
    if any(word in key.lower() for word in _SECRET_WORDS):
        raise _PolicyRefused(
            Text(
                "geheimen horen niet in een beleid; deze waarde wordt niet gebruikt.",
                "secrets do not belong in a policy; this value is not used.",
            )
        )
    if kind is None:
        raise _PolicyRefused(Text("onbekende instelling.", "unknown setting."))
    try:
        typed = _coerce(kind, raw)
        validate(_put(Settings(), key, typed))
    except ValueError:
        raise _PolicyRefused(
            Text("de waarde heeft het verkeerde type.", "the value is of the wrong type.")
        ) from None
    except HandoffError:
        raise _PolicyRefused(
            Text("deze waarde kan niet gebruikt worden.", "this value cannot be used.")
        ) from None
    return typed


class _PolicyRefused(Exception):
    def __init__(self, text: Text) -> None:
        super().__init__("policy value refused")
        self.text = text


def _security(key: str) -> bool:
    return any(key == k or key.startswith(k + ".") for k in SECURITY_KEYS)


@dataclass
class InForce:
    """The settings in force and, for each key, where its value comes from."""

    settings: Settings
    origins: dict[str, Origin]
    user: Settings  # the worker's own file alone
    user_keys: set[str]
    base: Settings  # defaults with the recommended values: what the worker's file overrides
    problems: list[policy.PolicyProblem]
    broken: dict[str, policy.Source]  # security key (or "*") -> source of an unusable lock

    def origin(self, key: str) -> Origin:
        return self.origins.get(key, Origin(USER if key in self.user_keys else DEFAULT))

    def is_locked(self, key: str) -> bool:
        return self.origin(key).kind == LOCKED

    def user_part(self, s: Settings) -> tuple[Settings, set[str]]:
        """What of ``s`` belongs in the worker's file: never a locked value from the policy.

        A locked key keeps the worker's own earlier value (it applies again if IT
        lifts the lock); a recommended value the worker left alone is not
        copied, so a later change of the recommendation reaches them.
        """
        out, only = s, set()
        for key in keys(s):
            origin = self.origin(key)
            if origin.kind == LOCKED:
                if key in self.user_keys:
                    out = _put(out, key, _get(self.user, key))
                    only.add(key)
                continue
            unchanged = _get(s, key) == _get(self.base, key)
            if origin.kind == RECOMMENDED and key not in self.user_keys and unchanged:
                continue
            only.add(key)
        return out, only


def _apply(
    s: Settings,
    layer: policy.Layer,
    part: dict[str, Any],
    kind: str,
    found: InForce,
) -> Settings:
    for key, raw in part.items():
        try:
            typed = _policy_value(key, raw, layer.source)
        except _PolicyRefused as refused:
            found.problems.append(_policy_problem(key, layer.source, refused.text))
            if kind == LOCKED and _security(key):
                found.broken[key] = layer.source
            continue
        s = _put(s, key, typed)
        found.origins[key] = Origin(kind, layer.source)
        if kind == LOCKED:
            found.broken.pop(key, None)
    return s


def resolve(path: Path | None = None) -> InForce:
    """Merge every policy source with the worker's own file, key by key.

    Order of application, lowest first: defaults, recommended values (lowest
    source first, so the highest wins), the worker's file, locked values
    (again lowest source first). A policy value that cannot be used is
    ignored and becomes a problem (key and source, never the value); an
    unusable *locked* security value, or a policy file that cannot be read at
    all, is remembered in ``broken`` so the action it governs is refused.
    """
    user, user_keys = _read_user(path)
    layers = policy.layers()
    policy.extra(layers, policy.FOLDERS)
    policy.signing_keys(layers)
    found = InForce(Settings(), {}, user, user_keys, Settings(), [], {})
    for layer in layers:
        found.problems += layer.problems
    s = Settings()
    for layer in reversed(layers):
        s = _apply(s, layer, layer.recommended, RECOMMENDED, found)
    found.base = s
    for key in sorted(user_keys):
        s = _put(s, key, _get(user, key))
        found.origins[key] = Origin(USER)
    for layer in reversed(layers):
        if layer.unreadable:
            found.broken["*"] = layer.source
        s = _apply(s, layer, layer.locked, LOCKED, found)
    found.settings = s
    return found


def require_unlocked(in_force: InForce, key: str) -> None:
    """Refuse to change a locked key, saying who set it."""
    origin = in_force.origin(key)
    if origin.kind != LOCKED or origin.source is None:
        return
    what = label(key)
    raise HandoffError(
        "setting_locked",
        Text(
            _escape(what.nl[:1].upper() + what.nl[1:])
            + " is ingesteld door uw organisatie (beleid {place}) en kan hier niet gewijzigd "
            "worden. Vraag uw IT-dienst als het anders moet.",
            _escape(what.en[:1].upper() + what.en[1:])
            + " is set by your organisation (policy {place}) and cannot be changed here. "
            "Ask your IT desk if it must be different.",
        ),
        place=origin.source.place,
    )


def require_policy_sound(*wanted: str, in_force: InForce | None = None) -> None:
    """Refuse an action governed by a locked security value the policy got wrong.

    Falling back to the worker's own value or the default would quietly be
    weaker than what IT decided, so the action stops instead (issue 15).
    """
    in_force = in_force or resolve()
    for key, source in in_force.broken.items():
        if key == "*" or any(key == w or key.startswith(w + ".") for w in wanted):
            raise HandoffError(
                "policy_invalid",
                Text(
                    "Uw organisatie heeft deze instelling vastgelegd, maar het beleid "
                    "({place}) bevat een waarde die niet gebruikt kan worden. Handoff doet dit "
                    "daarom niet. Wat te doen: vraag uw IT-dienst het beleid te herstellen.",
                    "Your organisation has fixed this setting, but the policy ({place}) holds "
                    "a value that cannot be used. Handoff therefore does not do this. What to "
                    "do: ask your IT desk to correct the policy.",
                ),
                place=source.place,
            )
