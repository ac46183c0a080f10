"""The journal's canonical form and hash chain: what makes tampering visible.

Every record is hashed over one canonical byte string (sorted-key, compact
JSON of all its fields, ``seq`` and ``prev_hash`` included), and each record
names the hash of the one before it, starting from a fixed genesis. Changing,
removing, inserting or reordering a record then breaks the chain at that
record. The form is built by hand from pre-encoded parts instead of
``json.dumps`` of a dict because ``verify`` hashes a million records and must
stay under ten seconds; a test pins it to the ``json.dumps`` form.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

GENESIS = hashlib.sha256(b"handoff-journal-genesis-v1").hexdigest()

#: The fields a record hash covers, in canonical (sorted) order.
FIELDS = (
    "account",
    "details",
    "handoff_id",
    "machine",
    "prev_hash",
    "protocol_id",
    "seq",
    "step",
    "time",
)

_DETAILS_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
)


def details_text(details: dict) -> str:
    """The canonical JSON of a record's details, as stored and as hashed."""
    return _DETAILS_ENCODER.encode(details)


def record_fields(doc: dict[str, Any]) -> tuple[Any, ...]:
    """A record read back from its canonical JSON, as ``canonical``'s arguments.

    That is also the order of the stored columns before ``hash``, so the
    organisation journal rebuilds rows and re-checks bodies from one list.
    """
    return (
        doc["seq"],
        doc["time"],
        doc["account"],
        doc["machine"],
        doc["handoff_id"],
        doc["protocol_id"],
        doc["step"],
        details_text(doc["details"]),
        doc["prev_hash"],
    )


def _text_or_null(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def canonical(
    seq: int,
    time: str,
    account: str,
    machine: str,
    handoff_id: str,
    protocol_id: str | None,
    step: str,
    details: str,
    prev_hash: str,
) -> bytes:
    """Sorted-key compact JSON of a record; ``details`` is already canonical JSON."""
    return (
        f'{{"account":{encode_basestring(account)},"details":{details},'
        f'"handoff_id":{encode_basestring(handoff_id)},"machine":{encode_basestring(machine)},'
        f'"prev_hash":{encode_basestring(prev_hash)},"protocol_id":{_text_or_null(protocol_id)},'
        f'"seq":{int(seq)},"step":{encode_basestring(step)},"time":{encode_basestring(time)}}}'
    ).encode()


def record_hash(*fields: Any) -> str:
    """The hex sha256 of ``canonical(*fields)``: the value the next record chains to."""
    return hashlib.sha256(canonical(*fields)).hexdigest()
