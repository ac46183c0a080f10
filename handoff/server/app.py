"""The journal service's HTTP API (Starlette) over a psycopg 3 connection pool.

The service is the only holder of database credentials; desktops talk to it,
never to PostgreSQL. Every call but enrolment carries a signature by the
calling machine's Ed25519 key (``handoff.core.tlog.wire``). A PC may write
only its own chain and read only its own acknowledgements; the DPO's
enrolment reads everything and cosigns checkpoints.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from psycopg_pool import AsyncConnectionPool
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from handoff.core.tlog import note as notes
from handoff.core.tlog import wire
from handoff.server import admin, keys, whitelist
from handoff.server.tree import Log

log = logging.getLogger("handoff.server")

MAX_BODY = 32 * 2**20
MAX_RECORDS = 5_000
PAGE = 20_000
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.\-]{0,251}[A-Za-z0-9])?$")


@dataclass(frozen=True)
class Machine:
    id: int
    name: str
    role: str
    host: str
    key: Ed25519PublicKey


class Problem(Exception):
    def __init__(self, status: int, code: str, **extra: object) -> None:
        super().__init__(code)
        self.status, self.code, self.extra = status, code, extra


class Service:
    """Pool, log and the machines' keys (keys never change: the table is append-only)."""

    def __init__(
        self, dsn: str, state: Path, *, interval: float = 2.0, pool_size: int = 10
    ) -> None:
        origin, key = keys.load(state)
        self.log = Log(origin, key)
        self.vkey = notes.verifier_for(origin, key)
        self.interval = interval
        self.pool = AsyncConnectionPool(
            dsn, min_size=2, max_size=pool_size, kwargs={"autocommit": True}, open=False
        )
        self.machines: dict[int, Machine] = {}
        self.lock = asyncio.Lock()  # one integrator round at a time in this process
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        await self.pool.open(wait=True)
        async with self.pool.connection() as conn:
            cur = await conn.execute("SELECT origin, vkey FROM hj.log")
            row = await cur.fetchone()
            if row is None or row[0] != self.log.origin or row[1] != self.vkey.text():
                raise SystemExit("the log key in the state folder does not belong to this database")
            await self.log.catch_up(conn)
        self._task = asyncio.create_task(self._integrator())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.pool.close()

    async def _integrator(self) -> None:
        while True:
            try:
                await self.integrate()
            except Exception:  # a database restart: try again next round
                log.exception("integration round failed")
            await asyncio.sleep(self.interval)

    async def integrate(self) -> int | None:
        async with self.lock, self.pool.connection() as conn:
            return await self.log.integrate(conn)

    async def machine(self, machine_id: int) -> Machine | None:
        if machine_id not in self.machines:
            async with self.pool.connection() as conn:
                cur = await conn.execute(
                    "SELECT m.name, m.role, k.host, k.public_key FROM hj.machines m "
                    "JOIN hj.keys k ON k.machine_id = m.id WHERE m.id = %s",
                    (machine_id,),
                )
                row = await cur.fetchone()
            if row is None:
                return None
            key = Ed25519PublicKey.from_public_bytes(bytes(row[3]))
            self.machines[machine_id] = Machine(machine_id, row[0], row[1], row[2], key)
        return self.machines[machine_id]

    async def tree_at(self, size: int) -> None:
        """Make sure the in-memory tree has ``size`` leaves (another process may be ahead)."""
        if size > len(self.log.tree):
            async with self.lock, self.pool.connection() as conn:
                await self.log.catch_up(conn, size)


