"""Protocol folders from the policy: loading, the last copy when offline, signed profiles.

Issue 15: a profile shared through a folder is a target (change one recipient
and the next lists go to an attacker), so with ``protocol_signing_keys`` in
the policy only profiles with a valid Ed25519 signature by one of those keys
load. The DPO's key is made and used through the real CLI
(``handoff protocol keygen`` / ``sign``) with the test keyring; sending goes
through the real ``handoff send`` (as a draft, no server needed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sheets import THUISPUNT_HEADERS, thuispunt_rows, write_sheet

from handoff.cli import main
from handoff.core import credentials, policy, protocols, settings, shared_protocols, signing
from handoff.core.errors import HandoffError
from handoff.core.journal import Journal

ORG_ID = "ocmw-voorbeeld-cir"
MAILBOX = "cir@ocmw-voorbeeld.example"


def _org_profile(folder: Path, name: str = "cir.toml") -> Path:
    """The shipped Thuispunt profile under the organisation's own id and real mailbox."""
    text = (protocols.shipped_dir() / "thuispunt-gent-cir.toml").read_text(encoding="utf-8")
    text = text.replace('id = "thuispunt-gent-cir"', f'id = "{ORG_ID}"', 1)
    text = text.replace("mailbox-niet-in-protocol@ocmw-gent.invalid", MAILBOX)
    text = text.replace("until = 2024-09-27", "until = 2099-09-27")  # the renewed protocol
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _policy(folder: Path, keys: list[str] | None = None) -> None:
    lines = [f"protocol_folders = [{str(folder)!r}]"]
    if keys is not None:
        lines.append("protocol_signing_keys = [" + ", ".join(repr(k) for k in keys) + "]")
    path = policy.machine_policy_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _keygen(capsys) -> str:
    assert main(["protocol", "keygen"]) == 0
    public = capsys.readouterr().out.strip().splitlines()[-1]
    assert public.startswith("ed25519:")
    return public


def _problem(path: Path) -> protocols.ProfileProblem:
    _, problems = protocols.load_all()
    (found,) = [p for p in problems if p.file == path]
    return found


def test_an_unsigned_folder_loads_when_the_policy_names_no_keys(tmp_path):
    share = tmp_path / "share"
    _org_profile(share)
    _policy(share)
    assert protocols.get(ORG_ID).recipients[0].address == MAILBOX


def test_a_profile_signed_by_the_dpo_loads(tmp_path, capsys, memory_keyring):
    share = tmp_path / "share"
    profile = _org_profile(share)
    public = _keygen(capsys)
    assert main(["protocol", "sign", str(profile)]) == 0
    assert signing.signature_path(profile).is_file()
    _policy(share, [public])
    assert protocols.get(ORG_ID).source == profile
    stored = memory_keyring.get_password("Handoff", credentials.SIGNING)
    assert stored and stored not in capsys.readouterr().out  # the private key is never shown


@pytest.mark.parametrize("damage", ["one_byte", "no_sig", "other_key"])
def test_a_damaged_or_foreign_signature_is_refused_and_nothing_is_sent(
    tmp_path, capsys, monkeypatch, damage
):
    share = tmp_path / "share"
    profile = _org_profile(share)
    public = _keygen(capsys)
    assert main(["protocol", "sign", str(profile)]) == 0
    if damage == "one_byte":  # the attacker's mailbox, same length
        data = profile.read_bytes().replace(b"cir@ocmw", b"cir@evil")
        profile.write_bytes(data)
        reason = signing.BAD_SIGNATURE
    elif damage == "no_sig":
        signing.signature_path(profile).unlink()
        reason = signing.UNSIGNED
    else:
        assert main(["protocol", "keygen", "--replace"]) == 0
        assert main(["protocol", "sign", str(profile)]) == 0
        reason = signing.UNKNOWN_KEY
    capsys.readouterr()
    _policy(share, [public])

    problem = _problem(profile)
    assert problem.reason == reason
    assert problem.file.name == "cir.toml"
    with pytest.raises(HandoffError) as caught:
        protocols.get(ORG_ID)
    assert caught.value.code == "unknown_protocol"
    # Not a typo to look for: the message says a profile was refused and who fixes it.
    assert (
        "1 profiel wordt niet gebruikt" in caught.value.message() and "IT" in caught.value.message()
    )

    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    code = main(["send", str(sheet), "--protocol", ORG_ID, "--via", "draft", "--to", "ocmw-gent"])
    assert code == 2
    assert list(settings.load().outbox.glob("*")) == []
    with Journal() as journal:
        assert journal.records() == []


def test_with_the_signed_profile_the_send_goes_through(tmp_path, capsys, monkeypatch):
    """The counterpart of the refusals: the same send under a valid signature works."""
    share = tmp_path / "share"
    profile = _org_profile(share)
    public = _keygen(capsys)
    assert main(["protocol", "sign", str(profile)]) == 0
    _policy(share, [public])
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    code = main(["send", str(sheet), "--protocol", ORG_ID, "--via", "draft", "--to", "ocmw-gent"])
    assert code == 0, capsys.readouterr().err
    assert [p.suffix for p in settings.load().outbox.glob("*")] == [".eml"]


