"""What a desktop signs for the journal service: each request, and the head of each upload.

Shared by the service (which checks) and the desktop client (which signs) so
the two can never drift. A request signature binds method, path with query,
time and body hash, so a captured request cannot be replayed with another
body or much later; the upload head signature (machine name, seq, head hash)
is kept in the database, and ``dpo audit`` checks every stored chain against
the heads its PC signed: whoever runs the database cannot rewrite a PC's
history and produce matching head signatures without that PC's key.
"""

from __future__ import annotations

import hashlib

#: Seconds a request signature stays valid either side of the service's clock.
WINDOW = 300
HEADER = "X-Handoff-Auth"


def request_message(method: str, target: str, moment: int, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"handoff-request/v1\n{method.upper()}\n{target}\n{moment}\n{digest}\n".encode()


def head_message(machine: str, seq: int, head_hash: str) -> bytes:
    return f"handoff-upload-head/v1\n{machine}\n{seq}\n{head_hash}\n".encode()


def auth_header(machine_id: int, moment: int, signature: bytes) -> str:
    return f"{machine_id}:{moment}:{signature.hex()}"


def parse_auth_header(value: str) -> tuple[int, int, bytes]:
    machine, moment, signature = value.split(":")
    return int(machine), int(moment), bytes.fromhex(signature)


def witness_name(origin: str, machine_id: int) -> str:
    """The DPO's cosigning key name: tied to the log and to the DPO's enrolment."""
    return f"{origin}/witness/{machine_id}"
