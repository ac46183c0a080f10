"""Where a handoff stands, read from its journal records: what is still open after a delivery.

Shared by sending (resend, void, the draft confirmation) and password (the
password never goes before the archive), so neither imports the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from handoff.core.journal import Journal, Record, Step
from handoff.usecases.common import message

if TYPE_CHECKING:
    from handoff.core.settings import Settings


def outbox_archive(settings: Settings, handoff_id: str) -> Path:
    """Where an archive waits in the outbox while its delivery is uncertain."""
    return settings.outbox / f"{handoff_id}.7z"


def outbox_draft(settings: Settings, handoff_id: str) -> Path:
    """The draft e-mail (with the archive attached) the mail program was handed."""
    return settings.outbox / f"{handoff_id}.eml"


def history(log: Journal, handoff_id: str) -> list[Record]:
    records = log.records(handoff_id=handoff_id)
    if not records:
        raise message(
            "unknown_handoff",
            "Overdracht {ref} staat niet in het logboek van deze computer.",
            "Handoff {ref} is not in this computer's journal.",
            ref=handoff_id,
        )
    return records


def open_uncertain(records: list[Record]) -> Record | None:
    """The last uncertain delivery, unless a later record settled it."""
    settled = (Step.SENT, Step.UPLOADED, Step.ARCHIVE_VOIDED)
    last = None
    for record in records:
        if record.step is Step.DELIVERY_UNCERTAIN:
            last = record
        elif record.step in settled:
            last = None
    return last


def open_draft(records: list[Record]) -> Record | None:
    """The draft handed to the mail program, unless the worker confirmed or voided it."""
    last = None
    for record in records:
        if record.step is Step.DRAFT_HANDED:
            last = record
        elif record.step in (Step.DRAFT_SENT, Step.ARCHIVE_VOIDED, Step.PASSWORD_PASSED):
            last = None
    return last


def require_archive_out(handoff_id: str, log: Journal) -> None:
    """Refuse the password for an archive that did not (provably) leave (issue 18 §2, §4).

    A draft counts only once the worker confirmed it was sent; an uncertain
    delivery counts (the archive may have arrived, the worker has its password).
    """
    records = log.records(handoff_id=handoff_id)
    if open_draft(records) is not None:
        raise message(
            "draft_not_confirmed",
            "Het wachtwoord van {ref} volgt pas als de e-mail vertrokken is. Verstuur het concept "
            "in uw e-mailprogramma en bevestig dat u het verstuurde.",
            "The password of {ref} follows only once the e-mail has left. Send the draft from "
            "your mail program and confirm that you sent it.",
            ref=handoff_id,
        )
    left = (Step.SENT, Step.UPLOADED, Step.DELIVERY_UNCERTAIN, Step.DRAFT_SENT)
    if not any(r.step in left for r in records):
        raise message(
            "archive_not_sent",
            "Het archief van {ref} is (nog) niet verstuurd; het wachtwoord gaat nooit eerst.",
            "The archive of {ref} has not been sent (yet); the password never goes first.",
            ref=handoff_id,
        )
