"""What a journal record may say, step by step: a whitelist, not a blacklist.

The journal is read by the DPO and kept for years, so it must never hold
personal data: no client names, national numbers, client phone numbers,
addresses, cell values, file names taken from the data, and never a password.
Rather than trying to recognise personal data, every step has a fixed set of
detail keys, each with a narrow value type (hashes, counts, column keys,
dates, enumerations); anything else is refused with a HandoffError before a
byte is written. The one phone number that may appear (where the password
went) is masked here, whoever calls. Seed 000 art. 13 b admits "er is geen
logging van de toegang": this journal closes that gap without becoming a
second copy of the data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import PurePath
from types import ModuleType

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

Check = Callable[[object], object]  # returns the value to store, or raises ValueError

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ROLE = re.compile(r"^[^\W\d_][^\W\d]*(?:[ '’\-/()]+[^\W\d]+)*\)?$")
_TOKEN = re.compile(r"^[A-Za-z0-9._:@<>+=\-]{1,200}$")
_ACCOUNT = re.compile(r"^[\w.@\\\- ]{1,100}$")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.\-]{0,251}[A-Za-z0-9])?$")
_HANDOFF_ID = re.compile(r"^HO-\d{8}-[0-9A-Z]{6}$")
_MASKED_PHONE = re.compile(r"^\+\d{1,3} \d•• •• •• \d\d$")
_DIGIT_RUN = re.compile(r"\d[\d ./\-]{6,}\d")
MASK = "••"


class DetailError(ValueError):
    """A detail value that does not fit its key's type."""


def _fail(why: str) -> DetailError:
    return DetailError(why)


def _identifiers() -> ModuleType:
    """handoff.core.identifiers, imported when a detail needs it.

    It brings python-stdnum (about 13 ms); most journal records (an unpack,
    a deletion) never look at a phone number or free text.
    """
    from handoff.core import identifiers

    return identifiers


def mask_phone(value: str) -> str:
    """``+32 4•• •• •• 12``: enough for the DPO to tell numbers apart, no more.

    Belgian numbers are normalised first (``0477 95 06 76`` and ``+32477950676``
    mask alike); a foreign number keeps its first two digits as country code.
    """
    if _MASKED_PHONE.match(value):
        return value
    normal = _identifiers().phone(value)  # +32… for Belgian numbers, +CC… for foreign ones
    if normal is not None:
        country, national = normal[1:3], normal[3:]
    else:
        digits = re.sub(r"\D", "", value)
        if len(digits) < 8:
            raise _fail("not a phone number")
        country, national = digits[:2], digits[2:]
    return f"+{country} {national[0]}{MASK} {MASK} {MASK} {national[-2:]}"


def _no_identifier(text: str) -> str:
    """Refuse free text carrying something shaped like a national or phone number."""
    identifiers = _identifiers()
    for run in _DIGIT_RUN.findall(text):
        digits = re.sub(r"\D", "", run)
        if identifiers.national_number(digits) or identifiers.phone(run):
            raise _fail("looks like a national or phone number")
    return text


def sha256(value: object) -> str:
    if not isinstance(value, str) or not _SHA256.match(value):
        raise _fail("not a sha256 hex digest")
    return value


def count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail("not a count")
    return value


def flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise _fail("not true/false")
    return value


def date_or_none(value: object) -> str | None:
    if value is not None and (not isinstance(value, str) or not _DATE.match(value)):
        raise _fail("not a YYYY-MM-DD date")
    return value


def one_of(*allowed: str) -> Check:
    def check(value: object) -> str:
        if value not in allowed:
            raise _fail(f"not one of {', '.join(allowed)}")
        return str(value)

    return check


def keys(value: object) -> list[str]:
    """Protocol column keys (``first_name``), never the headers a sheet used."""
    if not isinstance(value, list) or not all(isinstance(v, str) and _KEY.match(v) for v in value):
        raise _fail("not a list of column keys")
    return list(value)


def role(value: object) -> str:
    """A function, e.g. 'financieel directeur': letters only, so no number slips in."""
    if not isinstance(value, str) or len(value) > 80 or not _ROLE.match(value.strip()):
        raise _fail("not a role (letters and spaces, at most 80)")
    return value.strip()


def token(value: object) -> str:
    """A technical identifier: Message-ID, provider message id, account name."""
    if not isinstance(value, str) or not _TOKEN.match(value):
        raise _fail("not a technical identifier")
    return _no_identifier(value)


def account(value: object) -> str:
    """An OS account name (the worker's, as in the record's own account field) or 'retention'."""
    if not isinstance(value, str) or not _ACCOUNT.match(value):
        raise _fail("not an account name")
    return _no_identifier(value)


