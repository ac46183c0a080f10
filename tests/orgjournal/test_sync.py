"""A PC enrols, uploads its journal and checks the acknowledgement, against the real service."""

from __future__ import annotations

import json

import psycopg
import pytest

from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.orgjournal import identity, sync
from handoff.orgjournal.http import Client
from handoff.server import admin
from tests.orgjournal.chains import DETAILS, add_records, chain
from tests.orgjournal.conftest import enrol_pc

NO_WAIT = {"sleep": lambda s: None}


def test_a_pc_enrols_uploads_in_order_and_verifies_the_acknowledgement(server) -> None:
    enrolment = enrol_pc(server)
    assert enrolment.name == "PC-balie-1" and enrolment.verifier.name == server.db.origin
    journal = add_records(Journal(), 25)
    first = sync.sync(journal, batch=10, **NO_WAIT)
    assert (first.stored, first.duplicate) == (25, 0)
    server.wait_integrated(25)
    again = sync.sync(journal, **NO_WAIT)
    assert (again.stored, again.acknowledged_seq) == (0, 25)
    state = sync.status(journal)
    assert state.pending == 0 and state.last_sync and state.problem is None
    with psycopg.connect(server.db.admin_dsn) as conn:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM hj.records ORDER BY arrival")]
        heads = conn.execute("SELECT seq FROM hj.heads ORDER BY seq").fetchall()
    assert seqs == list(range(1, 26)) and heads == [(10,), (20,), (25,)]


def test_status_counts_what_is_pending_without_a_server(tmp_path) -> None:
    journal = add_records(Journal(), 3)
    state = sync.status(journal)
    assert (state.enrolled, state.pending, state.last_sync) == (False, 3, None)
    with pytest.raises(HandoffError) as caught:
        sync.sync(journal)
    assert caught.value.code == "orgjournal_not_enrolled"


def test_a_token_is_one_time_and_for_one_role(server) -> None:
    token = admin.enrol(server.db.admin_dsn, "DPO", dpo=True)
    with pytest.raises(HandoffError) as wrong:
        identity.enrol(server.url, token, "pc")
    assert wrong.value.code == "orgjournal_wrong_role"
    identity.enrol(server.url, token, "dpo")  # the refused attempt did not spend it
    with pytest.raises(HandoffError) as spent:
        identity.enrol(server.url, token, "dpo")
    assert spent.value.code == "orgjournal_refused" and "ongeldig" in spent.value.message("nl")


def test_the_service_refuses_a_record_outside_the_whitelist(server) -> None:
    enrolment = enrol_pc(server)
    key = identity.private_key("pc")
    client = Client(server.url, enrolment.machine_id, key)
    leaking = chain(enrolment.host, 1)[0].replace(b'"channel":"email"', b'"client":"Jan Peeters"')
    with pytest.raises(HandoffError) as caught:
        sync.upload(client, key, enrolment.host, [leaking])
    assert caught.value.params["problem"] == "not_allowed"
    assert "Jan" not in caught.value.message("nl")
    spaced = chain(enrolment.host, 1)[0].replace(b'"seq":1', b'"seq": 1')
    with pytest.raises(HandoffError):
        sync.upload(client, key, enrolment.host, [spaced])  # not canonical: could smuggle bytes


