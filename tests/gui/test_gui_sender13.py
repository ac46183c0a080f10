"""Issue 13, sender items: the safe way is the easy way on the Send page and the window.

Real window, real core, real 7-Zip; only modal boxes and the desktop's "open" are
recorded (see conftest).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from handoff.core import passwords
from handoff.core.journal import Journal, Step
from handoff.gui import style
from handoff.gui.main_window import first_size
from handoff.gui.pages.send import quoted
from handoff.gui.widgets.password_view import SECRET_FORMATS, ClipboardGuard

REFERRAL = "kg-ocmw-referral"
FORM = {
    "first_name": "Sara",
    "last_name": "Claes",
    "address": "Parklaan 16, 9690 Kluisbergen",
    "phone": "0470 12 34 56",
    "email": "sara@example.be",
}


class Questions:
    """QMessageBox.question answered as the test says; each question's text recorded."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = QMessageBox.StandardButton.No
        self.default: QMessageBox.StandardButton | None = None


@pytest.fixture
def questions(monkeypatch, boxes) -> Questions:
    record = Questions()

    def question(_parent, _title, text, _buttons=None, default=None):
        record.asked.append(text)
        record.default = default
        return record.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return record


def _referral_page(window, qtbot):
    window.show_page("send")
    page = window.pages["send"]
    assert page.picker.select(REFERRAL)
    for key, text in FORM.items():
        qtbot.keyClicks(page.form.fields[key], text)
    page.consent.setChecked(True)
    return page


def _sent_referral(window, qtbot):
    page = _referral_page(window, qtbot)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
    return page


# ----- item 2: the one-time password is protected ----------------------------------------
def test_closing_with_an_unconfirmed_password_asks_and_stays_by_default(window, qtbot, questions):
    page = _sent_referral(window, qtbot)
    shown = page.finish.password_view.label.text()
    window.show_page("log")  # the navigation asks too ...
    assert len(questions.asked) == 1 and window.stack.currentWidget() is page
    event = QCloseEvent()
    window.closeEvent(event)  # ... and so does closing the window
    assert not event.isAccepted()
    assert len(questions.asked) == 2 and "nergens bewaard" in questions.asked[1]
    assert questions.default == QMessageBox.StandardButton.No  # the default is to stay
    assert page.finish.password_view.label.text() == shown  # the password is still there

    questions.answer = QMessageBox.StandardButton.Yes
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()
    assert page.finish.password_view.label.text() == ""  # gone from the screen


def test_no_question_once_the_password_was_passed_on(window, qtbot, questions):
    page = _sent_referral(window, qtbot)
    qtbot.mouseClick(page.finish.buttons[0], Qt.MouseButton.LeftButton)  # e-mail sent
    qtbot.waitUntil(lambda: len(page.finish.buttons) == 2, timeout=10_000)
    phone = page.finish.buttons[1]
    assert phone.text() == "Ik heb het wachtwoord &doorgegeven"  # item 6: what the worker did
    qtbot.mouseClick(phone, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.finish.currentIndex() == 1, timeout=10_000)
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted() and questions.asked == []


# ----- item 1: a draft is a draft; opening says when nothing opened ---------------------
def test_draft_that_no_mail_program_opens_is_said_and_shown_in_its_folder(
    window, qtbot, monkeypatch, mail_programs
):
    asked: list[str] = []

    def nothing_opens(url):
        asked.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(nothing_opens))
    mail_programs.opens = False  # issue 14 §2: every method tried, none started
    page = _sent_referral(window, qtbot)
    draft = page.sent.delivery.location
    assert mail_programs.urls == [str(draft)] and asked == []
    assert page.sent.delivery.details["method"] == "none"
    assert "Concept klaar" in page.finish.status.text()
    assert "Geen mailprogramma opende het concept" in page.opened_note.text()
    assert draft.name in page.opened_note.text()
    qtbot.mouseClick(page.open_draft, Qt.MouseButton.LeftButton)  # trying again by hand
    assert asked == [str(draft)] and draft.name in page.opened_note.text()
    qtbot.mouseClick(page.show_folder, Qt.MouseButton.LeftButton)
    assert asked[-1] == str(draft.parent)
    assert str(draft) in page.opened_note.text()  # the folder did not open either: the path
    with Journal() as journal:
        steps = [r.step for r in journal.records(handoff_id=page.sent.packaged.handoff_id)]
    assert Step.DRAFT_SENT not in steps  # nothing claims the mail went


