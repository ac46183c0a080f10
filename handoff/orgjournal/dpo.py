"""The DPO's side of the organisation journal: witness, audit, open obligations, export.

The DPO does not trust the server, nor whoever runs its database:

- ``witness`` (weekly) fetches the newest checkpoint, checks the log's
  signature with the key pinned at enrolment and its consistency with the
  last checkpoint the DPO cosigned, then cosigns it (C2SP tlog-cosignature)
  and keeps it in a folder the DPO controls. A smaller tree (a database
  restored from an old backup) or one that does not extend the cosigned one
  is refused.
- ``audit`` (yearly) downloads every leaf, recomputes every PC's hash chain,
  the leaf hashes and the tree root, checks every signed upload head, and
  compares with the cosigned checkpoint, naming the first discrepancy.
- ``open`` and ``export`` read the same verified download.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from handoff.core import paths
from handoff.core.atomic import partial_beside, write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Journal
from handoff.core.journal.export import _inert
from handoff.core.journal.hash import GENESIS, details_text, record_fields
from handoff.core.journal.obligations import Obligation, open_obligations
from handoff.core.journal.store import COLUMNS, open_journal
from handoff.core.tlog import merkle, wire
from handoff.core.tlog.note import NoteError, cosign, open_checkpoint
from handoff.orgjournal import identity
from handoff.orgjournal.http import Client

REFUSALS = {
    "signature": Text(
        "Het controlepunt van de logboekserver draagt geen geldige handtekening van het logboek "
        "waarvoor u ingeschreven bent. Er is niets medeondertekend. Meld het aan uw IT-dienst.",
        "The journal server's checkpoint carries no valid signature of the log you enrolled "
        "with. Nothing was cosigned. Report it to your IT desk.",
    ),
    "smaller": Text(
        "Het logboek van de organisatie telt nu {size} records, minder dan de {cosigned} die u "
        "al medeondertekende: records zijn verdwenen (bijvoorbeeld een oude reservekopie van de "
        "databank teruggezet). Er is niets medeondertekend.",
        "The organisation's journal now holds {size} records, fewer than the {cosigned} you "
        "already cosigned: records have disappeared (for example an old database backup was "
        "restored). Nothing was cosigned.",
    ),
    "inconsistent": Text(
        "Het logboek van de organisatie ({size} records) is geen verlenging van het logboek dat "
        "u medeondertekende ({cosigned} records): het is herschreven. Er is niets medeondertekend.",
        "The organisation's journal ({size} records) does not extend the journal you cosigned "
        "({cosigned} records): it was rewritten. Nothing was cosigned.",
    ),
}
NOT_WITNESSED = Text(
    "Er is nog geen medeondertekend controlepunt. Laat eerst 'handoff dpo witness' lopen.",
    "There is no cosigned checkpoint yet. Run 'handoff dpo witness' first.",
)
DISCREPANCIES = {
    "missing": Text(
        "Record {seq} van {pc} (plaats {leaf} in het logboek) is verwijderd.",
        "Record {seq} of {pc} (position {leaf} in the journal) was removed.",
    ),
    "leaf_missing": Text(
        "Plaats {leaf} van het logboek ontbreekt: een record is verwijderd.",
        "Position {leaf} of the journal is missing: a record was removed.",
    ),
    "changed": Text(
        "Record {seq} van {pc} (plaats {leaf}) is gewijzigd: de inhoud past niet meer bij zijn hash.",
        "Record {seq} of {pc} (position {leaf}) was changed: its content no longer matches its hash.",
    ),
    "relinked": Text(
        "Record {seq} van {pc} (plaats {leaf}) past niet bij het record ervoor: een van beide is "
        "gewijzigd of er ontbreekt een record.",
        "Record {seq} of {pc} (position {leaf}) does not fit the record before it: one of them "
        "was changed or a record is missing.",
    ),
    "foreign": Text(
        "Record {seq} op naam van {pc} (plaats {leaf}) komt van een andere computer.",
        "Record {seq} in the name of {pc} (position {leaf}) comes from another computer.",
    ),
    "head": Text(
        "Record {seq} van {pc} verschilt van wat die computer bij het doorsturen ondertekende.",
        "Record {seq} of {pc} differs from what that computer signed when sending it.",
    ),
    "root": Text(
        "Het logboek past niet bij het controlepunt van {size} records dat u medeondertekende: "
        "het is herschreven.",
        "The journal does not match the checkpoint of {size} records you cosigned: it was "
        "rewritten.",
    ),
    "short": Text(
        "Het logboek telt maar {count} records; het controlepunt dat u medeondertekende er {size}.",
        "The journal has only {count} records; the checkpoint you cosigned has {size}.",
    ),
}
INTACT = Text(
    "Het logboek van de organisatie is intact: {count} records van {pcs} computers, zoals "
    "medeondertekend op {when}.",
    "The organisation's journal is intact: {count} records from {pcs} computers, as cosigned "
    "on {when}.",
)


def default_folder() -> Path:
    return paths.data_dir() / "dpo"


@dataclass
class WitnessState:
    """The last checkpoint the DPO cosigned; kept where the DPO (not the server) controls it."""

    size: int
    root: str
    note: str
    cosigned_at: int

    @staticmethod
    def path(folder: Path) -> Path:
        return folder / "witness.json"

    @classmethod
    def load(cls, folder: Path) -> WitnessState | None:
        path = cls.path(folder)
        return cls(**json.loads(path.read_text(encoding="utf-8"))) if path.exists() else None

    def save(self, folder: Path) -> None:
        paths.ensure_private(folder)
        data = json.dumps(self.__dict__, indent=1).encode()
        write_atomic(self.path(folder), data)


def _client() -> tuple[identity.Enrolment, Client]:
    enrolment = identity.required("dpo")
    return enrolment, identity.client(enrolment, "dpo")


def _refuse(kind: str, **params: object) -> HandoffError:
    return HandoffError(f"orgjournal_witness_{kind}", REFUSALS[kind], **params)


def witness(folder: Path | None = None, *, now: Callable[[], float] = time.time) -> WitnessState:
    """Check the newest checkpoint against the last cosigned one, cosign it, keep it."""
    folder = folder or default_folder()
    enrolment, client = _client()
    answer = client.call("GET", "/v1/checkpoint")
    try:
        note, cp = open_checkpoint(str(answer.get("note")), enrolment.verifier)
    except NoteError:
        raise _refuse("signature") from None
    last = WitnessState.load(folder)
    if last is not None:
        _check_extends(client, last, cp.size, cp.root)
    moment = int(now())
    key = identity.private_key("dpo")
    name = wire.witness_name(enrolment.origin, enrolment.machine_id)
    cosigned = note.with_signature(cosign(note, name, key, moment))
    client.call("POST", "/v1/cosign", {"note": cosigned.render()})
    state = WitnessState(cp.size, cp.root.hex(), cosigned.render(), moment)
    state.save(folder)
    return state


def _check_extends(client: Client, last: WitnessState, size: int, root: bytes) -> None:
    old_root = bytes.fromhex(last.root)
    if size < last.size:
        raise _refuse("smaller", size=size, cosigned=last.size)
    if size == last.size:
        if root != old_root:
            raise _refuse("inconsistent", size=size, cosigned=last.size)
        return
    proof = client.call("GET", f"/v1/consistency?old={last.size}&new={size}").get("proof", [])
    steps = [bytes.fromhex(p) for p in proof]
    if not merkle.verify_consistency(last.size, size, old_root, root, steps):
        raise _refuse("inconsistent", size=size, cosigned=last.size)


# --- the download ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pc:
    id: int
    name: str
    host: str | None
    key: Ed25519PublicKey | None


@dataclass(frozen=True)
class Leaf:
    index: int
    machine: int
    seq: int
    leaf_hash: bytes
    body: bytes


def _machines(client: Client) -> dict[int, Pc]:
    found = {}
    for m in client.call("GET", "/v1/machines")["machines"]:
        key = (
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(m["public_key"]))
            if m["public_key"]
            else None
        )
        found[m["id"]] = Pc(m["id"], m["name"], m["host"], key)
    return found


def _leaves(client: Client, size: int) -> Iterator[Leaf]:
    for line in client.lines(f"/v1/leaves?start=0&end={size}"):
        index, machine, seq, leaf, body = line.split(b"\t", 4)
        yield Leaf(int(index), int(machine), int(seq), bytes.fromhex(leaf.decode()), body)


@dataclass
class AuditResult:
    ok: bool
    count: int
    pcs: int
    size: int
    kind: str | None = None
    params: dict = field(default_factory=dict)
    incidents: list = field(default_factory=list)

    @property
    def text(self) -> Text:
        return INTACT if self.ok else DISCREPANCIES[str(self.kind)]

    def message(self, lang: str | None = None) -> str:
        return self.text.render(lang, **self.params)


class _Chains:
    """Every PC's chain, followed leaf by leaf; the first discrepancy wins."""

    def __init__(self, pcs: dict[int, Pc], heads: dict[tuple[int, int], tuple[str, str]]) -> None:
        self.pcs, self.heads = pcs, heads
        self.last: dict[int, tuple[int, str]] = {}

    def name(self, machine: int) -> str:
        pc = self.pcs.get(machine)
        return pc.name if pc else f"#{machine}"

    def follow(self, leaf: Leaf) -> tuple[str, dict] | None:
        where = {"seq": leaf.seq, "pc": self.name(leaf.machine), "leaf": leaf.index}
        if not leaf.body:
            return "missing", where
        if merkle.leaf_hash(leaf.body) != leaf.leaf_hash:
            return "changed", where
        try:
            doc = json.loads(leaf.body)
        except ValueError:
            return "changed", where
        pc = self.pcs.get(leaf.machine)
        if pc is None or doc.get("machine") != pc.host:
            return "foreign", where
        seq, prev = self.last.get(leaf.machine, (0, GENESIS))
        if doc.get("seq") != leaf.seq or leaf.seq != seq + 1 or doc.get("prev_hash") != prev:
            return "relinked", where
        digest = hashlib.sha256(leaf.body).hexdigest()
        self.last[leaf.machine] = (leaf.seq, digest)
        head = self.heads.get((leaf.machine, leaf.seq))
        if head is not None and not self._head_ok(pc, leaf.seq, digest, head):
            return "head", where
        return None

    @staticmethod
    def _head_ok(pc: Pc, seq: int, digest: str, head: tuple[str, str]) -> bool:
        signed_hash, signature = head
        if pc.key is None or pc.host is None or signed_hash != digest:
            return False
        try:
            pc.key.verify(bytes.fromhex(signature), wire.head_message(pc.host, seq, digest))
        except InvalidSignature:
            return False
        return True


