"""Enrolments: which service, which machine, which log key; the private key in the OS keyring.

A PC and the DPO each enrol once with a one-time token from IT. The private
Ed25519 key never leaves the keyring; the enrolment file (URL, machine id,
name, the log's verifier key) holds nothing secret. The log's verifier key
arrives with the enrolment and is pinned from then on: a service that later
signs with another key is not believed.
"""

from __future__ import annotations

import json
import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handoff.core import credentials, paths, settings
from handoff.core.atomic import write_atomic
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.tlog.note import NoteError, Verifier, raw_public
from handoff.orgjournal.http import Client

Role = Literal["pc", "dpo"]
_FILES = {"pc": "orgjournal.json", "dpo": "orgjournal-dpo.json"}
_SECRETS = {"pc": credentials.ORGJOURNAL, "dpo": credentials.ORGJOURNAL_DPO}


@dataclass(frozen=True)
class Enrolment:
    url: str
    machine_id: int
    name: str
    role: str
    host: str
    origin: str
    vkey: str

    @property
    def verifier(self) -> Verifier:
        return Verifier.parse(self.vkey)


def _path(role: Role) -> Path:
    return paths.config_dir() / _FILES[role]


def not_enrolled(role: Role) -> HandoffError:
    if role == "dpo":
        return HandoffError(
            "orgjournal_not_enrolled",
            Text(
                "U bent nog niet ingeschreven als DPO bij de logboekserver. Gebruik "
                "'handoff dpo enrol' met de code van uw IT-dienst.",
                "You are not enrolled as DPO with the journal server yet. Use "
                "'handoff dpo enrol' with the code from your IT desk.",
            ),
        )
    return HandoffError(
        "orgjournal_not_enrolled",
        Text(
            "Deze computer is nog niet ingeschreven bij de logboekserver van de organisatie. "
            "Gebruik 'handoff journal enrol' met de code van uw IT-dienst.",
            "This computer is not enrolled with the organisation's journal server yet. "
            "Use 'handoff journal enrol' with the code from your IT desk.",
        ),
    )


def load(role: Role) -> Enrolment | None:
    path = _path(role)
    if not path.exists():
        return None
    return Enrolment(**json.loads(path.read_text(encoding="utf-8")))


def required(role: Role) -> Enrolment:
    enrolment = load(role)
    if enrolment is None:
        raise not_enrolled(role)
    return enrolment


def private_key(role: Role) -> Ed25519PrivateKey:
    secret = credentials.get_secret(_SECRETS[role])
    if secret is None:
        raise not_enrolled(role)
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret))


def cafile() -> str | None:
    """The organisation's own CA bundle for its journal server, if IT set one."""
    return settings.load().journal.cafile or None


def client(enrolment: Enrolment, role: Role) -> Client:
    return Client(enrolment.url, enrolment.machine_id, private_key(role), cafile=cafile())


def _wrong_role() -> HandoffError:
    return HandoffError(
        "orgjournal_wrong_role",
        Text(
            "Deze code is voor een andere rol (computer of DPO). Er is niets ingeschreven; "
            "vraag uw IT-dienst de juiste code.",
            "This code is for another role (computer or DPO). Nothing was enrolled; ask "
            "your IT desk for the right code.",
        ),
    )


def enrol(url: str, token: str, role: Role, *, host: str | None = None) -> Enrolment:
    """Claim the token with a new key; the key is stored only once the service accepted it.

    The keyring is checked first, so a token is not spent on a machine that
    could not keep its key.
    """
    credentials.require_secure_backend()
    key = Ed25519PrivateKey.generate()
    host = host or socket.gethostname() or "unknown"
    payload = {"token": token, "public_key": raw_public(key.public_key()).hex(), "host": host}
    try:
        answer = Client(url, cafile=cafile()).call("POST", "/v1/enrol", {**payload, "role": role})
    except HandoffError as exc:
        if exc.params.get("problem") == "wrong_role":
            raise _wrong_role() from None
        raise
    try:
        Verifier.parse(str(answer["vkey"]))
    except (KeyError, NoteError):
        raise HandoffError(
            "orgjournal_refused",
            Text(
                "Ongeldig antwoord van de logboekserver.", "Invalid answer from the journal server."
            ),
        ) from None
    enrolment = Enrolment(
        url,
        int(answer["machine_id"]),
        str(answer["name"]),
        role,
        host,
        str(answer["origin"]),
        str(answer["vkey"]),
    )
    credentials.set_secret(_SECRETS[role], key.private_bytes_raw().hex())
    write_atomic(_path(role), json.dumps(asdict(enrolment), indent=1).encode())
    return enrolment
