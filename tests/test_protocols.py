"""Protocol profiles: the four shipped ones, user profiles, problems, the CLI listing."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from handoff.cli import main
from handoff.core import paths, protocols
from handoff.core.errors import HandoffError

SHIPPED = (
    "kg-ocmw-referral",
    "thuispunt-gent-cir",
    "turnhout-social-supplement",
    "lievegem-debtors",
)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_the_four_shipped_profiles_load_without_problems():
    found, problems = protocols.load_all()
    assert problems == []
    assert set(SHIPPED) <= set(found)
    for protocol_id in SHIPPED:
        protocol = found[protocol_id]
        assert protocol.title.nl and protocol.title.en and protocol.title.nl != protocol.title.en
        assert protocol.publication_url.startswith("https://")
        assert protocol.article and protocol.parties


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds live next to the working tree")
def test_each_profile_names_an_existing_seed_and_its_publication_link():
    for protocol_id in SHIPPED:
        protocol = protocols.get(protocol_id)
        text = (SEEDS / protocol.seed).read_text(encoding="utf-8")
        host = protocol.publication_url.split("/")[2].removeprefix("www.")
        assert host.split(".")[0] in text.lower()


def test_referral_profile_seed_001():
    p = protocols.get("kg-ocmw-referral")
    # Art. 3: first name, name, address, phone, e-mail, and nothing more.
    assert [c.key for c in p.columns] == ["first_name", "last_name", "address", "phone", "email"]
    # Art. 6: the fixed mailbox.
    assert p.recipient("socialedienst@kluisbergen.be").kind == "email"
    assert p.consent_required and p.sheet_from_form
    assert p.retention.kind == "until_contact"
    assert p.retention.due_date(dt.date(2025, 1, 1)) is None
    assert p.retention.reminder_date(dt.date(2025, 1, 1)) == dt.date(2025, 1, 31)


def test_thuispunt_profile_seed_003_fixed_date():
    p = protocols.get("thuispunt-gent-cir")
    assert p.password_channel.kind == "sms"
    assert "OCMW" in p.password_channel.role.nl
    # Art. 3: "tot uiterlijk 27/09/2024".
    assert p.retention.due_date(dt.date(2024, 9, 20)) == dt.date(2024, 9, 27)
    assert p.retention.reminder_date(dt.date(2024, 9, 20)) == dt.date(2024, 9, 24)
    assert "27/09/2024" in p.retention.describe().nl


def test_turnhout_profile_seed_004():
    p = protocols.get("turnhout-social-supplement")
    assert [c.key for c in p.columns] == ["child_insz"]
    assert [c.key for c in p.answer_columns] == ["entitled", "beneficiary_1", "beneficiary_2"]
    assert p.recipient("groeipakket@kindengezin.be").kind == "email"
    assert p.recipient("opgroeien-sftp").address.startswith("sftp://")
    # C2: the request goes to Opgroeien; Opgroeien "mailt het resultaat" to a named person.
    assert [r.id for r in p.recipients_for(answer=True)] == ["turnhout-answer"]
    assert "turnhout-answer" not in [r.id for r in p.recipients_for(answer=False)]
    # Art. 3: "met een maximum van 1 jaar".
    assert p.retention.due_date(dt.date(2025, 1, 1)) == dt.date(2026, 1, 1)
    assert "365" in p.retention.describe().en


def test_lievegem_profile_seed_000():
    p = protocols.get("lievegem-debtors")
    assert [c.key for c in p.columns] == [
        "first_name",
        "last_name",
        "national_number",
        "address",
        "dossier_number",
    ]
    assert p.password_channel.kind == "custodian"
    assert "financieel directeur" in p.password_channel.role.nl
    assert p.recipients == ()  # punt 4 a: no third recipients; nothing is sent


def test_recipient_not_in_protocol_is_refused():
    p = protocols.get("kg-ocmw-referral")
    with pytest.raises(HandoffError) as caught:
        p.recipient("someone@gmail.com")
    assert caught.value.code == "recipient_not_allowed"
    assert "Wat te doen" in caught.value.message("nl")
    assert "What to do" in caught.value.message("en")


def test_unknown_protocol():
    with pytest.raises(HandoffError) as caught:
        protocols.get("nope")
    assert caught.value.code == "unknown_protocol"
    assert "niet gebruikt" not in caught.value.message()  # nothing was refused


def test_retention_kinds_compute_their_dates():
    received = dt.date(2025, 3, 1)
    assert protocols.Retention("days", days=10).due_date(received) == dt.date(2025, 3, 11)
    assert protocols.Retention("days", days=10).reminder_date(received) is None
    assert protocols.Retention("at_most_days", days=10, reminder_days=3).reminder_date(
        received
    ) == dt.date(2025, 3, 8)
    # A reminder never falls before the day of receipt.
    assert (
        protocols.Retention("at_most_days", days=2, reminder_days=30).reminder_date(received)
        == received
    )


def _user_profile(name: str, text: str) -> Path:
    path = paths.user_protocols_dir() / name
    path.write_text(text, encoding="utf-8")
    return path


def _valid_user_profile(protocol_id: str) -> str:
    shipped = (protocols.shipped_dir() / "kg-ocmw-referral.toml").read_text(encoding="utf-8")
    return shipped.replace('id = "kg-ocmw-referral"', f'id = "{protocol_id}"')


def test_an_organisation_adds_its_own_profile():
    _user_profile("eigen.toml", _valid_user_profile("kg-ocmw-oudenaarde"))
    found, problems = protocols.load_all()
    assert problems == []
    assert found["kg-ocmw-oudenaarde"].source == paths.user_protocols_dir() / "eigen.toml"


def test_broken_toml_names_file_and_line_and_others_still_load():
    path = _user_profile("kapot.toml", 'id = "x"\ntitle = \nseed = "y"\n')
    found, problems = protocols.load_all()
    assert set(SHIPPED) <= set(found)
    assert len(problems) == 1
    assert problems[0].file == path and problems[0].line == 2
    assert "TOML" in problems[0].text.render("nl")


def test_schema_error_names_the_line_of_the_key():
    text = _valid_user_profile("kg-wrong").replace('type = "phone"', 'type = "telefoon"')
    path = _user_profile("fout.toml", text)
    _, problems = protocols.load_all()
    assert [p.file for p in problems] == [path]
    line = problems[0].line
    assert line is not None and text.splitlines()[line - 1].strip() == 'type = "telefoon"'
    assert "telefoon" in problems[0].text.render("nl")


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("consent_required = true", 'consent_required = "ja"', "consent_required"),
        ('kind = "until_contact"', 'kind = "fixed_date"', "until"),
        ('address = "socialedienst@kluisbergen.be"', 'address = "sftp://x/y"', "address"),
        ('id = "kg-wrong"', 'id = "KG wrong!"', "id"),
        ('kind = "email"', 'kind = "email"\nanswer = "ja"', "answer"),
    ],
)
def test_schema_errors_are_problems_not_crashes(old, new, word):
    text = _valid_user_profile("kg-wrong")
    assert old in text
    _user_profile("fout.toml", text.replace(old, new))
    found, problems = protocols.load_all()
    assert "kg-wrong" not in found
    assert len(problems) == 1 and word in problems[0].text.render("en")


def test_user_profile_may_not_replace_a_shipped_one():
    path = _user_profile(
        "kluisbergen.toml",
        _valid_user_profile("kg-ocmw-referral").replace(
            "socialedienst@kluisbergen.be", "evil@example.com"
        ),
    )
    found, problems = protocols.load_all()
    assert found["kg-ocmw-referral"].recipients[0].address == "socialedienst@kluisbergen.be"
    assert [p.file for p in problems] == [path]
    assert problems[0].line == 4  # the id line of the shipped text


def test_cli_lists_id_tab_title_and_problems_on_stderr(capsys, monkeypatch):
    _user_profile("kapot.toml", "id = \n")
    assert main(["protocols"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert "kg-ocmw-referral\tKind en Gezin: doorverwijzing naar het OCMW" in lines
    assert len(lines) == len(SHIPPED)
    assert "kapot.toml:1" in err
    assert main(["--lang", "en", "protocols"]) == 0
    assert "kg-ocmw-referral\tKind en Gezin: referral to the OCMW" in capsys.readouterr().out


def test_cli_protocols_as_a_real_process():
    out = subprocess.run(
        [sys.executable, "-m", "handoff", "protocols"], capture_output=True, text=True, check=True
    )
    assert {line.split("\t")[0] for line in out.stdout.splitlines()} == set(SHIPPED)


ADDRESS = 'address = "socialedienst@kluisbergen.be"'


@pytest.mark.parametrize(
    ("written", "word"),
    [
        ('address = "socialedienst@kluisbergen.be, spy@evil.example"', "meer dan één adres"),
        ('address = "socialedienst@kluisbergen.be;spy@evil.example"', "meer dan één adres"),
        ('address = "Sociale dienst <socialedienst@kluisbergen.be>"', "zonder naam"),
        ('address = "socialedienst@kluisbergen.be\\r\\nBcc: spy@evil.example"', "regeleinden"),
        ('address = "socialedienst@kluisbergen.be\\u2028"', "regeleinden"),
        ('address = "socialedienst@@kluisbergen.be"', "geen geldig e-mailadres"),
        ('address = "socialedienst@kluisbergen"', "geen geldig e-mailadres"),
        ('address = "0470123456@mobistar.be"', "e-mail-naar-sms"),
        ('address = "31612345678@gin.nl"', "e-mail-naar-sms"),
        ('address = "dienst@sms.orange.nl"', "e-mail-naar-sms"),
        ('address = "+32470123456@mail.example.be"', "e-mail-naar-sms"),
        ('address = "socialedienst@sms.example.be"', "e-mail-naar-sms"),
    ],
    ids=[
        "comma-list",
        "semicolon-list",
        "display-name",
        "crlf-header",
        "u2028",
        "two-at",
        "no-dot",
        "be-gateway",
        "nl-gateway",
        "nl-gateway-subdomain",
        "phone-number-mailbox",
        "sms-host",
    ],
)
def test_a_recipient_must_be_one_plain_mailbox_refused_at_load_with_its_line(written, word):
    text = _valid_user_profile("kg-wrong")
    assert ADDRESS in text
    text = text.replace(ADDRESS, written)
    path = _user_profile("fout.toml", text)
    found, problems = protocols.load_all()
    assert "kg-wrong" not in found
    assert [p.file for p in problems] == [path]
    assert word in problems[0].text.render("nl")
    line = problems[0].line
    assert line is not None and text.split("\n")[line - 1] == written


def test_ordinary_mailboxes_still_load():
    for address in ("socialedienst@kluisbergen.be", "o'brien.j+ocmw@sub.gent.be", "x@a-b.invalid"):
        _user_profile(
            "eigen.toml",
            _valid_user_profile("kg-eigen").replace("socialedienst@kluisbergen.be", address),
        )
        found, problems = protocols.load_all()
        assert problems == [] and found["kg-eigen"].recipients[0].address == address


def test_a_profile_naming_two_mailboxes_cannot_be_chosen():
    # The reported case: the profile used to load and address the draft to both.
    _user_profile(
        "fout.toml",
        _valid_user_profile("kg-wrong").replace(
            "socialedienst@kluisbergen.be", "socialedienst@kluisbergen.be, spy@evil.example"
        ),
    )
    with pytest.raises(HandoffError) as caught:
        protocols.get("kg-wrong")
    assert caught.value.code == "unknown_protocol"


def test_no_protocol_found_at_all_is_an_error(monkeypatch, tmp_path, capsys):
    # What a wheel without its resources looked like: an empty list and exit 0.
    monkeypatch.setattr(protocols, "shipped_dir", lambda: tmp_path / "nowhere")
    assert main(["protocols"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "geen enkel protocol gevonden" in err and "installeer Handoff opnieuw" in err
