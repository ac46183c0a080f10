"""The .eml draft and the message itself: right recipient, no personal data, intact attachment."""

from __future__ import annotations

import hashlib
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from handoff.channels.email_draft import DraftChannel
from handoff.channels.mail_programs import Draft, HandOver
from handoff.core import settings
from handoff.core.errors import HandoffError
from handoff.core.journal import Step
from handoff.core.journal.details import clean_details
from handoff.core.protocols import Recipient
from tests.servers import sample


def _parse(path: Path):
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def test_draft_is_unsent_eml_to_the_protocol_mailbox_with_intact_attachment(tmp_path):
    archive = sample.archive(tmp_path)
    opened: list[Draft] = []

    def opener(draft: Draft) -> HandOver:
        opened.append(draft)
        return HandOver("mapi", opened=True)

    s = settings.Settings()
    s.mail.sender = "sociaal@turnhout.be"
    protocol = sample.protocol()
    delivery = DraftChannel(s, opener=opener).deliver(
        archive, protocol.recipient("opgroeien-mail"), protocol, sample.HANDOFF_ID
    )
    draft = s.outbox / f"{sample.HANDOFF_ID}.eml"
    assert [d.eml for d in opened] == [draft] and delivery.location == draft
    # MAPI and COM get the parts: the archive itself, the protocol mailbox, subject and body.
    assert opened[0].attachment == archive and opened[0].to == sample.MAILBOX
    assert opened[0].subject and opened[0].body
    assert delivery.details["method"] == "mapi" and delivery.details["opened"] is True
    message = _parse(draft)
    assert message["X-Unsent"] == "1"
    assert message["To"] == sample.MAILBOX
    assert message["From"] == "sociaal@turnhout.be"
    (part,) = list(message.iter_attachments())
    assert part.get_content_type() == "application/x-7z-compressed"
    assert part.get_filename() == f"{sample.HANDOFF_ID}.7z"
    digest = hashlib.sha256(part.get_content()).hexdigest()
    assert digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert delivery.step is Step.DRAFT_HANDED
    assert clean_details(delivery.step, delivery.details) == delivery.details
    assert delivery.details["message_id"] == message["Message-ID"]


def test_subject_and_body_carry_no_personal_data_and_say_password_comes_separately(tmp_path):
    archive = sample.archive(tmp_path)
    s = settings.Settings()
    protocol = sample.protocol()
    DraftChannel(s, opener=None).deliver(
        archive, protocol.recipient(sample.MAILBOX), protocol, sample.HANDOFF_ID
    )
    raw = (s.outbox / f"{sample.HANDOFF_ID}.eml").read_bytes()
    assert b"Janssens" not in raw  # the worker's file name never leaves
    message = _parse(s.outbox / f"{sample.HANDOFF_ID}.eml")
    body = message.get_body(("plain",)).get_content()
    assert body.index("ander kanaal") < body.index("another channel")  # Dutch first
    assert sample.HANDOFF_ID in message["Subject"]
    assert "Sociale toeslag Turnhout" in message["Subject"]


def test_address_not_in_protocol_is_refused_and_nothing_written(tmp_path):
    archive = sample.archive(tmp_path)
    s = settings.Settings()
    protocol = sample.protocol()
    forged = Recipient("opgroeien-mail", protocol.recipients[0].label, "email", "evil@example.com")
    with pytest.raises(HandoffError) as caught:
        DraftChannel(s, opener=None).deliver(archive, forged, protocol, sample.HANDOFF_ID)
    assert caught.value.code == "recipient_mismatch"
    assert protocol.id in caught.value.message()
    stranger = Recipient("other", protocol.recipients[0].label, "email", "x@example.com")
    with pytest.raises(HandoffError) as caught:
        DraftChannel(s, opener=None).deliver(archive, stranger, protocol, sample.HANDOFF_ID)
    assert caught.value.code == "recipient_not_allowed"
    assert list(s.outbox.iterdir()) == []


def test_sftp_recipient_cannot_go_by_mail(tmp_path):
    protocol = sample.protocol()
    with pytest.raises(HandoffError) as caught:
        DraftChannel(settings.Settings(), opener=None).deliver(
            sample.archive(tmp_path), protocol.recipients[1], protocol, sample.HANDOFF_ID
        )
    assert caught.value.code == "wrong_recipient_kind"


def test_existing_draft_is_not_overwritten(tmp_path):
    s = settings.Settings()
    protocol = sample.protocol()
    target = s.outbox / f"{sample.HANDOFF_ID}.eml"
    target.write_bytes(b"earlier")
    with pytest.raises(HandoffError) as caught:
        DraftChannel(s, opener=None).deliver(
            sample.archive(tmp_path), protocol.recipients[0], protocol, sample.HANDOFF_ID
        )
    assert caught.value.code == "draft_exists"
    assert target.read_bytes() == b"earlier"


def test_mail_program_that_does_not_start_still_leaves_the_draft(tmp_path):
    """No mail program (a server, a broken association) is not a failed handoff."""

    def broken(draft: Draft) -> HandOver:
        raise FileNotFoundError("xdg-open")

    s = settings.Settings()
    protocol = sample.protocol()
    delivery = DraftChannel(s, opener=broken).deliver(
        sample.archive(tmp_path), protocol.recipients[0], protocol, sample.HANDOFF_ID
    )
    assert delivery.details["opened"] is False and delivery.details["method"] == "none"
    assert delivery.location.parent == s.outbox and delivery.location.exists()
    assert clean_details(delivery.step, delivery.details) == delivery.details


def test_handoff_id_that_could_inject_headers_or_paths_is_refused(tmp_path):
    protocol = sample.protocol()
    with pytest.raises(HandoffError) as caught:
        DraftChannel(settings.Settings(), opener=None).deliver(
            sample.archive(tmp_path), protocol.recipients[0], protocol, "../x\r\nBcc: a@b.c"
        )
    assert caught.value.code == "invalid_handoff_id"
