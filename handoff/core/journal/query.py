"""Which records match, and reading them a page at a time: one filter for the GUI and the CLI.

The log page's table and export, and ``handoff log list|export``, all read the
journal through a :class:`JournalFilter` and :func:`pages`, so both front ends
mean the same thing by the same filter and neither ever holds a million
records at once.

Filter semantics (every field ``None`` means "any"; the given ones all apply):

- ``since``: records written at or after this moment; a naive time (a date
  typed as ``YYYY-MM-DD`` becomes local midnight) is taken as local time;
- ``protocol``: exactly this protocol id;
- ``step``: exactly this step (a :class:`Step` or its value);
- ``handoff_id``: exactly this handoff;
- ``account``: exactly this OS account (who did the step);
- ``account_part``: an account containing this text, any case (the log page's
  user box matches as the DPO types: "pee" finds "jan.peeters").

Paging is keyset paging on the record number: each page costs the same at
any depth, and pages never overlap, even while records are being appended.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Protocol, TypedDict, Unpack

from handoff.core.journal.records import Record, Step, utc_text

PAGE_SIZE = 500


class FilterArgs(TypedDict, total=False):
    """:class:`JournalFilter` as keyword arguments: the one spelling of ``Journal.records/page/count``."""

    since: datetime | None
    protocol: str | None
    step: Step | str | None
    handoff_id: str | None
    account: str | None
    account_part: str | None


@dataclass(frozen=True)
class JournalFilter:
    """The filters of the log page and of ``handoff log``; see the module docstring."""

    since: datetime | None = None
    protocol: str | None = None
    step: Step | str | None = None
    handoff_id: str | None = None
    account: str | None = None
    account_part: str | None = None

    def as_kwargs(self) -> dict[str, Any]:
        """The filter as the keyword arguments of ``Journal.records/page/count``."""
        return asdict(self)

    def clause(self, *, paging: bool = False) -> tuple[str, list[object]]:
        """The SQL WHERE clause (or "") and its parameters: the one place the filter means something.

        ``paging``: the query walks the seq index for a page in seq order. Then
        step and protocol are tested row by row ("+column" keeps SQLite off their
        indexes, which would sort every match again for each page: 80-220 ms a
        page in 200 000 records, against 7-13 ms); one handoff's few records
        still come from their index.
        """
        plain = "+" if paging and self.handoff_id is None else ""
        parts: list[str] = []
        params: list[object] = []
        for column, value in (
            ("time >= ?", utc_text(self.since) if self.since else None),
            (f"{plain}protocol_id = ?", self.protocol),
            (f"{plain}step = ?", str(self.step) if self.step else None),
            ("handoff_id = ?", self.handoff_id),
            ("account = ?", self.account),
            ("account LIKE ? ESCAPE '\\'", _like(self.account_part)),
        ):
            if value is not None:
                parts.append(column)
                params.append(value)
        return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _like(part: str | None) -> str | None:
    """``%part%`` with LIKE's own wildcards taken literally."""
    if not part:
        return None
    return "%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Pager(Protocol):
    """What paging needs of a journal (``Journal`` has it; typed here to keep imports one-way)."""

    def page(
        self,
        *,
        before_seq: int | None = None,
        after_seq: int | None = None,
        limit: int = PAGE_SIZE,
        **filters: Unpack[FilterArgs],
    ) -> list[Record]: ...


def page(
    journal: Pager, where: JournalFilter, before_seq: int | None, limit: int = PAGE_SIZE
) -> list[Record]:
    """Up to ``limit`` matching records older than ``before_seq`` (None: the newest), newest first."""
    return journal.page(before_seq=before_seq, limit=limit, **where.as_kwargs())


def pages(
    journal: Pager, where: JournalFilter, *, size: int = PAGE_SIZE, oldest_first: bool = False
) -> Iterator[list[Record]]:
    """Every matching record, one page at a time, newest first unless ``oldest_first``."""
    cursor: int | None = 0 if oldest_first else None
    while True:
        if oldest_first:
            chunk = journal.page(after_seq=cursor, limit=size, **where.as_kwargs())
        else:
            chunk = journal.page(before_seq=cursor, limit=size, **where.as_kwargs())
        if chunk:
            yield chunk
        if len(chunk) < size:  # the last page: asking again would scan for nothing
            return
        cursor = chunk[-1].seq
