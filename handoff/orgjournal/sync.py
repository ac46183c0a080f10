"""Uploading a PC's journal to the organisation journal, and checking what the service acknowledges.

The local SQLite journal stays the source: records are read from it in seq
order and sent as the exact canonical bytes their hashes cover, in batches,
each batch's head (machine, seq, head hash) signed with the PC's key. An
upload is idempotent by (machine, seq): after a lost answer or a killed
service the same batch is sent again and comes back as ``duplicate``; a gap
answer names the seq to resume from. A fork (the service holds another
record under a seq this PC already synced) stops the sync and is reported
here and kept as an incident on the service.

The acknowledgement is the PC's own small witness: the service's newest
(preferably DPO-cosigned) checkpoint, verified with the pinned log key, an
inclusion proof of this PC's newest integrated record, checked against the
record in the local journal, and consistency with the checkpoint kept last
time. Nothing here runs inside a handoff step: a server that is down costs a
handoff nothing.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handoff.core import paths, settings
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal
from handoff.core.journal.hash import canonical
from handoff.core.journal.store import COLUMNS
from handoff.core.tlog import merkle, wire
from handoff.core.tlog.note import NoteError, open_checkpoint
from handoff.orgjournal import identity
from handoff.orgjournal.http import TIMEOUT, Client

BATCH = 1_000
RETRYABLE = ("orgjournal_unreachable", "orgjournal_server_error")

PROBLEMS = {
    "fork": Text(
        "De logboekserver bewaart voor record {seq} van deze computer iets anders dan wat hier "
        "in het logboek staat: het logboek van deze computer of dat van de server is herschreven. "
        "Er wordt niets meer doorgestuurd. Meld het aan de DPO.",
        "The journal server holds something else for this computer's record {seq} than this "
        "journal does: this computer's journal or the server's was rewritten. Nothing more is "
        "sent. Report it to the DPO.",
    ),
    "foreign": Text(
        "De logboekserver weigert record {seq}: het draagt de naam van een andere computer. "
        "Meld het aan uw IT-dienst.",
        "The journal server refuses record {seq}: it carries another computer's name. "
        "Report it to your IT desk.",
    ),
    "malformed": Text(
        "De logboekserver weigert record {seq} als onleesbaar. Meld het aan uw IT-dienst.",
        "The journal server refuses record {seq} as unreadable. Report it to your IT desk.",
    ),
    "inconsistent": Text(
        "Het logboek van de organisatie is niet meer een verlenging van wat de server eerder "
        "bevestigde (controlepunt van {seq} records). Meld het aan de DPO.",
        "The organisation's journal no longer extends what the server confirmed before "
        "(checkpoint of {seq} records). Report it to the DPO.",
    ),
    "local_behind": Text(
        "De logboekserver kent al record {seq} van deze computer, maar het logboek hier is "
        "korter: er is een oudere kopie teruggezet. Meld het aan de DPO.",
        "The journal server already knows record {seq} of this computer, but the journal here "
        "is shorter: an older copy was put back. Report it to the DPO.",
    ),
}
LOCAL_DAMAGE = Text(
    "Record {seq} van het logboek op deze computer past niet bij zijn eigen hash; er wordt "
    "niets doorgestuurd. Laat 'handoff log verify' lopen en meld het aan de DPO.",
    "Record {seq} of this computer's journal does not match its own hash; nothing is sent. "
    "Run 'handoff log verify' and report it to the DPO.",
)
ENROL_AGAIN = Text(
    "Uw organisatie gebruikt nu de logboekserver {configured}, maar deze computer is "
    "ingeschreven bij {enrolled}. Er wordt niets doorgestuurd tot hij opnieuw ingeschreven is: "
    "vraag uw IT-dienst een nieuwe code en gebruik 'handoff journal enrol'. Uw werk gaat gewoon "
    "door; de records wachten hier.",
    "Your organisation now uses the journal server {configured}, but this computer is enrolled "
    "with {enrolled}. Nothing is sent until it is enrolled again: ask your IT desk for a new "
    "code and use 'handoff journal enrol'. Your work goes on; the records wait here.",
)


def _server(url: str) -> tuple[str, str, int | None, str]:
    parts = urlsplit(url.strip())
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme.lower())
    return parts.scheme.lower(), (parts.hostname or "").lower(), port, parts.path.rstrip("/")


def same_server(a: str, b: str) -> bool:
    """The same service, whatever the case of the host, a default port or a trailing slash."""
    return _server(a) == _server(b)


def configured_url() -> str:
    """The server the organisation names in the settings (or its policy); empty: none."""
    return settings.load().journal.server_url


def enrol_again_error(enrolment: identity.Enrolment, configured: str) -> HandoffError | None:
    """Why nothing may go to the enrolled server, when the settings name another one.

    The enrolment pins the server (its log key, this PC's machine id and key
    are that server's); the settings say which server the organisation uses.
    When they differ the settings win: no record goes to a server the
    organisation no longer names, and the PC must enrol again with the new one.
    """
    if not configured or same_server(configured, enrolment.url):
        return None
    return HandoffError(
        "orgjournal_enrol_again", ENROL_AGAIN, configured=configured, enrolled=enrolment.url
    )


@dataclass
class SyncState:
    """What this PC knows of the service; kept beside the journal, not secret."""

    synced_seq: int = 0
    last_sync: str | None = None
    ack_size: int = 0
    ack_root: str | None = None
    ack_seq: int = 0
    ack_cosigned: bool = False
    problem: dict | None = None
    unreachable_since: str | None = None  # the first failed attempt since the last success
    enrolment: str | None = None  # which enrolment this state belongs to (machine id, log key)

    @staticmethod
    def path() -> Path:
        return paths.data_dir() / "orgjournal-sync.json"

    @classmethod
    def load(cls) -> SyncState:
        path = cls.path()
        if not path.exists():
            return cls()
        return cls(**json.loads(path.read_text(encoding="utf-8")))

    def save(self) -> None:
        write_atomic(self.path(), json.dumps(asdict(self), indent=1).encode())

    @classmethod
    def load_for(cls, enrolment: identity.Enrolment) -> SyncState:
        """This enrolment's state; a fresh one after enrolling again (with another server)."""
        mine = f"{enrolment.machine_id}:{enrolment.vkey}"
        state = cls.load()
        if state.enrolment not in (None, mine):
            state = cls()
        state.enrolment = mine
        return state


@dataclass
class SyncResult:
    stored: int = 0
    duplicate: int = 0
    pending: int = 0
    acknowledged_seq: int = 0
    problems: list[str] = field(default_factory=list)


def problem_error(kind: str, seq: int | None) -> HandoffError:
    return HandoffError(f"orgjournal_{kind}", PROBLEMS[kind], seq=seq if seq is not None else "?")


def with_retries(
    call: Callable[[], dict],
    *,
    attempts: int = 4,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> dict:
    """``call()``, again after 1, 2, 4 … × ``backoff`` seconds while the service is unreachable."""
    for attempt in range(attempts):
        try:
            return call()
        except HandoffError as exc:
            if exc.code not in RETRYABLE or attempt == attempts - 1:
                raise
            sleep(backoff * 2**attempt)
    raise AssertionError("unreachable")


def upload(client: Client, key: Ed25519PrivateKey, host: str, bodies: Sequence[bytes]) -> dict:
    """One ordered batch with its signed head; the service's answer (stored, duplicate, problem)."""
    last = json.loads(bodies[-1])["seq"]
    head = hashlib.sha256(bodies[-1]).hexdigest()
    signature = key.sign(wire.head_message(host, last, head)).hex()
    payload = {"records": [b.decode() for b in bodies], "head_signature": signature}
    return client.call("POST", "/v1/records", payload)


def _bodies(journal: Journal, after: int, limit: int) -> list[bytes]:
    """The exact canonical bytes of the next records, each checked against its stored hash."""
    rows = journal.select(
        f"SELECT {COLUMNS} FROM records WHERE seq > ? ORDER BY seq LIMIT ?", (after, limit)
    )
    bodies = []
    for seq, time_, account, machine, hid, pid, step, details, prev, digest in rows:
        body = canonical(seq, time_, account, machine, hid, pid, step, details, prev)
        if hashlib.sha256(body).hexdigest() != digest:
            raise HandoffError("orgjournal_local_damage", LOCAL_DAMAGE, seq=seq)
        bodies.append(body)
    return bodies


def _body_at(journal: Journal, seq: int) -> bytes | None:
    found = _bodies(journal, seq - 1, 1)
    return found[0] if found and json.loads(found[0])["seq"] == seq else None


def _fail(state: SyncState, kind: str, seq: int | None) -> HandoffError:
    state.problem = {"kind": kind, "seq": seq}
    state.save()
    return problem_error(kind, seq)


def sync(
    journal: Journal,
    *,
    batch: int = BATCH,
    attempts: int = 4,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    timeout: float = TIMEOUT,
) -> SyncResult:
    """Upload every record the service does not have yet, then check its acknowledgement.

    Not when the settings name another server than the enrolled one
    (:func:`enrol_again_error`). An unreachable service is remembered with
    the moment it was first missed, for ``status``.
    """
    enrolment = identity.required("pc")
    config = settings.load().journal  # read once: the server it names and its CA bundle
    refused = enrol_again_error(enrolment, config.server_url)
    if refused is not None:
        raise refused
    key = identity.private_key("pc")
    client = Client(
        enrolment.url, enrolment.machine_id, key, cafile=config.cafile or None, timeout=timeout
    )
    try:
        retry = {"attempts": attempts, "backoff": backoff, "sleep": sleep}
        return _sync(journal, enrolment, client, key, batch, retry)
    except HandoffError as exc:
        if exc.code in RETRYABLE:
            _note_unreachable(enrolment)
        raise


def _note_unreachable(enrolment: identity.Enrolment) -> None:
    state = SyncState.load_for(enrolment)
    if state.unreachable_since is None:
        state.unreachable_since = datetime.now(UTC).isoformat(timespec="seconds")
        state.save()


def _sync(
    journal: Journal,
    enrolment: identity.Enrolment,
    client: Client,
    key: Ed25519PrivateKey,
    batch: int,
    retry: dict,
) -> SyncResult:
    state = SyncState.load_for(enrolment)
    result = SyncResult()
    _upload_pending(journal, client, key, enrolment.host, state, result, batch, retry)
    ack = with_retries(lambda: client.call("GET", "/v1/ack"), **retry)
    if int(ack.get("stored_seq", 0)) < state.synced_seq:
        # The service lost records it had acknowledged (a database restored from a
        # backup): send them again from where it is.
        state.synced_seq = int(ack.get("stored_seq", 0))
        _upload_pending(journal, client, key, enrolment.host, state, result, batch, retry)
        ack = with_retries(lambda: client.call("GET", "/v1/ack"), **retry)
    _check_ack(journal, client, enrolment, state, ack)
    state.problem = state.unreachable_since = None
    state.last_sync = datetime.now(UTC).isoformat(timespec="seconds")
    state.save()
    result.acknowledged_seq = state.ack_seq
    return result


def _upload_pending(
    journal: Journal,
    client: Client,
    key: Ed25519PrivateKey,
    host: str,
    state: SyncState,
    result: SyncResult,
    batch: int,
    retry: dict,
) -> None:
    while bodies := _bodies(journal, state.synced_seq, batch):
        answer = with_retries(lambda b=bodies: upload(client, key, host, b), **retry)
        result.stored += int(answer.get("stored", 0))
        result.duplicate += int(answer.get("duplicate", 0))
        problem = answer.get("problem")
        if problem is None:
            state.synced_seq = json.loads(bodies[-1])["seq"]
        elif problem["status"] == "gap" and problem["expected"] != state.synced_seq + 1:
            # Resume where the service is: ahead (another copy of this PC synced) or
            # behind (its database was restored: the lost records are sent again).
            state.synced_seq = int(problem["expected"]) - 1
        else:
            raise _fail(state, str(problem["status"]), problem.get("seq"))
        state.save()


def _check_ack(
    journal: Journal, client: Client, enrolment: identity.Enrolment, state: SyncState, ack: dict
) -> None:
    """Verify the acknowledgement: signature, inclusion of our own record, consistency."""
    stored_seq = int(ack.get("stored_seq", 0))
    if stored_seq > state.synced_seq and _body_at(journal, stored_seq) is None:
        raise _fail(state, "local_behind", stored_seq)
    checkpoint, leaf = ack.get("checkpoint"), ack.get("leaf")
    if checkpoint is None or leaf is None:
        return
    try:
        _note, cp = open_checkpoint(checkpoint["note"], enrolment.verifier)
    except NoteError:
        raise _fail(state, "inconsistent", state.ack_size) from None
    body = _body_at(journal, int(leaf["seq"]))
    if body is None:
        raise _fail(state, "local_behind", int(leaf["seq"]))
    proof = [bytes.fromhex(p) for p in leaf["proof"]]
    if not merkle.verify_inclusion(
        int(leaf["index"]), cp.size, merkle.leaf_hash(body), proof, cp.root
    ):
        raise _fail(state, "fork", int(leaf["seq"]))
    if state.ack_root is not None and cp.size != state.ack_size:
        old, new = sorted(((state.ack_size, bytes.fromhex(state.ack_root)), (cp.size, cp.root)))
        try:
            answer = client.call("GET", f"/v1/consistency?old={old[0]}&new={new[0]}")
        except HandoffError as exc:
            if exc.params.get("problem") != "no_such_tree":  # the tree it showed us is gone
                raise
            raise _fail(state, "inconsistent", state.ack_size) from None
        steps = [bytes.fromhex(p) for p in answer.get("proof", [])]
        if not merkle.verify_consistency(old[0], new[0], old[1], new[1], steps):
            raise _fail(state, "inconsistent", state.ack_size)
    elif state.ack_root is not None and cp.root.hex() != state.ack_root:
        raise _fail(state, "inconsistent", state.ack_size)
    if cp.size >= state.ack_size:
        state.ack_size, state.ack_root = cp.size, cp.root.hex()
        state.ack_seq, state.ack_cosigned = int(leaf["seq"]), bool(checkpoint.get("cosigned"))


@dataclass(frozen=True)
class Status:
    enrolled: bool
    url: str | None
    name: str | None
    last_sync: str | None
    pending: int
    acknowledged_seq: int
    problem: dict | None
    unreachable_since: str | None = None
    enrol_again: HandoffError | None = None


def status(journal: Journal, configured: str | None = None) -> Status:
    """Last sync and records pending, for ``handoff journal status`` and the Logboek page.

    ``configured``: the server the settings name (read from them when None).
    """
    enrolment = identity.load("pc")
    state = SyncState.load_for(enrolment) if enrolment else SyncState.load()
    again = None
    if enrolment is not None:
        again = enrol_again_error(enrolment, configured_url() if configured is None else configured)
    pending = journal.select("SELECT count(*) FROM records WHERE seq > ?", (state.synced_seq,))[0][
        0
    ]
    return Status(
        enrolment is not None,
        enrolment.url if enrolment else None,
        enrolment.name if enrolment else None,
        state.last_sync,
        pending,
        state.ack_seq,
        state.problem,
        state.unreachable_since,
        again,
    )


class Background:
    """Sync every ``interval`` seconds on a thread; after a failure retry sooner, then back off.

    After a failure the next attempt comes after ``retry`` seconds, then
    twice that, and so on up to ``ceiling``; a success returns to
    ``interval``. :meth:`wake` syncs at once (a worker's "sync now"). Opens its
    own journal connection (SQLite connections stay on their thread); never
    raises into the application: the last error is kept and ``notify`` (called
    on this thread, after every attempt) tells the application to look.
    """

    def __init__(
        self,
        journal_path: Path | None = None,
        interval: float = 300.0,
        ceiling: float = 3600.0,
        *,
        retry: float | None = None,
        first_delay: float = 0.0,
        notify: Callable[[], None] | None = None,
        timeout: float | None = None,
    ) -> None:
        self.journal_path = journal_path
        self.interval, self.ceiling = interval, ceiling
        self.retry = interval * 2 if retry is None else retry
        self.first_delay = first_delay
        self.notify = notify
        self.timeout = TIMEOUT if timeout is None else timeout
        self.last_error: Exception | None = None
        self.attempts = 0
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="orgjournal-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        wait, failed = self.first_delay, 0
        while True:
            self._wake.wait(wait)
            if self._stop.is_set():
                return
            self._wake.clear()
            if self._attempt():
                wait, failed = self.interval, 0
            else:
                wait, failed = min(self.retry * 2**failed, self.ceiling), failed + 1
            self.attempts += 1
            if self.notify is not None and not self._stop.is_set():
                self.notify()

    def _attempt(self) -> bool:
        """One sync when enrolled; False when it failed (the error is kept)."""
        try:
            if identity.load("pc") is not None:
                with Journal(self.journal_path) as journal:
                    sync(journal, attempts=1, timeout=self.timeout)
        except Exception as exc:  # a background thread must not die of a surprise
            from handoff.core import diagnostics

            diagnostics.failure(exc, "orgjournal-sync")
            self.last_error = exc
            return False
        self.last_error = None
        return True
