"""``handoff-journal-server``: init, enrol, serve.

Plain http is allowed only on a loopback address (a reverse proxy on the same
host, or the tests); anything else needs ``--cert`` and ``--key``.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
from collections.abc import Sequence
from pathlib import Path


def _listen(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    return host.strip("[]") or "127.0.0.1", int(port)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _init(args: argparse.Namespace) -> int:
    from handoff.server import admin

    vkey = admin.init(args.dsn, Path(args.state), args.name)
    print(vkey)
    return 0


def _enrol(args: argparse.Namespace) -> int:
    from handoff.server import admin

    print(admin.enrol(args.dsn, args.machine, dpo=args.dpo))
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from handoff.server.app import Service, build

    host, port = _listen(args.listen)
    if not (args.cert and args.key) and not _loopback(host):
        print("plain http only on a loopback address: give --cert and --key", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    service = Service(args.dsn, Path(args.state), interval=args.interval, pool_size=args.pool)
    uvicorn.run(
        build(service),
        host=host,
        port=port,
        ssl_certfile=args.cert,
        ssl_keyfile=args.key,
        log_level="warning",
        access_log=False,
    )
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="handoff-journal-server")
    sub = p.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="schema, roles and log key")
    init.add_argument("--dsn", required=True)
    init.add_argument("--state", required=True)
    init.add_argument("--name", required=True, help="the log's origin, e.g. journaal.ocmw.be/v1")
    init.set_defaults(func=_init)
    enrol = sub.add_parser("enrol", help="print a one-time enrolment token")
    enrol.add_argument("--dsn", required=True)
    enrol.add_argument("--machine", required=True)
    enrol.add_argument("--dpo", action="store_true")
    enrol.set_defaults(func=_enrol)
    serve = sub.add_parser("serve", help="run the journal service")
    serve.add_argument("--dsn", required=True)
    serve.add_argument("--state", required=True)
    serve.add_argument("--listen", default="127.0.0.1:8443")
    serve.add_argument("--cert")
    serve.add_argument("--key")
    serve.add_argument("--interval", type=float, default=2.0, help="seconds between checkpoints")
    serve.add_argument("--pool", type=int, default=10, help="database connections")
    serve.set_defaults(func=_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
