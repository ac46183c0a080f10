"""Protocol profiles: the signed agreements, as data the software obeys.

Every electronic transfer between Flemish public bodies needs a protocol
(decree of 18 July 2008, art. 8 §1). A profile is one TOML file that carries
what the tool must enforce from it: the allowed columns (proportionality,
art. 8 §1 3°), the recipients (4°), the password channel and retention
(8° security, 7° duration), the consent rule and where it is published.

Shipped profiles live in ``resources/protocols``; an organisation drops its
own in :func:`handoff.core.paths.user_protocols_dir`. A broken file never
stops the others from loading: it becomes a :class:`ProfileProblem` naming
the file and line. A user file may not reuse a shipped id: a protocol is
signed text, so the shipped one wins and the copy is reported.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, cast, get_args

from handoff.core import paths
from handoff.core.errors import HandoffError
from handoff.core.i18n import Phrase, Text, counted_phrase
from handoff.core.mailbox import mailbox_problem

ColumnType = Literal[
    "text", "phone", "email", "address", "national_number", "yes_no", "date", "choice"
]
RetentionKind = Literal["fixed_date", "days", "at_most_days", "until_contact"]
ChannelKind = Literal["sms", "phone", "custodian"]
RecipientKind = Literal["email", "sftp"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")


@dataclass(frozen=True)
class Column:
    """One column the protocol allows, with the header words that mean it."""

    key: str
    label: Text
    type: ColumnType
    required: bool
    synonyms: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recipient:
    """A mailbox or SFTP folder fixed in advance by the protocol."""

    id: str
    label: Text
    kind: RecipientKind
    address: str  # mailbox or "sftp://host[:port]/folder"
    answer: bool = False  # receives the answer of a two-way protocol (seed 004, C2)

    @property
    def placeholder(self) -> bool:
        """A mailbox the seed does not name, held by a reserved ``.invalid`` address.

        Seed 003 (overweging C2 step 2) says "via e-mail naar OCMW Gent" without a
        mailbox; the shipped profile marks that with ``….invalid`` (RFC 2606), which
        can never be delivered. Encrypting and drafting to it would only look like a
        handoff (issue 13 item 3).
        """
        host = self.address.rpartition("@")[2] if self.kind == "email" else self.address
        host = host.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
        return host.lower().rstrip(".").split(".")[-1] == "invalid"

    def require_filled_in(self, protocol_id: str) -> None:
        """Refuse a placeholder recipient before anything is packed."""
        if self.placeholder:
            raise HandoffError(
                "recipient_placeholder",
                Text(
                    "Het protocol '{protocol}' noemt voor '{recipient}' geen mailbox: die is "
                    "nog niet ingevuld. Er is niets versleuteld of verstuurd. Wat te doen: "
                    "vraag uw DPO om het protocolprofiel van uw organisatie met de juiste "
                    "mailbox.",
                    "Protocol '{protocol}' names no mailbox for '{recipient}': it has not been "
                    "filled in yet. Nothing was encrypted or sent. What to do: ask your DPO "
                    "for your organisation's protocol profile with the right mailbox.",
                ),
                protocol=protocol_id,
                recipient=self.id,
            )


@dataclass(frozen=True)
class PasswordChannel:
    """How the password travels: never with the archive."""

    kind: ChannelKind
    role: Text
    directory_key: str | None = None


@dataclass(frozen=True)
class Retention:
    """How long the receiver may keep the file (art. 8 §1 7°)."""

    kind: RetentionKind
    until: date | None = None
    days: int | None = None
    reminder_days: int | None = None

    def due_date(self, received: date) -> date | None:
        """The day the file must be gone; None when no hard date (until contact)."""
        if self.kind == "fixed_date":
            return self.until
        if self.kind in ("days", "at_most_days") and self.days is not None:
            return received + timedelta(days=self.days)
        return None

    def reminder_date(self, received: date) -> date | None:
        """When to remind the receiver: before the due date, or after receipt."""
        if self.reminder_days is None:
            return None
        due = self.due_date(received)
        if due is None:
            return received + timedelta(days=self.reminder_days)
        return max(received, due - timedelta(days=self.reminder_days))

    def describe(self) -> Text:
        """The rule in words, for the receiver and the DPO."""
        if self.kind == "fixed_date" and self.until is not None:
            day = self.until.strftime("%d/%m/%Y")
            return Text(f"bewaren tot uiterlijk {day}", f"keep until {day} at the latest")
        if self.kind == "days":
            return Text(f"bewaren gedurende {self.days} dagen", f"keep for {self.days} days")
        if self.kind == "at_most_days":
            return Text(
                f"verwijderen zodra niet meer nodig, uiterlijk na {self.days} dagen",
                f"delete once no longer needed, after {self.days} days at the latest",
            )
        return Text(
            "bewaren tot er contact was en duidelijk is of de cliënt hulp wenst; dan verwijderen",
            "keep until contact was made and it is clear whether the client wants help; then delete",
        )


@dataclass(frozen=True)
class Protocol:
    """One signed protocol, as the tool enforces it."""

    id: str
    title: Text
    parties: tuple[str, ...]
    seed: str
    article: str
    columns: tuple[Column, ...]
    recipients: tuple[Recipient, ...]
    password_channel: PasswordChannel
    retention: Retention
    consent_required: bool
    publication_url: str
    sheet_from_form: bool
    answer_columns: tuple[Column, ...] = ()
    source: Path | None = None

    def recipients_for(self, *, answer: bool = False) -> tuple[Recipient, ...]:
        """Where a request goes, or (``answer=True``) where the answer of a two-way flow goes."""
        return tuple(r for r in self.recipients if r.answer is answer)

    def recipient(self, id_or_address: str) -> Recipient:
        """The allowed recipient with this id or address; anything else is refused."""
        wanted = id_or_address.strip().lower()
        for recipient in self.recipients:
            if wanted in (recipient.id.lower(), recipient.address.lower()):
                return recipient
        raise HandoffError(
            "recipient_not_allowed",
            Text(
                "Het protocol '{protocol}' staat deze ontvanger niet toe. "
                "Wat te doen: kies een ontvanger uit het protocol ({allowed}).",
                "Protocol '{protocol}' does not allow this recipient. "
                "What to do: choose a recipient from the protocol ({allowed}).",
            ),
            protocol=self.id,
            allowed=", ".join(r.id for r in self.recipients) or "-",
        )


def require_in_force(protocol: Protocol, today: date | None = None) -> None:
    """Refuse a protocol whose fixed retention date has come: whatever it moved would be overdue.

    Seed 003 art. 3 keeps the list "tot uiterlijk 27/09/2024 ... waarna deze
    automatisch zal worden verwijderd". A file sent or received under it after
    that day is due for deletion the moment it lands (issue 13 §10), so
    nothing is packed or decrypted: the organisation renews the protocol with
    its own profile carrying the new date.
    """
    until = protocol.retention.until if protocol.retention.kind == "fixed_date" else None
    if until is None or until > (today or date.today()):
        return
    raise HandoffError(
        "protocol_expired",
        Text(
            "Het protocol '{title}' laat bewaren toe tot uiterlijk {day}; die datum is voorbij. "
            "Met dit protocol kan Handoff niets meer versturen of ontvangen: wat nu aankomt, "
            "zou meteen verwijderd moeten worden. Wat te doen: vraag uw DPO om het vernieuwde "
            "protocol (een profiel van uw organisatie met de nieuwe datum).",
            "Protocol '{title}' allows keeping the data until {day} at the latest; that date "
            "has passed. Handoff can no longer send or receive anything under it: whatever "
            "arrives now would have to be deleted at once. What to do: ask your DPO for the "
            "renewed protocol (a profile of your organisation with the new date).",
        ),
        title=protocol.title.render(),
        day=until.strftime("%d/%m/%Y"),
    )


@dataclass(frozen=True)
class ProfileProblem:
    """Why one profile file could not be used (or, ``offline``, that a folder was not reached)."""

    file: Path
    line: int | None
    text: Text
    reason: str = "invalid"  # invalid, duplicate, offline, or a signing.Refusal reason
    key_id: str = ""  # the signing key a refused signature names


class _SchemaError(Exception):
    """A profile that parses as TOML but does not say what a protocol must."""

    def __init__(self, key: str, text: Text, value: str | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.text = text
        self.value = value  # the offending value, to find its line


def _need(table: Mapping[str, Any], key: str, kind: type, where: str = "") -> Any:
    value = table.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) is not (kind is bool):
        name = f"{where}{key}"
        raise _SchemaError(
            key,
            Text(
                f"'{name}' ontbreekt of heeft het verkeerde type ({kind.__name__} verwacht)",
                f"'{name}' is missing or of the wrong type ({kind.__name__} expected)",
            ),
        )
    return value


def _choice(table: Mapping[str, Any], key: str, allowed: Any, where: str) -> Any:
    value = _need(table, key, str, where)
    options = get_args(allowed)
    if value not in options:
        raise _SchemaError(
            key,
            Text(
                f"'{where}{key}' = '{value}' is niet toegelaten (kies uit {', '.join(options)})",
                f"'{where}{key}' = '{value}' is not allowed (choose from {', '.join(options)})",
            ),
            value,
        )
    return value


def _text(table: Mapping[str, Any], key: str, where: str = "") -> Text:
    value = _need(table, key, dict, where)
    return Text(
        _need(value, "nl", str, f"{where}{key}."), _need(value, "en", str, f"{where}{key}.")
    )


def _strings(table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _SchemaError(
            key,
            Text(f"'{key}' moet een lijst van tekst zijn", f"'{key}' must be a list of strings"),
        )
    return tuple(value)


def _column(table: Mapping[str, Any], where: str) -> Column:
    kind = cast(ColumnType, _choice(table, "type", ColumnType, where))
    choices = _strings(table, "choices")
    if kind == "choice" and not choices:
        raise _SchemaError(
            "choices",
            Text("een keuzekolom heeft 'choices' nodig", "a choice column needs 'choices'"),
        )
    return Column(
        key=_need(table, "key", str, where),
        label=_text(table, "label", where),
        type=kind,
        required=_need(table, "required", bool, where),
        synonyms=_strings(table, "synonyms"),
        choices=choices,
    )


def _columns(data: Mapping[str, Any], key: str) -> tuple[Column, ...]:
    tables = data.get(key, [])
    if not isinstance(tables, list):
        raise _SchemaError(
            key, Text(f"'{key}' moet [[{key}]] tabellen zijn", f"'{key}' must be [[{key}]] tables")
        )
    columns = tuple(_column(t, f"{key}[{i}].") for i, t in enumerate(tables))
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys):
        raise _SchemaError(
            key, Text("twee kolommen met dezelfde 'key'", "two columns with the same 'key'")
        )
    return columns


def _recipient(table: Mapping[str, Any], where: str) -> Recipient:
    kind = cast(RecipientKind, _choice(table, "kind", RecipientKind, where))
    address = _need(table, "address", str, where)
    valid = address.startswith("sftp://") if kind == "sftp" else "@" in address
    if not valid:
        raise _SchemaError(
            "address",
            Text(
                f"'{where}address' past niet bij kind '{kind}' (mailbox of sftp://host/map)",
                f"'{where}address' does not fit kind '{kind}' (mailbox or sftp://host/folder)",
            ),
            address,
        )
    trouble = mailbox_problem(address) if kind == "email" else None
    if trouble is not None:
        raise _SchemaError(
            "address",
            Text(
                f"het adres van ontvanger '{where}address' kan niet: {trouble.nl}",
                f"the recipient address '{where}address' cannot be used: {trouble.en}",
            ),
            address,
        )
    answer = table.get("answer", False)
    if not isinstance(answer, bool):
        raise _SchemaError(
            "answer",
            Text(
                f"'{where}answer' moet true of false zijn", f"'{where}answer' must be true or false"
            ),
        )
    return Recipient(
        _need(table, "id", str, where), _text(table, "label", where), kind, address, answer
    )


def _retention(table: Mapping[str, Any]) -> Retention:
    kind = cast(RetentionKind, _choice(table, "kind", RetentionKind, "retention."))
    until = table.get("until")
    days = table.get("days")
    reminder = table.get("reminder_days")
    if kind == "fixed_date" and not isinstance(until, date):
        raise _SchemaError(
            "until",
            Text(
                "'retention.until' moet een datum zijn (2024-09-27)",
                "'retention.until' must be a date (2024-09-27)",
            ),
        )
    if kind in ("days", "at_most_days") and not (isinstance(days, int) and days > 0):
        raise _SchemaError(
            "days",
            Text(
                "'retention.days' moet een positief getal zijn",
                "'retention.days' must be a positive number",
            ),
        )
    if reminder is not None and not (isinstance(reminder, int) and reminder >= 0):
        raise _SchemaError(
            "reminder_days",
            Text(
                "'retention.reminder_days' moet een getal zijn",
                "'retention.reminder_days' must be a number",
            ),
        )
    return Retention(kind, until if isinstance(until, date) else None, days, reminder)


def _channel(table: Mapping[str, Any]) -> PasswordChannel:
    kind = cast(ChannelKind, _choice(table, "kind", ChannelKind, "password_channel."))
    key = table.get("directory_key")
    return PasswordChannel(
        kind, _text(table, "role", "password_channel."), key if isinstance(key, str) else None
    )


def parse_profile(data: Mapping[str, Any], source: Path | None = None) -> Protocol:
    """Build a Protocol from a parsed TOML table; _SchemaError names the bad key."""
    protocol_id = _need(data, "id", str)
    if not _ID.match(protocol_id):
        raise _SchemaError(
            "id",
            Text("'id' mag enkel a-z, 0-9 en '-' bevatten", "'id' may only hold a-z, 0-9 and '-'"),
        )
    recipients = data.get("recipients", [])
    if not isinstance(recipients, list):
        raise _SchemaError(
            "recipients",
            Text(
                "'recipients' moet [[recipients]] tabellen zijn",
                "'recipients' must be [[recipients]] tables",
            ),
        )
    columns = _columns(data, "columns")
    if not columns:
        raise _SchemaError(
            "columns",
            Text("een protocol heeft minstens één kolom", "a protocol needs at least one column"),
        )
    return Protocol(
        id=protocol_id,
        title=_text(data, "title"),
        parties=_strings(data, "parties"),
        seed=_need(data, "seed", str),
        article=_need(data, "article", str),
        columns=columns,
        recipients=tuple(_recipient(r, f"recipients[{i}].") for i, r in enumerate(recipients)),
        password_channel=_channel(_need(data, "password_channel", dict)),
        retention=_retention(_need(data, "retention", dict)),
        consent_required=_need(data, "consent_required", bool),
        publication_url=_need(data, "publication_url", str),
        sheet_from_form=_need(data, "sheet_from_form", bool),
        answer_columns=_columns(data, "answer_columns"),
        source=source,
    )


_TOML_LINE = re.compile(r"line (\d+)")


def _line_of_key(raw: str, key: str, value: str | None = None) -> int | None:
    """The line that sets ``key`` (to ``value`` when known); TOML keeps no positions."""
    pattern = re.compile(rf"^\s*(\[+\s*)?{re.escape(key)}\b")
    # The text as written up to its first escape or line break: a value with
    # "\n" or U+2028 in it reads differently in the file than once parsed.
    value = re.split(r'[\x00-\x1f\u2028\u2029"\\]', value)[0] or None if value else None
    fallback = None
    for number, line in enumerate(raw.split("\n"), start=1):
        if pattern.match(line) or re.search(rf"[{{,]\s*{re.escape(key)}\s*=", line):
            if value is None or value in line:
                return number
            fallback = fallback or number
    return fallback


def load_file(path: Path) -> Protocol | ProfileProblem:
    """One profile, or the problem with it (file, line, what is wrong)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(path, exc)
    return load_bytes(path, data)


