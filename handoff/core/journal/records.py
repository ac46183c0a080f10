"""What a journal record is: the steps of a handoff, the record, and the ids and names it carries.

Kept apart from the :class:`~handoff.core.journal.book.Journal` itself so that
the modules reading records (obligations, export, verify) depend on this small
piece and not on the store.
"""

from __future__ import annotations

import getpass
import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

HANDOFF_ID = re.compile(r"^HO-\d{8}-[0-9A-Z]{6}$")
PROTOCOL_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")
_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: nothing reads as a word


class Step(StrEnum):
    """Every step in the life of a handoff, on the sending and the receiving side."""

    PACKAGED = "packaged"
    CONSENT_CONFIRMED = "consent_confirmed"
    DRAFT_HANDED = "draft_handed"
    SENT = "sent"
    UPLOADED = "uploaded"
    DELIVERY_UNCERTAIN = "delivery_uncertain"  # the archive may have arrived (issue 18 §3)
    DELIVERY_FAILED = "delivery_failed"  # the archive did not leave
    ARCHIVE_VOIDED = "archive_voided"  # the worker gave up an uncertain archive
    DRAFT_SENT = "draft_sent"  # the worker confirms the draft went out
    DRAFT_REMOVED = "draft_removed"  # the .eml (with the archive) left the outbox
    PASSWORD_PASSED = "password_passed"
    PASSWORD_UNCERTAIN = "password_uncertain"  # an SMS that may or may not have left
    RECEIVED = "received"
    DECRYPTED = "decrypted_stored"
    EMAIL_DELETED = "email_deleted"
    PASSWORD_DELETED = "password_deleted"
    FILE_DELETED = "file_deleted"
    SEALED = "sealed"
    CUSTODIAN_CONFIRMED = "custodian_confirmed"
    LEFTOVERS_REMOVED = "leftovers_removed"  # core/leftovers.py: what a crashed run left
    POLICY_VALUE_IGNORED = "policy_value_ignored"  # an unusable organisation policy entry
    PROFILE_REFUSED = "profile_refused"  # a shared protocol profile without a valid signature


@dataclass(frozen=True)
class Record:
    """One journal line as stored; ``hash`` covers every other field."""

    seq: int
    time: datetime
    account: str
    machine: str
    handoff_id: str
    protocol_id: str | None
    step: Step
    details: dict
    prev_hash: str
    hash: str

    @classmethod
    def from_row(cls, row: tuple) -> Record:
        seq, time, account, machine, hid, pid, step, details, prev_hash, digest = row
        return cls(
            seq,
            datetime.fromisoformat(time),
            account,
            machine,
            hid,
            pid,
            Step(step),
            json.loads(details),
            prev_hash,
            digest,
        )


def new_handoff_id(today: date | None = None) -> str:
    """``HO-YYYYMMDD-XXXXXX``: a date and 30 random bits, nothing about the people."""
    day = (today or datetime.now(UTC).date()).strftime("%Y%m%d")
    return f"HO-{day}-" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))


def utc_text(moment: datetime) -> str:
    """The stored time form; sorts as text, so the time index serves ``--since``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def os_account() -> str:
    """The OS account doing the step (the worker, never the client)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in a service context
        return "unknown"
