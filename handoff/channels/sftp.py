"""SFTP upload: the transport the Turnhout protocol prefers.

Seed 004 (considerans C2): "De geprefereerde oplossing is via s(ecure)ftp. met
gebruikersnaam/paswoord, waarvoor Opgroeien regie de sftp-setup uitvoert. Elke
gemeente krijgt zijn eigen gebruikersnaam/wachtwoord". The password is in the
keyring (``handoff settings secret sftp``).

The server's host key is checked *before* the password is sent: against the
pinned fingerprint in the settings, else the known_hosts file. An unknown or
changed key is refused and its fingerprint shown as OpenSSH prints it
(``SHA256:<base64>``) so the user can compare it with what the partner's IT
gave. The file is uploaded as ``.<name>.part`` and renamed once its size is
verified, so the receiver never sees a complete-looking partial file.

Three outcomes (issue 18 §3): UPLOADED once the server acknowledged the rename
of the verified ``.part`` (a file an ingest job takes away at once is still
delivered); a HandoffError while the file is not under its final name; and
DELIVERY_UNCERTAIN when the line dropped after the rename was asked and before
the server answered. A retry of the same archive finds its own file on the
server and, when the bytes match, counts it as delivered instead of refusing.
Stale ``.part`` files of earlier broken uploads are removed at the next upload.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import socket
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import paramiko

from handoff.channels.base import (
    Delivery,
    allowed_recipient,
    archive_details,
    failure,
    login_secret,
)
from handoff.channels.email_message import attachment_name
from handoff.core import credentials
from handoff.core.credentials import Ask
from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.journal import Step
from handoff.core.protocols import Protocol, Recipient
from handoff.core.settings import SftpSettings


@dataclass(frozen=True)
class Target:
    """Where an sftp:// recipient points."""

    host: str
    port: int
    folder: str


MESSAGES = {
    "sftp_bad_address": Text(
        "Het SFTP-adres in het protocol is ongeldig (verwacht sftp://host/map). Meld dit aan wie de protocollen beheert.",
        "The SFTP address in the protocol is invalid (expected sftp://host/folder). Report this to whoever maintains the protocols.",
    ),
    "sftp_host_mismatch": Text(
        "De SFTP-server in de instellingen ({configured}) is niet die van het protocol ({host}). Er is niets verzonden; pas sftp.host aan.",
        "The SFTP server in the settings ({configured}) is not the protocol's ({host}). Nothing was sent; correct sftp.host.",
    ),
    "sftp_host_key_changed": Text(
        "De sleutel van server {host} is VERANDERD ({fingerprint}). Er is niets verzonden. Dit kan een aanval zijn: vraag de partner of de sleutel echt gewijzigd is voor u de nieuwe vastlegt (sftp.host_key_fingerprint).",
        "The key of server {host} has CHANGED ({fingerprint}). Nothing was sent. This may be an attack: ask the partner whether the key really changed before you pin the new one (sftp.host_key_fingerprint).",
    ),
    "sftp_host_key_unknown": Text(
        "De sleutel van server {host} is onbekend ({fingerprint}). Er is niets verzonden. Vergelijk hem met wat de partner opgaf en leg hem vast: handoff settings set sftp.host_key_fingerprint {fingerprint}",
        "The key of server {host} is unknown ({fingerprint}). Nothing was sent. Compare it with what the partner gave and pin it: handoff settings set sftp.host_key_fingerprint {fingerprint}",
    ),
    "sftp_auth_failed": Text(
        "Server {host} weigert de aanmelding. Er is niets verzonden. Controleer sftp.username en bewaar het wachtwoord opnieuw met 'handoff settings secret sftp'.",
        "Server {host} refuses the login. Nothing was sent. Check sftp.username and store the password again with 'handoff settings secret sftp'.",
    ),
    "sftp_folder_missing": Text(
        "De map {folder} bestaat niet op de server. Er is niets verzonden; vraag de partner de map aan te maken.",
        "The folder {folder} does not exist on the server. Nothing was sent; ask the partner to create it.",
    ),
    "sftp_file_exists": Text(
        "Op de server staat al een ander bestand {name} dan dit archief. Er is niets overschreven; meld dit aan de partner.",
        "{name} is already on the server and it is not this archive. Nothing was overwritten; tell the partner.",
    ),
    "sftp_permission_denied": Text(
        "De server {host} laat niet toe dat u in deze map schrijft. Er is niets verzonden; vraag de partner de rechten na te kijken.",
        "The server {host} does not let you write in this folder. Nothing was sent; ask the partner to check the permissions.",
    ),
    "sftp_unreachable": Text(
        "SFTP-server {host}:{port} is niet bereikbaar. Er is niets verzonden. Controleer de netwerkverbinding (en de firewall, seed 004).",
        "SFTP server {host}:{port} cannot be reached. Nothing was sent. Check the network (and the firewall, seed 004).",
    ),
    "sftp_incomplete": Text(
        "{name} kwam onvolledig aan op de server. Het bestand staat er niet onder zijn eigen naam; probeer opnieuw.",
        "{name} arrived incomplete on the server. It is not there under its own name; try again.",
    ),
    "sftp_connection_lost": Text(
        "De verbinding met {host} viel weg tijdens het opladen. Het bestand staat niet onder zijn eigen naam op de server; probeer opnieuw.",
        "The connection to {host} dropped during the upload. The file is not on the server under its own name; try again.",
    ),
    "sftp_no_final_reply": Text(
        "{name} stond volledig op server {host} en Handoff vroeg het de definitieve naam te geven, maar de verbinding viel weg voor de server antwoordde. Het bestand kan dus aangekomen zijn. Vraag het na bij de ontvanger; ontbreekt het, verstuur dan hetzelfde archief opnieuw.",
        "{name} was complete on server {host} and Handoff asked to give it its final name, but the line dropped before the server answered. So the file may have arrived. Check with the recipient; if it is missing, send the same archive again.",
    ),
}