def mailbox(value: object) -> str:
    """An agency mailbox fixed by the protocol, e.g. socialedienst@kluisbergen.be."""
    if not isinstance(value, str) or _identifiers().email(value) is None:
        raise _fail("not a mailbox")
    return _no_identifier(value)


def host(value: object) -> str:
    if not isinstance(value, str) or not _HOST.match(value):
        raise _fail("not a host name")
    return value


def phone_masked(value: object) -> str:
    if not isinstance(value, str):
        raise _fail("not a phone number")
    return mask_phone(value)


def files(value: object) -> list[dict]:
    """Hashes and sizes only: names inside an archive may carry personal data."""
    if not isinstance(value, list):
        raise _fail("not a list of files")
    out = []
    for item in value:
        if not isinstance(item, Mapping) or set(item) != {"sha256", "size"}:
            raise _fail("a file is {sha256, size} only")
        out.append({"sha256": sha256(item["sha256"]), "size": count(item["size"])})
    return out


def folder(value: object) -> str:
    """The configured secure folder plus the handoff's own folder (named by its id)."""
    if not isinstance(value, str) or not PurePath(value).is_absolute():
        raise _fail("not an absolute folder")
    if not _HANDOFF_ID.match(PurePath(value).name[:18]):
        raise _fail("the last part must be the handoff id")
    return value


_SETTING_KEY = re.compile(r"^[a-z][a-z0-9_]{0,40}(?:\.[a-z][a-z0-9_]{0,40})?$")
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\- ]{0,99}\.toml$")
_KEY_ID = re.compile(r"^[0-9a-f]{16}$")


def setting_key(value: object) -> str:
    """A settings key as IT wrote it in a policy (``mail.mode``); no directory entry names."""
    if not isinstance(value, str) or not _SETTING_KEY.match(value):
        raise _fail("not a settings key")
    if value.startswith("directory."):
        raise _fail("directory entries are journaled as 'directory'")
    return value


def file_name(value: object) -> str:
    """A profile's file name on the organisation's share (``cir.toml``), no folder."""
    if not isinstance(value, str) or not _FILE_NAME.match(value):
        raise _fail("not a profile file name")
    return _no_identifier(value)


def key_id(value: object) -> str:
    """16 hex digits naming a public signing key."""
    if not isinstance(value, str) or not _KEY_ID.match(value):
        raise _fail("not a key id")
    return value


HASHED = {"archive_sha256": sha256, "archive_size": count}
CONFIRMED = {"confirmed_by": one_of("user", "sender")}
PACKAGED = {
    **HASHED,
    "source_sha256": sha256,
    "cleaned_sha256": sha256,
    "rows": count,
    "columns": keys,
    "password_bits": count,
    "source": one_of("sheet", "form", "file"),
}
RECEIVED = {**HASHED, "encrypted": flag, "channel": one_of("email", "sftp", "file")}
DELIVERY = {
    **HASHED,
    "recipient": mailbox,
    "message_id": token,
    "host": host,
    "port": count,
    "attempt": count,  # a resend of the same archive after an uncertain delivery
}
#: Why a delivery failed or is uncertain: the channel's message code, never server text.
OUTCOME = {**DELIVERY, "reason": token, "folder_sha256": sha256}
DECRYPTED = {
    # "secure_folder": stored by Handoff under <secure folder>/<handoff id>, which
    # retention manages; "chosen_folder": `handoff unpack` into a folder the user
    # named, whose path is not kept (a name chosen by a person may carry data).
    "destination": one_of("secure_folder", "chosen_folder"),
    "folder": folder,
    "files": files,
    "count": count,
    "due": date_or_none,
    "reminder": date_or_none,
    "retention": one_of("fixed_date", "days", "at_most_days", "until_contact"),
}
PASSWORD = {
    "channel": one_of("sms", "phone", "custodian", "manual"),
    "role": role,
    "provider": one_of("twilio", "cm", "manual"),
    "provider_message_id": token,
    "phone": phone_masked,
    "style": one_of("sms", "words"),
}
#: An SMS whose fate is unknown (timeout, dropped line, unreadable answer): no
#: provider id, since none was confirmed (issue 18 §2).
PASSWORD_UNCERTAIN = {k: v for k, v in PASSWORD.items() if k != "provider_message_id"}
FILE_DELETED = {
    "by": account,  # "retention" or the OS account of the worker
    "count": count,
    "missing": count,  # recorded but already gone before Handoff looked
    "left": count,  # files Handoff did not store, left in place
    "folder_removed": flag,
    "volume_encrypted": one_of("yes", "no", "unknown"),
    "reason": one_of("due", "early", "sealed"),  # sealed: the plaintext after its SEALED record
    "confirmed_by": one_of("user"),  # deleted outside Handoff, confirmed by the worker
}
SEALED: dict[str, Check] = {
    "file_sha256": sha256,
    "file_size": count,
    **HASHED,
    "custodian": role,
    "encrypted_at_rest": flag,
    "plaintext_removed": flag,  # older records; now FILE_DELETED (reason "sealed") says it
    "verified": flag,
}
LEFTOVERS_REMOVED: dict[str, Check] = {
    # A clean-up of what a killed Handoff left (core/leftovers.py): counts and
    # bytes only; the names inside the folders may carry personal data.
    "staging_folders": count,
    "unrecorded_folders": count,
    "partial_files": count,
    "files": count,
    "bytes": count,
    "dropped_files": count,  # Outlook attachments a killed Handoff left (core/dropped.py)
}
POLICY_VALUE_IGNORED: dict[str, Check] = {
    # The key and the source only (issue 15): never the value, which may be a
    # mistyped address or, against the rules, a secret.
    "key": setting_key,
    "source": one_of("hklm", "hkcu", "file"),
}
PROFILE_REFUSED: dict[str, Check] = {
    # The file name (chosen by IT on its share) and key id, nothing else.
    "file": file_name,
    "key_id": key_id,
    "reason": one_of("unsigned", "unknown_key", "bad_signature"),
}

