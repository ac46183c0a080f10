"""Archive passwords that survive a GPU attack and a phone call.

Protocols pass the key by another channel than the archive: "via een ander
communicatiekanaal ... (bv sms)" (seed 003, decision art. 1, exchange process step 3), "via sms
... ofwel telefonisch" (seed 004, section C2). 7z's AES key derivation has no salt
in py7zr's writer and no MAC, so the password alone must carry about 65 bits
(docs: ARCHITECTURE, "Things the format does not give you").

The value shown to the worker is exactly the value used as the 7z password
(groups and separators included), so what the receiver types is what was shown.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from handoff.core import paths

Style = Literal["sms", "words"]

MIN_BITS = 65.0
# Crockford base32: no I, L, O, U, so nothing reads as 1, 0 or a rude word.
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SMS_CHARS = 16  # 16 x 5 bits = 80 bits
SMS_GROUP = 4
WORDS = 6  # 6 x 12.92 bits = 77.5 bits with 7,776 words


@dataclass(frozen=True)
class Password:
    """A generated password; ``repr``/``str`` never show the value (logs, tracebacks)."""

    value: str = field(repr=False)
    style: Style
    bits: float

    def grouped(self) -> str:
        """The form to show, read aloud or text: identical to ``value`` by design."""
        return self.value

    def __str__(self) -> str:
        return f"Password(style={self.style!r}, bits={self.bits:.1f})"


@lru_cache(maxsize=1)
def wordlist() -> tuple[str, ...]:
    """The shipped Dutch word list: common, unambiguous words (OpenTaal x wordfreq; SOURCE.md)."""
    path = paths.resources_dir() / "wordlist" / "nl.txt"
    words = tuple(w for w in path.read_text(encoding="utf-8").split() if w)
    if len(set(words)) != len(words):
        raise ValueError("word list has duplicates")
    return words


def style_for(channel_kind: str) -> Style:
    """Words for a password read aloud (phone, a custodian), grouped characters for an SMS."""
    return "words" if channel_kind in ("phone", "custodian") else "sms"


def _sms() -> Password:
    chars = "".join(secrets.choice(CROCKFORD) for _ in range(SMS_CHARS))
    groups = [chars[i : i + SMS_GROUP] for i in range(0, SMS_CHARS, SMS_GROUP)]
    return Password("-".join(groups), "sms", SMS_CHARS * math.log2(len(CROCKFORD)))


def _words() -> Password:
    words = wordlist()
    chosen = [secrets.choice(words) for _ in range(WORDS)]
    return Password(" ".join(chosen), "words", WORDS * math.log2(len(words)))


def generate(style: Style = "sms") -> Password:
    """A fresh password from ``secrets``; at least 65 bits whatever the style."""
    if style == "sms":
        password = _sms()
    elif style == "words":
        password = _words()
    else:
        raise ValueError(f"unknown password style: {style!r}")
    if password.bits < MIN_BITS:  # guards a shortened word list
        raise ValueError(f"password style {style!r} gives only {password.bits:.1f} bits")
    return password


_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def typed_forms(typed: str) -> list[str]:
    """What a worker typed, then the canonical form of a generated password it may mean.

    Someone copying an SMS types ``7kq2 m9xd …`` or forgets the dashes; someone
    writing down words on the phone adds capitals or double spaces. Crockford
    base32 was chosen so that O/0 and I/L/1 can be read as one another. Only
    forms of a *generated* password are added, so this widens nothing for an
    attacker: the key space stays the same.
    """
    forms = [typed, _sms_form(typed), _words_form(typed)]
    return list(dict.fromkeys(f for f in forms if f is not None))


def _sms_form(typed: str) -> str | None:
    compact = "".join(typed.split()).replace("-", "").upper().translate(_LOOKALIKES)
    if len(compact) != SMS_CHARS or not all(c in CROCKFORD for c in compact):
        return None
    return "-".join(compact[i : i + SMS_GROUP] for i in range(0, SMS_CHARS, SMS_GROUP))


def _words_form(typed: str) -> str | None:
    words = typed.replace("-", " ").replace(",", " ").lower().split()
    return " ".join(words) if len(words) == WORDS else None


def recognise(typed: str) -> Password | None:
    """The generated password a worker typed back, in its canonical form; None if it is not one.

    ``handoff password HO-… --via sms`` sends later the password shown when a
    draft was made; what goes by SMS must be exactly the archive's password.
    """
    sms = _sms_form(typed)
    if sms is not None:
        return Password(sms, "sms", SMS_CHARS * math.log2(len(CROCKFORD)))
    words = _words_form(typed)
    if words is not None and set(words.split()) <= set(wordlist()):
        return Password(words, "words", WORDS * math.log2(len(wordlist())))
    return None
