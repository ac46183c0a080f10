"""The use cases end to end: real archives, a real SMTP server, a real SMS gateway.

Each step does its work and journals it, or fails and journals nothing
(ARCHITECTURE.md rule 2); these tests hold the journal to that.
"""

from __future__ import annotations

import email
import hashlib
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from sheets import (
    KG_HEADERS,
    THUISPUNT_HEADERS,
    THUISPUNT_RENEWED,
    kg_rows,
    thuispunt_rows,
    write_sheet,
)

from handoff import usecases
from handoff.channels import sms
from handoff.channels.email_draft import DraftChannel
from handoff.channels.smtp import SmtpChannel
from handoff.core import credentials, protocols, retention, settings, workbook
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal, Step
from handoff.core.journal.obligations import open_obligations
from tests.journal_bytes import journal_bytes
from tests.servers.sms_gateway import SID, TOKEN, sms_gateway
from tests.servers.smtp_server import PASSWORD as SMTP_PASSWORD
from tests.servers.smtp_server import free_port, loopback_mail, smtp_server

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)

REFERRAL = "kg-ocmw-referral"
THUISPUNT = THUISPUNT_RENEWED
FORM = {
    "first_name": "Mieke",
    "last_name": "Vandenbroucke",
    "address": "Kerkstraat 12, 9690 Kluisbergen",
    "phone": "0477 12 34 56",
    "email": "mieke.vdb@example.be",
}


@pytest.fixture(autouse=True)
def _fresh_sms_ledger(monkeypatch):
    """The 'never twice' ledger is per process; each test starts with an empty one."""
    monkeypatch.setattr(sms, "LEDGER", sms.Ledger())


def _steps(handoff_id: str) -> list[Step]:
    with Journal() as journal:
        return [r.step for r in journal.records(handoff_id=handoff_id)]


def _all_steps() -> list[Step]:
    with Journal() as journal:
        return [r.step for r in journal.records()]


def _attachment(raw: bytes, folder: Path) -> Path:
    """Save the .7z attached to a message, as the receiving worker's mail program would."""
    message = email.message_from_bytes(raw, policy=policy.default)
    (part,) = [p for p in message.walk() if p.get_filename()]
    path = folder / part.get_filename()
    path.write_bytes(part.get_payload(decode=True))
    return path


def _draft_settings() -> settings.Settings:
    return settings.load()


def _send_referral(recipient: str | None = None, **options: object) -> usecases.Sent:
    """The referral typed into the form (seeds 001/002), sent as a draft (no mail program).

    ``recipient``: the protocol's first unless given; ``options`` go to ``usecases.send``.
    """
    protocol = protocols.get(REFERRAL)
    s = _draft_settings()
    return usecases.send(
        workbook.sheet_from_fields(protocol, FORM),
        REFERRAL,
        recipient or protocol.recipients[0].id,
        channel=DraftChannel(s, opener=None),
        ctx=usecases.Context(settings=s),
        **options,
    )


def test_referral_typed_in_form_sent_as_draft_and_received(tmp_path):
    """Flow 1 (seeds 001/002): form → draft → password by phone → OCMW opens, confirms, deletes."""
    sent = _send_referral(consent_confirmed=True)
    s = _draft_settings()
    ref = sent.packaged.handoff_id
    assert not (s.outbox / f"{ref}.7z").exists(), "the outbox copy must go once it is in the draft"
    with pytest.raises(HandoffError) as early:  # issue 18 §4: the password waits for the mail
        usecases.confirm_password_passed(ref, REFERRAL, "phone")
    assert early.value.code == "draft_not_confirmed"
    with Journal() as journal:
        assert "draft_not_sent" in {o.kind for o in open_obligations(journal)}
    usecases.confirm_draft_sent(ref)
    usecases.confirm_password_passed(ref, REFERRAL, "phone")

    archive = _attachment(sent.delivery.location.read_bytes(), tmp_path)
    received = usecases.receive(archive, REFERRAL, sent.packaged.password.value, s.secure_folder)
    assert received.handoff_id == ref
    assert received.folder == s.secure_folder / ref
    assert received.due is None and received.reminder is not None  # "until contact" + reminder
    usecases.confirm(ref, REFERRAL, Step.EMAIL_DELETED)
    usecases.confirm(ref, REFERRAL, Step.PASSWORD_DELETED)
    retention.delete_now(ref, by="worker")
    assert not received.folder.exists()

    assert _steps(ref) == [
        Step.CONSENT_CONFIRMED,
        Step.PACKAGED,
        Step.DRAFT_HANDED,
        Step.DRAFT_SENT,
        Step.PASSWORD_PASSED,
        Step.RECEIVED,
        Step.DECRYPTED,
        Step.EMAIL_DELETED,
        Step.PASSWORD_DELETED,
        Step.FILE_DELETED,
    ]
    with Journal() as journal:
        assert journal.verify().ok
        assert not [o for o in open_obligations(journal) if o.handoff_id == ref]


