"""Plain-language names of the journal's steps, as a worker reads them in a checklist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def step_label(step: str) -> str:
    """The label for a ``journal.Step`` value (its string); unknown steps show as-is."""
    labels = {
        "packaged": QCoreApplication.translate("steps", "File checked and locked with a password"),
        "consent_confirmed": QCoreApplication.translate("steps", "Client's consent confirmed"),
        "draft_handed": QCoreApplication.translate("steps", "E-mail draft made (not sent yet)"),
        "sent": QCoreApplication.translate("steps", "E-mail sent"),
        "uploaded": QCoreApplication.translate("steps", "File uploaded to the secure server"),
        "delivery_uncertain": QCoreApplication.translate(
            "steps", "Sent, but arrival not confirmed by the server"
        ),
        "delivery_failed": QCoreApplication.translate("steps", "Sending failed; nothing arrived"),
        "archive_voided": QCoreApplication.translate("steps", "Archive voided by the worker"),
        "draft_sent": QCoreApplication.translate("steps", "E-mail with the archive sent"),
        "draft_removed": QCoreApplication.translate(
            "steps", "E-mail draft removed from the outbox"
        ),
        "password_passed": QCoreApplication.translate(
            "steps", "Password passed on by another channel"
        ),
        "password_uncertain": QCoreApplication.translate(
            "steps", "SMS with the password: outcome unknown"
        ),
        "received": QCoreApplication.translate("steps", "File received"),
        "decrypted_stored": QCoreApplication.translate(
            "steps", "File opened and stored in the secure folder"
        ),
        "email_deleted": QCoreApplication.translate("steps", "E-mail with the file deleted"),
        "password_deleted": QCoreApplication.translate(
            "steps", "SMS or note with the password deleted"
        ),
        "file_deleted": QCoreApplication.translate("steps", "File deleted"),
        "sealed": QCoreApplication.translate("steps", "File sealed with a password"),
        "custodian_confirmed": QCoreApplication.translate(
            "steps", "Password handed to the custodian"
        ),
        "leftovers_removed": QCoreApplication.translate(
            "steps", "Files left by an interrupted Handoff removed"
        ),
        "policy_value_ignored": QCoreApplication.translate(
            "steps", "Organisation policy setting ignored"
        ),
        "profile_refused": QCoreApplication.translate(
            "steps", "Shared protocol profile refused (signature)"
        ),
    }
    return labels.get(str(step), str(step))
