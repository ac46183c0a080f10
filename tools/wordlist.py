"""Rebuild ``resources/wordlist/nl.txt``: common, unambiguous Dutch words for spoken passwords.

Not run by CI: it needs two inputs from outside the project, named in
``resources/wordlist/SOURCE.md``:

- the OpenTaal word list as Debian's ``wdutch`` ships it (``/usr/share/dict/dutch``;
  ``apt-get download wdutch && dpkg -x wdutch_*.deb x`` gives it without installing),
  which says a word is spelled correctly;
- the ``wordfreq`` package (``pip install wordfreq`` in a throw-away venv), whose
  Dutch frequencies say a word is common.

Usage: ``python tools/wordlist.py /usr/share/dict/dutch > resources/wordlist/nl.txt``
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

SIZE = 7776  # 6^5: one word = 12.92 bits, six words = 77.5 bits (handoff.core.passwords)
SHAPE = re.compile(r"^[a-z]{4,8}$")
# Letters whose spelling a listener cannot tell from the sound (loan words: cola/kola).
UNCLEAR_LETTERS = set("cqxy")
# Words nobody should have to read aloud to a colleague or a client.
BLOCKED = {
    "kanker", "neuken", "hoer", "hoeren", "kutje", "lullen", "pik", "tering", "tyfus",
    "klote", "sukkel", "idioot", "debiel", "mongool", "homo", "nazi", "negers", "neger",
    "dood", "doden", "moord", "moorden", "lijk", "lijken", "seks", "sexy", "naakt",
    "drugs", "bom", "bommen", "wapen", "wapens", "oorlog", "zelfmoord", "geweld", "hitler",
    "armoede", "borsten", "dronken", "duivel", "flikker", "geil", "geile", "godver", "joden",
    "jood", "lullig", "pijpen", "pissen", "poep", "sperma", "verdomme", "zuipen", "schulden",
}  # fmt: skip
# Sounds that Dutch spells in more than one way: words whose sound key matches
# another common word's are dropped (wijs/weis, rouw/rauw, hard/hart, lid/lit).
SOUNDS = (
    ("dt", "t"),
    ("ij", "ei"),
    ("au", "ou"),
    ("ch", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ks", "x"),
)


def sound_key(word: str) -> str:
    """How the word sounds, with Dutch's double spellings of one sound merged."""
    key = word
    for spelled, sound in SOUNDS:
        key = key.replace(spelled, sound)
    if key.endswith("d"):
        key = key[:-1] + "t"  # final devoicing: "hard" sounds as "hart"
    return re.sub(r"([bcdfghjklmnpqrstvwxz])\1", r"\1", key)


def build(dictionary: set[str]) -> list[str]:
    """The SIZE most frequent words that pass every filter, sorted."""
    from wordfreq import top_n_list, zipf_frequency

    vocabulary = top_n_list("nl", 200_000)
    by_sound: dict[str, set[str]] = defaultdict(set)
    for word in vocabulary:
        if word.isalpha():
            by_sound[sound_key(word)].add(word)
    chosen: list[str] = []
    for word in vocabulary:
        if not SHAPE.match(word) or word not in dictionary or word in BLOCKED:
            continue
        if UNCLEAR_LETTERS & set(word) or len(by_sound[sound_key(word)]) > 1:
            continue
        if zipf_frequency(word, "en") >= zipf_frequency(word, "nl"):
            continue  # an English word first: the listener may spell it the English way
        chosen.append(word)
        if len(chosen) == SIZE:
            return sorted(chosen)
    raise SystemExit(f"only {len(chosen)} words pass the filters")


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/dutch")
    dictionary = {w for w in source.read_text(encoding="utf-8").split() if w.islower()}
    sys.stdout.write("\n".join(build(dictionary)) + "\n")


if __name__ == "__main__":
    main()
