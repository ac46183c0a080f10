"""Organisation policy (issue 15): sources, precedence, invalid values, registry conversion.

The machine policy file lives where ``policy.machine_policy_file`` says; the
conftest points it at a per-test temporary folder, so these tests write real
policy files there. The Windows registry is read through a fake reader object
holding what ``winreg.EnumValue`` would return.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff.core import policy, settings
from handoff.core.errors import HandoffError


def _policy_file(text: str) -> Path:
    path = policy.machine_policy_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _user_file(text: str) -> None:
    settings.paths.settings_path().write_text(text, encoding="utf-8")


class FakeRegistry:
    """What winreg would return: {(hive, path): [(name, data, type), ...]}."""

    def __init__(self, keys: dict[tuple[str, str], list[tuple[str, object, int]]]) -> None:
        self.keys = keys

    def values(self, hive: str, path: str) -> list[tuple[str, object, int]] | None:
        return self.keys.get((hive, path))

    def subkeys(self, hive: str, path: str) -> list[str]:
        prefix = path + "\\"
        return sorted(
            {
                p[len(prefix) :].split("\\")[0]
                for h, p in self.keys
                if h == hive and p.startswith(prefix)
            }
        )


ROOT = policy.REGISTRY_PATH


def test_locked_beats_user_and_recommended_is_a_default():
    _policy_file(
        '[locked.mail]\nmode = "smtp"\nhost = "smtp.ocmw.example"\n'
        '[recommended]\norganisation = "OCMW Voorbeeld"\n[recommended.sms]\nprovider = "cm"\n'
    )
    _user_file('[mail]\nmode = "draft"\nhost = "mine.example"\n[sms]\nprovider = "twilio"\n')
    in_force = settings.resolve()
    s = in_force.settings
    assert (s.mail.mode, s.mail.host) == ("smtp", "smtp.ocmw.example")
    assert s.organisation == "OCMW Voorbeeld"  # recommended, the worker set nothing
    assert s.sms.provider == "twilio"  # the worker's own value beats a recommendation
    assert in_force.origin("mail.mode").kind == settings.LOCKED
    assert in_force.origin("organisation").kind == settings.RECOMMENDED
    assert in_force.origin("sms.provider").kind == settings.USER
    assert in_force.origin("sftp.port").kind == settings.DEFAULT
    assert settings.load() == s  # every caller of load() gets the policy


def test_saving_never_copies_a_lock_or_an_untouched_recommendation_into_the_user_file():
    _policy_file('[locked.mail]\nmode = "smtp"\n[recommended]\norganisation = "OCMW A"\n')
    _user_file('[mail]\nmode = "draft"\n')
    s = settings.load()
    settings.save(settings.with_value(s, "sftp.host", "sftp.example"))
    _policy_file("")  # IT lifts the policy: the worker's own choices come back
    again = settings.load()
    assert again.mail.mode == "draft"
    assert again.organisation == ""
    assert again.sftp.host == "sftp.example"


def test_invalid_policy_values_are_ignored_and_reported_by_key_and_source_only():
    path = _policy_file(
        '[locked.mail]\nport = "nonsense-value-123"\n'
        '[locked]\ncolour = "blue"\n[recommended.sftp]\nhost_key_fingerprint = "MD5:xx"\n'
        "[recommended.sms]\napi_token = 'very-secret'\n"
    )
    in_force = settings.resolve()
    assert in_force.settings.mail.port == 587  # the default, not the broken value
    problems = {(p.key, p.source.kind, p.source.place) for p in in_force.problems}
    assert problems == {
        ("mail.port", policy.FILE, str(path)),
        ("colour", policy.FILE, str(path)),
        ("sftp.host_key_fingerprint", policy.FILE, str(path)),
        ("sms.api_token", policy.FILE, str(path)),
    }
    shown = " ".join(p.text.render("nl") + p.text.render("en") for p in in_force.problems)
    assert "nonsense" not in shown and "very-secret" not in shown and "MD5" not in shown
    assert in_force.broken == {}  # nothing security-relevant is locked wrongly


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        ("mail", "mode", '"carrier-pigeon"'),
        ("sms", "base_url", '"http://sms.example/api"'),
        ("sms", "provider", "3"),
    ],
)
def test_an_unusable_locked_security_value_refuses_the_action(table, key, value):
    _policy_file(f"[locked.{table}]\n{key} = {value}\n")
    in_force = settings.resolve()
    assert f"{table}.{key}" in in_force.broken
    with pytest.raises(HandoffError) as caught:
        settings.require_policy_sound(f"{table}.{key}")
    assert caught.value.code == "policy_invalid"
    assert "IT-dienst" in caught.value.message("nl")
    settings.require_policy_sound("sftp.host")  # other actions go on


def test_a_higher_valid_lock_mends_a_lower_broken_one():
    reader = FakeRegistry({("hklm", ROOT): [], ("hklm", ROOT + "\\mail"): [("mode", "smtp", 1)]})
    policy.registry = lambda: reader  # conftest's monkeypatch restores it
    _policy_file('[locked.mail]\nmode = "pigeon"\n')
    in_force = settings.resolve()
    assert in_force.settings.mail.mode == "smtp"
    assert in_force.broken == {}
    settings.require_policy_sound("mail.mode")


def test_an_unreadable_policy_file_refuses_every_security_action():
    _policy_file("[locked\nmode = ")
    in_force = settings.resolve()
    assert "*" in in_force.broken
    with pytest.raises(HandoffError, match="IT"):
        settings.require_policy_sound("mail.mode")


def test_setting_a_locked_key_is_refused_naming_the_policy():
    path = _policy_file('[locked.mail]\nmode = "smtp"\n')
    in_force = settings.resolve()
    with pytest.raises(HandoffError) as caught:
        settings.require_unlocked(in_force, "mail.mode")
    assert caught.value.code == "setting_locked"
    assert str(path) in caught.value.message("nl")
    assert "De manier van mailen" in caught.value.message("nl")
    settings.require_unlocked(in_force, "mail.host")  # not locked: fine


# -- the Windows registry (code path run for real under Wine by tools/windows-check) --


def test_registry_value_types_convert_to_settings_values():
    assert policy.convert("smtp", policy.REG_SZ) == "smtp"
    assert policy.convert(2525, policy.REG_DWORD) == 2525
    assert policy.convert(["\\\\srv\\a", "", "\\\\srv\\b"], policy.REG_MULTI_SZ) == [
        "\\\\srv\\a",
        "\\\\srv\\b",
    ]
    with pytest.raises(ValueError):
        policy.convert(b"\x00\x01", 3)  # REG_BINARY


def test_registry_precedence_hklm_over_hkcu_over_the_file_and_recommended_key():
    reader = FakeRegistry(
        {
            ("hklm", ROOT): [("diagnostics", 1, policy.REG_DWORD)],
            ("hklm", ROOT + "\\mail"): [
                ("mode", "smtp", policy.REG_SZ),
                ("port", 465, policy.REG_DWORD),
            ],
            ("hkcu", ROOT): [("protocol_folders", ["\\\\srv\\p"], policy.REG_MULTI_SZ)],
            ("hkcu", ROOT + "\\mail"): [
                ("mode", "draft", policy.REG_SZ),
                ("security", "tls", policy.REG_SZ),
            ],
            ("hkcu", ROOT + "\\Recommended\\sftp"): [("port", "2222", policy.REG_SZ)],
            ("hkcu", ROOT + "\\Recommended"): [],
        }
    )
    policy.registry = lambda: reader
    _policy_file('[locked.mail]\nmode = "draft"\nhost = "file.example"\nsecurity = "starttls"\n')
    in_force = settings.resolve()
    s = in_force.settings
    assert s.mail.mode == "smtp" and s.mail.port == 465  # HKLM
    assert s.mail.security == "tls"  # HKCU beats the file
    assert s.mail.host == "file.example"  # only the file sets it
    assert s.sftp.port == 2222  # HKCU\...\Recommended, REG_SZ number accepted
    assert s.diagnostics is True  # REG_DWORD 1
    assert in_force.origin("mail.mode").source.place == "HKLM\\" + ROOT
    assert in_force.origin("sftp.port").kind == settings.RECOMMENDED
    layers = policy.layers()
    assert policy.extra(layers, policy.FOLDERS)[0] == ["\\\\srv\\p"]


def test_a_registry_type_that_cannot_be_used_is_a_problem():
    reader = FakeRegistry({("hklm", ROOT + "\\mail"): [("mode", b"x", 3)], ("hklm", ROOT): []})
    policy.registry = lambda: reader
    in_force = settings.resolve()
    assert [(p.key, p.source.kind) for p in in_force.problems] == [("mail.mode", "hklm")]
    assert in_force.settings.mail.mode == "draft"


def test_signing_keys_come_from_the_highest_source_only():
    key_a = "ed25519:" + "A" * 43 + "="
    reader = FakeRegistry({("hklm", ROOT): [("protocol_signing_keys", [key_a], 7)]})
    policy.registry = lambda: reader
    _policy_file('protocol_signing_keys = ["ed25519:' + "B" * 43 + '="]\n')
    keys = policy.signing_keys(policy.layers())
    assert list(keys.values()) == [policy.public_key_bytes(key_a)]


def test_a_machine_policy_cannot_be_moved_by_an_environment_variable(monkeypatch, tmp_path):
    """No variable a worker can set decides where the policy is read (issue 15)."""
    import inspect

    source = inspect.getsource(policy)
    assert "os.environ" not in source and "getenv" not in source


# -- the command line --


def test_cli_show_marks_every_value_with_its_source(capsys):
    from handoff.cli import main

    path = _policy_file(
        '[locked.mail]\nmode = "smtp"\n[recommended]\norganisation = "OCMW V"\n'
        '[locked.sftp]\nport = "x"\n'
    )
    _user_file('[sms]\nprovider = "cm"\n')
    assert main(["settings", "show"]) == 0
    out = capsys.readouterr().out
    assert f'mode = "smtp"  # vergrendeld door beleid ({path})' in out
    assert f'organisation = "OCMW V"  # aanbevolen door beleid ({path})' in out
    assert 'provider = "cm"  # eigen instelling' in out
    assert "port = 22  # standaard" in out
    assert f"# ! beleid {path}: 'sftp.port' genegeerd" in out


def test_cli_set_on_a_locked_key_refuses_and_says_who(capsys):
    from handoff.cli import main

    path = _policy_file('[locked.mail]\nmode = "smtp"\n')
    assert main(["settings", "set", "mail.mode", "draft"]) == 2
    err = capsys.readouterr().err
    assert "ingesteld door uw organisatie" in err and str(path) in err
    assert not settings.paths.settings_path().exists()
    assert main(["settings", "set", "mail.host", "smtp.example"]) == 0


def test_a_send_under_a_broken_locked_mail_mode_is_refused_before_packing(
    tmp_path, capsys, thuispunt
):
    from sheets import THUISPUNT_HEADERS, thuispunt_rows, write_sheet

    from handoff.cli import main
    from handoff.core.journal import Journal

    _policy_file('[locked.mail]\nmode = "postduif"\n')
    sheet = write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())
    argv = ["send", str(sheet), "--protocol", thuispunt, "--to", "ocmw-gent"]
    assert main(argv) == 2
    assert "vraag uw IT-dienst" in capsys.readouterr().err
    assert list(settings.load().outbox.glob("*")) == []
    with Journal() as journal:
        assert journal.records() == []
    _policy_file('[locked.mail]\nmode = "draft"\n')  # IT repairs it: the same send goes
    assert main(argv) == 0


def test_an_sms_under_a_broken_locked_base_url_is_refused():
    from handoff.core import protocols
    from handoff.usecases import check_sms_ready

    _policy_file('[locked.sms]\nbase_url = "mailto:sms@gateway.example"\n')
    with pytest.raises(HandoffError) as caught:
        check_sms_ready(protocols.get("thuispunt-gent-cir"), settings.load())
    assert caught.value.code == "policy_invalid"


def test_the_organisation_can_lock_the_journal_server_address():
    _policy_file('[locked.journal]\nserver_url = "https://journaal.ocmw.example"\n')
    _user_file('[journal]\nserver_url = "https://elders.example"\n')
    in_force = settings.resolve()
    assert in_force.settings.journal.server_url == "https://journaal.ocmw.example"
    assert in_force.is_locked("journal.server_url")
    with pytest.raises(HandoffError) as caught:
        settings.require_unlocked(in_force, "journal.server_url")
    assert "logboekserver" in caught.value.message("nl")


def test_an_unusable_journal_server_address_in_a_policy_is_ignored_and_named():
    path = _policy_file('[locked.journal]\nserver_url = "http://journaal.ocmw.example"\n')
    in_force = settings.resolve()
    assert in_force.settings.journal.server_url == ""
    assert [(p.key, p.source.place) for p in in_force.problems] == [
        ("journal.server_url", str(path))
    ]