def _unreadable(path: Path, exc: Exception) -> ProfileProblem:
    return ProfileProblem(
        path,
        None,
        Text(
            f"onleesbaar bestand ({type(exc).__name__})",
            f"unreadable file ({type(exc).__name__})",
        ),
    )


def load_bytes(path: Path, data: bytes) -> Protocol | ProfileProblem:
    """A profile from bytes already read (and, for a shared folder, already verified)."""
    try:
        raw = data.decode("utf-8")
        parsed = tomllib.loads(raw)
    except UnicodeDecodeError as exc:
        return _unreadable(path, exc)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        return ProfileProblem(
            path,
            int(match.group(1)) if match else None,
            Text(f"geen geldige TOML: {exc}", f"not valid TOML: {exc}"),
        )
    try:
        return parse_profile(parsed, path)
    except _SchemaError as exc:
        return ProfileProblem(path, _line_of_key(raw, exc.key, exc.value), exc.text)


def shipped_dir() -> Path:
    """The profiles that come with Handoff."""
    return paths.resources_dir() / "protocols"


def _add(
    path: Path,
    result: Protocol | ProfileProblem,
    found: dict[str, Protocol],
    problems: list[ProfileProblem],
) -> None:
    """Keep a loaded profile unless its id is taken: the first folder (shipped) wins."""
    if isinstance(result, ProfileProblem):
        problems.append(result)
    elif result.id in found:
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # a share that went away meanwhile
            raw = ""
        problems.append(
            ProfileProblem(
                path,
                _line_of_key(raw, "id") if raw else None,
                Text(
                    f"het id '{result.id}' bestaat al ({found[result.id].source}); dit profiel wordt niet gebruikt. Geef het een eigen id.",
                    f"the id '{result.id}' already exists ({found[result.id].source}); this profile is not used. Give it its own id.",
                ),
                reason="duplicate",
            )
        )
    else:
        found[result.id] = result