def _fail(code: str, **params: object) -> HandoffError:
    return failure(MESSAGES, code, **params)


def parse_address(address: str, default_port: int = 22) -> Target:
    """``sftp://host[:port]/folder`` as the protocol profile writes it."""
    parts = urlsplit(address)
    try:
        port = parts.port or default_port
    except ValueError:
        port = 0
    if parts.scheme != "sftp" or not parts.hostname or parts.username or not port:
        raise _fail("sftp_bad_address")
    return Target(parts.hostname, port, parts.path or "/")


def fingerprint(key: paramiko.PKey) -> str:
    """OpenSSH's form: SHA256 of the key blob, base64 without padding."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


class SftpChannel:
    """Uploads the archive to the protocol's SFTP folder."""

    name = "sftp"

    def __init__(
        self,
        settings: SftpSettings,
        *,
        ask: Ask | None = None,
        known_hosts: Path | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.settings = settings
        self.ask = ask
        self.known_hosts = known_hosts or (
            Path(settings.known_hosts).expanduser()
            if settings.known_hosts
            else Path.home() / ".ssh" / "known_hosts"
        )
        self.timeout = timeout
        self._secret: str | None = None

    def ready(self) -> None:
        """Have the login's password before anything is packed (asked once, never stored)."""
        if self._secret is None:
            self._secret = login_secret(credentials.SFTP, self.ask)

    def _target(self, recipient: Recipient) -> Target:
        target = parse_address(recipient.address, self.settings.port)
        if target.folder == "/" and self.settings.folder:  # the profile names no folder
            target = Target(target.host, target.port, self.settings.folder)
        if self.settings.host and self.settings.host.lower() != target.host.lower():
            raise _fail("sftp_host_mismatch", configured=self.settings.host, host=target.host)
        return target

    def _known_keys(self, target: Target) -> list[paramiko.PKey]:
        if not self.known_hosts.is_file():
            return []
        hosts = paramiko.HostKeys(str(self.known_hosts))
        name = target.host if target.port == 22 else f"[{target.host}]:{target.port}"
        return list((hosts.lookup(name) or {}).values())

    def check_host_key(self, key: paramiko.PKey, target: Target) -> None:
        """Refuse any key but the pinned one (or, unpinned, the known_hosts one)."""
        seen = fingerprint(key)
        pinned = self.settings.host_key_fingerprint
        expected = [pinned] if pinned else [fingerprint(k) for k in self._known_keys(target)]
        if seen in expected:
            return
        if expected:
            raise _fail("sftp_host_key_changed", host=target.host, fingerprint=seen)
        raise _fail("sftp_host_key_unknown", host=target.host, fingerprint=seen)

    def _transport(self, target: Target) -> paramiko.Transport:
        try:
            sock = socket.create_connection((target.host, target.port), timeout=self.timeout)
        except OSError:
            raise _unreachable(target) from None
        transport = paramiko.Transport(sock)
        try:
            transport.start_client(timeout=self.timeout)
        except (paramiko.SSHException, EOFError, OSError):
            transport.close()
            raise _unreachable(target) from None
        try:
            self.check_host_key(transport.get_remote_server_key(), target)
            self._login(transport, target)
        except BaseException:
            transport.close()
            raise
        return transport

    def _login(self, transport: paramiko.Transport, target: Target) -> None:
        self.ready()
        try:
            transport.auth_password(self.settings.username, self._secret or "")
        except paramiko.AuthenticationException:
            raise _fail("sftp_auth_failed", host=target.host) from None

    def _upload(self, client: paramiko.SFTPClient, archive: Path, folder: str, name: str) -> bool:
        """Put the archive under ``name``; False when this very archive was already there."""
        try:
            client.stat(folder)
        except FileNotFoundError:
            raise _fail("sftp_folder_missing", folder=folder) from None
        _remove_stale_parts(client, folder)
        final, part = posixpath.join(folder, name), posixpath.join(folder, f".{name}.part")
        if _exists(client, final):
            if _same_file(client, final, archive):  # a retry after an uncertain upload
                return False
            raise _fail("sftp_file_exists", name=name)
        size = archive.stat().st_size
        client.put(str(archive), part, confirm=False)
        if client.stat(part).st_size != size:
            raise _incomplete(name)
        try:
            client.rename(part, final)
        except (TimeoutError, EOFError, paramiko.SSHException, ConnectionError):
            raise _Uncertain from None
        return True

    def deliver(
        self, archive: Path, recipient: Recipient, protocol: Protocol, handoff_id: str
    ) -> Delivery:
        """UPLOADED once the server renamed the verified file; uncertain without its answer."""
        listed = allowed_recipient(recipient, protocol, "sftp")
        target = self._target(listed)
        name = attachment_name(handoff_id)
        folder_hash = hashlib.sha256(target.folder.encode("utf-8")).hexdigest()
        details = {"channel": self.name, "host": target.host, "port": target.port}
        details |= {"folder_sha256": folder_hash} | archive_details(archive)
        transport = self._transport(target)
        try:
            client = paramiko.SFTPClient.from_transport(transport)
            assert client is not None
            client.get_channel().settimeout(self.timeout)  # a stalled server must not hang the app
            self._upload(client, archive, target.folder, name)
        except _Uncertain:
            problem = _fail("sftp_no_final_reply", host=target.host, name=name)
            uncertain = details | {"reason": problem.code}
            return Delivery(Step.DELIVERY_UNCERTAIN, uncertain, None, problem)
        except PermissionError:
            raise _fail("sftp_permission_denied", host=target.host) from None
        except (OSError, EOFError, paramiko.SSHException):
            raise _lost(target) from None
        finally:
            transport.close()
        return Delivery(Step.UPLOADED, details)


class _Uncertain(Exception):
    """The rename was asked and no answer came back."""


#: A ``.part`` older than this is a broken upload's leftover, not a colleague's upload.
STALE_PART_SECONDS = 3600


def _remove_stale_parts(client: paramiko.SFTPClient, folder: str) -> None:
    """Delete our own ``.HO-….7z.part`` leftovers; never anything Handoff did not name."""
    now = time.time()
    for entry in client.listdir_attr(folder):
        if not (entry.filename.startswith(".") and entry.filename.endswith(".7z.part")):
            continue
        if entry.st_mode is not None and not stat.S_ISREG(entry.st_mode):
            continue
        if (entry.st_mtime or 0) < now - STALE_PART_SECONDS:
            try:
                client.remove(posixpath.join(folder, entry.filename))
            except OSError:
                continue  # someone else's leftover we may not touch: not our upload's concern


def _same_file(client: paramiko.SFTPClient, path: str, archive: Path) -> bool:
    """Whether the remote file holds exactly this archive's bytes (read back and hashed)."""
    if client.stat(path).st_size != archive.stat().st_size:
        return False
    digest = hashlib.sha256()
    with client.open(path, "rb") as remote:
        remote.prefetch()
        for chunk in iter(lambda: remote.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest() == archive_details(archive)["archive_sha256"]


def _exists(client: paramiko.SFTPClient, path: str) -> bool:
    try:
        client.stat(path)
    except FileNotFoundError:
        return False
    return True


def _unreachable(target: Target) -> HandoffError:
    return _fail("sftp_unreachable", host=target.host, port=target.port)


def _incomplete(name: str) -> HandoffError:
    return _fail("sftp_incomplete", name=name)


def _lost(target: Target) -> HandoffError:
    return _fail("sftp_connection_lost", host=target.host)
