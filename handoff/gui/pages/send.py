"""Send: protocol, sheet or form, check, recipient, lock and send, then the password.

The flow follows seed 003 art. 6 (steps 1-3: encrypt, e-mail the list, pass the
password by another channel) and seeds 001/002 (referral only with the client's
consent). Each step is one use case in ``handoff.usecases``; this page only collects
the choices, runs them off the GUI thread and shows what the journal recorded.
"""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QMessageBox,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from handoff.core import i18n
from handoff.gui import last_protocol, style, worker_calls
from handoff.gui.pages.base import Page
from handoff.gui.secret_prompt import ask_secret
from handoff.gui.steps import step_label
from handoff.gui.task_runner import TaskRunner, simple
from handoff.gui.widgets.file_drop import sheet_drop
from handoff.gui.widgets.findings_list import FindingsList
from handoff.gui.widgets.password_step import Action, PasswordStep
from handoff.gui.widgets.protocol_picker import ProtocolPicker
from handoff.gui.widgets.sheet_form import SheetForm


def quoted(article: str) -> str:
    """A profile's ``article`` line with its words from the protocol shown as quotes.

    ``art. 6 (AES 256 via 7-zip naar vaste mailbox)`` reads as the app's own
    claim; shown as ``art. 6: “AES 256 via 7-zip naar vaste mailbox”`` it reads
    as what the protocol says (issue 13 item 8).
    """
    parts, depth, current = [], 0, ""
    for char in article:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    shown = []
    for part in filter(None, parts):
        head, paren, rest = part.partition("(")
        if paren and rest.endswith(")"):
            shown.append(f"{head.strip()}: \u201c{rest[:-1].strip()}\u201d")
        else:
            shown.append(part)
    return "; ".join(shown)


