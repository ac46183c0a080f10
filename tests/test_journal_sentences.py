"""Issue 13 §12: a record's details read as a short sentence, in the reader's language."""

from __future__ import annotations

from datetime import date

import pytest

from handoff.core.journal import Journal, Step
from handoff.core.journal.sentences import STEP_NAMES, Sentences, day_text, size_text, step_name

SHA = "ab" * 32
HID = "HO-20261127-7KQ2M9"


def _record(step: Step, details: dict, protocol: str | None = "thuispunt-gent-cir"):
    with Journal() as journal:
        return journal.append(step, handoff_id=HID, protocol_id=protocol, details=details)


def test_packaged_names_rows_columns_archive_and_password_strength():
    record = _record(
        Step.PACKAGED,
        {
            "rows": 40,
            "columns": ["last_name", "first_name", "national_number"],
            "archive_sha256": SHA,
            "archive_size": 4096,
            "password_bits": 80,
        },
    )
    nl = Sentences(lang="nl").details(record)
    assert nl == (
        "40 rijen, 3 kolommen: Naam, Voornaam, Rijksregisternummer; archief 4 KB; "
        "wachtwoord 80 bits"
    )
    en = Sentences(lang="en").details(record)
    assert en.startswith("40 rows, 3 columns: Name, First name, National register number")
    assert SHA not in nl  # hashes are for the auditors' columns


def test_one_is_singular():
    record = _record(Step.PACKAGED, {"rows": 1, "columns": ["last_name"]})
    assert Sentences(lang="nl").details(record) == "1 rij, 1 kolom: Naam"


def test_stored_and_deleted_give_dates_as_dd_mm_yyyy():
    stored = _record(
        Step.DECRYPTED,
        {
            "destination": "secure_folder",
            "folder": f"/srv/beveiligd/{HID}",
            "files": [{"sha256": SHA, "size": 10}],
            "count": 1,
            "due": "2026-12-12",
            "reminder": "2026-12-09",
            "retention": "fixed_date",
        },
    )
    text = Sentences(lang="nl").details(stored)
    assert text == (
        "1 bestand in de beveiligde map; bewaren tot uiterlijk 12/12/2026; herinnering op 09/12/2026"
    )
    assert "/srv" not in text
    deleted = _record(
        Step.FILE_DELETED,
        {"by": "retention", "count": 2, "volume_encrypted": "no", "reason": "due", "left": 1},
    )
    assert Sentences(lang="nl").details(deleted) == (
        "2 bestanden verwijderd door de bewaartermijn; 1 niet door Handoff bewaard, blijven "
        "staan; schijf versleuteld: nee"
    )


def test_password_names_channel_role_and_masked_phone():
    record = _record(
        Step.PASSWORD_PASSED,
        {"channel": "sms", "role": "verantwoordelijke medewerker", "phone": "0477 95 06 76",
         "provider": "cm"},
    )  # fmt: skip
    assert Sentences(lang="nl").details(record) == (
        "via sms aan verantwoordelijke medewerker (+32 4•• •• •• 76); sms-dienst CM"
    )


def test_every_step_has_a_name_in_both_languages_and_unknown_keys_stay_visible():
    assert set(STEP_NAMES) == {s.value for s in Step}
    assert step_name("file_deleted", "nl") == "Bestanden verwijderd"
    record = _record(Step.EMAIL_DELETED, {"confirmed_by": "user"})
    assert Sentences(lang="en").details(record) == "confirmed by the user"
    assert Sentences(lang="nl").protocol("thuispunt-gent-cir").startswith("Thuispunt Gent")
    assert Sentences(lang="nl").protocol("weg-protocol") == "weg-protocol"


@pytest.mark.parametrize(("size", "shown"), [(812, "812 B"), (4096, "4 KB"), (3 << 20, "3.0 MB")])
def test_sizes_read_as_people_say_them(size, shown):
    assert size_text(size) == shown


def test_day_text():
    assert day_text(date(2026, 12, 12)) == "12/12/2026" == day_text("2026-12-12")
    assert day_text(None) == ""
