"""Language choice and bilingual texts for the core and the CLI.

The core cannot use Qt's translator (it never imports Qt), so every message a
worker can read is written as a :class:`Text` with its Dutch and English form
side by side. Dutch is the default (these are Flemish civil servants); English
is used when ``HANDOFF_LANG``, the settings or the system locale ask for it.
The GUI uses Qt ``.ts``/``.qm`` files for its own widgets and shows core
messages through :meth:`Text.render`.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Any

SUPPORTED = ("nl", "en")
DEFAULT = "nl"

_override: str | None = None


def _normalise(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("-", "_")[:2]
    return code if code in SUPPORTED else None


def system_language() -> str:
    """The language the operating system asks for, Dutch when it is neither."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return _normalise(value.split(":")[0]) or DEFAULT
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    return _normalise(loc) or DEFAULT


def set_language(code: str | None) -> None:
    """Force a language for this process (settings, CLI flag, tests); None resets."""
    global _override
    _override = _normalise(code)


def language() -> str:
    """The language in force: override, then HANDOFF_LANG, then the system."""
    return _override or _normalise(os.environ.get("HANDOFF_LANG")) or system_language()


@dataclass(frozen=True)
class Text:
    """A message in Dutch and English, with ``{name}`` placeholders."""

    nl: str
    en: str

    def render(self, lang: str | None = None, **params: Any) -> str:
        template = self.en if (lang or language()) == "en" else self.nl
        return template.format(**params) if params else template


def tr(nl: str, en: str, **params: Any) -> str:
    """Render a one-off bilingual string in the current language."""
    return Text(nl, en).render(**params)
