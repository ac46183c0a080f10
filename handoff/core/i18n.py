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
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SUPPORTED = ("nl", "en")
DEFAULT = "nl"

_override: str | None = None


def _normalise(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("-", "_")[:2]
    return code if code in SUPPORTED else None


def _windows_ui_language() -> str | None:
    """The Windows display language (e.g. 'nl_BE'); Windows sets no LANG variable."""
    try:
        import ctypes

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return locale.windows_locale.get(lcid)


def system_language() -> str:
    """The language the operating system asks for; Dutch when it asks for neither.

    Only the environment (and Windows' UI language) counts: ``C``/``POSIX``
    mean "no preference", and Python's ``getlocale()`` would turn C.UTF-8 into
    en_US, which would make English the default on every bare server.
    """
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            first = value.split(":")[0]
            if first.split(".")[0] in ("C", "POSIX"):
                return DEFAULT
            return _normalise(first) or DEFAULT
    if sys.platform == "win32":
        return _normalise(_windows_ui_language()) or DEFAULT
    return DEFAULT


def set_language(code: str | None) -> None:
    """Force a language for this process (settings, CLI flag, tests); None resets."""
    global _override
    _override = _normalise(code)


def language() -> str:
    """The language in force: override, then HANDOFF_LANG, then the system."""
    return _override or _normalise(os.environ.get("HANDOFF_LANG")) or system_language()


@dataclass(frozen=True)
class Text:
    """A message in Dutch and English, with ``{name}`` placeholders.

    A parameter may itself be a :class:`Text` or a :class:`Phrase` (a reason
    inside an error, a role): it is rendered in the same language as the
    message, only when the message is, so an English message never carries a
    Dutch reason fixed at raise time. A tuple is rendered item by item and
    joined with ", " (a list of column labels).
    """

    nl: str
    en: str

    def render(self, lang: str | None = None, **params: Any) -> str:
        lang = lang or language()
        template = self.en if lang == "en" else self.nl
        if not params:
            return template
        return template.format(**{k: _localised(v, lang) for k, v in params.items()})


@dataclass(frozen=True)
class Phrase:
    """A :class:`Text` with its own parameters, to be a parameter of another message."""

    text: Text
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return self.text.render(lang, **self.params)


def _localised(value: Any, lang: str) -> Any:
    if isinstance(value, Text | Phrase):
        return value.render(lang)
    if isinstance(value, tuple):
        return ", ".join(str(_localised(item, lang)) for item in value)
    return value


def tr(nl: str, en: str, **params: Any) -> str:
    """Render a one-off bilingual string in the current language."""
    return Text(nl, en).render(**params)


def counted_phrase(n: int, nl_one: str, nl_many: str, en_one: str, en_many: str) -> Phrase:
    """:func:`counted` as a parameter of another message, rendered in that message's language."""
    return Phrase(Text(nl_one, en_one) if n == 1 else Text(nl_many, en_many), {"n": n})


def counted(n: int, nl_one: str, nl_many: str, en_one: str, en_many: str) -> str:
    """'1 rij', '40 rijen': the real plural form in the language in force, never 'rij(en)'."""
    return counted_phrase(n, nl_one, nl_many, en_one, en_many).render()
