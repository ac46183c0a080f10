"""Open obligations: what is still to do, most urgent (overdue) first."""

from __future__ import annotations

from datetime import date, timedelta

from handoff.core.journal import Journal, Step, new_handoff_id
from handoff.core.journal.obligations import open_obligations

TODAY = date(2025, 3, 10)
SHA = "12" * 32


def add(journal, step, hid, **details):
    journal.append(step, handoff_id=hid, protocol_id="thuispunt-gent-cir", details=details)


def decrypted(journal, hid, due):
    add(
        journal,
        Step.DECRYPTED,
        hid,
        folder=f"/srv/secure/{hid}",
        files=[{"sha256": SHA, "size": 1}],
        count=1,
        due=due.isoformat() if due else None,
        reminder=None,
        retention="fixed_date" if due else "until_contact",
    )


def kinds(journal):
    return [(o.kind, o.handoff_id) for o in open_obligations(journal, TODAY)]


def test_each_obligation_opens_and_closes():
    with Journal() as journal:
        sent, received, sealed, stored = (new_handoff_id() for _ in range(4))
        add(journal, Step.PACKAGED, sent, rows=1)
        add(journal, Step.SENT, sent, channel="smtp", recipient="ocmw@gent.be")
        add(journal, Step.RECEIVED, received, archive_sha256=SHA, encrypted=True)
        add(
            journal,
            Step.SEALED,
            sealed,
            file_sha256=SHA,
            archive_sha256=SHA,
            custodian="financieel directeur",
            plaintext_removed=True,
        )
        decrypted(journal, stored, TODAY + timedelta(days=30))
        assert sorted(kinds(journal)) == sorted(
            [
                ("password_not_passed", sent),
                ("email_not_deleted", received),
                ("password_not_deleted", received),
                ("custodian_not_confirmed", sealed),
                ("file_not_deleted", stored),
            ]
        )
        add(journal, Step.PASSWORD_PASSED, sent, channel="sms", phone="0477950676")
        add(journal, Step.EMAIL_DELETED, received, confirmed_by="user")
        add(journal, Step.PASSWORD_DELETED, received, confirmed_by="user")
        add(journal, Step.CUSTODIAN_CONFIRMED, sealed, confirmed_by="user")
        add(journal, Step.FILE_DELETED, stored, by="retention", count=1, volume_encrypted="unknown")
        assert kinds(journal) == []


def test_overdue_files_come_first_and_oldest_due_first():
    with Journal() as journal:
        sent, later, earlier = (new_handoff_id() for _ in range(3))
        add(journal, Step.SENT, sent, channel="smtp")
        decrypted(journal, later, TODAY - timedelta(days=1))
        decrypted(journal, earlier, TODAY - timedelta(days=20))
        found = open_obligations(journal, TODAY)
        assert [(o.kind, o.handoff_id) for o in found] == [
            ("file_overdue", earlier),
            ("file_overdue", later),
            ("password_not_passed", sent),
        ]
        assert found[0].overdue and "ontvangen" in found[0].message("nl").lower()
        assert (TODAY - timedelta(days=20)).strftime("%d/%m/%Y") in found[0].message("en")


def test_sftp_receipt_has_no_email_and_plain_archive_no_password():
    with Journal() as journal:
        sftp, plain = new_handoff_id(), new_handoff_id()
        add(journal, Step.RECEIVED, sftp, channel="sftp", encrypted=True)
        add(journal, Step.RECEIVED, plain, channel="email", encrypted=False)
        assert sorted(kinds(journal)) == sorted(
            [("password_not_deleted", sftp), ("email_not_deleted", plain)]
        )


def test_a_second_decryption_after_deletion_reopens_it():
    with Journal() as journal:
        hid = new_handoff_id()
        decrypted(journal, hid, TODAY + timedelta(days=1))
        add(journal, Step.FILE_DELETED, hid, by="retention", count=1, volume_encrypted="no")
        assert kinds(journal) == []
        decrypted(journal, hid, TODAY + timedelta(days=1))
        assert kinds(journal) == [("file_not_deleted", hid)]


def test_until_contact_shows_its_reminder_once_reached():
    # Seeds 001/002 art. 3: kept until contact was made; Handoff only reminds.
    with Journal() as journal:
        hid = new_handoff_id()
        add(
            journal,
            Step.DECRYPTED,
            hid,
            folder=f"/srv/secure/{hid}",
            files=[],
            count=0,
            due=None,
            reminder=(TODAY + timedelta(days=2)).isoformat(),
            retention="until_contact",
        )
        assert kinds(journal) == [("file_until_contact", hid)]
        later = open_obligations(journal, TODAY + timedelta(days=2))
        assert [(o.kind, o.reminder) for o in later] == [
            ("contact_reminder", TODAY + timedelta(days=2))
        ]


def test_each_item_says_who_acts_by_when_and_how_never_a_dash():
    """Issue 13 §9: 'uiterlijk 12/12/2026', the account and its side, and an action."""
    with Journal() as journal:
        stored, contact, received, sent = (new_handoff_id() for _ in range(4))
        decrypted(journal, stored, date(2026, 12, 12))
        decrypted(journal, contact, None)
        add(journal, Step.RECEIVED, received, archive_sha256=SHA, encrypted=True)
        add(journal, Step.SENT, sent, channel="smtp")
        found = {(o.kind, o.handoff_id): o for o in open_obligations(journal, TODAY)}
    due = found[("file_not_deleted", stored)]
    assert due.when("nl") == "uiterlijk 12/12/2026" and "12/12/2026" in due.message("nl")
    assert due.who("nl").endswith("(ontvanger)") and due.account in due.who("nl")
    assert due.actions == ("delete_now",)
    until = found[("file_until_contact", contact)]
    assert until.when("nl") == "na contact" and until.actions == ("delete_after_contact",)
    assert found[("email_not_deleted", received)].actions == ("confirm_email_deleted",)
    assert found[("email_not_deleted", received)].when("nl") == "zo snel mogelijk"
    passed = found[("password_not_passed", sent)]
    assert passed.who("en").endswith("(sender)") and passed.actions == ("void",)
    for item in found.values():
        for lang in ("nl", "en"):
            for text in (item.message(lang), item.when(lang), item.who(lang)):
                assert "-)" not in text and "None" not in text and "{" not in text