def test_referral_without_consent_is_refused_and_nothing_written():
    with pytest.raises(HandoffError) as caught:
        _send_referral()
    assert caught.value.code == "consent_required"
    assert _all_steps() == []
    assert list(_draft_settings().outbox.iterdir()) == []


def test_recipient_outside_the_protocol_is_refused_before_packing(tmp_path):
    with pytest.raises(HandoffError) as caught:
        _send_referral("iemand@gmail.com", consent_confirmed=True)
    assert caught.value.code == "recipient_not_allowed"
    assert REFERRAL in caught.value.message()
    assert _all_steps() == []
    assert list(_draft_settings().outbox.iterdir()) == []


def test_sheet_with_a_column_the_protocol_does_not_allow_is_not_packed(tmp_path):
    """Data minimisation (seed 001 art. 4): an extra column blocks the handoff."""
    sheet = write_sheet(
        tmp_path / "lijst.xlsx",
        [*KG_HEADERS, "Rijksregisternummer"],
        [[*kg_rows()[0], "85073003328"]],
    )
    before = sheet.read_bytes()
    s = _draft_settings()
    recipient = protocols.get(REFERRAL).recipients[0].id
    with pytest.raises(HandoffError) as caught:
        usecases.send(
            sheet, REFERRAL, recipient, consent_confirmed=True, channel=DraftChannel(s, None)
        )
    assert caught.value.code == "blocking_findings"
    assert _all_steps() == []
    assert list(s.outbox.iterdir()) == []
    assert sheet.read_bytes() == before, "the original is never modified"


def _smtp_settings(port: int, certdir: Path) -> settings.Settings:
    s = settings.load()
    s.mail = loopback_mail(port, certdir)
    return s


def test_list_over_smtp_with_password_by_sms_gateway(tmp_path, certdir):
    """Flow 2 (seed 003, steps 1–3): list e-mailed, password by SMS, OCMW decrypts (step 4)."""
    credentials.set_secret(credentials.SMTP, SMTP_PASSWORD)
    credentials.set_secret(credentials.SMS, TOKEN)
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    recipient = protocols.get(THUISPUNT).recipients[0]
    with smtp_server(certdir) as (port, inbox), sms_gateway() as gateway:
        s = _smtp_settings(port, certdir)
        s.sms = settings.SmsSettings("twilio", gateway.url, SID, "Thuispunt")
        s.directory = {protocols.get(THUISPUNT).password_channel.directory_key: "0499 12 34 56"}
        sent = usecases.send(
            sheet, THUISPUNT, recipient.id, password_via="sms", ctx=usecases.Context(settings=s)
        )
        ref = sent.packaged.handoff_id
        usecases.send_password_sms(
            ref, THUISPUNT, sent.packaged.password, ctx=usecases.Context(settings=s)
        )

    (_sender, rcpts, raw) = inbox.messages[0]
    assert rcpts == [recipient.address]
    archive = _attachment(raw, tmp_path)
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == sent.packaged.archive.sha256
    subject = email.message_from_bytes(raw, policy=policy.default)["Subject"]
    assert "Maes" not in subject and ref in subject
    assert sent.packaged.password.value not in raw.decode("latin-1")
    (sms_request,) = gateway.requests
    assert sent.packaged.password.value in sms_request["form"]["Body"]
    assert "Maes" not in sms_request["form"]["Body"]
    assert _steps(ref) == [Step.PACKAGED, Step.SENT, Step.PASSWORD_PASSED]

    with pytest.raises(HandoffError) as again:
        usecases.send_password_sms(
            ref, THUISPUNT, sent.packaged.password, ctx=usecases.Context(settings=s)
        )
    assert again.value.code == "password_already_passed"

    received = usecases.receive(archive, THUISPUNT, sent.packaged.password.value, s.secure_folder)
    assert received.due is not None  # seed 003: kept until a fixed date
    assert len(received.files) == 1 and received.files[0].suffix == ".xlsx"


