"""Take the locked file out of a saved e-mail (.eml), with its subject.

Workers often drag the e-mail itself out of Outlook. The subject of a Handoff
e-mail carries the protocol's title and the reference, and the attachment is
named after the reference, so the Receive page can propose the protocol. The
attachment is copied, still encrypted, into Handoff's own scratch folder and
removed again once opened or abandoned; the e-mail itself is the worker's to
delete (seed 003 art. 6 step 5).
"""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.7z$")

NO_ARCHIVE = Text(
    "In deze e-mail zit geen vergrendeld bestand (.7z). Kies het bestand zelf, of vraag de "
    "afzender het opnieuw te sturen.",
    "This e-mail holds no locked file (.7z). Choose the file itself, or ask the sender to send it again.",
)


def archive_from_mail(eml: Path, folder: Path) -> tuple[Path, str]:
    """The first .7z attachment written to ``folder``, and the e-mail's subject."""
    with eml.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    for part in message.iter_attachments():
        name = Path(part.get_filename() or "").name
        if name.lower().endswith(".7z"):
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / (name if _SAFE_NAME.match(name) else "bijlage.7z")
            target.write_bytes(part.get_payload(decode=True) or b"")
            return target, str(message.get("Subject", ""))
    raise HandoffError("no_archive_in_mail", NO_ARCHIVE)
