"""Issue 13, sender items 3 and 8: no handoff to a placeholder mailbox, and an e-mail
that says how to open the archive.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from handoff import usecases
from handoff.channels import email_message
from handoff.core import paths, protocols, settings
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal
from tests.sheets import THUISPUNT_HEADERS, thuispunt_rows, write_sheet

SHIPPED_THUISPUNT = "thuispunt-gent-cir"


def _nothing_left() -> bool:
    outbox = settings.load().outbox
    with Journal() as journal:
        records = list(journal.records())
    return records == [] and (not outbox.exists() or not any(outbox.iterdir()))


def test_placeholder_mailbox_is_recognised_only_for_invalid_domains():
    shipped = protocols.get(SHIPPED_THUISPUNT).recipients[0]
    assert shipped.placeholder  # seed 003 names no mailbox: "….invalid"
    referral = protocols.get("kg-ocmw-referral").recipients[0]
    assert not referral.placeholder
    sftp = protocols.Recipient("x", shipped.label, "sftp", "sftp://host.invalid:22/in")
    assert sftp.placeholder
    assert not protocols.Recipient("y", shipped.label, "email", "a@invalid.be").placeholder


def test_send_to_a_placeholder_mailbox_is_refused_before_packing(tmp_path):
    """Issue 13 item 3: Thuispunt's shipped recipient cannot be chosen; nothing is left."""
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    with pytest.raises(HandoffError) as caught:
        usecases.send(sheet, SHIPPED_THUISPUNT, "ocmw-gent", via="draft", open_draft=False)
    assert caught.value.code == "recipient_placeholder"
    assert "vraag uw DPO" in caught.value.message("nl")
    assert _nothing_left()


def test_cli_send_to_a_placeholder_mailbox_is_refused_in_words(tmp_path):
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "handoff",
            "send",
            str(sheet),
            "--protocol",
            SHIPPED_THUISPUNT,
            "--to",
            "ocmw-gent",
            "--via",
            "draft",
        ],
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
    )
    assert run.returncode != 0 and run.stdout == ""  # no reference, no password
    assert "geen mailbox" in run.stderr and "recipient_placeholder" not in run.stderr
    assert _nothing_left()
    assert not list(paths.data_dir().rglob("*.7z"))


def test_the_organisation_profile_with_a_real_mailbox_can_be_sent(tmp_path, thuispunt):
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    sent = usecases.send(sheet, thuispunt, "ocmw-gent", via="draft", open_draft=False)
    assert sent.delivery.location.exists()


def test_mail_body_says_to_open_it_with_handoff_not_explorer():
    """Issue 13 item 8: the receiver learns which program opens the archive."""
    text = email_message.body(protocols.get("kg-ocmw-referral"), "HO-20261127-ABCDEFGH")
    assert "Open het bestand met Handoff (of met 7-Zip)" in text
    assert "Windows Verkenner kan het niet openen" in text
    assert "Windows Explorer cannot open it" in text
    assert "zoals het protocol het voorschrijft" in text
