"""A protocol for the channel tests, shaped like Turnhout's (seed 004)."""

from __future__ import annotations

from pathlib import Path

from handoff.core.i18n import Text
from handoff.core.protocols import PasswordChannel, Protocol, Recipient, Retention

MAILBOX = "groeipakket@kindengezin.be"
HANDOFF_ID = "HO-20261123-AB12CD"
DPO_PHONE = "0499 99 67 57"  # seed 004: "via sms naar nr. 0499 99 67 57"


def protocol(sftp_address: str = "sftp://127.0.0.1:2222/inbox") -> Protocol:
    """Two recipients (mailbox and SFTP folder), password by SMS to the DPO."""
    return Protocol(
        id="turnhout-social-supplement",
        title=Text("Sociale toeslag Turnhout", "Social supplement Turnhout"),
        parties=("Opgroeien regie", "Stad Turnhout"),
        seed="004",
        article="6",
        columns=(),
        recipients=(
            Recipient("opgroeien-mail", Text("Opgroeien", "Opgroeien"), "email", MAILBOX),
            Recipient("opgroeien-sftp", Text("SFTP", "SFTP"), "sftp", sftp_address),
        ),
        password_channel=PasswordChannel(
            "sms",
            Text("functionaris gegevensbescherming", "data protection officer"),
            "opgroeien-dpo",
        ),
        retention=Retention("at_most_days", days=365),
        consent_required=False,
        publication_url="https://example.invalid/protocol",
        sheet_from_form=False,
    )


def archive(folder: Path, size: int = 50_000) -> Path:
    """Stand-in archive bytes: the channels move bytes, they never open them."""
    path = folder / "lijst Janssens.7z"  # a worker's own name: must never be sent as-is
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    return path
