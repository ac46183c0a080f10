"""Whole handoffs with known personal data: not one value reaches the journal's bytes.

The journal file and its -wal are read while the journal is open (before the
WAL is folded in) and searched for every name, national number (in every
written form), address, phone number, e-mail address, password and the
data-bearing file names used.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from sheets import (
    KG_HEADERS,
    LIEVEGEM_HEADERS,
    THUISPUNT_HEADERS,
    THUISPUNT_RENEWED,
    kg_rows,
    lievegem_rows,
    thuispunt_rows,
    write_sheet,
)

from handoff import usecases
from handoff.channels.phone import confirmation
from handoff.core import retention
from handoff.core.journal import Journal, Step
from handoff.usecases import sealing
from tests.journal_bytes import journal_bytes

pytestmark = pytest.mark.usefixtures("thuispunt")  # seed 003 renewed (issue 13 §10)


def _forms(value: object) -> set[bytes]:
    """The value as written, and its bare digits when it is a number of some kind."""
    text = str(value).strip()
    forms = {text.encode()} if len(text) >= 3 else set()
    digits = re.sub(r"\D", "", text)
    if len(digits) >= 8:
        forms |= {digits.encode(), digits[1:].encode()}  # 0470... and 470... (after +32)
    return forms


def _personal_values(*row_sets: list[list[object]]) -> set[bytes]:
    found: set[bytes] = set()
    for rows in row_sets:
        for row in rows:
            for cell in row:
                if cell is not None and not hasattr(cell, "year"):
                    found |= _forms(cell)
    return found


def _journal_bytes(journal: Journal) -> bytes:
    return journal_bytes(journal.path)


def test_full_flows_leave_no_personal_data_in_the_journal(tmp_path):
    work, secure = tmp_path / "work", tmp_path / "secure"
    work.mkdir()
    secure.mkdir()
    # File names carrying personal data, as workers do name them.
    thuispunt = write_sheet(
        work / "Maes Tom en Wouters Lien.xlsx", THUISPUNT_HEADERS, thuispunt_rows()
    )
    referral = write_sheet(work / "Sara Claes.xlsx", KG_HEADERS, kg_rows())
    debtors = write_sheet(work / "debiteuren Peeters.xlsx", LIEVEGEM_HEADERS, lievegem_rows())
    client_phone = "0470 12 34 56"
    secrets: set[bytes] = set()
    with Journal() as journal:
        # Seed 003, steps 1-5: encrypt, mail, password by SMS, decrypt and store, delete.
        sent = usecases.package(
            thuispunt, THUISPUNT_RENEWED, work / "a.7z", ctx=usecases.Context(journal)
        )
        secrets.add(sent.password.value.encode())
        told = confirmation("verantwoordelijke OCMW Gent-medewerker", "sms", client_phone)
        journal.append(
            told.step,
            handoff_id=sent.handoff_id,
            protocol_id=THUISPUNT_RENEWED,
            details=told.details,
        )
        got = usecases.receive(
            work / "a.7z",
            THUISPUNT_RENEWED,
            sent.password.value,
            secure,
            today=date(2024, 9, 1),
            ctx=usecases.Context(journal=journal),
        )
        for step in (Step.EMAIL_DELETED, Step.PASSWORD_DELETED):
            usecases.confirm(got.handoff_id, THUISPUNT_RENEWED, step, journal=journal)
        assert [d.deleted for d in retention.run(journal, today=date(2099, 9, 27))] == [1]
        # Seeds 001/002: a referral after the client's consent.
        ref = usecases.package(
            referral,
            "kg-ocmw-referral",
            work / "b.7z",
            consent_confirmed=True,
            ctx=usecases.Context(journal),
        )
        secrets.add(ref.password.value.encode())
        # Seed 000 art. 8 c: sealed for the financial director.
        sealed = sealing.seal(debtors, "lievegem-debtors", "financieel directeur", journal=journal)
        secrets.add(sealed.password.value.encode())
        sealing.confirm_custodian(sealed.handoff_id, journal=journal)

        stored = _journal_bytes(journal)
        assert journal.verify().ok and journal.count() >= 10
        steps = {r.step for r in journal.records()}
        assert {
            Step.PACKAGED,
            Step.PASSWORD_PASSED,
            Step.RECEIVED,
            Step.DECRYPTED,
            Step.FILE_DELETED,
            Step.SEALED,
            Step.CUSTODIAN_CONFIRMED,
        } <= steps
        assert "+32 4•• •• •• 56" in str(
            [r.details for r in journal.records(step=Step.PASSWORD_PASSED)]
        )

    personal = _personal_values(thuispunt_rows(), kg_rows(), lievegem_rows())
    personal |= _forms(client_phone) | {b"Maes Tom", b"Sara Claes", b"Peeters"}
    assert len(personal) > 30
    # Raw bytes: every value of four or more characters, wherever it might hide.
    # Shorter ones ("Tom", "Els") can match stray bytes of SQLite's binary pages
    # by chance, so they are searched as whole words in every record's text.
    leaked = sorted(v for v in personal | secrets if len(v) >= 4 and v in stored)
    assert leaked == []
    with Journal() as journal:
        text = " ".join(
            f"{r.account} {r.machine} {r.handoff_id} {json.dumps(r.details, ensure_ascii=False)}"
            for r in journal.records()
        )
    words = set(re.findall(r"[\w.+@-]+", text))
    assert sorted(v.decode() for v in personal if v.decode() in words) == []
