"""Which entry names may be written to disk: the same rule on every platform.

The receiving OCMW stores the list "op een intern beveiligde locatie (lokale
netwerkschijven)" (seed 003, decision art. 1, exchange process step 4): usually a Windows share.
A name that Windows cannot hold, or that climbs out of the destination, is
refused on every platform, so an archive that opens on the Linux test machine
opens the same way on the worker's PC. Packing uses the same rule, so Handoff
never makes an archive it would refuse to open.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

MAX_COMPONENT = 255
_FORBIDDEN = set('<>:"|?*')
# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
# and the direction marks: invisible, they make "lijst\u202excod.exe" read as
# "lijstexe.docx" in a file manager.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_RESERVED = re.compile(
    r"^(con|prn|aux|nul|conin\$|conout\$|(com|lpt)[0-9¹²³])(\..*)?$", re.IGNORECASE
)

_EMPTY = Text("lege naam", "empty name")
_UP = Text("'..' verwijst naar een map hoger", "'..' points to a folder above")
_CONTROL = Text("stuurteken in de naam", "control character in the name")
_CHARS = Text('teken < > : " | ? * in de naam', 'character < > : " | ? * in the name')
_TRAILING = Text("naam eindigt op punt of spatie", "name ends in a dot or space")
_RESERVED_NAME = Text("gereserveerde Windows-naam", "name reserved by Windows")
_LONG = Text("naam te lang", "name too long")
_ABSOLUTE = Text("absoluut pad", "absolute path")
_DRIVE = Text("stationsletter", "drive letter")
LINK = Text("snelkoppeling (link)", "link (shortcut)")
DEVICE = Text("apparaat of speciaal bestand", "device or special file")
DUPLICATE = Text("naam komt twee keer voor", "name occurs twice")
TWINS = Text(
    "twee namen die er hetzelfde uitzien maar anders gecodeerd zijn (Unicode)",
    "two names that look the same but are encoded differently (Unicode)",
)
_BIDI_TEXT = Text(
    "onzichtbaar teken dat de leesrichting van de naam omkeert",
    "invisible character that reverses the name's reading direction",
)

UNSAFE_ENTRY = Text(
    "Het archief bevat een onveilige naam (entry {index}: {reason}). Er is niets uitgepakt. "
    "Vraag de afzender het bestand opnieuw te verpakken met Handoff of 7-Zip, zonder mappen "
    "of snelkoppelingen.",
    "The archive holds an unsafe name (entry {index}: {reason}). Nothing was extracted. "
    "Ask the sender to pack the file again with Handoff or 7-Zip, without folders or shortcuts.",
)


def _component_problem(part: str) -> Text | None:
    """Why one path component cannot be written, in plain words, or None."""
    if part in ("", ".", ".."):
        return _EMPTY if part != ".." else _UP
    if any(ord(c) < 32 or ord(c) == 127 for c in part):
        return _CONTROL
    if _BIDI.intersection(part):
        return _BIDI_TEXT
    if _FORBIDDEN.intersection(part):
        return _CHARS
    if part[-1] in ". ":
        return _TRAILING
    if _RESERVED.match(part):
        return _RESERVED_NAME
    if len(part) > MAX_COMPONENT:
        return _LONG
    return None


def name_problem(name: str) -> Text | None:
    """Why ``name`` may not be extracted (absolute, ``..``, drive, Windows-illegal), or None.

    Both separators count, since an archive made on Windows may use ``\\``.
    """
    if not name:
        return _EMPTY
    if name[0] in "/\\":
        return _ABSOLUTE
    if len(name) >= 2 and name[1] == ":":
        return _DRIVE
    for part in re.split(r"[\\/]", name):
        problem = _component_problem(part)
        if problem:
            return problem
    return None


def refuse(index: int, reason: Text) -> HandoffError:
    """The ``unsafe_entry`` error for entry ``index`` (1-based) and its reason."""
    return HandoffError("unsafe_entry", UNSAFE_ENTRY, index=index, reason=reason)


def check_name(name: str, index: int) -> None:
    """Raise ``unsafe_entry`` for a name that may not be written; the name itself is not shown.

    The name is left out of the message on purpose: in these archives a file name
    may itself be personal data ("verwijzing Jan Peeters.xlsx").
    """
    problem = name_problem(name)
    if problem:
        raise refuse(index, problem)


def parts(name: str) -> tuple[str, ...]:
    """The components of an entry name, either separator."""
    return tuple(p for p in re.split(r"[\\/]", name) if p)


def _same_on_disk(part: str) -> str:
    """One spelling for names a file system may treat as one.

    Windows ignores case; macOS stores names decomposed (NFD), so "é" typed as
    one character and as "e" plus an accent are one file there and two on Linux.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", part).casefold())


def _key(name: str) -> tuple[str, ...]:
    return tuple(_same_on_disk(p) for p in parts(name))


def refuse_clashes(entries: Iterable[tuple[str, bool]]) -> None:
    """Refuse two (name, is_dir) entries that are one on some disk, or a file where a folder goes.

    Used when packing and when opening, so Handoff never writes an archive it
    would refuse to open.
    """
    seen: dict[tuple[str, ...], tuple[str, bool]] = {}
    folders: set[tuple[str, ...]] = set()
    files: dict[tuple[str, ...], int] = {}
    for index, (name, is_dir) in enumerate(entries, 1):
        key = _key(name)
        folders.update(key[:i] for i in range(1, len(key)))
        if key in seen and not (is_dir and seen[key][1]):
            raise refuse(index, _clash_reason(name, seen[key][0]))
        seen[key] = (name, is_dir)
        if not is_dir:
            files[key] = index
    for key in folders.intersection(files):
        raise refuse(files[key], DUPLICATE)


def _clash_reason(name: str, other: str) -> Text:
    """Case twins occur twice to a reader; Unicode twins only look alike."""
    same_case = [p.casefold() for p in parts(name)] == [p.casefold() for p in parts(other)]
    return DUPLICATE if same_case else TWINS
