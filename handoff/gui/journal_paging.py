"""Read the journal a page at a time, newest first, so a million records never load at once.

The log table and the export keep their filters in a :class:`JournalFilter`
and page through :meth:`Journal.page` (keyset paging on the record number).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

PAGE_SIZE = 500


@dataclass(frozen=True)
class JournalFilter:
    """The log page's filters; None means "any"."""

    since: datetime | None = None
    protocol: str | None = None
    step: str | None = None
    account: str | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "protocol": self.protocol,
            "step": self.step,
            "account": self.account,
        }


def page(
    journal: Any, where: JournalFilter, before_seq: int | None, limit: int = PAGE_SIZE
) -> list[Any]:
    """Up to ``limit`` matching records older than ``before_seq``, newest first."""
    return journal.page(before_seq=before_seq, limit=limit, **where.as_kwargs())


def all_pages(journal: Any, where: JournalFilter, size: int = PAGE_SIZE) -> Iterator[list[Any]]:
    """Every matching record, newest first, one page at a time (export)."""
    before: int | None = None
    while True:
        chunk = page(journal, where, before, size)
        if not chunk:
            return
        yield chunk
        before = chunk[-1].seq
