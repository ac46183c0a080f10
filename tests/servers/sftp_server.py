"""A real SFTP server on loopback: paramiko's ServerInterface + SFTPServerInterface.

Serves a temp folder with password auth and a host key made in the test. Can
drop the connection after a number of uploaded bytes, to test what a broken
upload leaves behind.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import paramiko

USER, PASSWORD = "turnhout", "sftp-test-password"


@dataclass
class State:
    """Shared with every connection: root folder, host key, drop rule."""

    root: Path
    host_key: paramiko.PKey
    drop_after: int | None = None  # bytes written before the connection is cut
    on_rename: str | None = None  # "drop": rename, then cut the line; "ingest": rename, take away
    port: int = 0
    logins: list[str] = field(default_factory=list)
    sockets: list[socket.socket] = field(default_factory=list)


class _Auth(paramiko.ServerInterface):
    def __init__(self, state: State, sock: socket.socket) -> None:
        self.state, self.sock = state, sock

    def get_allowed_auths(self, username: str) -> str:
        return "password"

    def check_auth_password(self, username: str, password: str) -> int:
        self.state.logins.append(username)
        if (username, password) == (USER, PASSWORD):
            return paramiko.AUTH_SUCCESSFUL
        return paramiko.AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        if kind == "session":
            return paramiko.OPEN_SUCCEEDED
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED


class _Handle(paramiko.SFTPHandle):
    def __init__(self, flags: int, auth: _Auth) -> None:
        super().__init__(flags)
        self.auth = auth
        self.written = 0

    def stat(self):
        return paramiko.SFTPAttributes.from_stat(os.fstat(self.readfile.fileno()))

    def write(self, offset: int, data: bytes):
        limit = self.auth.state.drop_after
        if limit is not None and self.written + len(data) > limit:
            self.writefile.flush()
            self.auth.sock.shutdown(socket.SHUT_RDWR)  # the line goes dead mid-upload
            return paramiko.SFTP_CONNECTION_LOST
        self.written += len(data)
        return super().write(offset, data)


class _Folder(paramiko.SFTPServerInterface):
    """The temp folder as the server's whole file system."""

    def __init__(self, server: _Auth, *args, **kwargs) -> None:
        super().__init__(server, *args, **kwargs)
        self.auth = server

    def _real(self, path: str) -> str:
        return str(self.auth.state.root) + self.canonicalize(path)

    def _stat(self, path: str, follow: bool):
        try:
            result = os.stat(self._real(path)) if follow else os.lstat(self._real(path))
        except OSError as exc:
            return paramiko.SFTPServer.convert_errno(exc.errno)
        return paramiko.SFTPAttributes.from_stat(result)

    def stat(self, path: str):
        return self._stat(path, True)

    def lstat(self, path: str):
        return self._stat(path, False)

    def list_folder(self, path: str):
        real = self._real(path)
        try:
            names = os.listdir(real)
        except OSError as exc:
            return paramiko.SFTPServer.convert_errno(exc.errno)
        out = []
        for name in names:
            attr = paramiko.SFTPAttributes.from_stat(os.stat(os.path.join(real, name)))
            attr.filename = name
            out.append(attr)
        return out

    def open(self, path: str, flags: int, attr):
        try:
            fd = os.open(self._real(path), flags, 0o600)
        except OSError as exc:
            return paramiko.SFTPServer.convert_errno(exc.errno)
        mode = "r+b" if flags & os.O_RDWR else ("wb" if flags & os.O_WRONLY else "rb")
        handle = _Handle(flags, self.auth)
        handle.readfile = handle.writefile = os.fdopen(fd, mode)
        return handle

    def rename(self, oldpath: str, newpath: str) -> int:
        try:
            os.rename(self._real(oldpath), self._real(newpath))
        except OSError as exc:
            return paramiko.SFTPServer.convert_errno(exc.errno)
        if self.auth.state.on_rename == "ingest":  # the partner's job takes it at once
            os.replace(self._real(newpath), str(self.auth.state.root) + "/../ingested.7z")
        elif self.auth.state.on_rename == "drop":  # complete under its name; no answer leaves
            self.auth.state.on_rename = None
            self.auth.sock.shutdown(socket.SHUT_RDWR)
            return paramiko.SFTP_CONNECTION_LOST
        return paramiko.SFTP_OK

    def remove(self, path: str) -> int:
        try:
            os.remove(self._real(path))
        except OSError as exc:
            return paramiko.SFTPServer.convert_errno(exc.errno)
        return paramiko.SFTP_OK


def _serve_one(state: State, conn: socket.socket) -> None:
    transport = paramiko.Transport(conn)
    transport.add_server_key(state.host_key)
    transport.set_subsystem_handler("sftp", paramiko.SFTPServer, _Folder)
    try:
        transport.start_server(server=_Auth(state, conn))
    except (paramiko.SSHException, EOFError, OSError):
        transport.close()


def _accept_loop(state: State, listener: socket.socket) -> None:
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        state.sockets.append(conn)
        threading.Thread(target=_serve_one, args=(state, conn), daemon=True).start()


def new_host_key() -> paramiko.PKey:
    """A fresh ECDSA key (fast to make; paramiko cannot generate Ed25519)."""
    return paramiko.ECDSAKey.generate()


@contextmanager
def sftp_server(root: Path, host_key: paramiko.PKey | None = None) -> Iterator[State]:
    """Serve ``root`` on 127.0.0.1 until the block ends."""
    state = State(root=root, host_key=host_key or new_host_key())
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    state.port = listener.getsockname()[1]
    threading.Thread(target=_accept_loop, args=(state, listener), daemon=True).start()
    try:
        yield state
    finally:
        listener.close()
        for sock in state.sockets:
            sock.close()
