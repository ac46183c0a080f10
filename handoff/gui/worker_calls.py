"""The calls into the core that pages run on worker threads.

Each function here is one use case or read-side call, with its heavy imports
inside so the window starts without openpyxl, py7zr or paramiko. Pages never
call the core from the GUI thread except for instant reads (the protocol list).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from handoff.core.errors import HandoffError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def check_sheet(path: Path, protocol: Any) -> Any:
    """``workbook.check``: the findings for the sheet the worker chose."""
    from handoff.core import workbook

    return workbook.check(path, protocol)


def sheet_from_form(protocol: Any, fields: Mapping[str, str]) -> Any:
    """The referral form as a one-row clean sheet (seeds 001/002: usually one person)."""
    from handoff.core import workbook

    return workbook.sheet_from_fields(protocol, fields)


def secret_needed(protocol: Any, recipient_id: str) -> str | None:
    """The keyring name the channel will need and that is not stored (ask the user first).

    Without a stored secret the channel calls ``ask``; a worker thread cannot
    show a dialog, so the page asks before the job starts and passes the answer.
    """
    from handoff import usecases
    from handoff.core import credentials, settings

    via = usecases.channel_name(protocol.recipient(recipient_id), settings.load())
    name = {"smtp": credentials.SMTP, "sftp": credentials.SFTP}.get(via)
    return name if name and not credentials.has_secret(name) else None


def answer_sheet(request: Path, answer: Path, protocol: Any) -> Any:
    """The answer as a clean sheet: the request's column A and the answer's B-D (seed 004)."""
    from handoff.core import workbook

    return workbook.clean_answer(request, answer, protocol)


def send(
    source: Any,
    protocol: Any,
    recipient_id: str,
    consent: bool,
    progress: Progress,
    cancel: Cancel,
    *,
    handoff_id: str | None = None,
    secret: str | None = None,
    style: str | None = None,
) -> Any:
    """Check, clean, encrypt and deliver as one handoff (``usecases.send``).

    A draft is handed to the mail program from this worker thread, by the
    first method this PC supports (channels.mail_programs: MAPI in a helper
    process, the new Outlook, COM, Thunderbird, xdg-email, the default
    program); the journal records which one, and the page says so when none
    opened it (issue 14 §2).
    """
    from handoff import usecases
    from handoff.core import settings

    config = settings.load()
    sheet = sheet_from_form(protocol, source) if isinstance(source, Mapping) else source
    ask = (lambda _name: secret) if secret else None
    return usecases.send(
        sheet,
        protocol.id,
        recipient_id,
        consent_confirmed=consent,
        handoff_id=handoff_id,
        style=style,  # type: ignore[arg-type]
        ctx=usecases.Context(settings=config, progress=progress, cancel=cancel, ask=ask),
    )


def send_password_sms(
    handoff_id: str,
    protocol_id: str,
    password: Any,
    secret: str | None = None,
    *,
    resend: bool = False,
) -> Any:
    """Send the password by the SMS provider to the role's number (seed 003 art. 6 step 3)."""
    from handoff import usecases

    ask = (lambda _name: secret) if secret else None
    ctx = usecases.Context(ask=ask)
    return usecases.send_password_sms(handoff_id, protocol_id, password, ctx=ctx, resend=resend)


def sms_maybe_sent(handoff_id: str) -> bool:
    """Whether an earlier SMS for this handoff may have arrived (journaled or in this run)."""
    from handoff.channels import sms
    from handoff.core.journal import Journal, Step

    if sms.LEDGER.state(handoff_id) == sms.UNCERTAIN:
        return True
    with Journal() as journal:
        return journal.count(handoff_id=handoff_id, step=Step.PASSWORD_UNCERTAIN) > 0


def confirm_draft_sent(handoff_id: str) -> Any:
    """The worker sent the draft; only now may the password follow (issue 18 §4)."""
    from handoff import usecases

    return usecases.confirm_draft_sent(handoff_id)


def resend(handoff_id: str, secret: str | None = None) -> Any:
    """The same archive again after an uncertain delivery; raises while still uncertain."""
    from handoff import usecases

    ask = (lambda _name: secret) if secret else None
    delivery = usecases.resend(handoff_id, ctx=usecases.Context(ask=ask))
    if delivery.uncertain:
        raise delivery.problem
    return delivery


def confirm_password(handoff_id: str, protocol_id: str, via: str = "phone") -> Any:
    """Journal that the worker passed the password on themselves (phone call or own SMS)."""
    from handoff import usecases

    return usecases.confirm_password_passed(handoff_id, protocol_id, via)  # type: ignore[arg-type]


def records(handoff_id: str) -> list[Any]:
    """This handoff's journal records, oldest first."""
    from handoff.core.journal import Journal

    with Journal() as journal:
        return sorted(journal.records(handoff_id=handoff_id), key=lambda r: r.seq)


def receive(
    archive: Path, protocol_id: str, password: str, progress: Progress, cancel: Cancel
) -> Any:
    """Decrypt into the secure folder (``usecases.receive``)."""
    from handoff import usecases
    from handoff.core import settings

    ctx = usecases.Context(settings=settings.load(), progress=progress, cancel=cancel)
    secure = Path(ctx.config().secure_folder)  # receive checks and creates it
    return usecases.receive(archive, protocol_id, password, secure, ctx=ctx)


def confirm(handoff_id: str, protocol_id: str | None, step: str) -> Any:
    """Journal a step the worker did by hand (deleted the e-mail, the SMS, ...)."""
    from handoff import usecases
    from handoff.core.journal import Step

    return usecases.confirm(handoff_id, protocol_id, Step(step))


def password_style(protocol: Any) -> str:
    """The password style the protocol's channel asks for ("words" to read aloud)."""
    from handoff.core import passwords

    return passwords.style_for(protocol.password_channel.kind)


def sms_available(protocol: Any) -> bool:
    """True when the SMS could go: provider settings and the role's mobile number (the token
    is asked for at the click when the keyring has none)."""
    from handoff import usecases
    from handoff.core import settings

    try:
        usecases.check_sms_ready(protocol, settings.load(), ask=lambda _name: None)
    except HandoffError:  # a broken settings file or SMS set-up: Settings names the problem
        return False
    return True


def open_obligations() -> list[Any]:
    """Every open item of the journal, most urgent first (the to-do lists).

    No journal yet means nothing is open; a reader must not create the file
    while a step on another thread is creating it (that one would find a
    half-made file and call it "not a journal").
    """
    from handoff.core import paths
    from handoff.core.journal import Journal
    from handoff.core.journal.obligations import open_obligations as found

    if not paths.journal_path().exists():
        return []
    with Journal() as journal:
        return found(journal)


def act(handoff_id: str, action: str) -> Any:
    """Close an open item by its action (``usecases.act``): delete now, confirm, void."""
    from handoff import usecases
    from handoff.core import settings

    return usecases.act(handoff_id, action, ctx=usecases.Context(settings=settings.load()))
