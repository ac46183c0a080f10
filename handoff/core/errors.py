"""The one exception type a worker ever sees.

Every failure the core can foresee is raised as a :class:`HandoffError` with a
stable ``code`` (tests and the GUI branch on it) and a bilingual message that
says what is wrong and what to do. Messages never contain a password or a
cell value: callers pass only safe parameters (file names chosen by the user,
counts, limits).
"""

from __future__ import annotations

from typing import Any

from handoff.core.i18n import Text


class HandoffError(Exception):
    """A foreseen failure with a clear, translated message."""

    def __init__(self, code: str, text: Text, **params: Any) -> None:
        self.code = code
        self.text = text
        self.params = params
        super().__init__(code)

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language in force)."""
        return self.text.render(lang, **self.params)

    def __str__(self) -> str:
        return self.message()
