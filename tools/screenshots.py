"""Regenerate docs/screenshots/*.png from the real app, in Dutch, with realistic fake data.

    python tools/screenshots.py            # starts its own Xvfb when there is no DISPLAY
    xvfb-run -a python tools/screenshots.py
    # to look at 1024 px wide (not for the docs):
    HANDOFF_SHOTS_SIZE=1024x700 HANDOFF_SHOTS_OUT=/tmp/shots1024 python tools/screenshots.py
    # to look at 150 % on a 1280x800 screen (not for the docs):
    QT_SCALE_FACTOR=1.5 HANDOFF_SHOTS_OUT=/tmp/shots150 xvfb-run -a \
        -s "-screen 0 1280x800x24" python tools/screenshots.py

Everything happens in a throw-away HANDOFF_HOME: a referral typed in the form
and handed to the mail program as a draft, a list that fails the check, a
received list opened with its checklist, a Turnhout answer checked, a
Lievegem month sealed, and the journal those steps wrote. The people are
invented; the national numbers are valid test numbers, not anyone's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("HANDOFF_SHOTS_OUT") or ROOT / "docs" / "screenshots")
# The docs' window size; with a scale factor the window keeps the size it opens with.
# HANDOFF_SHOTS_SIZE=1024x700 looks at another width (issue 13 §15: the Logboek at 1024 px).
NATURAL = bool(os.environ.get("QT_SCALE_FACTOR"))
_WIDTH, _HEIGHT = (os.environ.get("HANDOFF_SHOTS_SIZE") or "1100x760").split("x")
SIZE = (int(_WIDTH), int(_HEIGHT))


def _ensure_display() -> subprocess.Popen | None:
    """Start Xvfb on a free display unless one is already there."""
    if os.environ.get("DISPLAY"):
        return None
    for number in range(99, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            server = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            os.environ["DISPLAY"] = f":{number}"
            time.sleep(1.0)
            return server
    raise SystemExit("no free X display for Xvfb")


def _national_number(birth: str, serial: int, born_2000s: bool = False) -> str:
    base = f"{birth}{serial:03d}"
    return base + f"{97 - int(('2' if born_2000s else '') + base) % 97:02d}"


CIR_HEADERS = [
    "Naam", "Voornaam", "RRN", "Status", "Ontbrekende stukken", "Uitnodigingsbrief", "Herinneringsbrief",
]  # fmt: skip
CIR_ROW = [
    "Maes", "Tom", _national_number("850730", 33), "niet bevestigd", "attest inkomen", "01/08/2024",
    "15/08/2024",
]  # fmt: skip
DEBTOR_HEADERS = ["Voornaam", "Naam", "Rijksregisternummer", "Adres", "Dossiernummer"]
#: Seed 003 as OCMW Gent renewed it: the shipped profile kept lists until 27/09/2024,
#: so nothing may be sent or received under it any more (issue 13 §10).
RENEWED = "thuispunt-gent-cir-2027"


def _renew_thuispunt() -> None:
    """Drop the organisation's renewed seed 003 profile into the user protocol folder."""
    from handoff.core import paths, protocols

    text = (protocols.shipped_dir() / "thuispunt-gent-cir.toml").read_text(encoding="utf-8")
    for old, new in (
        ('id = "thuispunt-gent-cir"', f'id = "{RENEWED}"'),
        ("until = 2024-09-27", "until = 2027-09-27"),
        ("mailbox-niet-in-protocol@ocmw-gent.invalid", "cir-lijsten@ocmw.gent"),
        ('naar OCMW Gent"', 'naar OCMW Gent (2027)"'),
        ('to OCMW Gent"', 'to OCMW Gent (2027)"'),
    ):
        text = text.replace(old, new)
    (paths.user_protocols_dir() / f"{RENEWED}.toml").write_text(text, encoding="utf-8")


