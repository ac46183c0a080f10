"""The organisation's policy in the journal: ignored policy values and refused profiles.

Issue 15: an unusable policy value and a shared profile refused for its
signature are each journaled, so the DPO sees that a lock did not hold or
that someone tampered with a share. The records carry the key and source, or
the file name, key id and reason; never a value. Each distinct event is
recorded once a day, not on every start: the journal is read by people.
"""

from __future__ import annotations

import json
from datetime import datetime

from handoff.core import protocols, settings
from handoff.core.journal import Journal, Step
from handoff.core.journal.details import DetailError, setting_key
from handoff.core.journal.records import new_handoff_id

_REFUSED_REASONS = ("unsigned", "unknown_key", "bad_signature")


def _policy_key(key: str) -> str:
    if key.startswith("directory."):
        return "directory"
    try:
        return setting_key(key)
    except DetailError:
        return "unknown"


def policy_events(
    in_force: settings.InForce, problems: list[protocols.ProfileProblem]
) -> list[tuple[Step, dict[str, object]]]:
    """The journal records the current policy and protocol folders call for."""
    events: list[tuple[Step, dict[str, object]]] = [
        (Step.POLICY_VALUE_IGNORED, {"key": _policy_key(p.key), "source": p.source.kind})
        for p in in_force.problems
    ]
    for problem in problems:
        if problem.reason in _REFUSED_REASONS:
            details: dict[str, object] = {"file": problem.file.name, "reason": problem.reason}
            if problem.key_id:
                details["key_id"] = problem.key_id
            events.append((Step.PROFILE_REFUSED, details))
    return events


def journal_policy_events(
    journal: Journal,
    in_force: settings.InForce | None = None,
    problems: list[protocols.ProfileProblem] | None = None,
) -> int:
    """Append each event not yet journaled today; how many were appended."""
    in_force = in_force or settings.resolve()
    if problems is None:
        _, problems = protocols.load_all()
    today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
    seen = {
        (record.step, json.dumps(record.details, sort_keys=True))
        for step in (Step.POLICY_VALUE_IGNORED, Step.PROFILE_REFUSED)
        for record in journal.records(step=step, since=today)
    }
    added = 0
    for step, details in policy_events(in_force, problems):
        mark = (step, json.dumps(details, sort_keys=True))
        if mark in seen:
            continue
        journal.append(step, handoff_id=new_handoff_id(), protocol_id=None, details=details)
        seen.add(mark)
        added += 1
    return added
