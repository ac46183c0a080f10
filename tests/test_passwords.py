"""Generated passwords: strength, alphabet, and never shown by accident.

The key travels by another channel, "via sms ... ofwel telefonisch" (seed 004,
section C2); seed 003 (decision art. 1, exchange process step 5) says the password is stored nowhere,
so it must not leak into a repr, a log line or a traceback either.
"""

from __future__ import annotations

import logging
import re

import pytest

from handoff.core import passwords


def test_sms_style_is_crockford_in_groups_of_four():
    pw = passwords.generate("sms")
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", pw.value)
    assert not set("ILOU") & set(pw.value)
    assert pw.bits == pytest.approx(80.0) and pw.grouped() == pw.value


def test_words_style_uses_the_shipped_dutch_list():
    words = passwords.wordlist()
    assert len(words) == 7776 and len(set(words)) == len(words)
    assert all(re.fullmatch(r"[a-z]{4,8}", w) for w in words)
    pw = passwords.generate("words")
    chosen = pw.value.split(" ")
    assert len(chosen) == passwords.WORDS and all(w in set(words) for w in chosen)
    assert pw.bits >= 65 and pw.bits == pytest.approx(6 * 12.925, abs=0.01)


@pytest.mark.parametrize("style", ["sms", "words"])
def test_at_least_65_bits_and_fresh_each_time(style):
    values = {passwords.generate(style).value for _ in range(50)}
    assert len(values) == 50
    assert passwords.generate(style).bits >= passwords.MIN_BITS


def test_unknown_style_is_refused():
    with pytest.raises(ValueError):
        passwords.generate("pin")  # type: ignore[arg-type]


@pytest.mark.parametrize("style", ["sms", "words"])
def test_value_never_in_repr_str_or_log(style, caplog):
    pw = passwords.generate(style)
    log = logging.getLogger("handoff.test")
    with caplog.at_level(logging.INFO):
        log.info("wachtwoord gemaakt: %s %r", pw, pw)
    for text in (repr(pw), str(pw), f"{pw}", caplog.text):
        assert pw.value not in text
        assert style in text


def test_wordlist_licence_and_source_are_shipped():
    from handoff.core import paths

    folder = paths.resources_dir() / "wordlist"
    assert "OpenTaal" in (folder / "LICENSE").read_text()
    assert "wdutch" in (folder / "SOURCE.md").read_text()
    assert "wordfreq" in (folder / "LICENSE").read_text()  # CC BY-SA 4.0 attribution
    assert "CC BY-SA 4.0" in (folder / "SOURCE.md").read_text()


def test_wordlist_is_common_unambiguous_words_at_77_bits():
    """Issue 13 item 6: words read aloud on the phone, not "gewet", "bost", "chape"."""
    import math

    from tools.wordlist import sound_key

    words = passwords.wordlist()
    assert passwords.WORDS * math.log2(len(words)) >= 77
    assert not {"gewet", "bost", "chape", "scha", "verg"} & set(words)
    assert {"telefoon", "dokter", "nagel"} <= set(words)  # everyday words
    assert not [w for w in words if set(w) & set("cqxy")]
    keys = [sound_key(w) for w in words]
    assert len(set(keys)) == len(keys)  # no two words sound alike (wijs/weis, hard/hart)
    assert sound_key("wijs") == sound_key("weis") and sound_key("hard") == sound_key("hart")


def test_typed_forms_recover_a_generated_password_typed_loosely():
    from handoff.core.passwords import generate, typed_forms

    sms = generate("sms")
    loose = sms.value.replace("-", " ").lower().replace("0", "o").replace("1", "l")
    assert sms.value in typed_forms(loose)
    words = generate("words")
    assert words.value in typed_forms("  " + words.value.upper().replace(" ", "  ") + " ")


def test_typed_forms_keep_what_was_typed_first_and_add_nothing_for_other_text():
    from handoff.core.passwords import typed_forms

    assert typed_forms("Geheim-123") == ["Geheim-123"]
    assert typed_forms("abc")[0] == "abc"
