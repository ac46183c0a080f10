"""Manual password passing: recorded only from the user's confirmation, phone masked."""

from __future__ import annotations

import pytest

from handoff.channels import phone
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.journal.details import clean_details

ROLE = Text("functionaris gegevensbescherming", "data protection officer")


@pytest.mark.parametrize("via", ["phone", "sms"])
def test_confirmation_gives_a_journal_ready_delivery(via):
    delivery = phone.confirmation(ROLE, via, "0477 95 06 76")
    assert delivery.step is Step.PASSWORD_PASSED
    assert delivery.details == {
        "channel": via,
        "role": "functionaris gegevensbescherming",
        "provider": "manual",
        "phone": "+32 4•• •• •• 76",
    }
    assert clean_details(delivery.step, delivery.details) == delivery.details


def test_without_phone_number_nothing_about_a_number_is_kept():
    delivery = phone.confirmation("financieel directeur", "phone")
    assert "phone" not in delivery.details


def test_unknown_way_is_refused():
    with pytest.raises(HandoffError) as caught:
        phone.confirmation(ROLE, "pigeon")  # type: ignore[arg-type]
    assert caught.value.code == "unknown_password_channel"


def test_summary_says_what_is_confirmed_in_both_languages():
    text = phone.summary(ROLE, "phone")
    assert (
        text.nl
        == "Ik heb het wachtwoord telefonisch doorgegeven aan functionaris gegevensbescherming."
    )
    assert "by phone to data protection officer" in text.en
