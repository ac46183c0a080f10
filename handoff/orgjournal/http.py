"""Signed requests to the journal service (standard library HTTP: the desktop gains no dependency).

Failures become bilingual :class:`HandoffError`: ``orgjournal_unreachable``
(the network or the service is down: the caller retries later, nothing is
lost), ``orgjournal_untrusted`` (its certificate does not verify against the
system's CAs or ``[journal] cafile``), ``orgjournal_refused`` (the service said
no: retrying will not help), ``orgjournal_server_error``.
"""

from __future__ import annotations

import json
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handoff.core.errors import HandoffError
from handoff.core.i18n import Text
from handoff.core.tlog import wire

TIMEOUT = 30.0

REFUSED = {
    "token_invalid": Text(
        "Deze inschrijvingscode is ongeldig of al gebruikt. Vraag uw IT-dienst een nieuwe.",
        "This enrolment code is invalid or already used. Ask your IT desk for a new one.",
    ),
    "clock": Text(
        "De klok van deze computer wijkt meer dan vijf minuten af van die van de logboekserver. "
        "Laat uw IT-dienst de tijd van deze computer juist zetten.",
        "This computer's clock is more than five minutes off the journal server's. "
        "Ask your IT desk to set this computer's time right.",
    ),
    "unauthenticated": Text(
        "De logboekserver herkent deze computer niet. Laat hem opnieuw inschrijven.",
        "The journal server does not recognise this computer. Have it enrolled again.",
    ),
    "forbidden": Text(
        "Deze inschrijving mag dit niet: alleen de DPO leest het logboek van de hele organisatie.",
        "This enrolment may not do this: only the DPO reads the whole organisation's journal.",
    ),
    "not_allowed": Text(
        "De logboekserver weigert een record met een veld buiten de toegelaten lijst ({field}). "
        "Meld het aan uw IT-dienst.",
        "The journal server refuses a record with a field outside the allowed list ({field}). "
        "Report it to your IT desk.",
    ),
}
_OTHER = Text(
    "De logboekserver weigert de vraag ({problem}). Meld het aan uw IT-dienst.",
    "The journal server refuses the request ({problem}). Report it to your IT desk.",
)


def unreachable(url: str) -> HandoffError:
    return HandoffError(
        "orgjournal_unreachable",
        Text(
            "De logboekserver {url} is niet bereikbaar. Uw werk gaat gewoon door; de records "
            "worden later doorgestuurd.",
            "The journal server {url} cannot be reached. Your work goes on; the records are "
            "sent later.",
        ),
        url=url,
    )


def untrusted(url: str) -> HandoffError:
    """The server's certificate does not verify: retrying will not help, IT must act.

    Said apart from "unreachable", which sends IT looking at the network while
    the fix is the organisation's CA bundle (``[journal] cafile``) or the
    server's certificate. Verification is never switched off.
    """
    return HandoffError(
        "orgjournal_untrusted",
        Text(
            "Het certificaat van de logboekserver {url} wordt niet vertrouwd. Er is niets "
            "verstuurd; de records blijven wachten. Meld het aan uw IT-dienst.",
            "The certificate of the journal server {url} is not trusted. Nothing was sent; "
            "the records keep waiting. Report it to your IT desk.",
        ),
        url=url,
    )


def _refused(status: int, data: dict) -> HandoffError:
    code = str(data.get("problem", status))
    if status >= 500:
        return HandoffError(
            "orgjournal_server_error",
            Text(
                "De logboekserver heeft een fout (code {status}). Probeer later opnieuw.",
                "The journal server has an error (code {status}). Try again later.",
            ),
            status=status,
        )
    text = REFUSED.get(code, _OTHER)
    return HandoffError("orgjournal_refused", text, problem=code, field=str(data.get("field", "")))


class Client:
    """One enrolment's view of the service; ``key`` None only for enrolment itself."""

    def __init__(
        self,
        url: str,
        machine_id: int | None = None,
        key: Ed25519PrivateKey | None = None,
        *,
        cafile: str | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        self.url = url.rstrip("/")
        self.machine_id = machine_id
        self.key = key
        self.timeout = timeout
        self.context = (
            ssl.create_default_context(cafile=cafile or None)
            if self.url.startswith("https")
            else None
        )

    def _request(self, method: str, target: str, payload: Any = None) -> urllib.request.Request:
        body = b"" if payload is None else json.dumps(payload, separators=(",", ":")).encode()
        request = urllib.request.Request(self.url + target, data=body or None, method=method)
        request.add_header("Content-Type", "application/json")
        if self.key is not None and self.machine_id is not None:
            moment = int(time.time())
            signature = self.key.sign(wire.request_message(method, target, moment, body))
            request.add_header(wire.HEADER, wire.auth_header(self.machine_id, moment, signature))
        return request

    @contextmanager
    def _open(self, method: str, target: str, payload: Any = None) -> Iterator[IO[bytes]]:
        request = self._request(method, target, payload)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout, context=self.context) as r:
                yield r
        except urllib.error.HTTPError as exc:
            try:
                data = json.loads(exc.read() or b"{}")
            except ValueError:
                data = {}
            raise _refused(exc.code, data if isinstance(data, dict) else {}) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ssl.SSLCertVerificationError):
                raise untrusted(self.url) from None
            raise unreachable(self.url) from None
        except ssl.SSLCertVerificationError:
            raise untrusted(self.url) from None
        except (OSError, TimeoutError):
            raise unreachable(self.url) from None

    def call(self, method: str, target: str, payload: Any = None) -> dict:
        with self._open(method, target, payload) as response:
            try:
                data = json.loads(response.read())
            except (ValueError, OSError):
                raise unreachable(self.url) from None
        if not isinstance(data, dict):
            raise _refused(502, {})
        return data

    def lines(self, target: str) -> Iterator[bytes]:
        """A streamed text answer, line by line, without the newline (the DPO's download).

        Read in blocks of a megabyte: ``readline`` on a chunked answer costs more
        than the audit's hashing at a million lines.
        """
        with self._open("GET", target) as response:
            rest = b""
            try:
                while block := response.read(1 << 20):
                    *complete, rest = (rest + block).split(b"\n")
                    yield from complete
            except OSError:
                raise unreachable(self.url) from None
            if rest:
                yield rest
