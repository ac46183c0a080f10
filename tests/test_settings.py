"""Settings: TOML round trip, defaults, clear errors for broken files, the CLI."""

from __future__ import annotations

import io
import sys
import tomllib
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from handoff.cli import main
from handoff.core import paths, settings
from handoff.core.errors import HandoffError


def test_defaults_need_no_server_and_no_file():
    s = settings.load()
    assert s.mail.mode == "draft"
    assert s.outbox == paths.outbox_dir()
    assert not paths.settings_path().exists()


def test_round_trip_keeps_every_value_including_awkward_text():
    s = settings.Settings(organisation='OCMW "Kluis"\\bergen\tnoord\nè', language="en")
    s.mail = settings.MailSettings("smtp", "mail.example.be", 465, "tls", "user", "a@b.be")
    s.sftp.host_key_fingerprint = "SHA256:" + "A" * 43
    s.sms.timeout = 7.5
    s.directory = {"turnhout-dpo": "+32 499 99 67 57", "weird key.x": "0477"}
    s.outbox = Path("/srv/outbox")
    settings.save(s)
    assert settings.load() == s
    tomllib.loads(paths.settings_path().read_text(encoding="utf-8"))  # really TOML


def test_malformed_toml_names_file_and_line_and_is_not_overwritten():
    file = paths.settings_path()
    file.write_text('organisation = "x"\n\n[mail\nmode = "smtp"\n', encoding="utf-8")
    with pytest.raises(HandoffError) as caught:
        settings.load()
    assert caught.value.code == "settings_invalid"
    assert f"{file}:3" in caught.value.message()
    with pytest.raises(HandoffError):
        settings.save(settings.Settings())
    assert "[mail\n" in file.read_text(encoding="utf-8")


def test_unknown_key_is_named_with_its_line_in_its_section():
    paths.settings_path().write_text('[mail]\nmode = "draft"\n\n[sftp]\nhots = "x"\n')
    with pytest.raises(HandoffError) as caught:
        settings.load()
    assert "settings.toml:5" in caught.value.message()
    assert "hots" in caught.value.message()


def test_a_secret_in_the_file_is_refused_with_the_way_to_store_it():
    paths.settings_path().write_text('[mail]\npassword = "hunter2"\n')
    with pytest.raises(HandoffError) as caught:
        settings.load()
    assert "handoff settings secret" in caught.value.message()
    assert "hunter2" not in caught.value.message()


@pytest.mark.parametrize(
    ("text", "line", "words", "key"),
    [
        ('[mail]\nport = "587"\n', 2, "De poort van de mailserver", "port"),
        ('\n[mail]\nmode = "carrier-pigeon"\n', 3, "De manier van mailen", "mail.mode"),
        (
            '[mail]\nprogram = "outlook"\n',
            2,
            "De manier om het mailprogramma te starten",
            "mail.program",
        ),
        (
            '[sftp]\nhost_key_fingerprint = "MD5:aa"\n',
            2,
            "De vingerafdruk van de SFTP-server",
            "host_key_fingerprint",
        ),
        ("directory = 3\n", None, "[directory]", "directory ="),
    ],
)
def test_wrong_values_are_refused_in_words_with_their_line(text, line, words, key):
    file = paths.settings_path()
    file.write_text(text)
    with pytest.raises(HandoffError) as caught:
        settings.load()
    message = caught.value.message()
    assert words in message
    assert key not in message  # a worker reads words, not the file's key names
    if line:
        assert f"{file}:{line}:" in message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('organisation = "x"\nsecure_folder = "clients/received"\n', 2),
        ('outbox = "uit"\n', 1),
        ('[sms]\nprovider = "cm"\nbase_url = "http://sms.example.be"\n', 3),
        ('[sms]\nbase_url = "mailto:0470000000@sms.example.be"\n', 2),
        ('[sms]\nbase_url = "https://user:pw@sms.example.be"\n', 2),
        ('[sms]\nbase_url = "file:///etc/passwd"\n', 2),
        ('[sms]\nbase_url = "https://"\n', 2),
    ],
    ids=["relative-secure", "relative-outbox", "http", "mailto", "userinfo", "file", "no-host"],
)
def test_unusable_folders_and_sms_addresses_are_refused_at_load(text, line, capsys):
    file = paths.settings_path()
    file.write_text(text, encoding="utf-8")
    with pytest.raises(HandoffError) as caught:
        settings.load()
    assert caught.value.code == "settings_invalid"
    assert f"{file}:{line}:" in caught.value.message()
    assert "base_url" not in caught.value.message()
    # 'settings show' used to print such a file as if it were fine.
    assert main(["settings", "show"]) == 2
    assert f"{file}:{line}" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://gw.cmtelecom.com",
        "http://127.0.0.1:8025/api",
        "http://localhost:9/",
        "http://[::1]:80",
    ],
)
def test_https_and_loopback_http_sms_addresses_load(url):
    paths.settings_path().write_text(f'[sms]\nbase_url = "{url}"\n', encoding="utf-8")
    assert settings.load().sms.base_url == url


