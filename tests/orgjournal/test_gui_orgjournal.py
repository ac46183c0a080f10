"""The desktop side of the organisation journal (issue 16), in the real window.

The real journal service runs as a process against the real PostgreSQL of
tests/orgjournal/conftest.py; the window, the core, 7-Zip and the journal are
real. A server that is down is a real one killed, and one that accepts a
connection and never answers is a real listening socket.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from handoff.core import settings
from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.orgjournal import identity
from handoff.server import admin
from tests.gui import conftest as gui
from tests.gui.test_gui_sender13 import _controls, _mnemonic, _referral_page, _tab_chain
from tests.orgjournal.chains import DETAILS

# The desktop tests' fixtures (tests/gui/conftest.py), for these tests too.
catalogues, collect_on_gui_thread = gui.catalogues, gui.collect_on_gui_thread
dutch, boxes, opened, typed_secrets = gui.dutch, gui.boxes, gui.opened, gui.typed_secrets
dialogs, window, mail_programs = gui.dialogs, gui.window, gui.mail_programs


@pytest.fixture
def fast_sync(window, monkeypatch):
    """The window's background sync, quick for a test, stopped before HANDOFF_HOME goes.

    Retention (the other background work) stays off: its first run would come
    after this test's window is gone.
    """
    monkeypatch.setattr(window.retention, "start", lambda *args: None)
    org = window.org_sync
    org.interval, org.retry, org.ceiling, org.first_delay = 60.0, 0.2, 1.0, 0.0
    yield org
    org.stop(10)
    window.runner.wait_idle()
    QApplication.processEvents()  # the finished tasks' last signals, while the window lives


def _received(count: int) -> None:
    with Journal() as journal:
        for _ in range(count):
            journal.append(
                Step.RECEIVED,
                handoff_id=new_handoff_id(),
                protocol_id="cjsw-lievegem",
                details=DETAILS,
            )


def _enrol_pc(server, name: str = "PC-balie-1") -> identity.Enrolment:
    return identity.enrol(server.url, admin.enrol(server.db.admin_dsn, name), "pc")


def _log_page(window):
    page = window.show_page("log")
    return page


def _stored(server) -> int:
    import psycopg

    with psycopg.connect(server.db.admin_dsn) as conn:
        return conn.execute("SELECT count(*) FROM hj.records").fetchone()[0]


def test_not_enrolled_says_so_and_offers_no_sync_and_no_organisation_tab(window, fast_sync):
    assert not fast_sync.start()  # nothing runs for a PC that is not enrolled
    page = _log_page(window)
    assert page.org_status.text() == (
        "Logboek van de organisatie: niet verbonden met de organisatie."
    )
    assert page.sync_button.isHidden() and page.org_view is None
    assert page.tabs.count() == 2


def test_the_window_syncs_in_the_background_and_the_logboek_says_when(
    window, qtbot, fast_sync, server
):
    _enrol_pc(server)
    _received(3)
    window.start_background()
    page = _log_page(window)
    qtbot.waitUntil(lambda: "laatst gesynchroniseerd" in page.org_status.text(), timeout=20_000)
    assert page.org_status.text().endswith(", 0 wachtend.")
    hhmm = page.org_status.text().split("gesynchroniseerd ")[1].split(",")[0]
    assert len(hhmm) == 5 and hhmm[2] == ":"  # today: only the time
    assert _stored(server) == 3
    _received(2)
    page.refresh()
    assert page.org_status.text().endswith(", 2 wachtend.")
    assert page.sync_button.isVisible() and page.sync_button.text() == "Nu &synchroniseren"
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)  # on demand
    qtbot.waitUntil(lambda: page.org_status.text().endswith(", 0 wachtend."), timeout=20_000)
    assert _stored(server) == 5


def test_a_server_named_in_the_settings_that_is_not_the_enrolled_one_means_enrol_again(
    window, qtbot, fast_sync, server
):
    from handoff.gui.settings_dialog import SettingsDialog

    enrolment = _enrol_pc(server)
    _received(1)
    settings.save(
        settings.with_value(settings.Settings(), "journal.server_url", "https://nieuw.ocmw.example")
    )
    window.start_background()
    page = _log_page(window)
    qtbot.waitUntil(lambda: fast_sync.background.attempts >= 1, timeout=20_000)
    text = page.org_status.text()
    assert "nieuw.ocmw.example" in text and enrolment.url in text and "opnieuw" in text
    assert page.org_status.objectName() == "warning"
    assert _stored(server) == 0  # nothing went to the server the organisation no longer names
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.journal_url.text() == "https://nieuw.ocmw.example"
    assert "opnieuw ingeschreven" in dialog.journal_note.text()
    dialog.journal_url.setText(enrolment.url + "/")
    assert dialog.journal_note.text() == (
        f"Deze computer is ingeschreven bij {enrolment.url} als PC-balie-1."
    )


@contextlib.contextmanager
def _black_hole(port: int) -> Iterator[list[socket.socket]]:
    """A server on ``port`` that accepts connections and never answers."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(8)
    accepted: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield accepted
    finally:
        listener.close()
        for conn in accepted:
            conn.close()


