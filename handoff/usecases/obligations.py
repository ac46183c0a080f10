"""Steps a worker does outside Handoff and confirms in it (seed 003 step 5).

Handoff cannot see the mail program or the phone, so each record says
'confirmed by the user', never 'deleted by Handoff'.
"""

from __future__ import annotations

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Record, Step, os_account
from handoff.usecases.common import (
    journal_or_open,
    message,
)

#: Steps a user confirms by hand; each is journaled only when confirmed.
CONFIRMABLE = (
    Step.CONSENT_CONFIRMED,
    Step.EMAIL_DELETED,
    Step.PASSWORD_DELETED,
    Step.CUSTODIAN_CONFIRMED,  # through sealing.confirm_custodian, which checks the seal
)


def confirm_file_deleted(handoff_id: str, *, journal: Journal | None = None) -> Record:
    """The worker deleted, outside Handoff, files unpacked into a folder they chose."""
    log = journal_or_open(journal)
    stored = log.records(handoff_id=handoff_id, step=Step.DECRYPTED)
    if not stored:
        raise message(
            "nothing_stored",
            "Overdracht {handoff} heeft geen uitgepakte bestanden in het logboek.",
            "Handoff {handoff} has no unpacked files in the journal.",
            handoff=handoff_id,
        )
    return log.append(
        Step.FILE_DELETED,
        handoff_id=handoff_id,
        protocol_id=stored[-1].protocol_id,
        details={
            "by": os_account(),
            "count": sum(int(r.details.get("count", 0)) for r in stored),
            "volume_encrypted": "unknown",
            "reason": "early",
            "confirmed_by": "user",
        },
    )


def confirm(
    handoff_id: str,
    protocol_id: str | None,
    step: Step,
    *,
    journal: Journal | None = None,
) -> Record:
    """Journal a step the user did outside Handoff and confirms here.

    Seed 003 step 5: the OCMW explicitly deletes the e-mail with the encrypted
    list, and the password. Handoff cannot see the mail program or the phone,
    so the record says 'confirmed by the user', never 'deleted by Handoff'.
    """
    if step not in CONFIRMABLE:
        raise HandoffError(
            "not_confirmable",
            Text(
                "Stap '{step}' kan niet met de hand bevestigd worden.",
                "Step '{step}' cannot be confirmed by hand.",
            ),
            step=str(step),
        )
    if step is Step.CUSTODIAN_CONFIRMED:
        from handoff.usecases import sealing

        return sealing.confirm_custodian(handoff_id, journal=journal_or_open(journal))
    return journal_or_open(journal).append(
        step, handoff_id=handoff_id, protocol_id=protocol_id, details={"confirmed_by": "user"}
    )