def test_smtp_server_down_journals_delivery_failed_and_leaves_no_outbox_copy(tmp_path, certdir):
    credentials.set_secret(credentials.SMTP, SMTP_PASSWORD)
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    s = _smtp_settings(free_port(), certdir)
    channel = SmtpChannel(s.mail, timeout=3)
    with pytest.raises(HandoffError) as caught:
        usecases.send(
            sheet,
            THUISPUNT,
            protocols.get(THUISPUNT).recipients[0].id,
            channel=channel,
            ctx=usecases.Context(settings=s),
        )
    assert caught.value.code == "smtp_unreachable"
    assert _all_steps() == [Step.PACKAGED, Step.DELIVERY_FAILED]
    with Journal() as journal:
        (failed,) = journal.records(step=Step.DELIVERY_FAILED)
    assert failed.details["reason"] == "smtp_unreachable" and failed.details["channel"] == "smtp"
    assert list(s.outbox.glob("*.7z")) == []


def test_wrong_password_leaves_nothing_and_the_worker_can_retry(tmp_path):
    protocol = protocols.get(REFERRAL)
    sheet = workbook.sheet_from_fields(protocol, FORM)
    packaged = usecases.package(sheet, REFERRAL, tmp_path / "HO.7z", consent_confirmed=True)
    secure = tmp_path / "secure"
    secure.mkdir()
    before = len(_all_steps())
    with pytest.raises(HandoffError) as caught:
        usecases.receive(tmp_path / "HO.7z", REFERRAL, "not-the-password", secure)
    assert caught.value.code == "wrong_password"
    assert "not-the-password" not in caught.value.message()
    assert list(secure.iterdir()) == []
    assert len(_all_steps()) == before
    received = usecases.receive(tmp_path / "HO.7z", REFERRAL, packaged.password.value, secure)
    assert received.files[0].read_bytes() == sheet.data


def test_confirm_refuses_steps_that_are_not_user_confirmations():
    with pytest.raises(HandoffError) as caught:
        usecases.confirm("HO-20261123-ABCDEF", REFERRAL, Step.SENT)
    assert caught.value.code == "not_confirmable"
    assert _all_steps() == []


def test_sms_without_a_configured_number_says_what_to_do(tmp_path):
    protocol = protocols.get(THUISPUNT)
    s = settings.load()
    s.sms = settings.SmsSettings("twilio", "https://api.example.invalid", SID, "Thuispunt")
    credentials.set_secret(credentials.SMS, TOKEN)
    with pytest.raises(HandoffError) as caught:
        usecases.check_sms_ready(protocol, s)
    assert caught.value.code == "no_password_phone"
    assert _all_steps() == []


def test_password_for_an_archive_that_never_left_is_refused(tmp_path):
    protocol = protocols.get(REFERRAL)
    sheet = workbook.sheet_from_fields(protocol, FORM)
    packaged = usecases.package(sheet, REFERRAL, tmp_path / "HO.7z", consent_confirmed=True)
    with pytest.raises(HandoffError) as caught:
        usecases.confirm_password_passed(packaged.handoff_id, REFERRAL, "phone")
    assert caught.value.code == "archive_not_sent"
    assert packaged.password.value not in caught.value.message()
    assert Step.PASSWORD_PASSED not in _steps(packaged.handoff_id)