def _load_folder(folder: Path, found: dict[str, Protocol], problems: list[ProfileProblem]) -> None:
    for path in sorted(folder.glob("*.toml")):
        _add(path, load_file(path), found, problems)


def load_all() -> tuple[dict[str, Protocol], list[ProfileProblem]]:
    """Shipped profiles first (they win), the organisation's folders, then the worker's own.

    The organisation's folders (policy ``protocol_folders``) come before the
    worker's own folder, so a worker's copy can never shadow the profile IT
    shares (and, where the policy demands it, signed).
    """
    from handoff.core import shared_protocols  # brings cryptography only when needed

    found: dict[str, Protocol] = {}
    problems: list[ProfileProblem] = []
    _load_folder(shipped_dir(), found, problems)
    for path, result in shared_protocols.load():
        if isinstance(result, shared_protocols.Notice):
            problems.append(ProfileProblem(path, None, result.text, result.reason, result.key_id))
        else:
            _add(path, load_bytes(path, result), found, problems)
    _load_folder(paths.user_protocols_dir(), found, problems)
    return found, problems


def get(protocol_id: str) -> Protocol:
    """The protocol with this id, or HandoffError unknown_protocol.

    When profiles were refused (a bad signature, a schema error), the worker is
    told so: "unknown" alone would send them looking for a typo while the real
    cause is a profile IT has to fix.
    """
    found, problems = load_all()
    if protocol_id in found:
        return found[protocol_id]
    refused = sum(p.reason not in ("offline", "duplicate") for p in problems)
    raise HandoffError(
        "unknown_protocol",
        Text(
            "Onbekend protocol '{protocol}'.{refused} Wat te doen: kies een protocol uit "
            "'handoff protocols'.",
            "Unknown protocol '{protocol}'.{refused} What to do: choose a protocol from "
            "'handoff protocols'.",
        ),
        protocol=protocol_id,
        refused=_refused_hint(refused),
    )


def _refused_hint(refused: int) -> Phrase | str:
    """Rendered with the message, in its language (a worker may switch between the two)."""
    if not refused:
        return ""
    return counted_phrase(
        refused,
        " {n} profiel wordt niet gebruikt omdat het niet klopt; misschien is het dit. "
        "'handoff protocols' zegt waarom; vraag IT het te herstellen.",
        " {n} profielen worden niet gebruikt omdat ze niet kloppen; misschien is het er één van. "
        "'handoff protocols' zegt waarom; vraag IT ze te herstellen.",
        " {n} profile is not used because it is not valid; it may be this one. "
        "'handoff protocols' says why; ask IT to fix it.",
        " {n} profiles are not used because they are not valid; it may be one of them. "
        "'handoff protocols' says why; ask IT to fix them.",
    )
