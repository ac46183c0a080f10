"""A journal record read as a sentence: the one wording the window, ``handoff log`` and exports share.

The DPO reads the journal, not its storage format (issue 13 §12): a step's
name instead of ``file_deleted``, a protocol's title instead of its id, and
the details as a short sentence in the reader's language ("40 rijen, 7
kolommen: Naam, Voornaam, …; archief 4 KB; wachtwoord 80 bits") instead of
JSON with English keys. The raw fields stay in the journal and in the
auditors' columns of an export. Dates are dd/mm/jjjj and times are local.
Everything here is read from the whitelisted details (``details.ALLOWED``), so
a sentence can hold no more personal data than the record does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from handoff.core.i18n import Text, language
from handoff.core.journal.records import Record

if TYPE_CHECKING:
    from handoff.core.protocols import Protocol

DAY = "%d/%m/%Y"
MOMENT = "%d/%m/%Y %H:%M"

STEP_NAMES: dict[str, Text] = {
    "packaged": Text(
        "Bestand gecontroleerd en met een wachtwoord vergrendeld",
        "File checked and locked with a password",
    ),
    "consent_confirmed": Text("Toestemming van de cliënt bevestigd", "Client's consent confirmed"),
    "draft_handed": Text(
        "E-mailconcept gemaakt (nog niet verstuurd)", "E-mail draft made (not sent yet)"
    ),
    "sent": Text("E-mail verstuurd", "E-mail sent"),
    "uploaded": Text(
        "Bestand naar de beveiligde server opgeladen", "File uploaded to the secure server"
    ),
    "delivery_uncertain": Text(
        "Verstuurd, maar de server bevestigde de aankomst niet",
        "Sent, but arrival not confirmed by the server",
    ),
    "delivery_failed": Text(
        "Versturen mislukt; er kwam niets aan", "Sending failed; nothing arrived"
    ),
    "archive_voided": Text("Archief vernietigd door de medewerker", "Archive voided by the worker"),
    "draft_sent": Text("E-mail met het archief verstuurd", "E-mail with the archive sent"),
    "draft_removed": Text(
        "E-mailconcept uit de uitgaande map verwijderd", "E-mail draft removed from the outbox"
    ),
    "password_passed": Text(
        "Wachtwoord via een ander kanaal doorgegeven", "Password passed on by another channel"
    ),
    "password_uncertain": Text(
        "Sms met het wachtwoord: vertrek onzeker", "SMS with the password: outcome unknown"
    ),
    "received": Text("Bestand ontvangen", "File received"),
    "decrypted_stored": Text(
        "Bestand geopend en in de beveiligde map bewaard",
        "File opened and stored in the secure folder",
    ),
    "email_deleted": Text("E-mail met het bestand verwijderd", "E-mail with the file deleted"),
    "password_deleted": Text(
        "Sms of notitie met het wachtwoord verwijderd", "SMS or note with the password deleted"
    ),
    "file_deleted": Text("Bestanden verwijderd", "Files deleted"),
    "sealed": Text("Bestand met een wachtwoord verzegeld", "File sealed with a password"),
    "custodian_confirmed": Text(
        "Wachtwoord aan de bewaarder gegeven", "Password handed to the custodian"
    ),
    "leftovers_removed": Text(
        "Bestanden van een onderbroken Handoff opgeruimd",
        "Files left by an interrupted Handoff removed",
    ),
    "policy_value_ignored": Text(
        "Instelling uit het beleid van de organisatie genegeerd",
        "Organisation policy setting ignored",
    ),
    "profile_refused": Text(
        "Gedeeld protocolprofiel geweigerd (handtekening)",
        "Shared protocol profile refused (signature)",
    ),
}

CHANNELS = {
    "eml": Text("e-mailconcept", "e-mail draft"),
    "smtp": Text("e-mail (SMTP)", "e-mail (SMTP)"),
    "sftp": Text("SFTP", "SFTP"),
    "email": Text("e-mail", "e-mail"),
    "file": Text("bestand", "file"),
    "sms": Text("sms", "SMS"),
    "phone": Text("telefoon", "phone"),
    "custodian": Text("aan de bewaarder", "to the custodian"),
    "manual": Text("zelf doorgegeven", "passed on by hand"),
}
YES_NO_UNKNOWN = {
    "yes": Text("ja", "yes"),
    "no": Text("nee", "no"),
    "unknown": Text("onbekend", "unknown"),
}
RETENTION_KINDS = {
    "fixed_date": Text("vaste datum", "fixed date"),
    "days": Text("aantal dagen", "number of days"),
    "at_most_days": Text("zodra niet meer nodig", "once no longer needed"),
    "until_contact": Text("tot er contact was", "until contact was made"),
}


def plural(n: int, one: Text, many: Text, lang: str) -> str:
    """'1 rij', '40 rijen': real plural forms, never 'rij(en)'."""
    return (one if n == 1 else many).render(lang, n=n)


def size_text(size: int) -> str:
    """A byte count as a reader says it: 812 B, 4 KB, 3.2 MB."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return (
                f"{value:.0f} {unit}"
                if unit in ("B", "KB") or value >= 10
                else f"{value:.1f} {unit}"
            )
        value /= 1024
    return f"{size} B"


