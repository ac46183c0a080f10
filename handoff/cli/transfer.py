"""``handoff send``, ``receive``, ``confirm`` and ``password``: one journaled handoff each.

These are thin: parse, call the use case in :mod:`handoff.usecases`,
print. Results go to stdout (scripts read them): `send` prints the reference,
then any generated password it shows, on its own line: stdout is the one
stream every command prints a password on (pack, seal, send); guidance goes
to stderr.

Exit codes beyond 0/2: 1 (:data:`EXIT_UNSETTLED`) the archive's arrival is
uncertain; 3 (:data:`EXIT_PASSWORD_NOT_SENT`) the archive left but the SMS
with the password did not (certainly) go, and the password was shown once so
the worker can pass it on by phone (issue 18 §3, §4).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from handoff.cli._prompts import (
    add_allow_unencrypted,
    add_consent_confirmed,
    add_password_stdin,
    read_password,
    say,
    terminal_ask,
)
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text, tr
from handoff.core.passwords import Password

EXIT_PASSWORD_NOT_SENT = 3

CONFIRM_STEPS = {
    "email-deleted": "email_deleted",
    "password-deleted": "password_deleted",
    "custodian": "custodian_confirmed",  # usecases.confirm checks it was sealed
    "consent": "consent_confirmed",
}

#: Exit code when the archive may or may not have arrived, or the password is still to pass.
EXIT_UNSETTLED = 1


def register(sub: argparse._SubParsersAction) -> None:
    """Add send, receive and confirm."""
    send = sub.add_parser(
        "send",
        help=tr(
            "blad controleren, versleutelen, versturen en het wachtwoord doorgeven",
            "check, encrypt and send a sheet, then pass the password on",
        ),
    )
    send.add_argument("file", type=Path)
    send.add_argument("--protocol", required=True)
    send.add_argument(
        "--to", required=True, help=tr("ontvanger uit het protocol", "recipient from the protocol")
    )
    send.add_argument("--via", choices=("draft", "smtp", "sftp"))
    send.add_argument("--password-via", choices=("sms", "manual"), default="manual")
    add_consent_confirmed(send)
    send.set_defaults(func=_send)

    receive = sub.add_parser(
        "receive",
        help=tr(
            "ontvangen archief ontsleutelen naar de beveiligde map",
            "decrypt a received archive into the secure folder",
        ),
    )
    receive.add_argument("archive", type=Path)
    receive.add_argument("--protocol", required=True)
    add_password_stdin(receive)
    add_allow_unencrypted(receive)
    receive.set_defaults(func=_receive)

    resend = sub.add_parser(
        "resend",
        help=tr(
            "hetzelfde archief opnieuw versturen na een onzekere verzending",
            "send the same archive again after an uncertain delivery",
        ),
    )
    resend.add_argument("reference")
    resend.set_defaults(func=_resend)

    void = sub.add_parser(
        "void",
        help=tr(
            "een archief met onzekere aankomst of een onverstuurd concept vernietigen",
            "void an archive of uncertain arrival or an unsent draft",
        ),
    )
    void.add_argument("reference")
    void.set_defaults(func=_void)

    confirm = sub.add_parser(
        "confirm",
        help=tr(
            "een stap bevestigen die u buiten Handoff deed",
            "confirm a step you did outside Handoff",
        ),
    )
    confirm.add_argument("reference")
    confirm.add_argument(
        "step", choices=(*CONFIRM_STEPS, "password-passed", "file-deleted", "draft-sent")
    )
    confirm.add_argument("--via", choices=("phone", "sms"), default="phone")
    confirm.set_defaults(func=_confirm)

    password = sub.add_parser(
        "password",
        help=tr(
            "het wachtwoord later doorgeven, bv. nadat u het concept verstuurde",
            "pass the password on later, e.g. after you sent the draft",
        ),
    )
    password.add_argument("reference")
    password.add_argument("--via", choices=("sms", "phone"), required=True)
    password.add_argument(
        "--again",
        action="store_true",
        help=tr(
            "de sms toch opnieuw versturen, hoewel een eerdere poging misschien aankwam",
            "send the SMS again although an earlier attempt may have arrived",
        ),
    )
    add_password_stdin(password)
    password.set_defaults(func=_password)


def _send(args: argparse.Namespace) -> int:
    from handoff import usecases

    password_via = "sms" if args.password_via == "sms" else None
    sent = usecases.send(
        args.file,
        args.protocol,
        args.to,
        via=args.via,
        password_via=password_via,
        consent_confirmed=args.consent_confirmed,
        ctx=usecases.Context(ask=terminal_ask()),
    )
    packaged = sent.packaged
    print(packaged.handoff_id)
    if sent.delivery.location is not None:
        return _draft_written(sent)
    if sent.delivery.uncertain:
        return _uncertain(sent)
    if args.password_via == "sms":
        return _password_by_sms(packaged.handoff_id, args.protocol, packaged.password, show=True)
    return _pass_manually(packaged.handoff_id, args.protocol, packaged.password)


def _draft_written(sent: Any) -> int:
    """A draft: the password waits until the worker sent it (issue 18 §4)."""
    ref = sent.packaged.handoff_id
    if sent.delivery.details.get("opened") is False:
        say(
            "Het e-mailprogramma kon niet starten. Open het concept zelf en verstuur het: {path}",
            "The mail program could not start. Open the draft yourself and send it: {path}",
            path=sent.delivery.location,
        )
    else:
        say(
            "Concept klaargezet voor uw e-mailprogramma: {path}",
            "Draft handed to your mail program: {path}",
            path=sent.delivery.location,
        )
    say(
        "Het wachtwoord hieronder wordt nergens bewaard: noteer het nu. Geef het pas door NADAT "
        "u de e-mail verstuurd hebt, en bevestig dan:\n  handoff confirm {ref} draft-sent\n  "
        "handoff password {ref} --via sms   (vraagt het wachtwoord)  of  --via phone",
        "The password below is kept nowhere: note it now. Pass it on only AFTER you sent the "
        "e-mail, then confirm:\n  handoff confirm {ref} draft-sent\n  "
        "handoff password {ref} --via sms   (asks for the password)  or  --via phone",
        ref=ref,
    )
    _show_password(sent.packaged.protocol.id, sent.packaged.password)
    return 0


def _uncertain(sent: Any) -> int:
    """The archive may have arrived: same password, same archive on a retry (issue 18 §3)."""
    ref = sent.packaged.handoff_id
    print(sent.delivery.problem.message(), file=sys.stderr)
    say(
        "Het archief blijft in de uitgaande map; het wachtwoord hieronder is nergens bewaard.",
        "The archive stays in the outbox; the password below is kept nowhere.",
    )
    _show_password(sent.packaged.protocol.id, sent.packaged.password)
    say(
        "Kwam het aan, geef dan het wachtwoord door: handoff password {ref} --via sms|phone. "
        "Kwam het niet aan: handoff resend {ref} (hetzelfde archief, hetzelfde wachtwoord) of "
        "handoff void {ref} (daarna een nieuwe overdracht).",
        "If it arrived, pass the password on: handoff password {ref} --via sms|phone. If not: "
        "handoff resend {ref} (same archive, same password) or handoff void {ref} (then a new "
        "handoff).",
        ref=ref,
    )
    return EXIT_UNSETTLED


def _resend(args: argparse.Namespace) -> int:
    from handoff import usecases

    delivery = usecases.resend(args.reference, ctx=usecases.Context(ask=terminal_ask()))
    if delivery.uncertain:
        print(delivery.problem.message(), file=sys.stderr)
        return EXIT_UNSETTLED
    say(
        "Hetzelfde archief is aangekomen. Geef nu het wachtwoord door: "
        "handoff password {ref} --via sms|phone",
        "The same archive arrived. Now pass the password on: handoff password {ref} --via sms|phone",
        ref=args.reference,
    )
    return 0


def _void(args: argparse.Namespace) -> int:
    from handoff import usecases

    record = usecases.void(args.reference)
    say(
        "Archief vernietigd (record {seq}). Start een nieuwe overdracht met een nieuw wachtwoord.",
        "Archive voided (record {seq}). Start a new handoff with a new password.",
        seq=record.seq,
    )
    return 0


def _password_by_sms(
    handoff_id: str, protocol_id: str, password: Password, *, show: bool, again: bool = False
) -> int:
    """Send the SMS; if it did not (certainly) go, the password is shown once to phone it."""
    from handoff import usecases

    ctx = usecases.Context(ask=terminal_ask())
    try:
        usecases.send_password_sms(handoff_id, protocol_id, password, ctx=ctx, resend=again)
    except usecases.PasswordNotSent as exc:
        print(exc.message(), file=sys.stderr)
        if show:
            _show_password(protocol_id, password)
        _after_failed_sms(handoff_id, exc.uncertain)
        return EXIT_PASSWORD_NOT_SENT
    say("Wachtwoord per sms verstuurd.", "Password sent by SMS.")
    return 0


def _after_failed_sms(handoff_id: str, uncertain: bool) -> None:
    say(
        "Het wachtwoord is nog niet als doorgegeven genoteerd. Bevestig na uw telefoontje: "
        "handoff confirm {ref} password-passed --via phone",
        "The password is not recorded as passed on yet. Confirm after your call: "
        "handoff confirm {ref} password-passed --via phone",
        ref=handoff_id,
    )
    if uncertain:
        say(
            "Kwam de sms niet aan? Verstuur de sms dan bewust opnieuw: "
            "handoff password {ref} --via sms --again",
            "If the SMS did not arrive, send it again on purpose: "
            "handoff password {ref} --via sms --again",
            ref=handoff_id,
        )


def _show_password(protocol_id: str, password: Password) -> None:
    """The password once, on the terminal (stderr), with whom to give it to."""
    from handoff.core import protocols

    role = protocols.get(protocol_id).password_channel.role.render()
    say(
        "Geef dit wachtwoord via een ander kanaal (telefoon of sms) door aan {role}:",
        "Pass this password on by another channel (phone or SMS) to {role}:",
        role=role,
    )
    print(password.grouped(), flush=True)
    say("Sterkte: {bits} bits.", "Strength: {bits} bits.", bits=round(password.bits))


def _pass_manually(handoff_id: str, protocol_id: str, password: Password) -> int:
    """Show the password once; journal the passing only when the user says it is done."""
    from handoff import usecases

    _show_password(protocol_id, password)
    if not sys.stdin.isatty():
        say(
            "Bevestig daarna: handoff confirm {ref} password-passed --via phone",
            "Then confirm: handoff confirm {ref} password-passed --via phone",
            ref=handoff_id,
        )
        return 0
    answer = input(tr("Doorgegeven? [j/N] ", "Passed on? [y/N] ")).strip().lower()
    if answer in ("j", "ja", "y", "yes"):
        usecases.confirm_password_passed(handoff_id, protocol_id, "phone")
        say("Genoteerd in het logboek.", "Recorded in the journal.")
    return 0


def _receive(args: argparse.Namespace) -> int:
    from handoff import usecases
    from handoff.core import settings as settings_module

    secure = settings_module.load().secure_folder  # receive checks and creates it
    password = read_password(args.password_stdin)
    received = usecases.receive(
        args.archive,
        args.protocol,
        password,
        secure,
        allow_unencrypted=args.allow_unencrypted,
    )
    print(received.folder)
    from handoff.cli.archive import warn_unprotected

    warn_unprotected(received.encrypted, received.headers_encrypted)
    if received.due:
        say("Verwijderen uiterlijk op {due}.", "Delete by {due} at the latest.", due=received.due)
    else:
        say(
            "Verwijderen zodra het contact gelegd is ({rule}).",
            "Delete as soon as contact was made ({rule}).",
            rule=received.protocol.retention.describe().render(),
        )
    say(
        "Verwijder nu de e-mail met het archief en de sms met het wachtwoord, en bevestig: "
        "handoff confirm {ref} email-deleted / password-deleted",
        "Now delete the e-mail with the archive and the SMS with the password, and confirm: "
        "handoff confirm {ref} email-deleted / password-deleted",
        ref=received.handoff_id,
    )
    return 0


def _protocol_of(reference: str) -> str | None:
    from handoff.core.journal import Journal

    with Journal() as journal:
        records = journal.records(handoff_id=reference, limit=1)
    if not records:
        raise HandoffError(
            "unknown_handoff",
            Text(
                "Overdracht {ref} staat niet in het logboek van deze computer.",
                "Handoff {ref} is not in this computer's journal.",
            ),
            ref=reference,
        )
    return records[0].protocol_id


def _required(protocol_id: str | None) -> str:
    """The password step needs the protocol (its role and channel)."""
    if protocol_id is None:
        raise HandoffError(
            "no_protocol",
            Text("Deze overdracht heeft geen protocol.", "This handoff has no protocol."),
        )
    return protocol_id


def _password(args: argparse.Namespace) -> int:
    """``handoff password HO-… --via sms|phone``: the password step after the archive left."""
    from handoff import usecases

    protocol_id = _required(_protocol_of(args.reference))
    if args.via == "phone":
        record = usecases.confirm_password_passed(args.reference, protocol_id, "phone")
        say("Genoteerd als record {seq}.", "Recorded as record {seq}.", seq=record.seq)
        return 0
    password = _typed_password(args.password_stdin)
    if not usecases.check_typed_password(args.reference, password):
        say(
            "Het archief van {ref} staat niet meer op deze computer; Handoff kon het wachtwoord "
            "daarom niet controleren. Kijk het zelf na.",
            "The archive of {ref} is no longer on this computer, so Handoff could not check "
            "the password. Check it yourself.",
            ref=args.reference,
        )
    return _password_by_sms(args.reference, protocol_id, password, show=False, again=args.again)


def _typed_password(from_stdin: bool) -> Password:
    """The password shown earlier, typed back; only a password Handoff generated is accepted."""
    from handoff.core import passwords

    password = passwords.recognise(read_password(from_stdin))
    if password is None:
        raise HandoffError(
            "not_a_generated_password",
            Text(
                "Dit is geen wachtwoord zoals Handoff het maakt (vier groepen van vier tekens, "
                "of zes woorden). Er is geen sms verstuurd; neem het over zoals het getoond werd.",
                "This is not a password as Handoff makes them (four groups of four characters, "
                "or six words). No SMS was sent; copy it as it was shown.",
            ),
        )
    return password


def _confirm(args: argparse.Namespace) -> int:
    from handoff import usecases
    from handoff.core.journal import Step

    protocol_id = _protocol_of(args.reference)
    if args.step == "password-passed":
        record = usecases.confirm_password_passed(args.reference, _required(protocol_id), args.via)
    elif args.step == "draft-sent":
        record = usecases.confirm_draft_sent(args.reference)
        say(
            "Genoteerd. Geef nu het wachtwoord door: handoff password {ref} --via sms|phone",
            "Recorded. Now pass the password on: handoff password {ref} --via sms|phone",
            ref=args.reference,
        )
    elif args.step == "file-deleted":
        record = usecases.confirm_file_deleted(args.reference)
    else:
        record = usecases.confirm(args.reference, protocol_id, Step(CONFIRM_STEPS[args.step]))
    say("Genoteerd als record {seq}.", "Recorded as record {seq}.", seq=record.seq)
    return 0
