"""The window after an SMS that did not (certainly) go: the password stays shown (issue 18 §4).

A list over SMTP (seed 003), then the SMS gateway drops the line after the
POST: the worker reads that it may have arrived, the password is still on
screen, a second click asks first and sends nothing unless the worker says yes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sheets import THUISPUNT_RENEWED

from handoff.core.journal import Journal, Step
from tests import sheets
from tests.outgoing import configure_smtp_and_sms
from tests.servers.sms_gateway import sms_gateway
from tests.servers.smtp_server import smtp_server

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)

THUISPUNT = THUISPUNT_RENEWED


def _steps(handoff_id: str) -> list[Step]:
    with Journal() as journal:
        return [r.step for r in sorted(journal.records(handoff_id=handoff_id), key=lambda r: r.seq)]


def test_dropped_sms_keeps_the_password_shown_and_resends_only_on_request(
    window, qtbot, dialogs, boxes, tmp_path, monkeypatch, certdir
):
    sheet = sheets.write_sheet(
        tmp_path / "kandidaten.xlsx", sheets.THUISPUNT_HEADERS, sheets.thuispunt_rows()
    )
    with smtp_server(certdir) as (port, inbox), sms_gateway("drop") as gateway:
        configure_smtp_and_sms(port, certdir, gateway.url, THUISPUNT)
        window.show_page("send")
        page = window.pages["send"]
        assert page.picker.select(THUISPUNT)
        dialogs.open_path = sheet
        qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
        assert len(inbox.messages) == 1
        handoff_id = page.sent.packaged.handoff_id
        grouped = page.sent.packaged.password.grouped()
        sms_button, phone_button = page.finish.buttons
        qtbot.mouseClick(sms_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=10_000)
        assert "verbrak de verbinding" in boxes.texts()[0]
        assert "misschien toch aangekomen" in boxes.texts()[0]
        assert page.finish.password_view.label.text().count(grouped) == 1  # still shown
        assert _steps(handoff_id) == [Step.PACKAGED, Step.SENT, Step.PASSWORD_UNCERTAIN]
        gateway.mode = "accept"
        qtbot.waitUntil(sms_button.isEnabled, timeout=5_000)
        qtbot.mouseClick(sms_button, Qt.MouseButton.LeftButton)  # the question is answered "no"
        assert boxes.shown[1][0] == "question"
        assert "misschien al aangekomen" in boxes.texts()[1]
        assert len(gateway.requests) == 1  # no second SMS without the worker's explicit choice
        assert sms_button.isEnabled() and phone_button.isEnabled()
        monkeypatch.setattr(
            QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
        )
        qtbot.mouseClick(sms_button, Qt.MouseButton.LeftButton)  # "yes": send it again
        qtbot.waitUntil(lambda: page.finish.currentIndex() == 1, timeout=10_000)
    assert len(gateway.requests) == 2
    assert _steps(handoff_id) == [
        Step.PACKAGED,
        Step.SENT,
        Step.PASSWORD_UNCERTAIN,
        Step.PASSWORD_PASSED,
    ]
    for text in boxes.texts():
        assert grouped not in text