def audit(
    folder: Path | None = None, *, on_leaf: Callable[[Leaf, Pc | None], None] | None = None
) -> AuditResult:
    """Recompute everything up to the last cosigned checkpoint; name the first discrepancy."""
    _enrolment, client = _client()
    state = WitnessState.load(folder or default_folder())
    if state is None:
        raise HandoffError("orgjournal_not_witnessed", NOT_WITNESSED)
    pcs = _machines(client)
    answer = client.call("GET", "/v1/heads")
    heads = {(m, s): (h, sig) for m, s, h, sig in answer["heads"]}
    chains = _Chains(pcs, heads)
    tree = merkle.Tree()
    result = AuditResult(False, 0, 0, state.size, incidents=answer["incidents"])
    for leaf in _leaves(client, state.size):
        if leaf.index != len(tree):
            result.kind, result.params = "leaf_missing", {"leaf": len(tree)}
            return result
        found = chains.follow(leaf)
        if found is not None:
            result.kind, result.params = found
            return result
        tree.append(leaf.leaf_hash)
        if on_leaf is not None:
            on_leaf(leaf, pcs.get(leaf.machine))
    result.count, result.pcs = len(tree), len(chains.last)
    if len(tree) < state.size:
        result.kind, result.params = "short", {"count": len(tree), "size": state.size}
    elif tree.root() != bytes.fromhex(state.root):
        result.kind, result.params = "root", {"size": state.size}
    else:
        when = datetime.fromtimestamp(state.cosigned_at).strftime("%d/%m/%Y %H:%M")
        result.ok, result.params = True, {"count": len(tree), "pcs": result.pcs, "when": when}
    return result


