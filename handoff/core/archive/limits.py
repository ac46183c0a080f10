"""The caps on what an archive may expand to, shared by the probe and the extraction.

An archive's header can declare any size it likes ("3 GiB of zeros fit in
0.5 MB", ARCHITECTURE), so both the probe (declared sizes) and the extraction
(real bytes) check against the same caps and raise the same error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handoff.core.archive import errors as msg
from handoff.core.errors import HandoffError
from handoff.core.i18n import Phrase, Text


@dataclass(frozen=True)
class Limits:
    """Extraction caps, counted on real bytes (an archive's header can lie)."""

    max_total_bytes: int = 4 * 2**30
    max_entries: int = 10_000
    max_ratio: float = 1000.0  # unpacked / archive size


def too_large(detail: Text, **params: Any) -> HandoffError:
    """The ``too_large`` error; its reason is rendered in the language the message is read in."""
    return HandoffError("too_large", msg.TOO_LARGE, detail=Phrase(detail, params))
