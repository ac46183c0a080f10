"""Secrets (SMTP password, SFTP password, SMS API token) in the system keyring only.

Everything is stored under the service name "Handoff". A keyring counts as
secure only when its backend is on an explicit allow-list of the stores the
operating system protects (Windows Credential Manager, macOS Keychain, Secret
Service, KWallet); anything else (keyring's fail or null backend, a chainer
with nothing viable, a plain-text or "encrypted file" store from keyrings.alt,
or a backend nobody has looked at yet) means Handoff asks for the secret each
time and stores nothing: there is deliberately no plain-text fallback
(ARCHITECTURE.md: Vorta's plain-text fallback is what to avoid). An allow-list
and not a deny-list, because a new third-party backend must prove itself
before a password goes into it. Values never appear in a message or exception.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text

SERVICE = "Handoff"
SMTP = "smtp"
SFTP = "sftp"
SMS = "sms"
ORGJOURNAL = "orgjournal"  # this PC's Ed25519 key for the organisation journal
ORGJOURNAL_DPO = "orgjournal_dpo"  # the DPO's key: reads everything, cosigns
#: The secrets a worker types ('handoff settings secret', 'settings show').
NAMES = (SMTP, SFTP, SMS)
#: The DPO's private key for signing protocol profiles ('handoff protocol keygen').
SIGNING = "protocol_signing"
#: Keys Handoff makes itself: kept in the keyring, never typed or shown to a worker.
KEYS = (ORGJOURNAL, ORGJOURNAL_DPO, SIGNING)

Ask = Callable[[str], str | None]

#: The backends (module and class, exactly) that keep a secret in a store the
#: operating system protects. A subclass or look-alike name does not count.
SECURE_BACKENDS = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",  # Windows Credential Manager
        "keyring.backends.macOS.Keyring",  # macOS Keychain
        "keyring.backends.SecretService.Keyring",  # GNOME Keyring & co. over D-Bus
        "keyring.backends.libsecret.Keyring",  # the same Secret Service through libsecret
        "keyring.backends.kwallet.DBusKeyring",  # KWallet 5/6
        "keyring.backends.kwallet.DBusKeyringKWallet4",
    }
)
_CHAINER = "keyring.backends.chainer.ChainerBackend"


def _check_name(name: str) -> None:
    if name not in (*NAMES, *KEYS):
        raise HandoffError(
            "unknown_secret",
            Text(
                "Onbekend geheim '{name}'. Kies uit: {names}.",
                "Unknown secret '{name}'. Choose from: {names}.",
            ),
            name=name,
            names=", ".join(NAMES),
        )


def _qualified(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_secure(backend: KeyringBackend) -> bool:
    """On the allow-list; a chainer only when every store it may write to is.

    The chainer writes to the first backend that accepts, so one plain-text
    store among secure ones could receive the secret.
    """
    name = _qualified(backend)
    if name == _CHAINER:
        chained = tuple(getattr(backend, "backends", ()) or ())
        return bool(chained) and all(_is_secure(b) for b in chained)
    return name in SECURE_BACKENDS


def secure_backend_available() -> bool:
    """True when the keyring in force keeps secrets protected by the system."""
    return _is_secure(keyring.get_keyring())


def store_name(platform: str | None = None) -> Text:
    """The secret store as the worker's own computer calls it, ready to follow "in".

    Issue 13 §16: "the system's keyring" (in Dutch) is no name a Windows user
    has seen; Windows calls it Referentiebeheer, macOS the Keychain
    (Sleutelhanger), and on Linux it is whatever the desktop brings (GNOME
    Keyring, KWallet). Every message that names the store uses this.
    """
    platform = platform or sys.platform
    if platform.startswith("win"):
        return Text("Windows-referentiebeheer", "Windows Credential Manager")
    if platform == "darwin":
        return Text("de sleutelhanger van macOS", "the macOS Keychain")
    return Text("de sleutelbos van uw bureaublad", "your desktop's keyring")


def _keyring_failed() -> HandoffError:
    return HandoffError(
        "keyring_failed",
        Text(
            "Handoff krijgt geen antwoord van {store}. Wat te doen: meld u opnieuw aan op de computer (dat ontgrendelt de opslag) en probeer opnieuw.",
            "Handoff gets no answer from {store}. What to do: sign in to the computer again (that unlocks the store) and try again.",
        ),
        store=store_name(),
    )


def get_secret(name: str, ask: Ask | None = None) -> str | None:
    """The stored secret, else what ``ask(name)`` returns (never stored), else None.

    Without a secure keyring nothing is read from or written to a store: the
    user is asked every time.
    """
    _check_name(name)
    value = None
    if secure_backend_available():
        try:
            value = keyring.get_password(SERVICE, name)
        except KeyringError:
            raise _keyring_failed() from None
    if value is None and ask is not None:
        value = ask(name) or None
    return value


def _no_secure_keyring() -> HandoffError:
    return HandoffError(
        "no_secure_keyring",
        Text(
            "Er is geen beveiligde opslag voor geheimen op deze computer ({store} ontbreekt of is niet beveiligd); Handoff bewaart het geheim niet en vraagt het telkens opnieuw.",
            "There is no secure store for secrets on this computer ({store} is missing or not secure); Handoff does not store the secret and asks for it each time.",
        ),
        store=store_name(),
    )


def require_secure_backend() -> None:
    """Raise no_secure_keyring before the user types a secret that cannot be kept."""
    if not secure_backend_available():
        raise _no_secure_keyring()


def _local_machine_persistence() -> None:
    """Windows: keep credentials on this machine instead of roaming with the profile.

    WinVaultKeyring's ``persist`` accepts the win32cred constant name 'local
    machine' (CRED_PERSIST_LOCAL_MACHINE); tests/test_windows.py checks it
    under Wine (tools/windows-check).
    """
    backend = keyring.get_keyring()
    for candidate in (backend, *getattr(backend, "backends", ())):
        if type(candidate).__name__ == "WinVaultKeyring":
            candidate.persist = "local machine"  # type: ignore[attr-defined]


def set_secret(name: str, value: str) -> None:
    """Store a secret in the system keyring; refuses when there is no secure one."""
    _check_name(name)
    if not value:
        raise HandoffError(
            "empty_secret",
            Text(
                "Het geheim is leeg; er is niets bewaard.",
                "The secret is empty; nothing was stored.",
            ),
        )
    require_secure_backend()
    if sys.platform == "win32":
        _local_machine_persistence()
    try:
        keyring.set_password(SERVICE, name, value)
    except KeyringError:
        raise _keyring_failed() from None


def delete_secret(name: str) -> None:
    """Forget a stored secret; nothing to do when there is none."""
    _check_name(name)
    if not secure_backend_available():
        return
    try:
        keyring.delete_password(SERVICE, name)
    except PasswordDeleteError:
        return
    except KeyringError:
        raise _keyring_failed() from None


def has_secret(name: str) -> bool:
    """Whether a secret is stored, without ever returning it (for 'settings show')."""
    return get_secret(name) is not None