# ----- item 3: placeholder recipients cannot be chosen -----------------------------------
def test_placeholder_mailbox_is_named_and_the_send_button_says_why(window, qtbot):
    window.show_page("send")
    page = window.pages["send"]
    assert page.picker.select("thuispunt-gent-cir")
    assert "mailbox nog niet ingevuld — vraag uw DPO" in page.recipient.currentText()
    assert ".invalid" not in page.recipient.currentText()
    assert not page.send_button.isEnabled()
    assert "de mailbox van de ontvanger, die uw DPO invult" in page.missing.text()


# ----- item 5: the form explains itself ----------------------------------------------------
def test_form_marks_a_bad_phone_with_an_example_and_accepts_a_foreign_one(window, qtbot):
    page = _referral_page(window, qtbot)
    assert page.send_button.isEnabled() and page.missing.isHidden()
    phone = page.form.fields["phone"]
    assert phone.placeholderText() == "0470 12 34 56 of +32 470 12 34 56"
    assert "+31" in page.form.notes["phone"].text()  # foreign numbers need +country code
    phone.clear()
    qtbot.keyClicks(phone, "0470 12")
    phone.editingFinished.emit()
    assert phone.property("invalid") is True
    assert "Voorbeeld: 0470 12 34 56" in page.form.notes["phone"].text()
    assert not page.send_button.isEnabled()
    assert page.missing.text() == "Nog nodig: verbeter 'Telefoonnummer'."
    phone.clear()
    qtbot.keyClicks(phone, "+31 6 12345678")
    assert phone.property("invalid") is False and page.send_button.isEnabled()
    page.form.fields["first_name"].clear()
    page.consent.setChecked(False)
    assert page.missing.text() == (
        "Nog nodig: vul 'Voornaam' in; vink aan dat de cliënt toestemming gaf."
    )


# ----- item 6: the password screen ---------------------------------------------------------
def test_clipboard_copy_is_marked_secret_and_cleared_only_if_still_ours(qtbot):
    clipboard = QGuiApplication.clipboard()
    guard = ClipboardGuard(clear_after_ms=200)
    guard.copy("ABCD-EFGH")
    data = clipboard.mimeData()
    assert clipboard.text() == "ABCD-EFGH"
    for name, value in SECRET_FORMATS.items():
        assert data.hasFormat(name) and bytes(data.data(name)) == value
    assert bytes(data.data("CanIncludeInClipboardHistory")) == b"\0\0\0\0"
    assert bytes(data.data("x-kde-passwordManagerHint")) == b"secret"
    qtbot.waitUntil(lambda: not guard.pending(), timeout=2_000)
    assert clipboard.text() == ""

    guard.copy("ABCD-EFGH")
    clipboard.setText("iets anders")  # the worker copied something since
    qtbot.waitUntil(lambda: not guard.pending(), timeout=2_000)
    assert clipboard.text() == "iets anders"


def test_worker_can_choose_a_word_password_to_read_aloud(window, qtbot):
    page = _referral_page(window, qtbot)
    assert page.words.isVisible()
    page.words.setChecked(True)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panels.currentIndex() == 1, timeout=30_000)
    password = page.sent.packaged.password
    assert password.style == "words" and password.bits >= 77
    assert set(password.value.split()) <= set(passwords.wordlist())
    assert page.finish.password_view.label.text() == password.value


# ----- item 8 and 15 ---------------------------------------------------------------------
def test_protocol_words_are_shown_as_quotes():
    text = quoted("art. 3 (gegevens), art. 6 (AES 256 via 7-zip naar vaste mailbox)")
    assert text == "art. 3: “gegevens”; art. 6: “AES 256 via 7-zip naar vaste mailbox”"


def test_first_size_fits_the_screen_at_150_percent():
    # 1280x800 at 150 %: about 853x507 logical pixels, less the task bar.
    size = first_size(QSize(1040, 720), QSize(853, 480))
    assert size.width() <= 853 and size.height() <= 480
    assert first_size(QSize(1040, 720), QSize(1920, 1040)) == QSize(1040, 720)


def test_focus_ring_is_drawn_on_every_kind_of_control():
    for selector in ("QPushButton:focus", "QCheckBox:focus", "QLineEdit:focus", "QComboBox:focus"):
        assert selector in style.STYLESHEET
    assert f"border: 2px solid {style.FOCUS}" in style.STYLESHEET


# ----- item 14: mnemonics and tab order on every page --------------------------------------
def _mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Qt's mnemonic), lower case."""
    i = text.replace("&&", "").find("&")
    plain = text.replace("&&", "")
    return plain[i + 1].lower() if 0 <= i < len(plain) - 1 else None