def day_text(value: date | str | None) -> str:
    """dd/mm/jjjj for a date or its stored ISO form; '' for none."""
    if value is None:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return day.strftime(DAY)


def local_time(moment: datetime) -> str:
    """A stored UTC time as the local dd/mm/jjjj uu:mm the reader lives in."""
    return moment.astimezone().strftime(MOMENT)


def step_name(step: str, lang: str | None = None) -> str:
    """The step's name in words; a step this version does not know shows as itself."""
    text = STEP_NAMES.get(str(step))
    return text.render(lang) if text else str(step)


class Sentences:
    """Renders records in one language, with the protocols read once (a page has hundreds)."""

    def __init__(
        self, protocols: Mapping[str, Protocol] | None = None, lang: str | None = None
    ) -> None:
        if protocols is None:
            from handoff.core import protocols as protocol_module

            protocols = protocol_module.load_all()[0]
        self.protocols = dict(protocols)
        self.lang = lang or language()

    def t(self, nl: str, en: str, **params: object) -> str:
        return Text(nl, en).render(self.lang, **params)

    def protocol(self, protocol_id: str | None) -> str:
        """The protocol's title; an id no profile carries any more shows as the id."""
        if not protocol_id:
            return "—"
        found = self.protocols.get(protocol_id)
        return found.title.render(self.lang) if found else protocol_id

    def step(self, step: str) -> str:
        return step_name(step, self.lang)

    def columns(self, protocol_id: str | None, keys: list[str]) -> str:
        """Column keys as the protocol names them (Naam, Voornaam, …)."""
        found = self.protocols.get(protocol_id or "")
        labels = {c.key: c.label for c in (found.columns + found.answer_columns)} if found else {}
        return ", ".join(labels[k].render(self.lang) if k in labels else k for k in keys)

    def details(self, record: Record) -> str:
        """The record's details as one short sentence ('' when it has none)."""
        parts = _RENDER.get(record.step.value, _generic)(self, record, record.details)
        extra = [f"{k}: {v}" for k, v in sorted(record.details.items()) if k not in _KNOWN]
        return "; ".join(p for p in [*parts, *extra] if p)

    def channel(self, value: object) -> str:
        text = CHANNELS.get(str(value))
        return text.render(self.lang) if text else str(value)


Render = Callable[[Sentences, Record, dict[str, Any]], list[str]]


def _archive(s: Sentences, d: dict) -> str:
    return (
        s.t("archief {size}", "archive {size}", size=size_text(d["archive_size"]))
        if "archive_size" in d
        else ""
    )


def _by_user(s: Sentences, d: dict) -> str:
    if d.get("confirmed_by") == "sender":
        return s.t("bevestigd door de verzender", "confirmed by the sender")
    return (
        s.t("bevestigd door de gebruiker", "confirmed by the user") if "confirmed_by" in d else ""
    )


def _packaged(s: Sentences, r: Record, d: dict) -> list[str]:
    """'40 rijen, 7 kolommen: Naam, Voornaam, …; archief 4 KB; wachtwoord 80 bits'."""
    head = []
    if "rows" in d:
        head.append(
            plural(d["rows"], Text("{n} rij", "{n} row"), Text("{n} rijen", "{n} rows"), s.lang)
        )
    if "columns" in d:
        cols = plural(
            len(d["columns"]),
            Text("{n} kolom", "{n} column"),
            Text("{n} kolommen", "{n} columns"),
            s.lang,
        )
        head.append(f"{cols}: {s.columns(r.protocol_id, d['columns'])}")
    parts = [", ".join(head)]
    if d.get("source") == "form":
        parts.append(s.t("uit het formulier", "from the form"))
    parts.append(_archive(s, d))
    if "password_bits" in d:
        parts.append(s.t("wachtwoord {bits} bits", "password {bits} bits", bits=d["password_bits"]))
    return parts


def _delivery(s: Sentences, r: Record, d: dict) -> list[str]:
    parts = []
    if "recipient" in d:
        parts.append(s.t("aan {to}", "to {to}", to=d["recipient"]))
    if "host" in d:
        parts.append(s.t("server {host}", "server {host}", host=d["host"]))
    if "channel" in d:
        parts.append(s.t("via {channel}", "via {channel}", channel=s.channel(d["channel"])))
    if "attempt" in d:
        parts.append(s.t("poging {n}", "attempt {n}", n=d["attempt"]))
    if d.get("opened") is False:
        parts.append(s.t("mailprogramma niet geopend", "mail program not opened"))
    if "reason" in d:
        parts.append(s.t("reden: {why}", "reason: {why}", why=d["reason"]))
    return [*parts, _archive(s, d)]


