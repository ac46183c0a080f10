"""The handoff journal: one append-only, hash-chained SQLite log per machine.

The public names live here; the parts are modules of their own:
``records`` (the steps, the record, ids), ``book`` (the :class:`Journal`:
append, read, verify), ``store`` (the SQLite file), ``hash`` (the chain),
``verify`` (checking it and checkpoints), ``details`` (the per-step whitelist
that keeps personal data out), ``obligations`` (what is still to be done) and
``export`` (CSV/xlsx for the DPO).
"""

from handoff.core.journal.book import Journal
from handoff.core.journal.records import Record, Step, new_handoff_id, os_account, utc_text
from handoff.core.journal.verify import Checkpoint, VerifyResult

__all__ = [
    "Checkpoint",
    "Journal",
    "Record",
    "Step",
    "VerifyResult",
    "new_handoff_id",
    "os_account",
    "utc_text",
]
