"""The service refuses any record that the desktop's own journal would refuse.

The same rule as the local journal (``handoff.core.journal.details``): no
personal data, only whitelisted detail keys with narrow value types. The
record must also be in exactly the canonical form its hash covers, so no
extra field, whitespace or key order can carry anything past this check.
"""

from __future__ import annotations

import json
import re

from handoff.core.errors import HandoffError
from handoff.core.journal.details import account, clean_details
from handoff.core.journal.hash import FIELDS, canonical, record_fields
from handoff.core.journal.records import HANDOFF_ID, PROTOCOL_ID, Step

_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class Refused(ValueError):
    """A record outside the whitelist; the message names the field, never its value."""


def check(body: bytes) -> tuple[int, dict]:
    """The record's seq and fields, or :class:`Refused`."""
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise Refused("not JSON") from None
    if not isinstance(doc, dict) or tuple(sorted(doc)) != FIELDS:
        raise Refused("fields")
    seq = doc["seq"]
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise Refused("seq")
    _check_fields(doc)
    if canonical(*record_fields(doc)) != body:
        raise Refused("not canonical")
    return seq, doc


def _check_fields(doc: dict) -> None:
    checks = {
        "time": lambda v: isinstance(v, str) and _TIME.match(v),
        "prev_hash": lambda v: isinstance(v, str) and _HEX64.match(v),
        "handoff_id": lambda v: isinstance(v, str) and HANDOFF_ID.match(v),
        "protocol_id": lambda v: v is None or (isinstance(v, str) and PROTOCOL_ID.match(v)),
        "step": lambda v: v in {s.value for s in Step},
        "machine": lambda v: isinstance(v, str) and 0 < len(v) <= 253,
        "details": lambda v: isinstance(v, dict),
    }
    for name, ok in checks.items():
        if not ok(doc[name]):
            raise Refused(name)
    try:
        account(doc["account"])
        if clean_details(doc["step"], doc["details"]) != doc["details"]:
            raise Refused("details")
    except (ValueError, HandoffError):
        raise Refused("details") from None
