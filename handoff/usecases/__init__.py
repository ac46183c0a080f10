"""The use cases: every step of a handoff, each doing its work and then journaling it.

ARCHITECTURE.md rule 2: each step is one function that does the step and
appends one journal record, or fails and appends nothing. The CLI and the
desktop app call only these functions, so there is no second path that skips
the journal. This layer sits above ``core`` and ``channels`` and is the only
one that uses both; nothing here keeps a password: it is returned to the
caller to show once and then forgotten.

One module per family of steps: ``sending`` (check, pack, deliver),
``password`` (pass the password on), ``receiving`` (decrypt and store),
``obligations`` (steps confirmed by hand) and ``sealing`` (encryption at rest,
seed 000).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names are, for the type checker; loaded on first use below
    from handoff.usecases.common import Cancel, Context, Progress
    from handoff.usecases.obligations import CONFIRMABLE, act, confirm, confirm_file_deleted
    from handoff.usecases.password import (
        PasswordNotSent,
        check_sms_ready,
        check_typed_password,
        confirm_password_passed,
        password_phone,
        send_password_sms,
    )
    from handoff.usecases.receiving import Received, handoff_id_from_name, receive, unpack_to
    from handoff.usecases.sealing import Sealed, seal
    from handoff.usecases.sending import (
        Packaged,
        Sent,
        archive_channel,
        channel_name,
        cleaned_sheet,
        clear_sent_drafts,
        confirm_draft_sent,
        deliver,
        package,
        package_file,
        password_style,
        resend,
        send,
        void,
    )
    from handoff.usecases.sweep import Swept, retention_run

#: Where each name lives. Loaded on first use (PEP 562), so ``handoff unpack``
#: does not import the sending, password and sealing steps (their channels,
#: SMS and mail modules): start-up is most of a one-shot CLI command.
_HOMES = {
    "CONFIRMABLE": "obligations",
    "Cancel": "common",
    "Context": "common",
    "Packaged": "sending",
    "PasswordNotSent": "password",
    "Progress": "common",
    "Received": "receiving",
    "Sealed": "sealing",
    "Sent": "sending",
    "Swept": "sweep",
    "act": "obligations",
    "archive_channel": "sending",
    "channel_name": "sending",
    "check_sms_ready": "password",
    "check_typed_password": "password",
    "cleaned_sheet": "sending",
    "clear_sent_drafts": "sending",
    "confirm": "obligations",
    "confirm_draft_sent": "sending",
    "confirm_file_deleted": "obligations",
    "confirm_password_passed": "password",
    "deliver": "sending",
    "handoff_id_from_name": "receiving",
    "package": "sending",
    "package_file": "sending",
    "password_phone": "password",
    "password_style": "sending",
    "receive": "receiving",
    "resend": "sending",
    "retention_run": "sweep",
    "seal": "sealing",
    "send": "sending",
    "send_password_sms": "password",
    "unpack_to": "receiving",
    "void": "sending",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'handoff.usecases' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"handoff.usecases.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "CONFIRMABLE",
    "Cancel",
    "Context",
    "Packaged",
    "PasswordNotSent",
    "Progress",
    "Received",
    "Sealed",
    "Sent",
    "Swept",
    "act",
    "archive_channel",
    "channel_name",
    "check_sms_ready",
    "check_typed_password",
    "cleaned_sheet",
    "clear_sent_drafts",
    "confirm",
    "confirm_draft_sent",
    "confirm_file_deleted",
    "confirm_password_passed",
    "deliver",
    "handoff_id_from_name",
    "package",
    "package_file",
    "password_phone",
    "password_style",
    "receive",
    "resend",
    "retention_run",
    "seal",
    "send",
    "send_password_sms",
    "unpack_to",
    "void",
]