def _audited(on_leaf: Callable[[Leaf, Pc | None], None], folder: Path | None) -> AuditResult:
    """Open and export read only an intact, cosigned journal."""
    result = audit(folder, on_leaf=on_leaf)
    if not result.ok:
        raise HandoffError("orgjournal_audit_failed", result.text, **result.params)
    return result


# --- open obligations and export ------------------------------------------------------------


@dataclass(frozen=True)
class OrgObligation:
    pc: str
    account: str
    obligation: Obligation

    def sort_key(self) -> tuple:
        o = self.obligation
        return (
            not o.overdue,
            o.protocol_id or "",
            o.since.strftime("%Y-%m"),
            *o.sort_key(),
            self.pc,
        )


def open_items(folder: Path | None = None, today: date | None = None) -> list[OrgObligation]:
    """Every PC's open obligations (the desktop's own rules), overdue first, then per protocol and month.

    Each PC's verified records go into a temporary journal of the desktop's own
    format, so exactly the desktop's obligation rules apply; the folder goes
    when the list is made.
    """
    work = Path(tempfile.mkdtemp(prefix="handoff-dpo-"))
    conns: dict[int, object] = {}
    names: dict[int, str] = {}
    accounts: dict[tuple[int, str], str] = {}

    def keep(leaf: Leaf, pc: Pc | None) -> None:
        doc = json.loads(leaf.body)
        if leaf.machine not in conns:
            conns[leaf.machine] = open_journal(work / f"{leaf.machine}.sqlite")
            names[leaf.machine] = pc.name if pc else f"#{leaf.machine}"
        accounts.setdefault((leaf.machine, doc["handoff_id"]), doc["account"])
        conns[leaf.machine].execute(  # type: ignore[attr-defined]
            f"INSERT INTO records ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (*record_fields(doc), hashlib.sha256(leaf.body).hexdigest()),
        )

    try:
        _audited(keep, folder)
        found = []
        for machine, conn in conns.items():
            conn.commit()  # type: ignore[attr-defined]
            conn.close()  # type: ignore[attr-defined]
            with Journal(work / f"{machine}.sqlite") as journal:
                for o in open_obligations(journal, today):
                    account = accounts.get((machine, o.handoff_id), "")
                    found.append(OrgObligation(names[machine], account, o))
        return sorted(found, key=OrgObligation.sort_key)
    finally:
        for conn in conns.values():
            with contextlib.suppress(Exception):
                conn.close()  # type: ignore[attr-defined]
        shutil.rmtree(work, ignore_errors=True)


