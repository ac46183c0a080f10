"""What IT runs once: create the schema, roles and log key; issue one-time enrolment tokens.

These use an administrator's DSN (a superuser or a role that may create
roles and schemas); the service itself later logs in as ``handoff_service``,
which may only read and call the guarded functions.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import psycopg

from handoff.server import keys, schema


def new_token() -> str:
    """32 characters of base64url that never start with "-".

    IT pastes the token on a command line (``handoff journal enrol TOKEN``);
    one starting with "-" (1 in 64 of ``token_urlsafe``) is read as an option
    and refused.
    """
    while (token := secrets.token_urlsafe(24)).startswith("-"):
        pass
    return token


def token_hash(token: str) -> bytes:
    """Only the hash of a token is stored: a database dump does not enrol anyone."""
    return hashlib.sha256(token.encode()).digest()


def init(dsn: str, state: Path, origin: str) -> str:
    """Roles, schema, functions, triggers and the log key; returns the log's verifier key."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(schema.ROLES)
        if conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = 'hj'").fetchone():
            raise SystemExit("the database already holds an organisation journal (schema hj)")
    verifier = keys.create(state, origin)
    try:
        with psycopg.connect(dsn) as conn, conn.transaction():
            conn.execute(schema.script())
            conn.execute("SELECT hj.set_log(%s, %s)", (origin, verifier.text()))
    except BaseException:
        (state / keys.KEY_FILE).unlink(missing_ok=True)
        raise
    return verifier.text()


def enrol(dsn: str, name: str, *, dpo: bool = False) -> str:
    """A one-time token for machine ``name`` (printed once, stored only as a hash)."""
    token = new_token()
    with psycopg.connect(dsn) as conn:
        conn.execute(
            "SELECT hj.new_machine(%s, %s, %s)", (name, "dpo" if dpo else "pc", token_hash(token))
        )
    return token