def test_a_server_that_does_not_answer_never_holds_up_a_send_and_shows_unreachable(
    window, qtbot, fast_sync, server
):
    _enrol_pc(server)
    server.kill()
    fast_sync.timeout = 60.0  # far longer than a send takes
    with _black_hole(server.port) as accepted:
        window.start_background()
        qtbot.waitUntil(lambda: len(accepted) == 1, timeout=10_000)  # the sync is waiting
        started = time.monotonic()
        page = _referral_page(window, qtbot)
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
        took = time.monotonic() - started
        assert page.sent is not None and fast_sync.background.attempts == 0  # still waiting
        assert took < 30, took
        for conn in accepted:  # the server goes away without a word
            conn.close()
        qtbot.waitUntil(lambda: fast_sync.background.attempts >= 1, timeout=10_000)
    log = _log_page(window)
    qtbot.waitUntil(lambda: "onbereikbaar" in log.org_status.text(), timeout=10_000)
    with Journal() as journal:
        count = journal.select("SELECT count(*) FROM records")[0][0]
    assert count >= 2
    text = log.org_status.text()
    assert text.startswith("Logboek van de organisatie: server onbereikbaar sinds ")
    assert f", {count} wachtend." in text and "Uw werk gaat gewoon door" in text
    server.start()  # back: the retries deliver everything, and the line says so
    qtbot.waitUntil(lambda: "laatst gesynchroniseerd" in log.org_status.text(), timeout=20_000)
    assert _stored(server) == count


def test_the_dpo_checks_lists_and_exports_the_organisation_from_the_logboek(
    window, qtbot, fast_sync, server, dialogs, tmp_path
):
    _enrol_pc(server, "PC-balie-1")
    _received(3)
    window.org_sync.start()
    window.org_sync.sync_now()
    qtbot.waitUntil(lambda: fast_sync.background.attempts >= 1, timeout=20_000)
    server.wait_integrated(3)
    identity.enrol(server.url, admin.enrol(server.db.admin_dsn, "DPO Anna", dpo=True), "dpo")
    page = _log_page(window)
    view = page.org_view
    assert view is not None and page.tabs.tabText(2) == "Organisatie"
    assert "Nog niet gecontroleerd" in view.witness_status.text()
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.list_status.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: "gelezen" not in view.list_status.text(), timeout=30_000)
    assert "medeondertekend controlepunt" in view.list_status.text()  # witness first

    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✓" in view.witness_status.text(), timeout=30_000)
    assert "3 regels, niets herschreven" in view.witness_status.text()
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=30_000)
    rows = [
        [view.table.item(r, c).text() for c in range(view.table.columnCount())]
        for r in range(view.table.rowCount())
    ]
    account = rows[0][1]
    assert all(row[0] == "PC-balie-1" and row[1] == account and account for row in rows)
    assert "openstaande verplichtingen in de organisatie" in view.list_status.text()

    target = tmp_path / "organisatie.csv"
    dialogs.save_path = target
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "geëxporteerd naar" in view.list_status.text(), timeout=30_000)
    assert "3 regels geëxporteerd naar" in view.list_status.text()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("PC;Account") and len(lines) == 4
    assert all(line.startswith(f"PC-balie-1;{account};") for line in lines[1:])

    # With the tab open, every control still has its own mnemonic and Tab goes in order.
    seen: dict[str, list[str]] = {}
    for widget in _controls(window):
        letter = _mnemonic(widget.text())
        if letter:
            seen.setdefault(letter, []).append(widget.text())
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}
    chain = [w for w in _tab_chain(window) if page.isAncestorOf(w)]
    assert view.check_button in chain and view.export_button in chain
    places = [(w.mapTo(page, w.rect().topLeft()).y(), w) for w in chain]
    backwards = [
        (wa.text() if hasattr(wa, "text") else type(wa).__name__, type(wb).__name__)
        for (a, wa), (b, wb) in pairwise(places)
        if b + 4 < a and not wa.isAncestorOf(wb)
    ]
    assert backwards == []


def test_a_refused_witness_is_shown_in_words(window, qtbot, fast_sync, server):
    from handoff.orgjournal import dpo

    identity.enrol(server.url, admin.enrol(server.db.admin_dsn, "DPO Anna", dpo=True), "dpo")
    _enrol_pc(server)
    _received(2)
    window.org_sync.start()
    qtbot.waitUntil(lambda: fast_sync.background.attempts >= 1, timeout=20_000)
    server.wait_integrated(2)
    # The DPO cosigned a larger tree before: the database was restored from an old backup.
    folder = dpo.default_folder()
    dpo.witness(folder)
    state = dpo.WitnessState.load(folder)
    dpo.WitnessState(state.size + 5, state.root, state.note, state.cosigned_at).save(folder)
    page = _log_page(window)
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.org_view.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✗" in page.org_view.witness_status.text(), timeout=30_000)
    text = page.org_view.witness_status.text()
    assert "minder dan de 7" in text and "niets medeondertekend" in text
    assert page.org_view.witness_status.objectName() == "badgeBad"
