"""Shared test harness: every test gets its own HANDOFF_HOME and an in-memory keyring.

Modelled on Vorta's conftest: nothing a test does touches the real user folders
or prompts for a keyring, and Qt runs offscreen.
"""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from keyring.backend import KeyringBackend

from handoff.core import credentials, i18n, policy


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def handoff_home(tmp_path, monkeypatch):
    """A fresh HANDOFF_HOME, Dutch messages and an empty in-memory keyring per test."""
    home = tmp_path / "handoff-home"
    monkeypatch.setenv("HANDOFF_HOME", str(home))
    monkeypatch.setenv("HANDOFF_LANG", "nl")
    i18n.set_language(None)
    ring = MemoryKeyring()
    # The allow-list of secure keyrings learns about this test store here, in
    # the fixture; production code knows no test backend.
    trusted = f"{MemoryKeyring.__module__}.{MemoryKeyring.__qualname__}"
    monkeypatch.setattr(credentials, "SECURE_BACKENDS", credentials.SECURE_BACKENDS | {trusted})
    keyring.set_keyring(ring)
    # No test reads this machine's own policy (/etc/handoff, the registry).
    machine_policy = tmp_path / "machine-policy" / "policy.toml"
    monkeypatch.setattr(policy, "machine_policy_file", lambda: machine_policy)
    monkeypatch.setattr(policy, "registry", lambda: None)
    yield home
    i18n.set_language(None)


@pytest.fixture
def memory_keyring():
    """The in-memory keyring installed for this test."""
    return keyring.get_keyring()


@pytest.fixture
def certdir(tmp_path):
    """A folder with a fresh self-signed localhost certificate (cert.pem, key.pem) for TLS servers."""
    from tests.servers.tls import self_signed

    folder = tmp_path / "tls"
    folder.mkdir()
    self_signed(folder)
    return folder


@pytest.fixture(scope="session")
def sevenzip():
    """Path of the real 7-Zip; the interop tests need it (Debian package 7zip)."""
    path = shutil.which("7zz")
    if path is None:
        pytest.fail("7zz not found: install the Debian package 7zip (tools/setup does)")
    return path


@pytest.fixture
def thuispunt(handoff_home):
    """The id of seed 003's profile as renewed by an organisation (the shipped date passed).

    The one fixture for that profile (``sheets.renew_thuispunt``): it also
    carries the real mailbox the seed does not name (overweging C2 step 2),
    since the shipped ``.invalid`` placeholder cannot be sent to (issue 13 §3).
    """
    from sheets import renew_thuispunt

    return renew_thuispunt()
