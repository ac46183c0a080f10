"""An HTTP server on loopback that answers like Twilio and CM.com, and records requests.

Honest modes: "accept", "reject_token" (401), "provider_error" (400 with a
body that echoes the number, as real providers do), "server_error" (500),
"busy" (429), "slow" (sleeps past the client's timeout, then accepts: the
ambiguous case).

Hostile modes (issue 18): "no_id" (Twilio 201 without a sid), "empty_200",
"html_200", "rejected" (CM errorCode 0 but the message ``Rejected``),
"error_200" (Twilio's error body with status 200), "echo_id" (the password
from the SMS text comes back as the message id), "echo_hex_id" (a
well-formed ``SM`` + 32 hex sid that contains the password), "echo_code" (the
password as error code and message), "drop" (reads the POST, then closes the
line without answering), "garbage" (answers bytes that are not HTTP),
"redirect" (302/307 to :attr:`Gateway.redirect_to`, a second host).

:func:`sms_target` is that second host: 127.0.0.2, a different loopback
address, answering like Twilio's success and recording every header it gets.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

SID, TOKEN = "AC" + "0123456789abcdef" * 2, "test-token"
_PASSWORD = re.compile(r"Wachtwoord/password: (.+)$")


@dataclass
class Gateway:
    """State shared with the handler: mode and what arrived."""

    mode: str = "accept"
    delay: float = 2.0
    requests: list[dict] = field(default_factory=list)
    url: str = ""
    redirect_to: str = ""
    redirect_status: int = 302


def _password_in(text: str) -> str:
    found = _PASSWORD.search(text)
    return found.group(1) if found else ""


def _twilio_hostile(mode: str, password: str) -> tuple[int, dict | bytes] | None:
    """Twilio-shaped answers that must never count as sent; None for the honest modes."""
    return {
        "no_id": (201, {"status": "queued"}),
        "error_200": (
            200,
            {"code": 21610, "message": "Attempt to send to unsubscribed recipient", "status": 400},
        ),
        "echo_id": (201, {"sid": password, "status": "queued"}),
        "echo_hex_id": (
            201,
            {"sid": "SM" + (password.replace("-", "") * 2).lower(), "status": "queued"},
        ),
        "echo_code": (400, {"code": password, "message": f"Invalid body {password}"}),
    }.get(mode)


def _twilio(gateway: Gateway, handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, dict]:
    """Twilio: form fields, Basic sid:token, 201 with "sid"."""
    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    auth = handler.headers.get("Authorization", "")
    expected = "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    gateway.requests.append({"path": handler.path, "form": form, "auth_ok": auth == expected})
    if auth != expected or gateway.mode == "reject_token":
        return 401, {"code": 20003, "message": "Authenticate", "status": 401}
    if gateway.mode == "provider_error":
        return 400, {"code": 21211, "message": f"The 'To' number {form.get('To')} is not valid."}
    hostile = _twilio_hostile(gateway.mode, _password_in(form.get("Body", "")))
    if hostile is not None:
        return hostile  # type: ignore[return-value]
    return 201, {"sid": f"SM{len(gateway.requests):032x}", "status": "queued"}


def _cm_message(msg: dict, status: str, code: int, reference: str | None = None) -> dict:
    return {
        "to": msg["to"][0]["number"],
        "status": status,
        "reference": msg["reference"] if reference is None else reference,
        "parts": 1 if status == "Accepted" else 0,
        "messageDetails": None if status == "Accepted" else "Rejected by the operator",
        "messageErrorCode": code,
    }


def _cm(gateway: Gateway, body: bytes) -> tuple[int, dict]:
    """CM.com: JSON with the product token inside, 200 with errorCode 0."""
    data = json.loads(body)
    gateway.requests.append({"json": data})
    token = data["messages"]["authentication"]["producttoken"]
    msg = data["messages"]["msg"][0]
    password = _password_in(msg["body"]["content"])
    if token != TOKEN or gateway.mode == "reject_token":
        return 401, {"details": "Authentication of the request failed", "errorCode": 101}
    if gateway.mode == "provider_error":
        number = msg["to"][0]["number"]
        return 400, {"details": f"Invalid number {number}", "errorCode": 304}
    if gateway.mode == "echo_code":
        return 400, {"details": f"Invalid body {password}", "errorCode": password}
    if gateway.mode == "error_200":
        return 200, {"details": "Body field invalid", "errorCode": 304, "messages": []}
    status, code, reference = "Accepted", 0, None
    if gateway.mode == "rejected":
        status, code = "Rejected", 403
    elif gateway.mode in ("echo_id", "echo_hex_id"):
        reference = password
    created = "Created 1 message(s)" if status == "Accepted" else "Created 0 message(s)"
    return 200, {
        "details": created,
        "errorCode": 0,
        "messages": [_cm_message(msg, status, code, reference)],
    }


_RAW_ANSWERS = {
    "empty_200": (200, "application/json", b""),
    "html_200": (200, "text/html", b"<html><body><h1>Welcome to nginx!</h1></body></html>"),
}


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if gateway.mode == "redirect":
                gateway.requests.append({"path": self.path, "redirected": True})
                self._send(gateway.redirect_status, "text/plain", b"", gateway.redirect_to)
                return
            if gateway.mode in ("server_error", "busy"):
                gateway.requests.append({"path": self.path})
                status = 500 if gateway.mode == "server_error" else 429
                self._json(status, {"errorCode": 999, "details": "internal"})
                return
            if self.path == "/v1.0/message":
                status, answer = _cm(gateway, body)
            else:
                status, answer = _twilio(gateway, self, body)
            if gateway.mode == "slow":  # accepted and recorded, but the answer comes too late
                time.sleep(gateway.delay)
            self._hostile_or_json(status, answer)

        def _hostile_or_json(self, status: int, answer: dict) -> None:
            if gateway.mode == "drop":  # took the POST, then the line goes dead
                self.close_connection = True
                return
            if gateway.mode == "garbage":
                self.wfile.write(b"\x16\x03\x01 not an HTTP answer at all\r\n\r\n")
                self.close_connection = True
                return
            if gateway.mode in _RAW_ANSWERS:
                self._send(*_RAW_ANSWERS[gateway.mode])
                return
            self._json(status, answer)

        def _json(self, status: int, answer: dict) -> None:
            self._send(status, "application/json", json.dumps(answer).encode())

        def _send(self, status: int, kind: str, raw: bytes, location: str = "") -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(raw)))
                if location:
                    self.send_header("Location", location)
                self.end_headers()
                self.wfile.write(raw)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting ("slow"): that is the point

    return Handler


@contextmanager
def _serve(handler: type[BaseHTTPRequestHandler], host: str) -> Iterator[str]:
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def sms_gateway(mode: str = "accept") -> Iterator[Gateway]:
    """Serve on 127.0.0.1 until the block ends."""
    gateway = Gateway(mode=mode)
    with _serve(_handler(gateway), "127.0.0.1") as url:
        gateway.url = url
        yield gateway


@dataclass
class Target:
    """The host a hostile gateway redirects to; records what reached it."""

    url: str = ""
    requests: list[dict] = field(default_factory=list)


@contextmanager
def sms_target(host: str = "127.0.0.2") -> Iterator[Target]:
    """A second loopback host that would answer like Twilio's success and records all headers."""
    target = Target()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _record(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
            target.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
            raw = json.dumps({"sid": "SM" + "ab" * 16, "status": "queued"}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        do_POST = do_GET = _record

    with _serve(Handler, host) as url:
        target.url = url
        yield target