def _controls(root) -> list:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label's mnemonic only works with a buddy
        if widget.isVisibleTo(root.window()) and widget.isEnabled():
            found.append(widget)
    return found


def _states(page):
    """Each panel of each stacked widget on the page, one after the other."""
    from PySide6.QtWidgets import QStackedWidget

    stacks = page.findChildren(QStackedWidget)
    yield
    for stack in stacks:
        before = stack.currentIndex()
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            yield
        stack.setCurrentIndex(before)


def _all_pages(window):
    from handoff.gui.main_window import PAGES

    for key, _module, _cls in PAGES:
        window.show_page(key)
        yield key, window.pages[key]


def test_no_two_controls_share_a_mnemonic_on_any_page(window, qtbot):
    """Walks every page of the window (and every panel of its stacks), sidebar included."""
    clashes = {}
    for key, page in _all_pages(window):
        for _state in _states(page):
            seen: dict[str, list[str]] = {}
            for widget in _controls(window):
                letter = _mnemonic(widget.text())
                if letter:
                    seen.setdefault(letter, []).append(widget.text())
            clashes.update({f"{key}:{k}": v for k, v in seen.items() if len(v) > 1})
    own = {k: v for k, v in clashes.items() if k.split(":")[0] in ("send", "answer", "seal")}
    assert own == {}
    assert clashes == {}  # every page, the receiver's and the DPO's too


def _tab_chain(window) -> list:
    from PySide6.QtWidgets import QApplication

    first = window.navigation
    first.setFocus()
    QApplication.processEvents()
    chain, widget = [], first.nextInFocusChain()
    while widget is not first and len(chain) < 500:
        if (
            widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusPolicy() & (Qt.FocusPolicy.TabFocus)
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_tab_order_follows_the_visual_order_on_every_page(window, qtbot):
    """Within a page's scroll area Tab goes top to bottom, then left to right."""
    bad = {}
    for key, page in _all_pages(window):
        chain = [w for w in _tab_chain(window) if page.isAncestorOf(w)]
        places = [(w.mapTo(page, w.rect().topLeft()), w) for w in chain]
        for (a, wa), (b, wb) in pairwise(places):
            if b.y() + 4 < a.y() and not wa.isAncestorOf(wb):
                bad.setdefault(key, []).append(
                    f"{wa.objectName() or type(wa).__name__} -> "
                    f"{wb.objectName() or type(wb).__name__}"
                )
    own = {k: v for k, v in bad.items() if k in ("send", "answer", "seal")}
    assert own == {}
    assert bad == {}  # every page, the receiver's and the DPO's too


def test_wrong_file_type_is_answered_in_words(window, qtbot, dialogs, tmp_path: Path):
    window.show_page("send")
    page = window.pages["send"]
    assert page.picker.select("turnhout-social-supplement") or page.picker.select(REFERRAL)
    page.use_file.setChecked(True)
    csv = tmp_path / "lijst.csv"
    csv.write_text("Naam;Voornaam\n", encoding="utf-8")
    dialogs.open_path = csv
    qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
    assert page.drop.path is None and page.report is None
    assert "sla het op als Excel-werkmap (.xlsx)" in page.drop.label.text()


# ----- item 16: real plural forms ------------------------------------------------------------
def test_row_counts_use_real_plural_forms(window, qtbot, dialogs, thuispunt, tmp_path):
    from tests import sheets

    window.show_page("send")
    page = window.pages["send"]
    page.picker.load()  # the organisation profile came after the page was built
    assert page.picker.select(thuispunt)
    for count, expected in ((1, "(1 rij)"), (2, "(2 rijen)")):
        sheet = sheets.write_sheet(
            tmp_path / f"lijst{count}.xlsx",
            sheets.THUISPUNT_HEADERS,
            sheets.thuispunt_rows()[:count],
        )
        page.report = None
        dialogs.open_path = sheet
        qtbot.mouseClick(page.drop.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
        assert page.report.ok, page.findings.texts()
        assert expected in page.check_status.text()
        assert "rij(en)" not in page.check_status.text()


def test_retention_status_line_uses_real_plural_forms(window):
    from types import SimpleNamespace

    window._retention_ran([SimpleNamespace(journaled=True, deleted=1)])
    assert window.statusBar().currentMessage() == (
        "Bewaartermijn: 1 bestand verwijderd van 1 overdracht, zoals het protocol het voorschrijft."
    )
    window._retention_ran([SimpleNamespace(journaled=True, deleted=2)] * 2)
    assert "4 bestanden verwijderd van 2 overdrachten" in window.statusBar().currentMessage()
