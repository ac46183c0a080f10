"""Open obligations: what the journal says still has to happen, most urgent first.

Each obligation is a step that opened it with no later step that closes it
for the same handoff. The protocols fix the closing steps: the password goes
by another channel (seed 003, exchange step 3; seed 004 art. 3); the receiver
deletes the e-mail and the password (seed 003 step 5; seed 004 art. 3 "Beide
partijen verwijderen ook de sleutel(s)"); received files go when due (seed 003
art. 3 "tot uiterlijk 27/09/2024"; seed 004 "met een maximum van 1 jaar";
seeds 001/002 art. 3 until contact); a sealed file's password is held by the
financial director (seed 000 art. 8 c). Queries run on the (step, handoff_id)
indexes so a million records stay well under half a second.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from handoff.core.i18n import Text
from handoff.core.journal.book import Journal
from handoff.core.journal.sentences import day_text

KINDS: dict[str, Text] = {
    "file_overdue": Text(
        "Ontvangen bestanden voorbij hun bewaartermijn (uiterlijk {due}): verwijder ze nu. "
        "Handoff doet het anders bij de volgende opruimronde; blijft dit staan, kijk dan of de "
        "beveiligde map bereikbaar is.",
        "Received files past their retention date ({due}): delete them now. Otherwise "
        "Handoff does so at its next clean-up; if this stays, check that the secure folder "
        "can be reached.",
    ),
    "contact_reminder": Text(
        "Is er contact geweest (herinnering sinds {reminder})? Verwijder dan de ontvangen "
        "gegevens.",
        "Was contact made (reminder since {reminder})? Then delete the received data.",
    ),
    "delivery_uncertain": Text(
        "Het is niet zeker dat het archief aankwam. Vraag het na bij de ontvanger; verstuur "
        "hetzelfde archief opnieuw of vernietig het.",
        "It is not certain that the archive arrived. Check with the recipient; send the same "
        "archive again or void it.",
    ),
    "draft_not_sent": Text(
        "Concept nog niet verstuurd: open het, klik op Verzenden in uw mailprogramma en "
        "bevestig het hier; pas daarna volgt het wachtwoord.",
        "Draft not sent yet: open it, click Send in your mail program and confirm it here; "
        "only then does the password follow.",
    ),
    "password_not_passed": Text(
        "Het archief is vertrokken, maar het doorgeven van het wachtwoord is niet bevestigd. "
        "Is het wachtwoord verloren, vernietig dan het archief en begin opnieuw.",
        "The archive left, but passing on the password was never confirmed. If the password "
        "is lost, void the archive and start again.",
    ),
    "email_not_deleted": Text(
        "Verwijder de e-mail met het archief (ook uit Verwijderde items) en bevestig het.",
        "Delete the e-mail with the archive (also from Deleted Items) and confirm it.",
    ),
    "password_not_deleted": Text(
        "Verwijder het wachtwoord (sms, briefje) en bevestig het.",
        "Delete the password (text message, note) and confirm it.",
    ),
    "custodian_not_confirmed": Text(
        "Verzegeld bestand: de bewaarder van het wachtwoord heeft de ontvangst niet bevestigd.",
        "Sealed file: the password's custodian has not confirmed receipt.",
    ),
    "file_not_deleted": Text(
        "Ontvangen bestanden: bewaren tot uiterlijk {due}; verwijder ze zodra ze niet meer "
        "nodig zijn.",
        "Received files: keep until {due} at the latest; delete them once no longer needed.",
    ),
    "file_until_contact": Text(
        "Ontvangen gegevens: bewaren tot er contact was en duidelijk is of de cliënt hulp "
        "wenst; dan verwijderen.",
        "Received data: keep until contact was made and it is clear whether the client wants "
        "help; then delete.",
    ),
}
RANK = {k: i for i, k in enumerate(KINDS)}

#: Who must act, by the side of the handoff the obligation is on.
ROLES: dict[str, Text] = {
    "receiver": Text("ontvanger", "receiver"),
    "sender": Text("verzender", "sender"),
    "custodian": Text("wie verzegelde", "who sealed it"),
}
ROLE_OF = {
    "delivery_uncertain": "sender",
    "draft_not_sent": "sender",
    "password_not_passed": "sender",
    "custodian_not_confirmed": "custodian",
}

#: What a worker can do about an open item, from the window or ``handoff log act``
#: (``usecases.obligations.act`` carries each out and journals it).
ACTIONS: dict[str, Text] = {
    "delete_now": Text("Nu verwijderen", "Delete now"),
    "delete_after_contact": Text("Contact gehad — nu verwijderen", "Contact made — delete now"),
    "confirm_file_deleted": Text("Ik heb de bestanden verwijderd", "I deleted the files"),
    "confirm_email_deleted": Text("E-mail verwijderd", "E-mail deleted"),
    "confirm_password_deleted": Text("Wachtwoord verwijderd", "Password deleted"),
    "confirm_custodian": Text("Bewaarder heeft het", "Custodian has it"),
    "confirm_draft_sent": Text("Concept is verstuurd", "Draft was sent"),
    "void": Text("Archief vernietigen", "Void the archive"),
}
_KIND_ACTIONS: dict[str, tuple[str, ...]] = {
    "file_overdue": ("delete_now",),
    "file_not_deleted": ("delete_now",),
    "contact_reminder": ("delete_after_contact",),
    "file_until_contact": ("delete_after_contact",),
    "email_not_deleted": ("confirm_email_deleted",),
    "password_not_deleted": ("confirm_password_deleted",),
    "custodian_not_confirmed": ("confirm_custodian",),
    "draft_not_sent": ("confirm_draft_sent", "void"),
    "delivery_uncertain": ("void",),
    "password_not_passed": ("void",),
}
SOON = Text("zo snel mogelijk", "as soon as possible")


@dataclass(frozen=True)
class Obligation:
    """One thing still to do for one handoff, by whom and by when."""

    kind: str
    handoff_id: str
    protocol_id: str | None
    since: datetime
    due: date | None = None
    reminder: date | None = None
    account: str = ""  # who did the step that opened it: the one to act
    chosen_folder: bool = False  # unpacked where the worker chose: Handoff cannot delete it

    @property
    def overdue(self) -> bool:
        return self.kind == "file_overdue"

    @property
    def text(self) -> Text:
        return KINDS[self.kind]

    @property
    def deadline(self) -> date | None:
        """The concrete date to act by (or, until contact, the reminder's); None: no fixed day."""
        return self.due or self.reminder

    @property
    def actions(self) -> tuple[str, ...]:
        """The action codes of :data:`ACTIONS` that close this item."""
        if self.chosen_folder and self.kind in ("file_overdue", "file_not_deleted",
                                                "contact_reminder", "file_until_contact"):  # fmt: skip
            return ("confirm_file_deleted",)
        return _KIND_ACTIONS.get(self.kind, ())

    def message(self, lang: str | None = None) -> str:
        return self.text.render(lang, due=day_text(self.due), reminder=day_text(self.reminder))

    def who(self, lang: str | None = None) -> str:
        """'jan.peeters (ontvanger)': the account that did the opening step, and its side."""
        role = ROLES[ROLE_OF.get(self.kind, "receiver")].render(lang)
        return f"{self.account} ({role})" if self.account else role

    def when(self, lang: str | None = None) -> str:
        """'uiterlijk 12/12/2026', 'herinnering op 09/12/2026' or 'zo snel mogelijk'; never '-'."""
        if self.due is not None:
            return Text("uiterlijk {day}", "by {day}").render(lang, day=day_text(self.due))
        if self.reminder is not None:
            return Text("herinnering op {day}", "reminder on {day}").render(
                lang, day=day_text(self.reminder)
            )
        if self.kind == "file_until_contact":
            return Text("na contact", "after contact").render(lang)
        return SOON.render(lang)

    def sort_key(self) -> tuple:
        return (RANK[self.kind], self.due or date.max, self.since)


def open_rows(journal: Journal, kind: str) -> list[tuple]:
    """(handoff_id, protocol_id, time, details, account) of the records opening ``kind``, still open.

    Read from ``open_items``, which a trigger keeps in step with every insert
    (store.OBLIGATION_RULES), so this costs milliseconds at any size.
    """
    return journal.select(
        "SELECT r.handoff_id, r.protocol_id, r.time, r.details, r.account FROM open_items i "
        "JOIN records r ON r.id = i.record_id WHERE i.kind = ? ORDER BY r.id",
        (kind,),
    )


def _first_per_handoff(rows: list[tuple]) -> dict[str, tuple]:
    seen: dict[str, tuple] = {}
    for row in rows:
        seen.setdefault(row[0], row)
    return seen


def _simple(journal: Journal, kind: str) -> list[Obligation]:
    rows = list(_first_per_handoff(open_rows(journal, kind)).values())
    if kind == "password_not_passed":  # a voided archive needs no password any more
        voided = {r[0] for r in _unresolved(journal, "archive_voided", ())}
        rows = [r for r in rows if r[0] not in voided]
    return [Obligation(kind, h, p, _time(t), account=a) for h, p, t, _, a in rows]


#: Obligations of issue 18 read straight from the records (they need no cache rule, so
#: journals made before them show them too): opening step -> the steps that close it.
UNRESOLVED = {
    "delivery_uncertain": ("delivery_uncertain", ("sent", "uploaded", "archive_voided")),
    "draft_not_sent": ("draft_handed", ("draft_sent", "archive_voided", "password_passed")),
}


def _unresolved(journal: Journal, opening: str, closing: tuple[str, ...]) -> list[tuple]:
    """(handoff_id, protocol_id, time, account) of each ``opening`` record not closed later."""
    marks = ", ".join("?" for _ in closing) or "NULL"
    return journal.select(
        "SELECT r.handoff_id, r.protocol_id, r.time, r.account FROM records r WHERE r.step = ? "
        "AND NOT EXISTS (SELECT 1 FROM records c WHERE c.handoff_id = r.handoff_id "
        f"AND c.step IN ({marks}) AND c.id > r.id) ORDER BY r.id",
        (opening, *closing),
    )


def _issue18(journal: Journal) -> list[Obligation]:
    found = []
    for kind, (opening, closing) in UNRESOLVED.items():
        rows = {r[0]: r for r in _unresolved(journal, opening, closing)}  # the latest per handoff
        found += [Obligation(kind, h, p, _time(t), account=a) for h, p, t, a in rows.values()]
    return found


def _received(journal: Journal) -> list[Obligation]:
    """E-mail and password deletions to confirm; SFTP has no e-mail, plain files no password."""
    found = []
    for kind, skip in (
        ("email_not_deleted", ("channel", "sftp")),
        ("password_not_deleted", ("encrypted", False)),
    ):
        for h, p, t, details, a in _first_per_handoff(open_rows(journal, kind)).values():
            if json.loads(details).get(skip[0], None) != skip[1]:
                found.append(Obligation(kind, h, p, _time(t), account=a))
    return found


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _stored(journal: Journal, today: date) -> list[Obligation]:
    found = []
    for h, p, t, details, a in _first_per_handoff(open_rows(journal, "stored")).values():
        info = json.loads(details)
        due, reminder = _day(info.get("due")), _day(info.get("reminder"))
        if due is not None and due <= today:
            kind = "file_overdue"
        elif due is None and reminder is not None and reminder <= today:
            kind = "contact_reminder"
        elif due is None:
            kind = "file_until_contact"
        else:
            kind = "file_not_deleted"
        chosen = info.get("destination") == "chosen_folder"
        found.append(Obligation(kind, h, p, _time(t), due, reminder, a, chosen))
    return found


def open_obligations(journal: Journal, today: date | None = None) -> list[Obligation]:
    """Everything still open, overdue deletions first, then by kind and age."""
    today = today or date.today()
    found = [
        *_stored(journal, today),
        *_issue18(journal),
        *_simple(journal, "password_not_passed"),
        *_received(journal),
        *_simple(journal, "custodian_not_confirmed"),
    ]
    return sorted(found, key=Obligation.sort_key)