def _sheet(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


class Shooter:
    """Drives the real window and saves what it shows."""

    def __init__(self, work: Path) -> None:
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QApplication, QFileDialog

        from handoff.gui.app import app_icon, create_app
        from handoff.gui.main_window import MainWindow

        self.work = work
        self.app: QApplication = create_app([])
        self.next_file: Path | None = None
        QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(self.next_file), ""))
        QDesktopServices.openUrl = staticmethod(lambda _url: True)  # no mail program here
        self.window = MainWindow(app_icon())
        if not NATURAL:
            self.window.resize(*SIZE)
        self.window.show()
        self.settle()

    def settle(self, until: Callable[[], bool] = lambda: True, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.app.processEvents()
            if until() and not self.window.runner.busy():
                break
            time.sleep(0.02)
        for _ in range(5):
            self.app.processEvents()
            time.sleep(0.02)

    def choose(self, drop, path: Path) -> None:
        self.next_file = path
        drop.button.click()
        self.settle()

    def save(self, name: str, widget=None) -> Path:
        self.settle()
        target = OUT / f"{name}.png"
        (widget or self.window).grab().save(str(target))
        print(target)
        return target

    def save_question(self, name: str, ask: Callable[[], object]) -> None:
        """Run ``ask`` with QMessageBox.question shown for real, saved, and answered No."""
        from PySide6.QtWidgets import QMessageBox

        original = QMessageBox.question

        def shown(parent, title, text, buttons, default):
            box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
            box.setDefaultButton(default)
            box.show()
            self.save(name, box)
            box.close()
            return QMessageBox.StandardButton.No

        QMessageBox.question = staticmethod(shown)
        try:
            ask()
        finally:
            QMessageBox.question = original

    def send_referral(self) -> None:
        page = self.window.show_page("send")
        page.picker.select("kg-ocmw-referral")
        for key, text in {
            "first_name": "Sara",
            "last_name": "Claes",
            "address": "Parklaan 16, 9690 Kluisbergen",
            "phone": "0470 12 34 56",
            "email": "sara.claes@example.be",
        }.items():
            page.form.fields[key].setText(text)
        page.form.fields["phone"].setText("0470 12")
        page.form.fields["phone"].editingFinished.emit()
        self.save("13-versturen-formulier-fout")  # issue 13 item 5: marked, with an example
        page.form.fields["phone"].setText("0470 12 34 56")
        page.consent.setChecked(True)
        self.save("01-versturen-formulier")
        page.send_button.click()
        self.settle(lambda: page.panels.currentIndex() == 1)
        self.save("02-versturen-wachtwoord")
        self.save_question("14-sluiten-vraag", self.window.close)  # issue 13 item 2
        page.finish.buttons[0].click()  # "I have sent the e-mail" unlocks the password
        self.settle(lambda: len(page.finish.buttons) == 2)
        page.finish.buttons[-1].click()  # "I passed the password on"
        self.settle(lambda: page.finish.checklist.count() >= 4)
        self.save("03-versturen-klaar")
        page.start_over()

    def check_list(self) -> None:
        page = self.window.show_page("send")
        page.picker.select(RENEWED)
        rows = [CIR_ROW, ["Wouters", "Lien", "12345678901", "niet bevestigd", "", "01/08/2024", ""]]
        self.choose(page.drop, _sheet(self.work / "kandidaten-cir.xlsx", CIR_HEADERS, rows))
        self.settle(lambda: page.report is not None)
        self.save("04-versturen-controle")

    def receive(self) -> None:
        from PySide6.QtWidgets import QScrollArea

        from handoff import usecases
        from handoff.core.journal import Journal

        sheet = _sheet(self.work / "lijst.xlsx", CIR_HEADERS, [CIR_ROW])
        sender = self.work / "afzender"
        sender.mkdir()
        packaged = usecases.package(
            sheet, RENEWED, sender / "HO-20260312-4FJ7QX.7z",
            handoff_id="HO-20260312-4FJ7QX",
            ctx=usecases.Context(Journal(self.work / "afzender.sqlite3")),
        )  # fmt: skip
        page = self.window.show_page("receive")
        self.choose(page.drop, packaged.archive.path)
        page.picker.select(RENEWED)
        page.password.setText(packaged.password.value)
        self.save("05-ontvangen-wachtwoord")
        page.open_button.click()
        self.settle(lambda: page.result.isVisible())
        page.cleanup["email_deleted"].setChecked(True)
        self.settle()
        self.save("06-ontvangen-controlelijst")
        page.again_button.click()  # the clean-up left is on the page's to-do list
        self.settle(lambda: page.todo.table.rowCount() >= 2)
        page.todo.table.scrollTo(page.todo.table.model().index(0, 0))
        self.window.pages["receive"].findChild(QScrollArea).ensureWidgetVisible(page.todo)
        self.save("15-ontvangen-te-doen")

    def answer(self) -> None:
        page = self.window.show_page("answer")
        kids = [_national_number("090301", 14, True), _national_number("120611", 52, True)]
        folder = self.work / "veilig" / "HO-20260301-7KQ2M9"
        folder.mkdir(parents=True)
        request = _sheet(folder / "aanvraag.xlsx", ["INSZ kind"], [[k] for k in kids])
        self.choose(page.request, request)
        answer = _sheet(
            self.work / "antwoord.xlsx",
            ["INSZ kind", "Recht op sociale toeslag", "INSZ begunstigde 1", "INSZ begunstigde 2"],
            [[kids[0], "ja", _national_number("850730", 33), None], [kids[1], "nee", None, None]],
        )
        self.choose(page.drop, answer)
        self.settle(lambda: page.report is not None)
        self.save("07-beantwoorden")

    def seal(self) -> None:
        page = self.window.show_page("seal")
        rows = [["An", "Peeters", _national_number("850730", 33), "Kerkstraat 1", "D-2026-031"]]
        month = _sheet(self.work / "debiteuren-maart.xlsx", DEBTOR_HEADERS, rows)
        self.choose(page.drop, month)
        page.seal_button.click()
        self.settle(lambda: page.panels.currentIndex() == 1)
        self.save("08-verzegelen-wachtwoord")
        page.finish.buttons[0].click()
        self.settle(lambda: page.finish.checklist.count() >= 2)

    def log(self) -> None:
        page = self.window.show_page("log")
        page.refresh()
        self.settle(lambda: page.verify_button.isEnabled() and page.todo.table.rowCount() > 0)
        page.table.selectRow(0)
        self.save("09-logboek")

    def dialogs(self) -> None:
        from handoff.gui.about import AboutDialog
        from handoff.gui.settings_dialog import SettingsDialog

        settings = SettingsDialog(self.window)
        settings.show()
        self.save("10-instellingen", settings)
        settings.tabs.setCurrentIndex(1)
        self.save("11-instellingen-mail", settings)
        settings.reject()
        about = AboutDialog(self.window)
        about.show()
        self.save("12-over", about)
        about.reject()


def main() -> int:
    server = _ensure_display()
    work = Path(tempfile.mkdtemp(prefix="handoff-shots-"))
    os.environ.update(HANDOFF_HOME=str(work / "home"), HANDOFF_LANG="nl", QT_QPA_PLATFORM="xcb")
    import keyring
    from keyring.backends.null import Keyring

    keyring.set_keyring(Keyring())  # never touch the real keyring
    sys.path.insert(0, str(ROOT))
    try:
        from handoff.core import settings

        config = settings.load()
        config.organisation = "OCMW Kluisbergen"
        settings.save(config)
        _renew_thuispunt()
        OUT.mkdir(parents=True, exist_ok=True)
        shooter = Shooter(work)
        for step in (shooter.send_referral, shooter.check_list, shooter.receive, shooter.answer,
                     shooter.seal, shooter.log, shooter.dialogs):  # fmt: skip
            step()
        shooter.window.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if server is not None:
            server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
