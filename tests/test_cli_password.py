"""`handoff send --password-via sms`, `handoff password` and `handoff confirm password-passed`.

Against the real SMTP and SMS gateway servers on loopback (issue 18 §2, §4, §5):
the exit code, what the worker reads, whether the password was shown, the
journal's steps and what the servers received.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sheets import THUISPUNT_HEADERS, THUISPUNT_RENEWED, thuispunt_rows, write_sheet

from handoff.channels import sms
from handoff.cli import main
from handoff.core import credentials, protocols, settings
from handoff.core.journal import Journal, Step
from handoff.core.journal.obligations import open_obligations
from tests.servers.sms_gateway import SID, TOKEN, sms_gateway
from tests.servers.smtp_server import PASSWORD as SMTP_PASSWORD
from tests.servers.smtp_server import loopback_mail, smtp_server

THUISPUNT = THUISPUNT_RENEWED  # seed 003 as an organisation renewed it: conftest.thuispunt
pytestmark = pytest.mark.usefixtures("thuispunt")
REF = "HO-20261127-CD34EF"
TYPED = "7kq2 m9xd px4r t6wz"  # as a worker copies it from the screen
CANONICAL = "7KQ2-M9XD-PX4R-T6WZ"


@pytest.fixture(autouse=True)
def _fresh_ledger(monkeypatch):
    monkeypatch.setattr(sms, "LEDGER", sms.Ledger())


def _configure(url: str, *, phone: str | None = "0499 12 34 56", mail=None) -> None:
    s = settings.load()
    s.sms = settings.SmsSettings("cm", url, SID, "Thuispunt")
    key = protocols.get(THUISPUNT).password_channel.directory_key
    s.directory = {key: phone} if phone else {}
    if mail is not None:
        s.mail = mail
    settings.save(s)


def _journal(*steps: Step) -> None:
    with Journal() as journal:
        for step in steps:
            details = {"channel": "smtp"} if step is Step.SENT else {}
            journal.append(step, handoff_id=REF, protocol_id=THUISPUNT, details=details)


def _steps(ref: str = REF) -> list[Step]:
    with Journal() as journal:
        return [r.step for r in sorted(journal.records(handoff_id=ref), key=lambda r: r.seq)]


def _run(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["--lang", "nl", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_confirm_password_passed_is_refused_when_the_archive_never_left(capsys, monkeypatch):
    _journal(Step.PACKAGED)
    code, _, err = _run(capsys, monkeypatch, "confirm", REF, "password-passed")
    assert code == 2
    assert "niet verstuurd" in err and "gaat nooit eerst" in err and REF in err
    assert _steps() == [Step.PACKAGED]
    _journal(Step.SENT)
    code, _, err = _run(capsys, monkeypatch, "confirm", REF, "password-passed")
    assert code == 0
    assert _steps() == [Step.PACKAGED, Step.SENT, Step.PASSWORD_PASSED]


def test_password_later_by_sms_sends_the_canonical_password(capsys, monkeypatch):
    credentials.set_secret("sms", TOKEN)
    _journal(Step.PACKAGED, Step.DRAFT_HANDED, Step.DRAFT_SENT)  # the worker sent the draft
    with sms_gateway() as gw:
        _configure(gw.url)
        code, _, err = _run(
            capsys, monkeypatch, "password", REF, "--via", "sms", "--password-stdin", stdin=TYPED
        )
    assert code == 0 and "per sms verstuurd" in err
    (request,) = gw.requests
    assert request["json"]["messages"]["msg"][0]["body"]["content"].endswith(CANONICAL)
    assert _steps() == [Step.PACKAGED, Step.DRAFT_HANDED, Step.DRAFT_SENT, Step.PASSWORD_PASSED]


def test_password_later_refuses_what_is_not_a_generated_password(capsys, monkeypatch):
    credentials.set_secret("sms", TOKEN)
    _journal(Step.SENT)
    with sms_gateway() as gw:
        _configure(gw.url)
        code, _, err = _run(
            capsys, monkeypatch, "password", REF, "--via", "sms", "--password-stdin", stdin="7KQ2"
        )
    assert code == 2 and "geen wachtwoord zoals Handoff het maakt" in err
    assert gw.requests == []
    assert _steps() == [Step.SENT]


def test_dropped_sms_exits_3_journals_uncertain_and_again_resends_on_request(capsys, monkeypatch):
    credentials.set_secret("sms", TOKEN)
    _journal(Step.SENT)
    args = ("password", REF, "--via", "sms", "--password-stdin")
    with sms_gateway("drop") as gw:
        _configure(gw.url)
        code, out, err = _run(capsys, monkeypatch, *args, stdin=TYPED)
        assert code == 3
        assert "verbrak de verbinding" in err and "--again" in err
        assert CANONICAL not in err + out  # the worker typed it: not printed again
        gw.mode = "accept"
        code, _, err = _run(capsys, monkeypatch, *args, stdin=TYPED)
        assert code == 2 and "mogelijk al aangekomen" in err
        assert len(gw.requests) == 1
        code, _, err = _run(capsys, monkeypatch, *args, "--again", stdin=TYPED)
    assert code == 0
    assert len(gw.requests) == 2
    assert _steps() == [Step.SENT, Step.PASSWORD_UNCERTAIN, Step.PASSWORD_PASSED]


def test_password_later_by_phone_is_journaled(capsys, monkeypatch):
    _journal(Step.UPLOADED)
    code, _, err = _run(capsys, monkeypatch, "password", REF, "--via", "phone")
    assert code == 0 and "Genoteerd" in err
    assert _steps() == [Step.UPLOADED, Step.PASSWORD_PASSED]


def _sheet(tmp_path: Path) -> Path:
    return write_sheet(tmp_path / "cir.xlsx", THUISPUNT_HEADERS, thuispunt_rows())


def _send_by_sms(tmp_path: Path, capsys, monkeypatch) -> tuple[int, str, str]:
    """``handoff send SHEET --password-via sms`` to the protocol's first recipient."""
    recipient = protocols.get(THUISPUNT).recipients[0].id
    return _run(
        capsys, monkeypatch, "send", str(_sheet(tmp_path)), "--protocol", THUISPUNT,
        "--to", recipient, "--password-via", "sms",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("phone", "token", "said"),
    [(None, TOKEN, "geen gsm-nummer"), ("0499 12 34 56", None, "handoff settings secret sms")],
    ids=["no_number", "no_token"],
)
def test_send_with_sms_refuses_before_packing(tmp_path, capsys, monkeypatch, phone, token, said):
    if token is not None:
        credentials.set_secret("sms", token)
    with sms_gateway() as gw:
        _configure(gw.url, phone=phone)
        code, out, err = _send_by_sms(tmp_path, capsys, monkeypatch)
    assert code == 2 and said in err
    assert out == ""
    with Journal() as journal:
        assert journal.records() == []  # nothing packed, nothing left
    assert gw.requests == []


