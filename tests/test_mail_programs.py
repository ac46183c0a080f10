"""Which way to the mail program: the detection rules, with a registry given as data.

The real registry, the stand-in MAPI DLL and the stand-in olk.exe are exercised
under Wine (tests/test_windows_mail.py, tools/windows-check); here the order
and the registry rules of issue 14 §2 are pinned down on any platform, and the
Linux methods run for real with scripts standing in for xdg-email and Thunderbird.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from handoff.channels.mail_programs import Draft, HandOver, Method, detect, hand_over
from handoff.channels.mail_programs.detect import APP_PATHS, CLIENTS_MAIL, OUTLOOK_COM
from handoff.channels.mail_programs.handing import thunderbird_compose


class DictRegistry:
    """A registry snapshot: {(root, key, value name): data}."""

    def __init__(self, values: dict[tuple[str, str, str], str]) -> None:
        self.values = values

    def value(self, root: str, key: str, name: str = "") -> str | None:
        return self.values.get((root, key, name))


OUTLOOK_CLASSIC = {
    ("HKLM", CLIENTS_MAIL, ""): "Microsoft Outlook",
    ("HKLM", rf"{CLIENTS_MAIL}\Microsoft Outlook", "DllPath"): r"C:\Windows\System32\mapi32.dll",
    (
        "HKLM",
        rf"{CLIENTS_MAIL}\Microsoft Outlook",
        "DllPathEx",
    ): r"C:\Program Files\Microsoft Office\root\Office16\OLMAPI32.DLL",
    ("HKCR", OUTLOOK_COM, ""): "{0006F03A-0000-0000-C000-000000000046}",
}
NEW_OUTLOOK = {("HKLM", rf"{APP_PATHS}\olk.exe", ""): r'"C:\Program Files\WindowsApps\olk.exe"'}
THUNDERBIRD = {
    (
        "HKLM",
        rf"{APP_PATHS}\thunderbird.exe",
        "",
    ): r"C:\Program Files\Mozilla Thunderbird\thunderbird.exe"
}


def windows(values: dict, forced: str | None = None) -> list[Method]:
    return detect(forced, platform="win32", registry=DictRegistry(values))


def test_classic_outlook_goes_by_mapi_with_dllpathex_first_then_com_then_default():
    assert windows(OUTLOOK_CLASSIC) == [
        Method("mapi", r"C:\Program Files\Microsoft Office\root\Office16\OLMAPI32.DLL"),
        Method("outlook_com"),
        Method("default"),
    ]


def test_dllpath_serves_when_the_client_has_no_dllpathex():
    values = {k: v for k, v in OUTLOOK_CLASSIC.items() if k[2] != "DllPathEx"}
    assert windows(values)[0] == Method("mapi", r"C:\Windows\System32\mapi32.dll")


def test_the_users_own_default_client_wins_over_the_machines():
    values = {
        **OUTLOOK_CLASSIC,
        ("HKCU", CLIENTS_MAIL, ""): "Mozilla Thunderbird",
        ("HKLM", rf"{CLIENTS_MAIL}\Mozilla Thunderbird", "DllPath"): r"C:\TB\mozMapi32.dll",
    }
    assert windows(values)[0] == Method("mapi", r"C:\TB\mozMapi32.dll")


def test_a_default_client_without_a_mapi_dll_offers_no_mapi():
    values = {("HKLM", CLIENTS_MAIL, ""): "Hotmail", **NEW_OUTLOOK}
    assert [m.name for m in windows(values)] == ["olk", "default"]


def test_new_outlook_is_started_by_its_app_path_without_quotes_and_thunderbird_composes():
    methods = windows({**NEW_OUTLOOK, **THUNDERBIRD})
    assert methods == [
        Method("olk", r"C:\Program Files\WindowsApps\olk.exe"),
        Method("thunderbird", r"C:\Program Files\Mozilla Thunderbird\thunderbird.exe"),
        Method("default"),
    ]


def test_a_bare_machine_still_has_the_default_program():
    assert windows({}) == [Method("default")]


def test_a_forced_method_is_the_only_one_tried_and_nothing_when_missing():
    assert windows({**OUTLOOK_CLASSIC, **NEW_OUTLOOK}, forced="olk") == [
        Method("olk", r"C:\Program Files\WindowsApps\olk.exe")
    ]
    assert windows(OUTLOOK_CLASSIC, forced="thunderbird") == []


def test_linux_prefers_xdg_email_then_thunderbird_then_xdg_open():
    found = {"xdg-email": "/usr/bin/xdg-email", "thunderbird": "/usr/bin/thunderbird"}
    assert detect(platform="linux", which=found.get) == [
        Method("xdg_email", "/usr/bin/xdg-email"),
        Method("thunderbird", "/usr/bin/thunderbird"),
        Method("default"),
    ]
    assert detect(platform="linux", which=lambda name: None) == [Method("default")]


@pytest.fixture
def draft(tmp_path) -> Draft:
    archive = tmp_path / "Mijn map" / "HO-1.7z"
    archive.parent.mkdir()
    archive.write_bytes(b"7z")
    eml = tmp_path / "HO-1.eml"
    eml.write_bytes(b"X-Unsent: 1\r\n\r\n")
    return Draft(
        eml, archive, "ontvanger@opgroeien.be", "Gegevensoverdracht HO-1", "Wachtwoord volgt apart."
    )


def recorder(tmp_path: Path, name: str, exit_code: int = 0) -> tuple[Path, Path]:
    """An executable script that writes its arguments, one per line, and exits ``exit_code``."""
    log = tmp_path / f"{name}.args"
    script = tmp_path / name
    # printf, not echo: dash's echo reads the backslashes of a Windows path as escapes.
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\nexit {exit_code}\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for the programs")
def test_xdg_email_gets_the_attachment_and_recipient(tmp_path, draft):
    script, log = recorder(tmp_path, "xdg-email")
    handed = hand_over(draft, [Method("xdg_email", str(script)), Method("default")])
    assert (handed.method, handed.opened) == ("xdg_email", True)
    args = log.read_text().splitlines()
    assert args[args.index("--attach") + 1] == str(draft.attachment)
    assert args[-1] == draft.to and "--subject" in args


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for the programs")
def test_a_method_that_fails_passes_on_to_the_next_and_none_when_all_fail(tmp_path, draft):
    failing, _ = recorder(tmp_path, "xdg-email", exit_code=3)
    thunderbird, log = recorder(tmp_path, "thunderbird")
    handed = hand_over(
        draft, [Method("xdg_email", str(failing)), Method("thunderbird", str(thunderbird))]
    )
    assert (handed.method, handed.opened) == ("thunderbird", True)
    assert log.read_text().splitlines()[0] == "-compose"
    missing = str(tmp_path / "not-installed")
    assert hand_over(draft, [Method("thunderbird", missing)]).method == "none"
    assert hand_over(draft, []).opened is False


def test_thunderbird_compose_carries_the_attachment_as_a_file_uri_and_no_stray_quotes(draft):
    odd = Draft(draft.eml, draft.attachment, draft.to, "Lijst van 't OCMW", draft.body)
    value = thunderbird_compose(odd)
    assert f"attachment='{draft.attachment.resolve().as_uri()}'" in value
    assert "%20" in value  # the space in "Mijn map" is escaped inside the URI
    assert value.count("'") == 8  # four fields, each quoted once: the apostrophe is gone


@pytest.mark.skipif(sys.platform == "win32", reason="Linux has no MAPI to force")
def test_a_forced_method_this_machine_lacks_opens_nothing_and_says_so(tmp_path):
    """IT forced Simple MAPI (mail.program); on this machine there is none: no other program starts."""
    from handoff.channels.email_draft import DraftChannel
    from handoff.core import settings
    from handoff.core.journal.details import clean_details
    from tests.servers import sample

    s = settings.Settings()
    s.mail.program = "mapi"
    protocol = sample.protocol()
    delivery = DraftChannel(s).deliver(
        sample.archive(tmp_path), protocol.recipients[0], protocol, sample.HANDOFF_ID
    )
    assert (delivery.details["method"], delivery.details["opened"]) == ("none", False)
    assert delivery.location.exists()  # the draft is there for the worker to attach by hand
    assert clean_details(delivery.step, delivery.details) == delivery.details


def thunderbird_args(value: str) -> dict[str, str]:
    """-compose's argument split the way Thunderbird's compose window does it.

    After MsgComposeCommands.js ``GetArgs``: a value quoted right after ``=``
    runs until the same quote followed by ``,`` or the end; elsewhere a comma
    separates the fields. Used by the Wine test on the real command line too.
    """
    fields, current, quote = [], "", ""
    for i, char in enumerate(value):
        before, after = value[i - 1 : i], value[i + 1 : i + 2]
        if quote and char == quote and after in (",", ""):
            quote = ""
        elif not quote and char in "'\"" and before == "=":
            quote = char
        elif char == "," and not quote:
            fields.append(current)
            current = ""
            continue
        current += char
    fields.append(current)
    found = {}
    for field in fields:
        key, _, data = field.partition("=")
        if len(data) >= 2 and data[0] == data[-1] and data[0] in "'\"":
            data = data[1:-1]
        found[key] = data
    return found


def test_thunderbird_reads_one_attachment_uri_that_maps_back_to_the_archive(tmp_path):
    """Commas, apostrophes, spaces and é in the path stay inside the percent-encoded URI.

    Thunderbird splits ``attachment`` at commas and resolves each part as a URI:
    a raw path with a comma would become two attachments that do not exist.
    """
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    folder = tmp_path / "Dossier é, 't OCMW"
    folder.mkdir()
    archive = folder / "lijst 1.7z"
    archive.write_bytes(b"7z")
    subject = "Gegevensoverdracht HO-1, 't OCMW"
    draft = Draft(tmp_path / "HO-1.eml", archive, "ontvanger@opgroeien.be", subject, "Tekst")
    fields = thunderbird_args(thunderbird_compose(draft))
    assert fields["to"] == draft.to and fields["subject"].startswith("Gegevensoverdracht HO-1")
    (uri,) = fields["attachment"].split(",")
    assert uri.startswith("file:///") and "%C3%A9" in uri and "%2C" in uri
    assert Path(url2pathname(urlsplit(uri).path)) == archive.resolve()


def test_outlook_com_helper_without_comtypes_or_outlook_lets_the_chain_move_on(tmp_path, draft):
    """The COM helper process runs for real; without Outlook it exits NOT_AVAILABLE."""
    from handoff.channels.mail_programs import outlook_helper

    assert outlook_helper.main(["too", "few"]) == outlook_helper.USAGE
    if sys.platform != "win32":
        assert outlook_helper.compose(str(draft.attachment), draft.to, "S", "B") == (
            outlook_helper.NOT_AVAILABLE
        )
        thunderbird, log = recorder(tmp_path, "thunderbird")
        methods = [Method("outlook_com"), Method("thunderbird", str(thunderbird))]
        assert hand_over(draft, methods).method == "thunderbird"
        assert log.exists()


# Issue 14 §2, "try the other bitness if the first fails": the chain in handing._mapi,
# with scripts standing in for the two helpers (under Wine: tests/test_windows_mail.py).


def use_mapi_helpers(monkeypatch, own: Path, other: Path | None) -> None:
    from handoff.channels.mail_programs import handing

    monkeypatch.setattr(handing, "own_mapi_helper", lambda: [str(own)])
    monkeypatch.setattr(
        handing, "other_bitness_mapi_helper", lambda: [str(other)] if other else None
    )


MAPI = Method("mapi", r"C:\Program Files (x86)\Microsoft Office\root\Office16\OLMAPI32.DLL")


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for the helpers")
def test_a_dll_the_own_helper_cannot_load_goes_to_the_other_bitness_helper(
    tmp_path, draft, monkeypatch
):
    own, own_log = recorder(tmp_path, "mapi-own", exit_code=100)
    other, other_log = recorder(tmp_path, "mapi-send-x86.exe")
    thunderbird, thunderbird_log = recorder(tmp_path, "thunderbird")
    use_mapi_helpers(monkeypatch, own, other)
    handed = hand_over(draft, [MAPI, Method("thunderbird", str(thunderbird))])
    assert (handed.method, handed.opened, handed.cancelled) == ("mapi", True, False)
    contract = [MAPI.target, str(draft.attachment), draft.to, draft.subject, draft.body]
    assert own_log.read_text().splitlines() == contract
    assert other_log.read_text().splitlines() == contract
    assert not thunderbird_log.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for the helpers")
@pytest.mark.parametrize(
    ("own_code", "expected"),
    [(0, ("mapi", True, False)), (1, ("mapi", False, True)), (3, ("thunderbird", True, False))],
)
def test_the_other_bitness_helper_runs_only_when_the_dll_did_not_load(
    tmp_path, draft, monkeypatch, own_code, expected
):
    """Sent, cancelled (MAPI_USER_ABORT) or a MAPI failure: the DLL loaded, so no second try."""
    own, _ = recorder(tmp_path, "mapi-own", exit_code=own_code)
    other, other_log = recorder(tmp_path, "mapi-send-x86.exe")
    thunderbird, _ = recorder(tmp_path, "thunderbird")
    use_mapi_helpers(monkeypatch, own, other)
    handed = hand_over(draft, [MAPI, Method("thunderbird", str(thunderbird))])
    assert (handed.method, handed.opened, handed.cancelled) == expected
    assert not other_log.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for the helpers")
@pytest.mark.parametrize("other_code", [100, None], ids=["other-not-loaded-either", "no-bundle"])
def test_mapi_gives_way_to_the_next_method_when_no_bitness_loads_the_dll(
    tmp_path, draft, monkeypatch, other_code
):
    own, _ = recorder(tmp_path, "mapi-own", exit_code=100)
    other = recorder(tmp_path, "mapi-send-x86.exe", other_code)[0] if other_code else None
    thunderbird, thunderbird_log = recorder(tmp_path, "thunderbird")
    use_mapi_helpers(monkeypatch, own, other)
    handed = hand_over(draft, [MAPI, Method("thunderbird", str(thunderbird))])
    assert (handed.method, handed.opened) == ("thunderbird", True)
    assert thunderbird_log.read_text().splitlines()[0] == "-compose"
    assert hand_over(draft, [MAPI]) == HandOver("none", opened=False)


def test_only_the_windows_bundle_has_the_x86_helper(tmp_path, monkeypatch):
    """From a pip install (not frozen) there is none; the bundle's is found where PyInstaller put it."""
    from handoff.channels.mail_programs import handing

    monkeypatch.delattr(sys, "frozen", raising=False)
    assert handing.other_bitness_mapi_helper() is None
    bundle = tmp_path / "handoff"
    internal = bundle / "_internal"
    internal.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "handoff-cli.exe"))
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    assert handing.other_bitness_mapi_helper() is None  # a bundle built without it
    (internal / handing.MAPI_HELPER_X86).write_bytes(b"MZ")
    assert handing.other_bitness_mapi_helper() == [str(internal / "mapi-send-x86.exe")]