def test_a_utf8_bom_is_accepted():
    paths.settings_path().write_bytes('\ufefforganisation = "OCMW Kluisbergen"\n'.encode())
    assert settings.load().organisation == "OCMW Kluisbergen"


def test_bad_values_are_refused_when_set_in_words():
    s = settings.Settings()
    for key, value in [
        ("secure_folder", "relative/folder"),
        ("sms.base_url", "mailto:x@sms.example.be"),
        ("sms.base_url", "http://sms.example.be"),
    ]:
        with pytest.raises(HandoffError) as caught:
            settings.with_value(s, key, value)
        message = caught.value.message()
        assert message.startswith("Instelling niet bewaard.")
        assert key not in message
    english = caught.value.message("en")
    assert "The SMS provider's web address: the address must start with https://" in english
    assert not paths.settings_path().exists()


def test_save_from_the_window_refuses_a_relative_secure_folder():
    s = settings.Settings(secure_folder=Path("ontvangen"))
    with pytest.raises(HandoffError) as caught:
        settings.save(s)
    assert "De beveiligde map: geef het volledige pad" in caught.value.message()
    assert not paths.settings_path().exists()


def test_with_value_converts_and_validates():
    s = settings.with_value(settings.Settings(), "mail.port", "465")
    assert s.mail.port == 465
    s = settings.with_value(s, "directory.opgroeien-dpo", "0499 99 67 57")
    assert s.directory == {"opgroeien-dpo": "0499 99 67 57"}
    with pytest.raises(HandoffError, match="De poort van de mailserver: dit moet een getal zijn"):
        settings.with_value(s, "mail.port", "vijf")
    with pytest.raises(HandoffError) as caught:
        settings.with_value(s, "mail.nope", "x")
    assert caught.value.code == "unknown_setting"


def test_write_atomic_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")

    with pytest.raises(TypeError):
        settings.write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_cli_set_then_show(capsys):
    assert main(["settings", "set", "sms.provider", "cm"]) == 0
    assert main(["settings", "set", "directory.opgroeien-dpo", "0499 99 67 57"]) == 0
    assert main(["settings", "show"]) == 0
    out = capsys.readouterr().out
    assert 'provider = "cm"' in out
    assert "sms: niet bewaard" in out


def test_cli_set_refuses_bad_value_with_exit_2(capsys):
    assert main(["settings", "set", "mail.security", "none"]) == 2
    assert "De beveiliging van de mailverbinding" in capsys.readouterr().err
    assert not paths.settings_path().exists()


def test_cli_secret_reads_stdin_and_stores_in_keyring_only(monkeypatch, memory_keyring, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-token\n"))
    assert main(["settings", "secret", "sms"]) == 0
    assert memory_keyring.get_password("Handoff", "sms") == "s3cret-token"
    captured = capsys.readouterr()
    assert "s3cret-token" not in captured.out + captured.err
    assert not paths.settings_path().exists()  # a secret never lands in the settings file


def test_cli_secret_without_secure_keyring_refuses_before_asking(monkeypatch, capsys):
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO("never-read\n"))
    assert main(["settings", "secret", "smtp"]) == 2
    assert "geen beveiligde opslag voor geheimen" in capsys.readouterr().err
    assert sys.stdin.read() == "never-read\n"


def test_unknown_table_is_named_with_its_line():
    paths.settings_path().write_text('organisation = "x"\n\n[smtp]\nhost = "a"\n')
    with pytest.raises(HandoffError) as caught:
        settings.load()
    assert "settings.toml:3" in caught.value.message()
    assert "smtp" in caught.value.message()


# ----- the organisation journal server (issue 16) -----------------------------------------
@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://journaal.ocmw.example", "https://"),
        ("https://it:geheim@journaal.ocmw.example", "gebruikersnaam"),
        ("https://journaal.ocmw.example/ v1", "spaties"),
        ("file:///srv/journaal", "https://"),
    ],
    ids=["http", "userinfo", "spaces", "file"],
)
def test_an_unusable_journal_server_address_is_refused_with_its_line(url, words):
    file = paths.settings_path()
    file.write_text(f'organisation = "x"\n[journal]\nserver_url = "{url}"\n', encoding="utf-8")
    with pytest.raises(HandoffError) as caught:
        settings.load()
    message = caught.value.message("nl")
    assert f"{file}:3:" in message and words in message
    assert "logboekserver" in message and "server_url" not in message
    with pytest.raises(HandoffError):
        settings.with_value(settings.Settings(), "journal.server_url", url)


@pytest.mark.parametrize(
    "url", ["", "https://journaal.ocmw.example", "http://127.0.0.1:8443", "http://[::1]:9"]
)
def test_https_and_loopback_journal_server_addresses_load_and_round_trip(url):
    s = settings.with_value(settings.Settings(), "journal.server_url", url)
    settings.save(s)
    assert settings.load().journal.server_url == url
    known = settings.keys()
    assert "journal.server_url" in known
