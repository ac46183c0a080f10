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

KINDS: dict[str, Text] = {
    "file_overdue": Text(
        "Ontvangen bestanden voorbij hun bewaartermijn ({due}): Handoff verwijdert ze "
        "bij de volgende opruimronde (bij het openen en elke dag). Blijft dit staan, "
        "kijk dan of de beveiligde map bereikbaar is.",
        "Received files past their retention date ({due}): Handoff deletes them at "
        "its next clean-up (when it opens and every day). If this stays, check that "
        "the secure folder can be reached.",
    ),
    "contact_reminder": Text(
        "Herinnering ({reminder}): is er contact geweest? Verwijder dan de ontvangen gegevens.",
        "Reminder ({reminder}): was contact made? Then delete the received data.",
    ),
    "delivery_uncertain": Text(
        "Het is niet zeker dat het archief aankwam. Vraag het na bij de ontvanger; verstuur "
        "hetzelfde archief opnieuw of vernietig het.",
        "It is not certain that the archive arrived. Check with the recipient; send the same "
        "archive again or void it.",
    ),
    "draft_not_sent": Text(
        "Concept nog niet verstuurd: verstuur de e-mail en bevestig het, pas daarna volgt "
        "het wachtwoord.",
        "Draft not sent yet: send the e-mail and confirm it; only then does the password follow.",
    ),
    "password_not_passed": Text(
        "Archief verstuurd, maar het doorgeven van het wachtwoord is niet bevestigd.",
        "Archive sent, but passing on the password was never confirmed.",
    ),
    "email_not_deleted": Text(
        "Bevestig dat de e-mail met het archief verwijderd is.",
        "Confirm that the e-mail with the archive was deleted.",
    ),
    "password_not_deleted": Text(
        "Bevestig dat het wachtwoord verwijderd is (sms, briefje).",
        "Confirm that the password was deleted (text message, note).",
    ),
    "custodian_not_confirmed": Text(
        "Verzegeld bestand: de bewaarder van het wachtwoord heeft de ontvangst niet bevestigd.",
        "Sealed file: the password's custodian has not confirmed receipt.",
    ),
    "file_not_deleted": Text(
        "Ontvangen bestanden nog niet verwijderd (uiterlijk {due}).",
        "Received files not deleted yet (due {due}).",
    ),
}
RANK = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class Obligation:
    """One thing still to do for one handoff."""

    kind: str
    handoff_id: str
    protocol_id: str | None
    since: datetime
    due: date | None = None
    reminder: date | None = None

    @property
    def overdue(self) -> bool:
        return self.kind == "file_overdue"

    @property
    def text(self) -> Text:
        return KINDS[self.kind]

    def message(self, lang: str | None = None) -> str:
        return self.text.render(lang, due=self.due or "-", reminder=self.reminder or "-")

    def sort_key(self) -> tuple:
        return (RANK[self.kind], self.due or date.max, self.since)


def open_rows(journal: Journal, kind: str) -> list[tuple]:
    """(handoff_id, protocol_id, time, details) of the records that opened ``kind`` and stay open.

    Read from ``open_items``, which a trigger keeps in step with every insert
    (store.OBLIGATION_RULES), so this costs milliseconds at any size.
    """
    return journal.select(
        "SELECT r.handoff_id, r.protocol_id, r.time, r.details FROM open_items i "
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
    return [Obligation(kind, h, p, datetime.fromisoformat(t)) for h, p, t, _ in rows]


#: Obligations of issue 18 read straight from the records (they need no cache rule, so
#: journals made before them show them too): opening step -> the steps that close it.
UNRESOLVED = {
    "delivery_uncertain": ("delivery_uncertain", ("sent", "uploaded", "archive_voided")),
    "draft_not_sent": ("draft_handed", ("draft_sent", "archive_voided", "password_passed")),
}


def _unresolved(journal: Journal, opening: str, closing: tuple[str, ...]) -> list[tuple]:
    """(handoff_id, protocol_id, time) of each ``opening`` record no later ``closing`` one follows."""
    marks = ", ".join("?" for _ in closing) or "NULL"
    return journal.select(
        "SELECT r.handoff_id, r.protocol_id, r.time FROM records r WHERE r.step = ? "
        "AND NOT EXISTS (SELECT 1 FROM records c WHERE c.handoff_id = r.handoff_id "
        f"AND c.step IN ({marks}) AND c.id > r.id) ORDER BY r.id",
        (opening, *closing),
    )


def _issue18(journal: Journal) -> list[Obligation]:
    found = []
    for kind, (opening, closing) in UNRESOLVED.items():
        rows = {r[0]: r for r in _unresolved(journal, opening, closing)}  # the latest per handoff
        found += [Obligation(kind, h, p, datetime.fromisoformat(t)) for h, p, t in rows.values()]
    return found


def _received(journal: Journal) -> list[Obligation]:
    """E-mail and password deletions to confirm; SFTP has no e-mail, plain files no password."""
    found = []
    for kind, skip in (
        ("email_not_deleted", ("channel", "sftp")),
        ("password_not_deleted", ("encrypted", False)),
    ):
        for h, p, t, details in _first_per_handoff(open_rows(journal, kind)).values():
            if json.loads(details).get(skip[0], None) != skip[1]:
                found.append(Obligation(kind, h, p, datetime.fromisoformat(t)))
    return found


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _stored(journal: Journal, today: date) -> list[Obligation]:
    found = []
    for h, p, t, details in _first_per_handoff(open_rows(journal, "stored")).values():
        info = json.loads(details)
        due, reminder = _day(info.get("due")), _day(info.get("reminder"))
        if due is not None and due <= today:
            kind = "file_overdue"
        elif due is None and reminder is not None and reminder <= today:
            kind = "contact_reminder"
        else:
            kind = "file_not_deleted"
        found.append(Obligation(kind, h, p, datetime.fromisoformat(t), due, reminder))
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