HEADERS_NL = (
    "PC",
    "Account",
    "Volgnummer",
    "Tijdstip (UTC)",
    "Dossiernummer",
    "Protocol",
    "Stap",
    "Details",
    "Hash",
)


def _rows(folder: Path | None, sink: Callable[[list[object]], None]) -> int:
    def keep(leaf: Leaf, pc: Pc | None) -> None:
        doc = json.loads(leaf.body)
        sink(
            [
                pc.name if pc else f"#{leaf.machine}",
                doc["account"],
                doc["seq"],
                doc["time"],
                doc["handoff_id"],
                doc["protocol_id"] or "",
                doc["step"],
                details_text(doc["details"]),
                hashlib.sha256(leaf.body).hexdigest(),
            ]
        )

    return _audited(keep, folder).count


def export(output: Path, fmt: str, folder: Path | None = None) -> int:
    """Every record of the organisation as csv or xlsx; all or nothing, never over a file."""
    output = Path(output)
    if output.exists():
        raise HandoffError(
            "output_exists",
            Text(
                "{name} bestaat al. Kies een andere naam; Handoff overschrijft geen bestand.",
                "{name} already exists. Choose another name; Handoff overwrites no file.",
            ),
            name=output.name,
        )
    with partial_beside(output) as handle:
        if fmt == "xlsx":
            import xlsxwriter

            book = xlsxwriter.Workbook(
                handle,
                {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
            )
            sheet = book.add_worksheet("logboek")
            sheet.write_row(0, 0, HEADERS_NL)
            line = iter(range(1, 2**31))
            count = _rows(folder, lambda r: sheet.write_row(next(line), 0, r))
            book.close()
        else:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            writer = csv.writer(text, delimiter=";")
            writer.writerow(HEADERS_NL)
            count = _rows(folder, lambda r: writer.writerow([_inert(v) for v in r]))
            text.flush()
            text.detach()
    return count
