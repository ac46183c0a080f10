"""SFTP against a real paramiko SFTP server on loopback (seed 004's preferred transport)."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

from handoff.channels.sftp import SftpChannel, Target, fingerprint, parse_address
from handoff.core import credentials
from handoff.core.errors import HandoffError
from handoff.core.journal import Step
from handoff.core.journal.details import clean_details
from handoff.core.settings import SftpSettings
from tests.servers import sample
from tests.servers.sftp_server import PASSWORD, USER, new_host_key, sftp_server
from tests.servers.smtp_server import free_port

FINAL = f"{sample.HANDOFF_ID}.7z"


@pytest.fixture
def root(tmp_path):
    folder = tmp_path / "server"
    (folder / "inbox").mkdir(parents=True)
    return folder


def _deliver(
    state, tmp_path, *, pin: str | None = None, folder: str = "inbox", size: int = 300_000
):
    protocol = sample.protocol(f"sftp://127.0.0.1:{state.port}/{folder}")
    settings = SftpSettings(username=USER, host_key_fingerprint=pin or fingerprint(state.host_key))
    channel = SftpChannel(settings, known_hosts=tmp_path / "no_known_hosts", timeout=5)
    archive = sample.archive(tmp_path, size)
    return archive, channel.deliver(archive, protocol.recipients[1], protocol, sample.HANDOFF_ID)


def test_upload_lands_under_final_name_with_same_bytes(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state:
        archive, delivery = _deliver(state, tmp_path)
    assert sorted(p.name for p in (root / "inbox").iterdir()) == [FINAL]
    uploaded = (root / "inbox" / FINAL).read_bytes()
    assert hashlib.sha256(uploaded).digest() == hashlib.sha256(archive.read_bytes()).digest()
    assert delivery.step is Step.UPLOADED
    assert delivery.details["host"] == "127.0.0.1"
    assert clean_details(delivery.step, delivery.details) == delivery.details


def test_known_hosts_is_used_when_nothing_is_pinned(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state:
        known = tmp_path / "known_hosts"
        key = state.host_key
        known.write_text(f"[127.0.0.1]:{state.port} {key.get_name()} {key.get_base64()}\n")
        protocol = sample.protocol(f"sftp://127.0.0.1:{state.port}/inbox")
        channel = SftpChannel(SftpSettings(username=USER), known_hosts=known, timeout=5)
        channel.deliver(
            sample.archive(tmp_path), protocol.recipients[1], protocol, sample.HANDOFF_ID
        )
    assert (root / "inbox" / FINAL).exists()


def test_unknown_host_key_is_refused_with_its_fingerprint_and_no_password_sent(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state:
        protocol = sample.protocol(f"sftp://127.0.0.1:{state.port}/inbox")
        channel = SftpChannel(SftpSettings(username=USER), known_hosts=tmp_path / "none", timeout=5)
        with pytest.raises(HandoffError) as caught:
            channel.deliver(
                sample.archive(tmp_path), protocol.recipients[1], protocol, sample.HANDOFF_ID
            )
    assert caught.value.code == "sftp_host_key_unknown"
    assert fingerprint(state.host_key) in caught.value.message()
    assert state.logins == []


def test_changed_host_key_is_refused(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    old = fingerprint(new_host_key())
    with sftp_server(root) as state, pytest.raises(HandoffError) as caught:
        _deliver(state, tmp_path, pin=old)
    assert caught.value.code == "sftp_host_key_changed"
    assert fingerprint(state.host_key) in caught.value.message()
    assert fingerprint(state.host_key).startswith("SHA256:") and "=" not in fingerprint(
        state.host_key
    )
    assert state.logins == []
    assert list((root / "inbox").iterdir()) == []


def test_wrong_password(tmp_path, root):
    credentials.set_secret("sftp", "not-it")
    with sftp_server(root) as state, pytest.raises(HandoffError) as caught:
        _deliver(state, tmp_path)
    assert caught.value.code == "sftp_auth_failed"
    assert "not-it" not in caught.value.message()
    assert list((root / "inbox").iterdir()) == []


def test_remote_folder_missing(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state, pytest.raises(HandoffError) as caught:
        _deliver(state, tmp_path, folder="nowhere")
    assert caught.value.code == "sftp_folder_missing"


def test_dropped_connection_leaves_no_complete_looking_file(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state:
        state.drop_after = 100_000
        with pytest.raises(HandoffError) as caught:
            _deliver(state, tmp_path, size=1_000_000)
    assert caught.value.code == "sftp_connection_lost"
    names = [p.name for p in (root / "inbox").iterdir()]
    assert FINAL not in names
    assert all(name.endswith(".part") for name in names)


def test_existing_remote_file_is_not_overwritten(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    (root / "inbox" / FINAL).write_bytes(b"earlier")
    with sftp_server(root) as state, pytest.raises(HandoffError) as caught:
        _deliver(state, tmp_path)
    assert caught.value.code == "sftp_file_exists"
    assert (root / "inbox" / FINAL).read_bytes() == b"earlier"


def test_server_down(tmp_path):
    protocol = sample.protocol(f"sftp://127.0.0.1:{free_port()}/inbox")
    channel = SftpChannel(SftpSettings(username=USER), timeout=5)
    with pytest.raises(HandoffError) as caught:
        channel.deliver(
            sample.archive(tmp_path), protocol.recipients[1], protocol, sample.HANDOFF_ID
        )
    assert caught.value.code == "sftp_unreachable"


def test_settings_host_other_than_protocol_is_refused(tmp_path):
    protocol = sample.protocol("sftp://127.0.0.1:1/inbox")
    channel = SftpChannel(SftpSettings(host="sftp.elsewhere.example", username=USER))
    with pytest.raises(HandoffError) as caught:
        channel.deliver(
            sample.archive(tmp_path), protocol.recipients[1], protocol, sample.HANDOFF_ID
        )
    assert caught.value.code == "sftp_host_mismatch"


def test_folder_from_settings_when_the_profile_names_none(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state:
        protocol = sample.protocol(f"sftp://127.0.0.1:{state.port}")
        settings = SftpSettings(username=USER, folder="/inbox")
        settings.host_key_fingerprint = fingerprint(state.host_key)
        SftpChannel(settings, timeout=5).deliver(
            sample.archive(tmp_path), protocol.recipients[1], protocol, sample.HANDOFF_ID
        )
    assert (root / "inbox" / FINAL).exists()


@pytest.mark.parametrize(
    "address", ["ftp://host/x", "sftp:///x", "sftp://user@host/x", "sftp://host:99999/x"]
)
def test_bad_addresses_are_refused(address):
    with pytest.raises(HandoffError) as caught:
        parse_address(address)
    assert caught.value.code == "sftp_bad_address"


def test_address_parts():
    assert parse_address("sftp://sftp.opgroeien.be:2222/turnhout") == Target(
        "sftp.opgroeien.be", 2222, "/turnhout"
    )


# Issue 18 §3: delivered, not delivered or uncertain; never "try again" for a file that arrived.


def test_file_taken_by_ingest_right_after_rename_counts_as_delivered(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state:
        state.on_rename = "ingest"
        archive, delivery = _deliver(state, tmp_path)
    assert delivery.step is Step.UPLOADED and not delivery.uncertain
    assert (root.parent / "ingested.7z").read_bytes() == archive.read_bytes()
    assert list((root / "inbox").iterdir()) == []


def test_line_dropped_after_the_rename_is_uncertain_and_a_retry_recognises_its_file(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    with sftp_server(root) as state:
        state.on_rename = "drop"
        archive, delivery = _deliver(state, tmp_path)
        assert delivery.step is Step.DELIVERY_UNCERTAIN
        assert delivery.details["reason"] == "sftp_no_final_reply"
        assert "kan dus aangekomen zijn" in delivery.problem.message()
        assert clean_details(delivery.step, delivery.details) == delivery.details
        assert (root / "inbox" / FINAL).read_bytes() == archive.read_bytes()
        _, again = _deliver(state, tmp_path)  # the same archive (sample.archive is fixed)
    assert again.step is Step.UPLOADED
    assert [p.name for p in (root / "inbox").iterdir()] == [FINAL]


def test_stale_part_of_an_earlier_upload_is_removed_at_the_next_one(tmp_path, root):
    credentials.set_secret("sftp", PASSWORD)
    stale = root / "inbox" / ".HO-20200101-AAAAAA.7z.part"
    fresh = root / "inbox" / ".HO-20200101-BBBBBB.7z.part"
    other = root / "inbox" / "partner-file.part"
    for path in (stale, fresh, other):
        path.write_bytes(b"x")
    os.utime(stale, (time.time() - 2 * 3600,) * 2)
    with sftp_server(root) as state:
        _deliver(state, tmp_path)
    assert not stale.exists()
    assert fresh.exists() and other.exists()  # a colleague's upload; not Handoff's name