def _send_over_smtp_with_sms(tmp_path, certdir, capsys, monkeypatch, gateway_mode: str):
    """``handoff send --password-via sms`` over real STARTTLS SMTP to a gateway in ``gateway_mode``.

    Returns the exit code, stdout, stderr, the mail inbox and the gateway.
    """
    credentials.set_secret(credentials.SMTP, SMTP_PASSWORD)
    credentials.set_secret("sms", TOKEN)
    with smtp_server(certdir) as (port, inbox), sms_gateway(gateway_mode) as gw:
        _configure(gw.url, mail=loopback_mail(port, certdir))
        code, out, err = _send_by_sms(tmp_path, capsys, monkeypatch)
    return code, out, err, inbox, gw


def test_send_over_smtp_then_sms_500_shows_the_password_once(
    tmp_path, certdir, capsys, monkeypatch
):
    code, out, err, inbox, gw = _send_over_smtp_with_sms(
        tmp_path, certdir, capsys, monkeypatch, "server_error"
    )
    ref, shown = out.splitlines()  # results on stdout: the reference, then the password once
    assert code == 3
    assert len(inbox.messages) == 1 and len(gw.requests) == 1
    assert "storing (HTTP 500)" in err and "geen sms verstuurd" in err
    assert len(shown) == 19 and shown.count("-") == 3  # the password, to pass on by phone
    assert shown not in err
    assert f"handoff confirm {ref} password-passed --via phone" in err
    assert _steps(ref) == [Step.PACKAGED, Step.SENT]
    with Journal() as journal:
        assert [o.kind for o in open_obligations(journal)] == ["password_not_passed"]


