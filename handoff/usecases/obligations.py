"""Steps a worker does outside Handoff and confirms in it (seed 003 step 5).

Handoff cannot see the mail program or the phone, so each record says
'confirmed by the user', never 'deleted by Handoff'.
"""

from __future__ import annotations

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal, Record, Step, os_account
from handoff.usecases.common import Context, journal_or_open, message

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


def _protocol_of(log: Journal, handoff_id: str) -> str | None:
    """The protocol the handoff's records name (its latest), for a confirmation record."""
    named = [r.protocol_id for r in log.records(handoff_id=handoff_id) if r.protocol_id]
    return named[-1] if named else None


def _delete_stored(handoff_id: str, log: Journal) -> Record:
    """Delete the stored files now (seed 003 art. 3 "ook verwijderd eens de personen
    gecontacteerd zijn"; seeds 001/002 art. 3: until contact); journaled by retention."""
    from handoff.core import retention

    deletion = retention.delete_now(handoff_id, journal=log)
    if not deletion.journaled:
        raise message(
            "secure_folder_unreachable",
            "De beveiligde map van overdracht {handoff} is niet bereikbaar; er is niets "
            "verwijderd. Koppel de netwerkschijf en probeer opnieuw.",
            "The secure folder of handoff {handoff} cannot be reached; nothing was deleted. "
            "Connect the network drive and try again.",
            handoff=handoff_id,
        )
    return log.records(handoff_id=handoff_id, step=Step.FILE_DELETED)[-1]


def act(handoff_id: str, action: str, *, ctx: Context | None = None) -> Record:
    """Carry out one action of an open item (``journal.obligations.ACTIONS``) and journal it.

    The to-do lists of the window and ``handoff log act`` call only this, so an
    obligation is closed the same way wherever, and however long after, the
    worker gets to it (issue 13 §9).
    """
    ctx = ctx or Context()
    log = ctx.log()
    if action in ("delete_now", "delete_after_contact"):
        return _delete_stored(handoff_id, log)
    if action == "confirm_file_deleted":
        return confirm_file_deleted(handoff_id, journal=log)
    steps = {
        "confirm_email_deleted": Step.EMAIL_DELETED,
        "confirm_password_deleted": Step.PASSWORD_DELETED,
        "confirm_custodian": Step.CUSTODIAN_CONFIRMED,
    }
    if action in steps:
        return confirm(handoff_id, _protocol_of(log, handoff_id), steps[action], journal=log)
    if action in ("void", "confirm_draft_sent"):
        from handoff.usecases import sending

        done = sending.void if action == "void" else sending.confirm_draft_sent
        return done(handoff_id, ctx=ctx)
    raise message(
        "unknown_action",
        "'{action}' is geen handeling voor een openstaande taak.",
        "'{action}' is not an action for an open item.",
        action=action[:40],
    )