def test_an_unreachable_folder_falls_back_to_the_last_copy_with_its_date(tmp_path):
    share = tmp_path / "share"
    _org_profile(share)
    _policy(share)
    protocols.get(ORG_ID)  # loaded once: the copy is kept
    shutil.rmtree(share)  # the share goes offline
    found, problems = protocols.load_all()
    assert ORG_ID in found
    (offline,) = [p for p in problems if p.reason == "offline"]
    stamp = (shared_protocols.cache_dir(share) / shared_protocols.STAMP).read_text()
    assert stamp[:10] in offline.text.render("nl")
    assert "niet bereikbaar" in offline.text.render("nl")


def test_an_unreachable_folder_never_loaded_says_so(tmp_path):
    _policy(tmp_path / "never-there")
    found, problems = protocols.load_all()
    assert ORG_ID not in found
    assert [p.reason for p in problems] == ["offline"]
    assert "nog geen kopie" in problems[0].text.render("nl")


def test_the_cached_copy_is_verified_again(tmp_path, capsys):
    """The copy lives in the worker's folder: editing it offline does not get past the key."""
    share = tmp_path / "share"
    profile = _org_profile(share)
    public = _keygen(capsys)
    assert main(["protocol", "sign", str(profile)]) == 0
    _policy(share, [public])
    protocols.get(ORG_ID)
    shutil.rmtree(share)
    cached = shared_protocols.cache_dir(share) / "cir.toml"
    cached.write_bytes(cached.read_bytes().replace(b"cir@ocmw", b"cir@evil"))
    assert _problem(share / "cir.toml").reason == signing.BAD_SIGNATURE


def test_a_broken_profile_in_the_folder_is_reported_by_file_and_line(tmp_path):
    share = tmp_path / "share"
    profile = _org_profile(share)
    text = profile.read_text(encoding="utf-8").replace('kind = "email"', 'kind = "fax"')
    profile.write_text(text, encoding="utf-8")
    _policy(share)
    problem = _problem(profile)
    line = text.split("\n").index('kind = "fax"') + 1
    assert problem.line == line and problem.reason == "invalid"


def test_neither_the_share_nor_the_worker_can_replace_a_profile(tmp_path):
    share = tmp_path / "share"
    _org_profile(share)
    shipped = (protocols.shipped_dir() / "thuispunt-gent-cir.toml").read_text(encoding="utf-8")
    (share / "copy.toml").write_text(shipped, encoding="utf-8")  # a shipped id
    _policy(share)
    own = settings.paths.user_protocols_dir() / "mine.toml"
    own.write_text((share / "cir.toml").read_text(encoding="utf-8").replace(MAILBOX, "x@y.be"))
    found, problems = protocols.load_all()
    assert found[ORG_ID].recipients[0].address == MAILBOX  # the worker's copy does not win
    assert {p.file.name for p in problems if p.reason == "duplicate"} == {"copy.toml", "mine.toml"}


def test_signing_an_invalid_profile_is_refused(tmp_path, capsys):
    profile = _org_profile(tmp_path)
    profile.write_text("id = 3\n", encoding="utf-8")
    _keygen(capsys)
    assert main(["protocol", "sign", str(profile)]) == 2
    assert "niet ondertekend" in capsys.readouterr().err
    assert not signing.signature_path(profile).exists()


def test_keygen_does_not_silently_replace_a_key(capsys):
    _keygen(capsys)
    assert main(["protocol", "keygen"]) == 2
    assert "--replace" in capsys.readouterr().err


def test_refusals_and_ignored_values_are_journaled_once_a_day_without_values(tmp_path, capsys):
    from handoff.core.journal import Step

    share = tmp_path / "share"
    profile = _org_profile(share)
    public = _keygen(capsys)
    _policy(share, [public])
    path = policy.machine_policy_file()
    path.write_text(
        path.read_text() + '[locked.mail]\nport = "bad port"\n'
        '[recommended.directory]\n"Jan Peeters" = 5\n',
        encoding="utf-8",
    )
    assert main(["protocols"]) == 0
    assert main(["settings", "show"]) == 0
    assert main(["protocols"]) == 0  # the same events again: not journaled twice
    with Journal() as journal:
        refused = journal.records(step=Step.PROFILE_REFUSED)
        ignored = journal.records(step=Step.POLICY_VALUE_IGNORED)
        raw = journal.path.read_bytes()
        wal = journal.path.with_name(journal.path.name + "-wal")
        raw += wal.read_bytes() if wal.exists() else b""
    assert [r.details for r in refused] == [{"file": profile.name, "reason": "unsigned"}]
    assert sorted(r.details["key"] for r in ignored) == ["directory", "mail.port"]
    assert {r.details["source"] for r in ignored} == {"file"}
    assert b"bad port" not in raw and b"Jan Peeters" not in raw and b"share" not in raw
