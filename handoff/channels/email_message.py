"""The e-mail that carries an archive: no personal data outside the encrypted attachment.

Subject and body hold only the protocol's title, the handoff reference and a
line saying the password follows by another channel (seed 003, art. 3 step 3:
"via een ander communicatiekanaal ... (bv sms)"), and how to open it: with
Handoff or 7-Zip, as Windows Explorer cannot open an encrypted 7z (issue 13 item 8). The attachment is named
``<handoff_id>.7z`` whatever the archive file is called, because a file name
chosen by a worker can hold a client's name.
"""

from __future__ import annotations

import secrets
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from handoff.channels.base import check_handoff_id
from handoff.core.protocols import Protocol, Recipient

ATTACHMENT_TYPE = ("application", "x-7z-compressed")

_BODY_NL = (
    "Goedendag,\n\n"
    "In bijlage vindt u een versleuteld bestand (7-Zip, AES-256) volgens het protocol "
    "'{title_nl}'.\nReferentie: {ref}\n\n"
    "Het wachtwoord volgt via een ander kanaal (sms of telefoon), nooit per e-mail.\n"
    "Open het bestand met Handoff (of met 7-Zip); de Windows Verkenner kan het niet openen.\n"
    "Bewaar het op de beveiligde plaats zoals het protocol het voorschrijft.\n"
)
_BODY_EN = (
    "Hello,\n\n"
    "Attached is an encrypted file (7-Zip, AES-256) under the protocol '{title_en}'.\n"
    "Reference: {ref}\n\n"
    "The password follows by another channel (SMS or phone), never by e-mail.\n"
    "Open the file with Handoff (or with 7-Zip); Windows Explorer cannot open it.\n"
    "Store it in the secure place the protocol prescribes.\n"
)


def attachment_name(handoff_id: str) -> str:
    """The generic attachment/remote file name: never the worker's own file name."""
    return f"{check_handoff_id(handoff_id)}.7z"


def subject(protocol: Protocol, handoff_id: str) -> str:
    """Title and reference only."""
    return f"{protocol.title.nl} / {protocol.title.en} [{check_handoff_id(handoff_id)}]"


def body(protocol: Protocol, handoff_id: str) -> str:
    """Dutch first, English below, as the receiver may be either."""
    ref = check_handoff_id(handoff_id)
    return (
        _BODY_NL.format(title_nl=protocol.title.nl, ref=ref)
        + "\n-----\n\n"
        + _BODY_EN.format(title_en=protocol.title.en, ref=ref)
    )


def message_id(handoff_id: str, sender: str = "") -> str:
    """A unique Message-ID with letters after the reference.

    Not email.utils.make_msgid: its long digit runs (time, pid, random) can
    look like a phone or national number to the journal's detail check.
    """
    domain = sender.rpartition("@")[2] if "@" in sender else "handoff.invalid"
    letters = "".join(chr(ord("a") + b % 26) for b in secrets.token_bytes(16))
    return f"<{check_handoff_id(handoff_id)}.{letters}@{domain}>"


def build(
    archive: Path, recipient: Recipient, protocol: Protocol, handoff_id: str, sender: str = ""
) -> EmailMessage:
    """The complete message; the caller has already checked ``recipient`` against the protocol."""
    message = EmailMessage()
    message["Subject"] = subject(protocol, handoff_id)
    message["To"] = recipient.address
    if sender:
        message["From"] = sender
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = message_id(handoff_id, sender)
    message.set_content(body(protocol, handoff_id))
    message.add_attachment(
        archive.read_bytes(),
        maintype=ATTACHMENT_TYPE[0],
        subtype=ATTACHMENT_TYPE[1],
        filename=attachment_name(handoff_id),
    )
    return message