class SendPage(Page):
    """Three panels: prepare (choose, check, send), password, done (journal checklist)."""

    # the key under which last_protocol keeps this page's choice
    page_key = "send"
    scroll_sideways = False
    # which of the protocol's recipients this page offers: requests, not answers
    ANSWERS = False

    def __init__(self, runner: TaskRunner, title: str = "", hint: str = "") -> None:
        super().__init__(
            runner,
            title or self.tr("Send"),
            hint
            or self.tr(
                "Hand over a list or a referral the way the protocol says: Handoff checks it, "
                "locks it with a password and sends it. You pass the password on separately."
            ),
        )
        self.report: Any = None
        self.sent: Any = None
        self.draft: Path | None = None
        self._sms_secret: str | None = None
        self._sms_again = False  # the worker chose a second SMS after an uncertain one
        self.panels = QStackedWidget()
        self.panels.addWidget(self._build_prepare())
        self.panels.addWidget(self._build_finish())
        style.fit_current(self.panels)
        self.body.addWidget(self.panels, 1)
        self.picker.load()
        self.picker.select(last_protocol.recall(self.page_key))
        self._show_profile_problems()

    # ----- panel 1: prepare -------------------------------------------------
    def _build_prepare(self) -> QWidget:
        panel, layout = style.panel()
        layout.addWidget(style.step_title(self.tr("1. Under which protocol?")))
        self.picker = ProtocolPicker(self.keep_protocol)
        self.picker.protocol_changed.connect(self._protocol_changed)
        self.protocol_info = style.hint("")
        self.profile_problems = style.message("warning")
        self.profile_problems.hide()
        layout.addWidget(self.profile_problems)
        layout.addWidget(self.picker)
        layout.addWidget(self.protocol_info)
        layout.addWidget(style.step_title(self.tr("2. What do you send?")))
        self._build_source_extra(layout)
        self.use_form = QRadioButton(self.tr("Fill in a &form (one person)"))
        self.use_file = QRadioButton(self.tr("Use a &spreadsheet"))
        self.mode = QButtonGroup(self)
        for radio in (self.use_form, self.use_file):
            radio.setAccessibleName(radio.text().replace("&", ""))
            self.mode.addButton(radio)
            radio.toggled.connect(self._mode_changed)
        layout.addLayout(style.row(self.use_form, self.use_file, None))
        self.form = SheetForm()
        self.form.changed.connect(self._update_ready)
        layout.addWidget(self.form)
        self.drop = sheet_drop(
            self.tr("Drag the spreadsheet here, or choose it."),
            self.tr("C&hoose spreadsheet…"),
        )
        self.drop.file_chosen.connect(self._check_file)
        layout.addWidget(self.drop)
        self.check_status = style.message("hint")
        self.findings = FindingsList()
        self.findings.hide()
        layout.addWidget(self.check_status)
        layout.addWidget(self.findings)
        self.consent_row, self.consent = style.wrapping_check(
            self.tr("The client was &informed and freely and explicitly agreed to this referral.")
        )
        self.consent.setAccessibleName(self.tr("Client informed and agreed"))
        self.consent.setAccessibleDescription(
            self.tr("Required by the protocol before a referral may be sent.")
        )
        self.consent.toggled.connect(self._update_ready)
        layout.addWidget(self.consent_row)
        layout.addWidget(style.step_title(self.tr("3. To whom?")))
        self.recipient = style.compact(QComboBox())
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.setAccessibleDescription(
            self.tr("Only the recipients the protocol names can be chosen.")
        )
        self.recipient.currentIndexChanged.connect(self._update_ready)
        layout.addWidget(self.recipient)
        self.words = QCheckBox(self.tr("Password in &words, to read aloud on the phone"))
        self.words.setAccessibleDescription(
            self.tr("Six common Dutch words instead of letters and digits; just as strong.")
        )
        layout.addWidget(self.words)
        self.send_button = style.primary(self.tr("&Lock and send"))
        self.send_button.clicked.connect(self.send)
        layout.addLayout(style.row(None, self.send_button))
        self.missing = style.message("hint")
        self.missing.setObjectName("hint")
        layout.addWidget(self.missing)
        layout.addStretch(1)
        return panel

    def _show_profile_problems(self) -> None:
        """A protocol file that could not be read is named, so the DPO can fix it."""
        lang = i18n.language()
        lines = [
            f"{p.file.name}{f':{p.line}' if p.line else ''}: {p.text.render(lang)}"
            for p in self.picker.problems
        ]
        self.profile_problems.setText(
            self.tr("These protocol files could not be used:") + "\n" + "\n".join(lines)
            if lines
            else ""
        )
        self.profile_problems.setVisible(bool(lines))

    # ----- hooks the Answer page overrides -----------------------------------
    @staticmethod
    def keep_protocol(_protocol: Any) -> bool:
        """Which protocols this page offers (all of them for sending)."""
        return True

    def _build_source_extra(self, layout: QVBoxLayout) -> None:
        """Widgets before the sheet picker (the Answer page adds the request)."""

    def check_job(self, path: Path, protocol: Any) -> Any:
        """The check run on the chosen sheet (runs on a worker thread)."""
        return worker_calls.check_sheet(path, protocol)

    def reference(self) -> str | None:
        """The handoff reference to reuse; None starts a new handoff."""
        return None

    def prepare_source(self, source: Any, _protocol: Any) -> Any:
        """What ``usecases.send`` gets (runs on the worker): the sheet path or the form."""
        return source

    def _protocol_changed(self, protocol: Any) -> None:
        self._reset_sheet()
        self.recipient.clear()
        if protocol is None:
            self.protocol_info.setText(self.tr("No protocol is available. Ask your DPO."))
            self._update_ready()
            return
        last_protocol.remember(self.page_key, protocol.id)
        lang = i18n.language()
        self.protocol_info.setText(
            self.tr("Between {parties}. Based on the protocol, {article}.").format(
                parties=" / ".join(protocol.parties), article=quoted(protocol.article)
            )
        )
        for recipient in protocol.recipients_for(answer=self.ANSWERS):
            where = (
                self.tr("mailbox not filled in yet — ask your DPO")
                if recipient.placeholder
                else recipient.address
            )
            self.recipient.addItem(f"{recipient.label.render(lang)} — {where}", recipient.id)
        self.words.setVisible(worker_calls.password_style(protocol) != "words")
        self.words.setChecked(False)
        self.form.set_columns(protocol.columns)
        self._tab_order()
        self.use_form.setVisible(protocol.sheet_from_form)
        self.use_file.setVisible(protocol.sheet_from_form)
        (self.use_form if protocol.sheet_from_form else self.use_file).setChecked(True)
        self.consent_row.setVisible(protocol.consent_required)
        self.consent.setChecked(False)
        self._mode_changed()

    def _tab_order(self) -> None:
        """Tab follows the page top to bottom; the form's fields are made after the
        consent box, so without this Tab jumped over them (issue 13 item 14)."""
        chain = [
            self.picker,
            *self.source_widgets(),
            self.use_form,
            self.use_file,
            *self.form.fields.values(),
            self.drop.button,
            self.consent,
            self.recipient,
            self.words,
            self.send_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def source_widgets(self) -> list[QWidget]:
        """Focusable widgets of ``_build_source_extra``, in order (the Answer page's request)."""
        return []

    def _mode_changed(self, *_args: object) -> None:
        by_form = self.use_form.isChecked() and self.use_form.isVisibleTo(self)
        self.form.setVisible(by_form)
        self.drop.setVisible(not by_form)
        self.findings.setVisible(not by_form and self.findings.count() > 0)
        self.check_status.setVisible(not by_form)
        self._update_ready()

    def _reset_sheet(self) -> None:
        self.report = None
        self.sent = None
        self.drop.set_path(None)
        self.findings.clear()
        self.findings.hide()
        self.check_status.clear()
        self.form.clear_values()

    def _by_form(self) -> bool:
        return self.form.isVisibleTo(self)

    def _check_file(self, path: Path) -> None:
        protocol = self.picker.current()
        if protocol is None:
            return
        self.report = None
        self.findings.clear()
        self._update_ready()
        self.run(
            simple(lambda: self.check_job(path, protocol)),
            self._checked,
            self.tr("Checking the spreadsheet against the protocol…"),
            cancellable=False,
        )

    def _checked(self, report: Any) -> None:
        self.report = report
        self.findings.show_findings(report.findings)
        self.findings.setVisible(self.findings.count() > 0)
        if report.ok:
            style.set_role(self.check_status, "success")
            self.check_status.setText(
                QCoreApplication.translate(  # the context by name: the Answer page shows it too
                    "SendPage",
                    "The spreadsheet fits the protocol (%n row(s)). Only the allowed "
                    "columns will be sent.",
                    None,
                    report.rows,
                )
            )
        else:
            style.set_role(self.check_status, "warning")
            self.check_status.setText(
                self.tr(
                    "This spreadsheet cannot be sent yet. Correct what is marked 'To correct' "
                    "below in the spreadsheet, save it, and choose it again."
                )
            )
        self._update_ready()

    def missing_steps(self) -> list[str]:
        """What still stops the handoff, in words (issue 13 item 5); empty when ready."""
        protocol = self.picker.current()
        if protocol is None:
            return [self.tr("a protocol")]
        found = self.form.missing() if self._by_form() else []
        if not self._by_form() and (self.report is None or not self.report.ok):
            found.append(
                self.tr("a spreadsheet that fits the protocol")
                if self.report is None
                else self.tr("a spreadsheet without cells to correct")
            )
        if protocol.consent_required and not self.consent.isChecked():
            found.append(self.tr("tick that the client agreed"))
        recipient = self._recipient()
        if recipient is None:
            found.append(self.tr("a recipient"))
        elif recipient.placeholder:
            found.append(self.tr("the recipient's mailbox, which your DPO fills in"))
        return found

    def _recipient(self) -> Any | None:
        protocol, wanted = self.picker.current(), self.recipient.currentData()
        found = [r for r in (protocol.recipients if protocol else ()) if r.id == wanted]
        return found[0] if found else None

    def ready(self) -> bool:
        """Everything the protocol needs is there; the primary button follows this."""
        return not self.missing_steps()

    def _update_ready(self, *_args: object) -> None:
        missing = self.missing_steps()
        self.send_button.setEnabled(self.ready())
        self.missing.setText(
            self.tr("Still needed: {items}.").format(items="; ".join(missing)) if missing else ""
        )
        self.missing.setVisible(bool(missing))

    def send(self) -> None:
        """Check, lock and deliver as one use case (``usecases.send``) on a worker thread."""
        if not self.ready():
            return
        protocol = self.picker.current()
        recipient_id = self.recipient.currentData()
        secret = None
        try:
            needed = worker_calls.secret_needed(protocol, recipient_id)
        except Exception as exc:  # e.g. a broken settings file: say where
            self.show_error(exc)
            return
        if needed:
            secret = ask_secret(self, needed)
            if secret is None:
                return
        source: Path | dict[str, str] = (
            self.form.values() if self._by_form() else self.drop.path  # type: ignore[assignment]
        )
        consent, reference = self.consent.isChecked(), self.reference()
        words = "words" if self.words.isVisibleTo(self) and self.words.isChecked() else None
        self.send_button.setEnabled(False)
        self.run(
            lambda progress, cancel: worker_calls.send(
                self.prepare_source(source, protocol),
                protocol,
                recipient_id,
                consent,
                progress,
                cancel,
                handoff_id=reference,
                secret=secret,
                style=words,
            ),
            self._sent,
            self.tr("Locking the file with a password and sending it…"),
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self._update_ready()

    def _sent(self, sent: Any) -> None:
        self.sent = sent
        packaged, delivery = sent.packaged, sent.delivery
        protocol = packaged.protocol
        status = self.tr("Done: {step}. Reference: {ref}.").format(
            step=step_label(delivery.step), ref=packaged.handoff_id
        )
        how = self.tr(
            "Pass this password to the {role} by SMS or by phone — never in the same "
            "e-mail as the file. It is shown only now and stored nowhere."
        ).format(role=protocol.password_channel.role.render(i18n.language()))
        draft = getattr(delivery, "location", None)
        self.open_draft.setVisible(draft is not None)
        self.show_folder.setVisible(draft is not None)
        self.opened_note.clear()
        if draft is not None:
            status = self.tr(
                "Draft ready — open it and click Send in your mail program. Reference: {ref}."
            ).format(ref=packaged.handoff_id)
            if delivery.details.get("opened") is False:
                self._say_not_opened(draft)
        sms = worker_calls.sms_available(protocol)
        if not sms:
            how += " " + self.tr(
                "Sending it by SMS from Handoff needs an SMS provider and the role's number "
                "in Settings; until then, call or text from your own phone."
            )
        hid, pid, password = packaged.handoff_id, protocol.id, packaged.password
        waits = delivery.step == "draft_handed"  # the password waits for the e-mail
        first = self._before_password(sent, hid)
        if waits:
            how = (
                self.tr(
                    "First send the e-mail from your mail program and confirm it here; only then "
                    "pass the password on."
                )
                + " "
                + how
            )
        elif delivery.uncertain:
            status = delivery.problem.message()
        self.finish.begin(
            hid,
            password,
            status,
            how,
            [
                *first,
                Action(
                    self.tr("Send the password by S&MS"),
                    lambda: worker_calls.send_password_sms(
                        hid, pid, password, self._sms_secret, resend=self._sms_again
                    ),
                    sms,
                    lambda: self._before_sms(hid),
                    locked=waits,
                ),
                Action(
                    self.tr("I &passed the password on"),
                    lambda: worker_calls.confirm_password(hid, pid, "phone"),
                    locked=waits,
                ),
            ],
        )
        self.panels.setCurrentIndex(1)

    def _before_password(self, sent: Any, hid: str) -> list[Action]:
        """The step before the password: confirm the draft went out, or resend an uncertain one."""
        if sent.delivery.step == "draft_handed":
            return [
                Action(
                    self.tr("I have &sent the e-mail"),
                    lambda: worker_calls.confirm_draft_sent(hid),
                    unlocks=True,
                )
            ]
        if sent.delivery.uncertain:
            return [
                Action(
                    self.tr("Send the &same archive again"),
                    lambda: worker_calls.resend(hid),
                    unlocks=True,
                )
            ]
        return []

    def _before_sms(self, handoff_id: str) -> bool:
        """A second SMS only on the worker's explicit choice after one that may have arrived."""
        self._sms_again = False
        if worker_calls.sms_maybe_sent(handoff_id):
            answer = QMessageBox.question(
                self,
                self.tr("Send the SMS again?"),
                self.tr(
                    "An earlier SMS with this password may already have arrived. Ask the "
                    "receiver first, or pass the password on by phone. Send a second SMS anyway?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            self._sms_again = True
        return self._ask_sms_secret()

    def _ask_sms_secret(self) -> bool:
        """Ask for the provider's token when the keyring has none; False if cancelled."""
        from handoff.core import credentials

        self._sms_secret = None  # asked again each time, never kept between sends
        if credentials.has_secret(credentials.SMS):
            return True
        self._sms_secret = ask_secret(self, credentials.SMS)
        return self._sms_secret is not None

    def _build_finish(self) -> QWidget:
        self.finish = PasswordStep(self.run, self.show_error)
        self.finish.restart.connect(self.new_handoff)
        self.finish.finished.connect(self._forget_password)
        self.open_draft = style.button(self.tr("&Open the draft"))
        self.open_draft.clicked.connect(self._open_draft)
        self.show_folder = style.button(self.tr("Show in &folder"))
        self.show_folder.clicked.connect(self._show_folder)
        self.opened_note = style.message("warning")
        self.finish.extra.addWidget(self.open_draft)
        self.finish.extra.addWidget(self.show_folder)
        self.finish.extra.addWidget(self.opened_note, 1)
        return self.finish

    def _forget_password(self, _handoff_id: str) -> None:
        """Once passed on, only the draft's location is kept, not the Packaged with its password."""
        self.draft = getattr(self.sent.delivery, "location", None) if self.sent else None
        self.sent = None

    def _draft_path(self) -> Path | None:
        return getattr(self.sent.delivery, "location", None) if self.sent else self.draft

    def _open_draft(self) -> None:
        """Hand the .eml to the mail program; say so when nothing opened it (issue 13 item 1)."""
        draft = self._draft_path()
        if draft is None:
            return
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(draft))):
            self.opened_note.clear()
            return
        self._say_not_opened(draft)

    def _say_not_opened(self, draft: Path) -> None:
        self.opened_note.setText(
            self.tr(
                "No mail program opened the draft. Use 'Show in folder' and open {name} "
                "with your mail program (for example by dragging it into Outlook)."
            ).format(name=draft.name)
        )

    def _show_folder(self) -> None:
        """Open the outbox folder in the file manager; say so when that did not work."""
        draft = self._draft_path()
        if draft is None:
            return
        if sys.platform == "win32":  # Explorer with the draft selected (issue 14 §3)
            from handoff.channels.mail_programs.handing import show_in_folder

            if show_in_folder(draft):
                return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(draft.parent))):
            self.opened_note.setText(
                self.tr("The folder could not be opened. The draft is here: {path}").format(
                    path=draft
                )
            )

    def leave_password(self) -> bool:
        """Ask before an unconfirmed password leaves the screen (issue 13 item 2)."""
        return self.finish.may_leave()

    def new_handoff(self) -> None:
        """The "new handoff" button: only after asking when a password would be lost."""
        if self.leave_password():
            self.start_over()

    def start_over(self) -> None:
        self._reset_sheet()
        self.consent.setChecked(False)
        self.finish.reset()
        self.panels.setCurrentIndex(0)
        self._update_ready()

    def forget_secrets(self) -> None:
        """Called when the window closes: the password leaves the screen and clipboard."""
        self.finish.password_view.forget()