def test_an_uncertain_sms_the_journal_cannot_record_still_shows_the_password(
    tmp_path, certdir, capsys, monkeypatch
):
    """Issue 18 §4: the password is never lost. The gateway drops the line (the SMS may have
    gone) and the journal refuses the PASSWORD_UNCERTAIN record: still PasswordNotSent, so the
    password is shown, the worker hears both facts, and the resend hint stays."""
    from handoff.core.errors import HandoffError
    from handoff.core.i18n import Text

    real_append = Journal.append

    def refuse_uncertain(self, step, **kwargs):
        if step == Step.PASSWORD_UNCERTAIN:
            raise HandoffError(
                "journal_busy", Text("Het logboek is bezet.", "The journal is busy.")
            )
        return real_append(self, step, **kwargs)

    monkeypatch.setattr(Journal, "append", refuse_uncertain)
    code, out, err, inbox, gw = _send_over_smtp_with_sms(
        tmp_path, certdir, capsys, monkeypatch, "drop"
    )
    ref, shown = out.splitlines()
    assert code == 3 and len(gw.requests) == 1 and len(inbox.messages) == 1
    assert len(shown) == 19 and shown.count("-") == 3 and shown not in err
    assert "verbrak de verbinding" in err and "Het logboek is bezet." in err
    assert "--again" in err
    assert _steps(ref) == [Step.PACKAGED, Step.SENT]


OTHER = "7KQ2-M9XD-PX4R-T6WA"  # generated-looking, but another handoff's


def _archive_on_this_pc(tmp_path: Path, where: str) -> None:
    """Pack REF with CANONICAL; keep it as the outbox copy or as the draft's attachment."""
    from handoff import usecases
    from handoff.channels.email_draft import DraftChannel
    from handoff.core.passwords import recognise

    outbox = settings.load().outbox
    outbox.mkdir(parents=True, exist_ok=True)
    target = outbox / f"{REF}.7z" if where == "outbox" else tmp_path / f"{REF}.7z"
    usecases.package(
        _sheet(tmp_path), THUISPUNT, target, password=recognise(CANONICAL), handoff_id=REF
    )
    if where == "draft":
        recipient = protocols.get(THUISPUNT).recipients[0]
        DraftChannel(settings.load(), opener=None).deliver(
            target, recipient, protocols.get(THUISPUNT), REF
        )
        target.unlink()
    _journal(Step.SENT)


@pytest.mark.parametrize("where", ["outbox", "draft"])
def test_password_later_is_checked_against_the_archive_still_here(
    tmp_path, capsys, monkeypatch, where
):
    """Another handoff's password, typed back, is refused before any SMS; the right one goes."""
    credentials.set_secret("sms", TOKEN)
    args = ("password", REF, "--via", "sms", "--password-stdin")
    with sms_gateway() as gw:
        _configure(gw.url)
        _archive_on_this_pc(tmp_path, where)
        code, out, err = _run(capsys, monkeypatch, *args, stdin=OTHER)
        assert code == 2 and "opent het archief van" in err and "geen sms verstuurd" in err
        assert gw.requests == [] and OTHER not in out + err
        code, _, err = _run(capsys, monkeypatch, *args, stdin=TYPED)
    assert code == 0 and "niet controleren" not in err
    assert len(gw.requests) == 1
    assert _steps()[-1] == Step.PASSWORD_PASSED


def test_password_later_says_when_no_archive_is_left_to_check(capsys, monkeypatch):
    credentials.set_secret("sms", TOKEN)
    _journal(Step.SENT)
    with sms_gateway() as gw:
        _configure(gw.url)
        code, _, err = _run(
            capsys, monkeypatch, "password", REF, "--via", "sms", "--password-stdin", stdin=OTHER
        )
    assert code == 0 and "kon het wachtwoord daarom niet controleren" in err
    assert len(gw.requests) == 1
