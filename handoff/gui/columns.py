"""Sharing a table's width between its columns, so no page scrolls sideways (issue 13 §15).

A table sizes its columns to their text; when that is wider than the table,
columns give up width in a set order (:func:`squeeze`), down to a floor such as
the longest word of the column (:func:`longest_word`, so wrapped text breaks
only between words) or a few characters (cut text ends in "…" and the cell's
tooltip shows it whole).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtGui import QFontMetrics


def squeeze(
    widths: dict[int, int], columns: Iterable[int], over: int, floors: Mapping[int, int]
) -> int:
    """Take up to ``over`` pixels from ``columns`` in proportion to what each can spare.

    A column never goes below its floor. Returns what is still over.
    """
    columns = tuple(columns)
    spare = {c: max(widths[c] - floors[c], 0) for c in columns}
    room = sum(spare.values())
    if over <= 0 or room == 0:
        return max(over, 0)
    taken = 0
    for column in columns:
        part = min(spare[column], -(-over * spare[column] // room))  # rounded up
        widths[column] -= part
        taken += part
    return max(over - taken, 0)


def longest_word(metrics: QFontMetrics, texts: Iterable[str], padding: int) -> int:
    """The width of the longest word in ``texts``: where wrapping text stops fitting."""
    words = (word for text in texts for word in text.split())
    return max((metrics.horizontalAdvance(word) for word in words), default=0) + padding
