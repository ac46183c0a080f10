"""Plain-language names of the journal's steps, as a worker reads them in a checklist.

The names live in the core (``journal.sentences.STEP_NAMES``) so the window,
``handoff log`` and the DPO's exports use one wording (issue 13 §12); the
window shows them in the language it runs in.
"""

from __future__ import annotations

from handoff.core import i18n
from handoff.core.journal.sentences import step_name


def step_label(step: str) -> str:
    """The label for a ``journal.Step`` value (its string); unknown steps show as-is."""
    return step_name(str(step), i18n.language())