def _voided(s: Sentences, r: Record, d: dict) -> list[str]:
    removed = d.get("archive_removed")
    gone = s.t("kopie uit de outbox verwijderd", "outbox copy removed") if removed else ""
    return [_by_user(s, d), gone, _archive(s, d)]


def _draft_removed(s: Sentences, r: Record, d: dict) -> list[str]:
    why = {
        "password_passed": s.t(
            "{days} dagen nadat het wachtwoord doorgegeven was",
            "{days} days after the password was passed on",
            days=d.get("days", "?"),
        ),
        "retention": s.t("bewaartermijn verstreken", "retention period over"),
        "voided": s.t("archief vernietigd", "archive voided"),
    }
    return [why.get(d.get("reason", ""), "")]


def _password(s: Sentences, r: Record, d: dict) -> list[str]:
    """'via sms aan verantwoordelijke OCMW-medewerker (+32 4•• •• •• 12); sms-dienst CM'."""
    head = []
    if "channel" in d:
        head.append(s.t("via {channel}", "via {channel}", channel=s.channel(d["channel"])))
    if "role" in d:
        head.append(s.t("aan {role}", "to {role}", role=d["role"]))
    if "phone" in d:
        head.append(f"({d['phone']})")
    parts = [" ".join(head)]
    if d.get("provider") in ("twilio", "cm"):
        parts.append(s.t("sms-dienst {name}", "SMS provider {name}", name=d["provider"].upper()))
    if d.get("style") == "words":
        parts.append(s.t("wachtwoord in woorden", "password in words"))
    return parts


def _received(s: Sentences, r: Record, d: dict) -> list[str]:
    locked = (
        s.t("versleuteld", "encrypted")
        if d.get("encrypted", True)
        else s.t("NIET versleuteld", "NOT encrypted")
    )
    via = (
        s.t("via {channel}", "via {channel}", channel=s.channel(d["channel"]))
        if "channel" in d
        else ""
    )
    return [_archive(s, d), locked, via]


def _stored(s: Sentences, r: Record, d: dict) -> list[str]:
    n = d.get("count", len(d.get("files", [])))
    files = plural(n, Text("{n} bestand", "{n} file"), Text("{n} bestanden", "{n} files"), s.lang)
    where = (
        s.t("in een zelf gekozen map", "in a folder the user chose")
        if d.get("destination") == "chosen_folder"
        else s.t("in de beveiligde map", "in the secure folder")
    )
    parts = [f"{files} {where}"]
    if d.get("due"):
        parts.append(
            s.t(
                "bewaren tot uiterlijk {day}",
                "keep until {day} at the latest",
                day=day_text(d["due"]),
            )
        )
    elif d.get("retention") == "until_contact":
        parts.append(s.t("bewaren tot er contact was", "keep until contact was made"))
    if d.get("reminder"):
        parts.append(s.t("herinnering op {day}", "reminder on {day}", day=day_text(d["reminder"])))
    return parts


def _file_deleted(s: Sentences, r: Record, d: dict) -> list[str]:
    n = d.get("count", 0)
    files = plural(n, Text("{n} bestand", "{n} file"), Text("{n} bestanden", "{n} files"), s.lang)
    if d.get("confirmed_by") == "user":
        head = s.t(
            "{files} verwijderd buiten Handoff, bevestigd door de gebruiker",
            "{files} deleted outside Handoff, confirmed by the user",
            files=files,
        )
    elif d.get("by") == "retention":
        head = s.t(
            "{files} verwijderd door de bewaartermijn",
            "{files} deleted by the retention rule",
            files=files,
        )
    else:
        head = s.t(
            "{files} verwijderd door {by}",
            "{files} deleted by {by}",
            files=files,
            by=d.get("by", "?"),
        )
    parts = [head]
    if d.get("reason") == "early":
        parts.append(s.t("vóór de einddatum", "before the due date"))
    if d.get("missing"):
        parts.append(s.t("{n} waren al weg", "{n} were already gone", n=d["missing"]))
    if d.get("left"):
        parts.append(
            s.t(
                "{n} niet door Handoff bewaard, blijven staan",
                "{n} not stored by Handoff, left in place",
                n=d["left"],
            )
        )
    if "volume_encrypted" in d:
        vol = YES_NO_UNKNOWN.get(d["volume_encrypted"], YES_NO_UNKNOWN["unknown"]).render(s.lang)
        parts.append(s.t("schijf versleuteld: {v}", "volume encrypted: {v}", v=vol))
    return parts