def _json(data: object, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


async def _authenticated(request: Request, role: str | None = None) -> tuple[Machine, bytes]:
    service: Service = request.app.state.service
    body = await request.body()
    if len(body) > MAX_BODY:
        raise Problem(413, "too_large")
    try:
        machine_id, moment, signature = wire.parse_auth_header(request.headers[wire.HEADER])
    except (KeyError, ValueError):
        raise Problem(401, "unauthenticated") from None
    if abs(time.time() - moment) > wire.WINDOW:
        raise Problem(401, "clock", server_time=int(time.time()))
    machine = await service.machine(machine_id)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    try:
        if machine is None:
            raise InvalidSignature
        machine.key.verify(signature, wire.request_message(request.method, target, moment, body))
    except InvalidSignature:
        raise Problem(401, "unauthenticated") from None
    if role is not None and machine.role != role:
        raise Problem(403, "forbidden")
    return machine, body


def _endpoint(role: str | None = None, *, auth: bool = True):
    """Wrap a handler: authentication, JSON problems instead of tracebacks."""

    def wrap(handler):
        async def endpoint(request: Request) -> Response:
            try:
                if not auth:
                    return await handler(request)
                machine, body = await _authenticated(request, role)
                return await handler(request, machine, body)
            except Problem as problem:
                return _json({"problem": problem.code, **problem.extra}, problem.status)

        return endpoint

    return wrap


def _json_body(body: bytes) -> dict:
    import json

    try:
        data = json.loads(body)
    except ValueError:
        raise Problem(400, "bad_request") from None
    if not isinstance(data, dict):
        raise Problem(400, "bad_request")
    return data


@_endpoint(auth=False)
async def enrol(request: Request) -> Response:
    service: Service = request.app.state.service
    data = _json_body(await request.body())
    token, public, host = data.get("token"), data.get("public_key"), data.get("host")
    role = data.get("role")
    if not (isinstance(token, str) and isinstance(public, str) and isinstance(host, str)):
        raise Problem(400, "bad_request")
    if not _HOST.match(host) or not re.fullmatch(r"[0-9a-f]{64}", public):
        raise Problem(400, "bad_request")
    async with service.pool.connection() as conn, conn.transaction():
        cur = await conn.execute(
            "SELECT * FROM hj.claim(%s, %s, %s)",
            (admin.token_hash(token), bytes.fromhex(public), host),
        )
        row = await cur.fetchone()
        if row is not None and role is not None and row[2] != role:
            raise Problem(409, "wrong_role")  # rolls the claim back: the token stays valid
    if row is None:
        raise Problem(403, "token_invalid")
    return _json(
        {
            "machine_id": row[0],
            "name": row[1],
            "role": row[2],
            "origin": service.log.origin,
            "vkey": service.vkey.text(),
        }
    )


@_endpoint("pc")
async def upload(request: Request, machine: Machine, body: bytes) -> Response:
    service: Service = request.app.state.service
    data = _json_body(body)
    records, head_sig = data.get("records"), data.get("head_signature")
    if not isinstance(records, list) or not 0 < len(records) <= MAX_RECORDS:
        raise Problem(400, "bad_request")
    if not isinstance(head_sig, str) or not re.fullmatch(r"[0-9a-f]{128}", head_sig):
        raise Problem(400, "bad_request")
    bodies = [r.encode() for r in records if isinstance(r, str)]
    if len(bodies) != len(records):
        raise Problem(400, "bad_request")
    last_seq = 0
    for raw in bodies:
        try:
            last_seq, _doc = whitelist.check(raw)
        except whitelist.Refused as refused:
            raise Problem(422, "not_allowed", field=str(refused)) from None
    head = hashlib.sha256(bodies[-1]).hexdigest()
    try:
        machine.key.verify(bytes.fromhex(head_sig), wire.head_message(machine.host, last_seq, head))
    except InvalidSignature:
        raise Problem(401, "head_signature") from None
    async with service.pool.connection() as conn, conn.transaction():
        cur = await conn.execute(
            "SELECT * FROM hj.append(%s, %s, %s)", (machine.id, bodies, bytes.fromhex(head_sig))
        )
        rows = await cur.fetchall()
    counts = {"stored": 0, "duplicate": 0}
    problem = None
    for status, seq, expected in rows:
        if status in counts:
            counts[status] += 1
        else:
            problem = {"status": status, "seq": seq, "expected": expected}
            log.warning("machine %s: %s at seq %s", machine.name, status, seq)
    return _json({**counts, "problem": problem})


async def _checkpoint_for(conn, machine: Machine | None = None) -> tuple | None:
    """The newest cosigned checkpoint (else the newest one): (size, note)."""
    cur = await conn.execute(
        "SELECT c.size, coalesce(s.note, c.note), s.note IS NOT NULL FROM hj.checkpoints c "
        "LEFT JOIN LATERAL (SELECT note FROM hj.cosignatures WHERE size = c.size "
        "ORDER BY created_at DESC LIMIT 1) s ON true "
        "ORDER BY (s.note IS NOT NULL) DESC, c.size DESC LIMIT 1"
    )
    return await cur.fetchone()


@_endpoint("pc")
async def ack(request: Request, machine: Machine, body: bytes) -> Response:
    """What the service holds of this PC, and proof that its newest integrated record is in a checkpoint."""
    service: Service = request.app.state.service
    async with service.pool.connection() as conn:
        cur = await conn.execute(
            "SELECT coalesce(max(seq), 0) FROM hj.records WHERE machine_id = %s", (machine.id,)
        )
        stored = (await cur.fetchone())[0]
        checkpoint = await _checkpoint_for(conn)
        found = None
        if checkpoint is not None:
            cur = await conn.execute(
                "SELECT idx, seq FROM hj.leaves WHERE machine_id = %s AND idx < %s "
                "ORDER BY seq DESC LIMIT 1",
                (machine.id, checkpoint[0]),
            )
            found = await cur.fetchone()
    answer: dict = {"stored_seq": stored, "checkpoint": None, "leaf": None}
    if checkpoint is None:
        return _json(answer)
    size, note_text, cosigned = checkpoint
    answer["checkpoint"] = {"size": size, "note": note_text, "cosigned": cosigned}
    if found is not None:
        await service.tree_at(size)
        proof = service.log.tree.inclusion(found[0], size)
        answer["leaf"] = {"index": found[0], "seq": found[1], "proof": [p.hex() for p in proof]}
    return _json(answer)


@_endpoint()
async def checkpoint(request: Request, machine: Machine, body: bytes) -> Response:
    service: Service = request.app.state.service
    async with service.pool.connection() as conn:
        cur = await conn.execute("SELECT size, note FROM hj.checkpoints ORDER BY size DESC LIMIT 1")
        row = await cur.fetchone()
    if row is None:
        raise Problem(404, "no_checkpoint")
    return _json({"size": row[0], "note": row[1]})


@_endpoint()
async def consistency(request: Request, machine: Machine, body: bytes) -> Response:
    service: Service = request.app.state.service
    try:
        old, new = int(request.query_params["old"]), int(request.query_params["new"])
    except (KeyError, ValueError):
        raise Problem(400, "bad_request") from None
    try:
        await service.tree_at(new)
        proof = service.log.tree.consistency(old, new)
    except (LookupError, ValueError):
        raise Problem(404, "no_such_tree") from None
    return _json({"proof": [p.hex() for p in proof]})


@_endpoint("dpo")
async def cosign(request: Request, machine: Machine, body: bytes) -> Response:
    """Keep the DPO's cosignature (checked here too, so nobody else's lands in the table)."""
    service: Service = request.app.state.service
    data = _json_body(body)
    try:
        note, cp = notes.open_checkpoint(str(data.get("note")), service.vkey)
        witness = notes.Verifier(
            wire.witness_name(service.log.origin, machine.id),
            notes.COSIGNATURE_V1,
            notes.raw_public(machine.key),
        )
        note.cosigned_at(witness)
    except notes.NoteError:
        raise Problem(422, "bad_cosignature") from None
    async with service.pool.connection() as conn, conn.transaction():
        cur = await conn.execute("SELECT root FROM hj.checkpoints WHERE size = %s", (cp.size,))
        row = await cur.fetchone()
        if row is None or bytes(row[0]) != cp.root:
            raise Problem(409, "unknown_checkpoint")
        await conn.execute(
            "SELECT hj.add_cosignature(%s, %s, %s)", (cp.size, machine.id, note.render())
        )
    return _json({"size": cp.size})


@_endpoint("dpo")
async def machines(request: Request, machine: Machine, body: bytes) -> Response:
    service: Service = request.app.state.service
    async with service.pool.connection() as conn:
        cur = await conn.execute(
            "SELECT m.id, m.name, m.role, k.host, encode(k.public_key, 'hex'), "
            "k.enrolled_at::text FROM hj.machines m LEFT JOIN hj.keys k ON k.machine_id = m.id "
            "ORDER BY m.id"
        )
        rows = await cur.fetchall()
    fields = ("id", "name", "role", "host", "public_key", "enrolled_at")
    return _json({"machines": [dict(zip(fields, r, strict=True)) for r in rows]})


@_endpoint("dpo")
async def heads(request: Request, machine: Machine, body: bytes) -> Response:
    service: Service = request.app.state.service
    async with service.pool.connection() as conn:
        cur = await conn.execute(
            "SELECT machine_id, seq, encode(hash, 'hex'), encode(signature, 'hex') FROM hj.heads "
            "ORDER BY machine_id, seq"
        )
        rows = await cur.fetchall()
        cur = await conn.execute(
            "SELECT machine_id, kind, seq, at::text FROM hj.incidents ORDER BY id"
        )
        incidents = await cur.fetchall()
    return _json({"heads": rows, "incidents": incidents})


@_endpoint("dpo")
async def leaves(request: Request, machine: Machine, body: bytes) -> Response:
    """Leaves ``start`` to ``end`` as text lines ``idx TAB machine TAB seq TAB leaf hash TAB body``.

    Canonical JSON never holds a raw tab or newline (they are escaped), so a
    line is a leaf; streamed page by page, a million leaves never sit in memory.
    """
    service: Service = request.app.state.service
    try:
        start, end = int(request.query_params["start"]), int(request.query_params["end"])
    except (KeyError, ValueError):
        raise Problem(400, "bad_request") from None

    async def lines() -> AsyncIterator[bytes]:
        async with service.pool.connection() as conn:
            at = start
            while at < end:
                cur = await conn.execute(
                    "SELECT l.idx, l.machine_id, l.seq, l.leaf_hash, coalesce(r.body, '') "
                    "FROM hj.leaves l LEFT JOIN hj.records r USING (machine_id, seq) "
                    "WHERE l.idx >= %s AND l.idx < %s ORDER BY l.idx",
                    (at, min(end, at + PAGE)),
                )
                rows = await cur.fetchall()
                if not rows:
                    return
                yield b"".join(
                    b"%d\t%d\t%d\t%s\t%s\n" % (i, m, s, bytes(h).hex().encode(), bytes(b))
                    for i, m, s, h, b in rows
                )
                at = rows[-1][0] + 1

    return StreamingResponse(lines(), media_type="text/plain; charset=utf-8")


def build(service: Service) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            await service.stop()

    app = Starlette(
        routes=[
            Route("/v1/enrol", enrol, methods=["POST"]),
            Route("/v1/records", upload, methods=["POST"]),
            Route("/v1/ack", ack, methods=["GET"]),
            Route("/v1/checkpoint", checkpoint, methods=["GET"]),
            Route("/v1/consistency", consistency, methods=["GET"]),
            Route("/v1/cosign", cosign, methods=["POST"]),
            Route("/v1/machines", machines, methods=["GET"]),
            Route("/v1/heads", heads, methods=["GET"]),
            Route("/v1/leaves", leaves, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.service = service
    return app