#: Step value -> allowed detail keys and their checks (keys are Step values).
ALLOWED: dict[str, dict[str, Check]] = {
    "packaged": PACKAGED,
    "consent_confirmed": CONFIRMED,
    "draft_handed": {
        **DELIVERY,
        "channel": one_of("eml"),
        "opened": flag,
        # How the mail program was reached (handoff/channels/mail_programs METHODS).
        "method": one_of(
            "mapi", "olk", "outlook_com", "thunderbird", "xdg_email", "default", "none"
        ),
    },
    "sent": {**DELIVERY, "channel": one_of("smtp")},
    "uploaded": {**DELIVERY, "channel": one_of("sftp"), "folder_sha256": sha256},
    "delivery_uncertain": {**OUTCOME, "channel": one_of("smtp", "sftp")},
    "delivery_failed": {**OUTCOME, "channel": one_of("eml", "smtp", "sftp")},
    "archive_voided": {**CONFIRMED, **HASHED, "archive_removed": flag},
    "draft_sent": CONFIRMED,
    "draft_removed": {"reason": one_of("password_passed", "retention", "voided"), "days": count},
    "password_passed": PASSWORD,
    "password_uncertain": PASSWORD_UNCERTAIN,
    "received": RECEIVED,
    "decrypted_stored": DECRYPTED,
    "email_deleted": CONFIRMED,
    "password_deleted": CONFIRMED,
    "file_deleted": FILE_DELETED,
    "sealed": SEALED,
    "custodian_confirmed": {**CONFIRMED, "custodian": role},
    "leftovers_removed": LEFTOVERS_REMOVED,
    "policy_value_ignored": POLICY_VALUE_IGNORED,
    "profile_refused": PROFILE_REFUSED,
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "decrypted_stored": ("files", "count"),
    "file_deleted": ("by", "count", "volume_encrypted"),
    "sealed": ("file_sha256", "archive_sha256", "custodian"),
    # dropped_files came later: records written before it lack it
    "leftovers_removed": tuple(k for k in LEFTOVERS_REMOVED if k != "dropped_files"),
    "policy_value_ignored": ("key", "source"),
    "profile_refused": ("file", "reason"),
}


def _refuse(step: str, key: str, why: str) -> HandoffError:
    return HandoffError(
        "journal_detail_refused",
        Text(
            "Het logboek weigert gegeven '{key}' bij stap '{step}' ({why}). Het logboek "
            "bewaart nooit persoonsgegevens; dit is een fout in Handoff: meld het aan uw IT-dienst.",
            "The journal refuses detail '{key}' for step '{step}' ({why}). The journal never "
            "keeps personal data; this is a bug in Handoff: report it to your IT desk.",
        ),
        key=key,
        step=step,
        why=why,
    )


def clean_details(step: str, details: Mapping[str, object]) -> dict[str, object]:
    """The details as they will be stored, or HandoffError naming the key (never the value)."""
    allowed = ALLOWED[step]
    out: dict[str, object] = {}
    for key, value in details.items():
        check = allowed.get(key)
        if check is None:
            shown = key if isinstance(key, str) and _KEY.match(key) else "?"
            raise _refuse(step, shown, "not allowed")
        try:
            out[key] = check(value)
        except DetailError as exc:
            raise _refuse(step, key, str(exc)) from None
    missing = [k for k in REQUIRED.get(step, ()) if k not in out]
    if step == "decrypted_stored" and out.get("destination") != "chosen_folder":
        missing += [] if "folder" in out else ["folder"]
    if missing:
        raise _refuse(step, missing[0], "missing")
    return out
