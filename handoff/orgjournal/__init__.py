"""The desktop side of the organisation journal: enrolment, upload, acknowledgements, the DPO's checks.

This package talks HTTP, so it sits beside the channels, above the core: the
core's journal never waits for a network (a server that is down never blocks
or slows a handoff). ``http`` signs requests, ``identity`` keeps enrolments
and keys, ``sync`` uploads a PC's records and checks the service's
acknowledgements, ``dpo`` witnesses, audits and reads the organisation's
obligations.
"""