def test_a_pc_cannot_write_another_machines_chain_or_read_the_organisation(server) -> None:
    one = enrol_pc(server, "PC-1")
    key = identity.private_key("pc")
    other = identity.enrol(
        server.url, admin.enrol(server.db.admin_dsn, "PC-2"), "pc", host="pc-twee"
    )
    client = Client(server.url, one.machine_id, key)
    # A head signed for the other machine's name does not verify against this machine.
    with pytest.raises(HandoffError) as head:
        sync.upload(client, key, "pc-twee", chain("pc-twee", 2))
    assert head.value.params["problem"] == "head_signature"
    # Its own key and head, another machine's records: refused by the append function.
    answer = sync.upload(client, key, one.host, chain("pc-twee", 2))
    assert answer["problem"]["status"] == "foreign" and answer["stored"] == 0
    # Its own key, another machine's id: the signature does not match that machine's key.
    with pytest.raises(HandoffError) as caught:
        Client(server.url, other.machine_id, key).call("GET", "/v1/ack")
    assert caught.value.params["problem"] == "unauthenticated"
    with pytest.raises(HandoffError) as forbidden:
        client.call("GET", "/v1/machines")
    assert forbidden.value.params["problem"] == "forbidden"
    with psycopg.connect(server.db.admin_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM hj.records").fetchone()[0] == 0
        assert conn.execute("SELECT kind FROM hj.incidents").fetchall() == [("foreign",)]


def test_a_replayed_request_with_another_body_is_refused(server) -> None:
    enrolment = enrol_pc(server)
    key = identity.private_key("pc")
    client = Client(server.url, enrolment.machine_id, key)
    request = client._request("POST", "/v1/records", {"records": [], "head_signature": ""})
    request.data = json.dumps({"records": [chain(enrolment.host, 1)[0].decode()]}).encode()
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 401


# ----- the settings name the server; the enrolment pins it (issue 16, desktop side) ---------
def _count(server) -> int:
    with psycopg.connect(server.db.admin_dsn) as conn:
        return conn.execute("SELECT count(*) FROM hj.records").fetchone()[0]


def test_a_server_named_in_the_settings_other_than_the_enrolled_one_means_enrol_again(
    server, capsys
) -> None:
    from handoff.cli import main
    from handoff.core import settings

    enrolment = enrol_pc(server)
    journal = add_records(Journal(), 2)
    port = server.url.rsplit(":", 1)[1]
    # The same service written differently is the same server.
    settings.save(
        settings.with_value(
            settings.Settings(),
            "journal.server_url",
            f"HTTP://127.0.0.1:{port}/",
        )
    )
    assert sync.sync(journal, **NO_WAIT).stored == 2
    settings.save(
        settings.with_value(settings.Settings(), "journal.server_url", "https://nieuw.ocmw.example")
    )
    journal.append(
        Step.RECEIVED, handoff_id=new_handoff_id(), protocol_id="cjsw-lievegem", details=DETAILS
    )
    with pytest.raises(HandoffError) as caught:
        sync.sync(journal, **NO_WAIT)
    assert caught.value.code == "orgjournal_enrol_again"
    message = caught.value.message("nl")
    assert "https://nieuw.ocmw.example" in message and enrolment.url in message
    assert "opnieuw ingeschreven" in message
    assert _count(server) == 2  # nothing went to the server the organisation no longer names
    state = sync.status(journal)
    assert state.enrol_again is not None and state.pending == 1
    assert main(["journal", "status"]) == 1
    assert "nieuw.ocmw.example" in capsys.readouterr().out


def test_an_unreachable_server_is_remembered_from_the_first_miss_until_a_sync_succeeds(
    server,
) -> None:
    enrol_pc(server)
    journal = add_records(Journal(), 3)
    server.kill()
    with pytest.raises(HandoffError) as caught:
        sync.sync(journal, attempts=1)
    assert caught.value.code == "orgjournal_unreachable"
    first = sync.status(journal).unreachable_since
    assert first is not None
    with pytest.raises(HandoffError):
        sync.sync(journal, attempts=1)
    assert sync.status(journal).unreachable_since == first  # since the first miss
    server.start()
    sync.sync(journal, **NO_WAIT)
    state = sync.status(journal)
    assert state.unreachable_since is None and state.pending == 0


def test_a_state_of_another_enrolment_is_not_used_after_enrolling_again() -> None:
    old = identity.Enrolment("https://oud.example", 1, "PC-1", "pc", "h", "o", "o+1+A")
    new = identity.Enrolment("https://nieuw.example", 7, "PC-1", "pc", "h", "n", "n+2+B")
    state = sync.SyncState.load_for(old)
    state.synced_seq, state.ack_size, state.ack_root = 40, 40, "ab" * 32
    state.save()
    assert sync.SyncState.load_for(old).synced_seq == 40
    fresh = sync.SyncState.load_for(new)
    assert (fresh.synced_seq, fresh.ack_root) == (0, None)