def test_password_typed_from_the_sms_in_lower_case_without_dashes_opens(tmp_path):
    protocol = protocols.get(REFERRAL)
    sheet = workbook.sheet_from_fields(protocol, FORM)
    packaged = usecases.package(sheet, REFERRAL, tmp_path / "HO.7z", consent_confirmed=True)
    typed = packaged.password.value.replace("-", " ").lower()
    received = usecases.receive(tmp_path / "HO.7z", REFERRAL, typed, tmp_path / "secure")
    assert received.files[0].read_bytes() == sheet.data


def test_cli_pack_and_unpack_are_journaled_and_unpack_closes_by_confirmation(tmp_path):
    """`handoff pack` records 'packaged', `handoff unpack` 'decrypted' (issue 4), no path kept."""
    import subprocess
    import sys

    source = tmp_path / "Janssens schulden.txt"
    source.write_text("vertrouwelijk")
    run = [sys.executable, "-m", "handoff"]
    packed = subprocess.run(
        [*run, "pack", str(source), "--output", str(tmp_path / "a.7z")],
        capture_output=True,
        text=True,
        check=True,
    )
    password = packed.stdout.strip()
    dest = tmp_path / "Map Janssens"
    subprocess.run(
        [*run, "unpack", str(tmp_path / "a.7z"), "--output", str(dest), "--password-stdin"],
        input=password + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert (dest / source.name).read_text() == "vertrouwelijk"
    with Journal() as journal:
        records = journal.records()
        assert [r.step for r in records] == [Step.PACKAGED, Step.RECEIVED, Step.DECRYPTED]
        assert "Janssens" not in journal_bytes(journal.path).decode("latin-1")
        ref = records[-1].handoff_id
        assert [o.handoff_id for o in open_obligations(journal)].count(ref) >= 1
    assert retention.run() == []  # a folder the user chose is never Handoff's to delete
    assert dest.exists()
    done = subprocess.run([*run, "confirm", ref, "file-deleted"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with Journal() as journal:
        assert not [
            o for o in open_obligations(journal) if o.handoff_id == ref and "file" in o.kind
        ]
        assert journal.verify().ok


# Issue 18 §3/§4 and issue 12 §4: the whole send, told truthfully.


def test_uncertain_smtp_delivery_keeps_the_archive_and_resend_sends_the_same_one(tmp_path, certdir):
    credentials.set_secret(credentials.SMTP, SMTP_PASSWORD)
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    recipient = protocols.get(THUISPUNT).recipients[0]
    with smtp_server(certdir, hostile="drop_after_data") as (port, first_inbox):
        s = _smtp_settings(port, certdir)
        settings.save(s)
        sent = usecases.send(sheet, THUISPUNT, recipient.id, ctx=usecases.Context(settings=s))
    ref = sent.packaged.handoff_id
    assert sent.delivery.uncertain and sent.kept == s.outbox / f"{ref}.7z"
    assert sent.packaged.password.value  # shown as for a delivered archive
    assert _steps(ref) == [Step.PACKAGED, Step.DELIVERY_UNCERTAIN]
    with Journal() as journal:
        assert "delivery_uncertain" in {o.kind for o in open_obligations(journal)}
    with smtp_server(certdir) as (port, inbox):
        s.mail.port = port
        delivery = usecases.resend(ref, ctx=usecases.Context(settings=s))
    assert delivery.step is Step.SENT
    (tmp_path / "first").mkdir()
    first = _attachment(first_inbox.messages[0][2], tmp_path / "first")
    again = _attachment(inbox.messages[0][2], tmp_path)
    assert again.read_bytes() == first.read_bytes()  # the same archive, the same password
    assert not sent.kept.exists()
    assert _steps(ref) == [Step.PACKAGED, Step.DELIVERY_UNCERTAIN, Step.SENT]
    with Journal() as journal:
        (resent,) = journal.records(handoff_id=ref, step=Step.SENT)
        assert resent.details["attempt"] == 2
        assert "delivery_uncertain" not in {o.kind for o in open_obligations(journal)}
    received = usecases.receive(again, THUISPUNT, sent.packaged.password.value, s.secure_folder)
    assert received.handoff_id == ref


def test_voiding_an_uncertain_archive_deletes_it_and_closes_its_obligations(tmp_path, certdir):
    credentials.set_secret(credentials.SMTP, SMTP_PASSWORD)
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    with smtp_server(certdir, hostile="silent_after_data") as (port, _inbox):
        s = _smtp_settings(port, certdir)
        channel = SmtpChannel(s.mail, timeout=1.5)
        sent = usecases.send(
            sheet,
            THUISPUNT,
            protocols.get(THUISPUNT).recipients[0].id,
            channel=channel,
            ctx=usecases.Context(settings=s),
        )
    ref = sent.packaged.handoff_id
    assert sent.delivery.uncertain and sent.kept.exists()
    record = usecases.void(ref, ctx=usecases.Context(settings=s))
    assert record.details["archive_removed"] is True
    assert not sent.kept.exists()
    with Journal() as journal:
        assert not [o for o in open_obligations(journal) if o.handoff_id == ref]
    with pytest.raises(HandoffError) as caught:
        usecases.resend(ref, ctx=usecases.Context(settings=s))
    assert caught.value.code == "nothing_to_resend"
    assert _steps(ref) == [Step.PACKAGED, Step.DELIVERY_UNCERTAIN, Step.ARCHIVE_VOIDED]


def test_sms_that_cannot_work_stops_the_send_before_anything_is_packed(tmp_path, certdir):
    credentials.set_secret(credentials.SMTP, SMTP_PASSWORD)
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    with smtp_server(certdir) as (port, inbox), sms_gateway() as gateway:
        s = _smtp_settings(port, certdir)
        s.sms = settings.SmsSettings("twilio", gateway.url, SID, "Thuispunt")
        s.directory = {protocols.get(THUISPUNT).password_channel.directory_key: "0499 12 34 56"}
        with pytest.raises(HandoffError) as caught:  # no SMS token stored
            usecases.send(
                sheet,
                THUISPUNT,
                protocols.get(THUISPUNT).recipients[0].id,
                password_via="sms",
                ctx=usecases.Context(settings=s),
            )
    assert caught.value.code == "sms_no_token"
    assert inbox.messages == [] and gateway.requests == []
    assert _all_steps() == [] and list(s.outbox.glob("*")) == []


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "handoff", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
    )


def test_cli_send_over_smtp_without_a_secret_stops_before_packing(tmp_path, certdir):
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    with smtp_server(certdir) as (port, inbox):
        settings.save(_smtp_settings(port, certdir))
        run = _cli("send", str(sheet), "--protocol", THUISPUNT, "--to", "ocmw-gent")
    assert run.returncode == 2
    assert (
        "de sleutelbos van uw bureaublad" in run.stderr
        and "weigert de aanmelding" not in run.stderr
    )
    assert inbox.messages == [] and _all_steps() == []


def test_cli_draft_stops_after_the_draft_and_the_password_waits_for_confirmation(tmp_path):
    protocol = protocols.get(THUISPUNT)
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    run = _cli(
        "send", str(sheet), "--protocol", THUISPUNT, "--to", protocol.recipients[0].id,
        "--via", "draft",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    ref, password = run.stdout.splitlines()  # the reference, then the password once
    assert len(password) == 19 and password not in run.stderr
    assert "pas door NADAT" in run.stderr and f"handoff confirm {ref} draft-sent" in run.stderr
    assert _steps(ref) == [Step.PACKAGED, Step.DRAFT_HANDED]
    early = _cli("password", ref, "--via", "phone")
    assert early.returncode == 2 and "bevestig dat u het verstuurde" in early.stderr
    assert _cli("confirm", ref, "draft-sent").returncode == 0
    assert _cli("password", ref, "--via", "phone").returncode == 0
    assert _steps(ref) == [
        Step.PACKAGED, Step.DRAFT_HANDED, Step.DRAFT_SENT, Step.PASSWORD_PASSED,
    ]  # fmt: skip


def test_sent_draft_leaves_the_outbox_after_the_grace_period_journaled(tmp_path):
    from datetime import UTC, datetime

    sent = _send_referral(consent_confirmed=True)
    ref, draft = sent.packaged.handoff_id, sent.delivery.location
    ctx = usecases.Context(settings=_draft_settings())
    usecases.confirm_draft_sent(ref)
    assert usecases.clear_sent_drafts(ctx) == [] and draft.exists()  # no password yet
    usecases.confirm_password_passed(ref, REFERRAL, "phone")
    assert usecases.clear_sent_drafts(ctx) == [] and draft.exists()  # within the grace period
    later = datetime.now(UTC) + usecases.sending.DRAFT_GRACE * 2
    assert usecases.clear_sent_drafts(ctx, now=later) == [ref]
    assert not draft.exists()
    assert _steps(ref)[-1] is Step.DRAFT_REMOVED


def test_the_retention_sweep_clears_a_sent_draft_not_only_the_next_send(tmp_path):
    from datetime import date, timedelta

    sent = _send_referral(consent_confirmed=True)
    ref, draft = sent.packaged.handoff_id, sent.delivery.location
    usecases.confirm_draft_sent(ref)
    usecases.confirm_password_passed(ref, REFERRAL, "phone")
    assert usecases.retention_run().drafts == [] and draft.exists()  # within the grace period
    swept = usecases.retention_run(today=date.today() + timedelta(days=3))
    assert swept.drafts == [ref] and not draft.exists()
    with Journal() as journal:
        [removed] = journal.records(handoff_id=ref, step=Step.DRAFT_REMOVED)
    assert removed.details == {"reason": "password_passed", "days": 2}


def _handed_draft(protocol_id: str) -> tuple[str, Path]:
    """A draft handed to the mail program and never confirmed sent, as the journal and outbox hold it."""
    from handoff.core.journal import new_handoff_id

    ref = new_handoff_id()
    with Journal() as journal:
        for step in (Step.PACKAGED, Step.DRAFT_HANDED):
            journal.append(step, handoff_id=ref, protocol_id=protocol_id, details={})
    outbox = settings.load().outbox
    outbox.mkdir(parents=True, exist_ok=True)
    draft = outbox / f"{ref}.eml"
    draft.write_bytes(b"X-Unsent: 1\r\n\r\n(archive attached)\r\n")
    return ref, draft


def test_an_unconfirmed_draft_leaves_the_outbox_at_the_protocols_retention():
    """Seed 004 art. 3 (Turnhout): "met een maximum van 1 jaar"; the sender's draft, with
    the archive in it, does not outlive that. A referral (until contact) has no date: it stays."""
    from datetime import date, timedelta

    ref, draft = _handed_draft("turnhout-social-supplement")
    kept_ref, kept = _handed_draft(REFERRAL)
    days = protocols.get("turnhout-social-supplement").retention.days
    assert usecases.retention_run(today=date.today() + timedelta(days=days - 1)).drafts == []
    assert draft.exists()
    swept = usecases.retention_run(today=date.today() + timedelta(days=days))
    assert swept.drafts == [ref] and not draft.exists() and kept.exists()
    with Journal() as journal:
        [removed] = journal.records(handoff_id=ref, step=Step.DRAFT_REMOVED)
        assert journal.records(handoff_id=kept_ref, step=Step.DRAFT_REMOVED) == []
    assert removed.details == {"reason": "retention", "days": days}


def test_protocol_past_its_fixed_date_refuses_packing_and_decrypting(tmp_path):
    """Issue 13 §10, seed 003 art. 3 "tot uiterlijk 27/09/2024": refused before anything exists."""
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    with Journal() as journal:
        ctx = usecases.Context(journal)
        with pytest.raises(HandoffError) as caught:
            usecases.package(sheet, "thuispunt-gent-cir", tmp_path / "a.7z", ctx=ctx)
        assert caught.value.code == "protocol_expired"
        assert "27/09/2024" in str(caught.value) and "DPO" in str(caught.value)
        assert not (tmp_path / "a.7z").exists()
        packed = usecases.package(sheet, THUISPUNT, tmp_path / "b.7z", ctx=ctx)
        with pytest.raises(HandoffError) as caught:
            usecases.receive(
                packed.archive.path,
                "thuispunt-gent-cir",
                packed.password.value,
                tmp_path / "secure",
                ctx=ctx,
            )
        assert caught.value.code == "protocol_expired"
        assert [r.step for r in journal.records()] == [Step.PACKAGED]
        assert not (tmp_path / "secure").exists()


def test_fixed_date_falling_today_is_already_too_late():
    """A file due today would be deleted at the next clean-up: refused as well."""
    from datetime import date

    shipped = protocols.get("thuispunt-gent-cir")
    protocols.require_in_force(shipped, today=date(2024, 9, 26))
    with pytest.raises(HandoffError):
        protocols.require_in_force(shipped, today=date(2024, 9, 27))


def test_the_same_archive_received_twice_points_at_the_first_copy(tmp_path):
    """Issue 13 §11: no silent second copy; 'al ontvangen op … (HO-…)' and the copy's folder."""
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    secure = tmp_path / "secure"
    with Journal() as journal:
        ctx = usecases.Context(journal)
        packed = usecases.package(sheet, THUISPUNT, tmp_path / "a.7z", ctx=ctx)
        first = usecases.receive(
            packed.archive.path, THUISPUNT, packed.password.value, secure, ctx=ctx
        )
        before = journal.count()
        with pytest.raises(HandoffError) as caught:
            usecases.receive(packed.archive.path, THUISPUNT, packed.password.value, secure, ctx=ctx)
        assert caught.value.code == "already_received"
        assert first.handoff_id in str(caught.value) and "al ontvangen op" in str(caught.value)
        assert caught.value.params["folder"] == str(first.folder)
        assert journal.count() == before
        assert [p.name for p in secure.iterdir()] == [first.folder.name]
        retention.delete_now(first.handoff_id, journal=journal)
        again = usecases.receive(
            packed.archive.path, THUISPUNT, packed.password.value, secure, ctx=ctx
        )  # the first copy is gone: a fresh, journaled copy
        assert again.files[0].exists()


def test_open_items_are_closed_later_through_their_actions(tmp_path):
    """Issue 13 §9: every open item of a receipt closes by its action, journaled, any time later."""
    sheet = write_sheet(tmp_path / "ref.xlsx", KG_HEADERS, kg_rows())
    secure = tmp_path / "secure"
    with Journal() as journal:
        ctx = usecases.Context(journal)
        packed = usecases.package(
            sheet, REFERRAL, tmp_path / "a.7z", consent_confirmed=True, ctx=ctx
        )
        got = usecases.receive(
            packed.archive.path, REFERRAL, packed.password.value, secure, ctx=ctx
        )
    with Journal() as journal:  # a restart: only the journal remembers
        ctx = usecases.Context(journal)
        mine = [o for o in open_obligations(journal) if o.handoff_id == got.handoff_id]
        assert {o.kind: o.actions for o in mine} == {
            "file_until_contact": ("delete_after_contact",),  # seeds 001/002 art. 3
            "email_not_deleted": ("confirm_email_deleted",),
            "password_not_deleted": ("confirm_password_deleted",),
        }
        for item in mine:
            (action,) = item.actions
            usecases.act(item.handoff_id, action, ctx=ctx)
        assert [o for o in open_obligations(journal) if o.handoff_id == got.handoff_id] == []
        (deleted,) = journal.records(handoff_id=got.handoff_id, step=Step.FILE_DELETED)
        assert deleted.details["reason"] == "early" and deleted.details["count"] == 1
        assert not got.folder.exists()
        with pytest.raises(HandoffError) as caught:
            usecases.act(got.handoff_id, "delete_now", ctx=ctx)
        assert caught.value.code == "nothing_stored"
        with pytest.raises(HandoffError):
            usecases.act(got.handoff_id, "launch_rockets", ctx=ctx)
