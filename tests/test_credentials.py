"""Credentials: keyring only under "Handoff"; no secure backend means ask each time, store nothing."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import chainer, fail, null

from handoff.core import credentials
from handoff.core.errors import HandoffError


class PlaintextKeyring(null.Keyring):
    """Stands in for keyrings.alt's plain-text file store (by its class name)."""

    priority = 1  # type: ignore[assignment]


def test_store_and_read_under_service_handoff(memory_keyring):
    credentials.set_secret(credentials.SMTP, "pw-1")
    assert memory_keyring.store == {("Handoff", "smtp"): "pw-1"}
    assert credentials.get_secret("smtp") == "pw-1"
    assert credentials.has_secret("smtp")
    credentials.delete_secret("smtp")
    assert credentials.get_secret("smtp") is None


def test_ask_is_used_when_nothing_is_stored_and_not_stored():
    asked = []
    value = credentials.get_secret("sftp", ask=lambda name: asked.append(name) or "typed")
    assert (value, asked) == ("typed", ["sftp"])
    assert credentials.get_secret("sftp") is None


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), PlaintextKeyring()],
    ids=["fail", "null", "plaintext"],
)
def test_insecure_backends_are_never_written_and_ask_every_time(backend):
    keyring.set_keyring(backend)
    assert not credentials.secure_backend_available()
    with pytest.raises(HandoffError) as caught:
        credentials.set_secret("sms", "token")
    assert caught.value.code == "no_secure_keyring"
    assert "token" not in caught.value.message()
    calls = []
    for _ in range(2):
        assert credentials.get_secret("sms", ask=lambda n: calls.append(n) or "t") == "t"
    assert calls == ["sms", "sms"]


class SecretServiceLookalike(null.Keyring):
    """A third-party backend nobody vetted, whatever its name claims."""

    priority = 1  # type: ignore[assignment]


SecretServiceLookalike.__qualname__ = "Keyring"  # same class name as Secret Service's


def test_only_allow_listed_backends_count_as_secure(memory_keyring):
    # The test store is trusted only because the conftest fixture registered it.
    assert credentials.secure_backend_available()
    keyring.set_keyring(SecretServiceLookalike())
    assert not credentials.secure_backend_available()
    assert "keyring.backends.SecretService.Keyring" in credentials.SECURE_BACKENDS
    assert "keyring.backends.Windows.WinVaultKeyring" in credentials.SECURE_BACKENDS


def test_chainer_is_secure_only_when_every_chained_store_is(monkeypatch, memory_keyring):
    monkeypatch.setattr(
        chainer.ChainerBackend, "backends", [memory_keyring, PlaintextKeyring()], raising=False
    )
    keyring.set_keyring(chainer.ChainerBackend())
    assert not credentials.secure_backend_available()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [memory_keyring], raising=False)
    assert credentials.secure_backend_available()


def test_chainer_with_no_viable_backend_is_not_secure(monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [fail.Keyring()], raising=False)
    keyring.set_keyring(chainer.ChainerBackend())
    assert not credentials.secure_backend_available()


def test_unknown_secret_name_is_refused():
    with pytest.raises(HandoffError) as caught:
        credentials.get_secret("mail_password")
    assert caught.value.code == "unknown_secret"


def test_empty_secret_is_not_stored(memory_keyring):
    with pytest.raises(HandoffError):
        credentials.set_secret("smtp", "")
    assert memory_keyring.store == {}


@pytest.mark.parametrize(
    ("platform", "nl", "en"),
    [
        ("win32", "Windows-referentiebeheer", "Windows Credential Manager"),
        ("darwin", "de sleutelhanger van macOS", "the macOS Keychain"),
        ("linux", "de sleutelbos van uw bureaublad", "your desktop's keyring"),
    ],
)
def test_the_store_is_named_as_the_computer_names_it(platform, nl, en):
    """Issue 13 §16: no 'sleutelbos van het systeem' on a Windows PC."""
    name = credentials.store_name(platform)
    assert (name.nl, name.en) == (nl, en)


def test_messages_name_the_store_of_this_computer(monkeypatch):
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr(credentials.sys, "platform", "win32")
    with pytest.raises(HandoffError) as caught:
        credentials.set_secret("smtp", "x")
    assert "(Windows-referentiebeheer ontbreekt of is niet beveiligd)" in caught.value.message("nl")
    assert "(Windows Credential Manager is missing" in caught.value.message("en")


def test_no_message_says_the_system_keyring_any_more():
    """Every Dutch text in code and Qt translations, and the window's English, use the platform's name."""
    from pathlib import Path

    root = Path(credentials.__file__).resolve().parents[2]
    texts = [*(root / "handoff").rglob("*.py"), *(root / "resources" / "i18n").glob("*.ts")]
    said = [
        str(p.relative_to(root))
        for p in texts
        if any(
            words in p.read_text(encoding="utf-8").lower()
            for words in ("sleutelbos van het systeem", "uw sleutelbos", "system keyring).")
        )
    ]
    assert said == []
