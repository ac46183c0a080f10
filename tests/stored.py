"""A received file as usecases.receive leaves it: stored in the secure folder and journaled.

Retention, the obligations and the log page all start from this state; one
helper builds it so they all mean the same record by "a stored handoff".
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from handoff.core.journal import Journal, Step, new_handoff_id


def store(
    journal: Journal,
    secure: Path,
    contents: dict[str, bytes],
    due: date | None,
    *,
    protocol: str = "thuispunt-gent-cir",
    reminder: date | None = None,
    kind: str | None = None,
) -> tuple[str, Path]:
    """Files in ``<secure>/<handoff_id>/`` and their DECRYPTED record; returns both.

    ``kind``: the retention rule; by default a fixed date when ``due`` is
    given and "until contact" (seeds 001/002 art. 3) when it is not.
    """
    hid = new_handoff_id()
    folder = secure / hid
    for name, data in contents.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    journal.append(
        Step.DECRYPTED,
        handoff_id=hid,
        protocol_id=protocol,
        details={
            "destination": "secure_folder",
            "folder": str(folder),
            "files": [
                {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for d in contents.values()
            ],
            "count": len(contents),
            "due": due.isoformat() if due else None,
            "reminder": reminder.isoformat() if reminder else None,
            "retention": kind or ("fixed_date" if due else "until_contact"),
        },
    )
    return hid, folder
