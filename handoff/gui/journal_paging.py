"""Read the journal a page at a time, newest first, so a million records never load at once.

``Journal.records`` returns every match (or only the newest ``limit``) with no
way to continue from a record, which the log table and the export need. Until
the journal offers that (asked for in the GUI report: ``records(...,
before_seq=..., limit=...)``), this bridge runs the same filter through the
journal's own read-only ``select`` with keyset paging on the record id.
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
    from handoff.core.journal import Record, _where
    from handoff.core.journal_store import COLUMNS

    f = where
    clause, params = _where(f.since, f.protocol, f.step, None, f.account)
    if before_seq is not None:
        clause += (" AND " if clause else " WHERE ") + "seq < ?"
        params.append(before_seq)
    rows = journal.select(
        f"SELECT {COLUMNS} FROM records{clause} ORDER BY id DESC LIMIT ?", [*params, int(limit)]
    )
    return [Record.from_row(row) for row in rows]


def all_pages(journal: Any, where: JournalFilter, size: int = PAGE_SIZE) -> Iterator[list[Any]]:
    """Every matching record, newest first, one page at a time (export)."""
    before: int | None = None
    while True:
        chunk = page(journal, where, before, size)
        if not chunk:
            return
        yield chunk
        before = chunk[-1].seq