def _sealed(s: Sentences, r: Record, d: dict) -> list[str]:
    parts = []
    if "file_size" in d:
        parts.append(s.t("bestand {size}", "file {size}", size=size_text(d["file_size"])))
    parts.append(_archive(s, d))
    if "custodian" in d:
        parts.append(s.t("wachtwoord bij {role}", "password held by {role}", role=d["custodian"]))
    if "plaintext_removed" in d:
        parts.append(
            s.t("origineel verwijderd", "original removed")
            if d["plaintext_removed"]
            else s.t("origineel NIET verwijderd", "original NOT removed")
        )
    return parts


def _custodian(s: Sentences, r: Record, d: dict) -> list[str]:
    who = s.t("door {role}", "by {role}", role=d["custodian"]) if "custodian" in d else ""
    return [_by_user(s, d), who]


def _leftovers(s: Sentences, r: Record, d: dict) -> list[str]:
    files = plural(
        d.get("files", 0),
        Text("{n} bestand", "{n} file"),
        Text("{n} bestanden", "{n} files"),
        s.lang,
    )
    return [f"{files} ({size_text(d.get('bytes', 0))})"]


def _confirmed(s: Sentences, r: Record, d: dict) -> list[str]:
    return [_by_user(s, d)]


def _generic(s: Sentences, r: Record, d: dict) -> list[str]:
    return []


_POLICY_SOURCES = {
    "hklm": Text("groepsbeleid van de computer", "machine group policy"),
    "hkcu": Text("groepsbeleid van de gebruiker", "user group policy"),
    "file": Text("beleidsbestand", "policy file"),
}
_REFUSALS = {
    "unsigned": Text("geen handtekening", "not signed"),
    "unknown_key": Text("getekend met een onbekende sleutel", "signed with an unknown key"),
    "bad_signature": Text("handtekening klopt niet", "signature does not match"),
}


def _policy(s: Sentences, r: Record, d: dict) -> list[str]:
    source = _POLICY_SOURCES.get(str(d.get("source")))
    where = source.render(s.lang) if source else str(d.get("source", ""))
    return [
        s.t(
            "instelling {key} ({where})",
            "setting {key} ({where})",
            key=d.get("key", "?"),
            where=where,
        )
    ]


def _refused(s: Sentences, r: Record, d: dict) -> list[str]:
    why = _REFUSALS.get(str(d.get("reason")))
    parts = [str(d.get("file", "?")), why.render(s.lang) if why else str(d.get("reason", ""))]
    if d.get("key_id"):
        parts.append(s.t("sleutel {key}", "key {key}", key=d["key_id"]))
    return [", ".join(parts)]


_RENDER: dict[str, Render] = {
    "packaged": _packaged,
    "consent_confirmed": _confirmed,
    "draft_handed": _delivery,
    "sent": _delivery,
    "uploaded": _delivery,
    "delivery_uncertain": _delivery,
    "delivery_failed": _delivery,
    "archive_voided": _voided,
    "draft_sent": _confirmed,
    "draft_removed": _draft_removed,
    "password_passed": _password,
    "password_uncertain": _password,
    "received": _received,
    "decrypted_stored": _stored,
    "email_deleted": _confirmed,
    "password_deleted": _confirmed,
    "file_deleted": _file_deleted,
    "sealed": _sealed,
    "custodian_confirmed": _custodian,
    "leftovers_removed": _leftovers,
    "policy_value_ignored": _policy,
    "profile_refused": _refused,
}

#: Keys a sentence says nothing about on purpose: hashes and paths are for auditors
#: (the detail pane, the export's technical columns), not for the sentence.
_TECHNICAL = {
    "archive_sha256", "source_sha256", "cleaned_sha256", "file_sha256", "folder_sha256",
    "files", "folder", "message_id", "provider_message_id", "port", "destination",
    "retention", "encrypted_at_rest", "verified", "staging_folders", "unrecorded_folders",
    "partial_files", "dropped_files", "days",
}  # fmt: skip
_KNOWN = _TECHNICAL | {
    "rows", "columns", "source", "password_bits", "archive_size", "recipient", "host",
    "channel", "attempt", "opened", "reason", "confirmed_by", "archive_removed", "role",
    "phone", "provider", "style", "encrypted", "count", "due", "reminder", "by", "missing",
    "left", "volume_encrypted", "folder_removed", "file_size", "custodian",
    "plaintext_removed", "bytes", "key", "file", "key_id",
}  # fmt: skip


_default: Sentences | None = None


def describe(record: Record, lang: str | None = None) -> str:
    """One record's details as a sentence, with the protocols loaded once per process."""
    global _default
    if _default is None or _default.lang != (lang or language()):
        _default = Sentences(lang=lang)
    return _default.details(record)
