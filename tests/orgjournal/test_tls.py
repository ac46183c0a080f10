"""The journal service behind TLS, as IT runs it: its own certificate, the desktop verifying it.

The server is the real ``handoff-journal-server serve --cert --key`` (uvicorn)
with a fresh self-signed certificate; the desktop trusts it only through the
organisation's CA bundle (``[journal] cafile``). Verification is never off: a
server the PC cannot verify gets nothing, and says why in words that send IT
to the certificate, not to the network.
"""

from __future__ import annotations

import pytest

from handoff.core import settings
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal
from handoff.orgjournal import identity, sync
from handoff.server import admin
from tests.orgjournal.chains import add_records
from tests.orgjournal.conftest import Server, _free_port
from tests.servers.tls import self_signed


@pytest.fixture
def tls_server(db, tmp_path):
    folder = tmp_path / "tls"
    folder.mkdir()
    s = Server(db, _free_port(), tmp_path / "server.log", tls=self_signed(folder))
    s.start()
    yield s
    s.kill()


def _trust(server: Server | None) -> None:
    s = settings.load()
    s.journal.cafile = str(server.tls[0]) if server else ""
    settings.save(s)


def test_enrol_and_sync_over_tls_with_the_organisations_ca_bundle(tls_server):
    assert tls_server.url.startswith("https://")
    _trust(tls_server)
    token = admin.enrol(tls_server.db.admin_dsn, "PC-tls")
    identity.enrol(tls_server.url, token, "pc")
    with Journal() as journal:
        add_records(journal, 2)
        result = sync.sync(journal)
    assert result.stored == 2
    tls_server.wait_integrated(2)


def test_an_untrusted_certificate_sends_nothing_and_says_it_is_the_certificate(tls_server):
    token = admin.enrol(tls_server.db.admin_dsn, "PC-tls")
    with pytest.raises(HandoffError) as caught:
        identity.enrol(tls_server.url, token, "pc")  # no CA bundle: the system's CAs only
    assert caught.value.code == "orgjournal_untrusted"
    assert "certificaat" in caught.value.message()
    _trust(tls_server)
    identity.enrol(tls_server.url, token, "pc")  # the refused attempt did not spend the token
    _trust(None)
    with Journal() as journal:
        add_records(journal, 2)
        with pytest.raises(HandoffError) as caught:
            sync.sync(journal, attempts=1)
    assert caught.value.code == "orgjournal_untrusted"
    assert tls_server.checkpoint_size() == 0  # nothing reached the service
